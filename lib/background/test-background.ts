/** A background under test: the real router and handlers, a fake clock, a fresh database. */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import { vi } from 'vitest';
import type { MessageType, Reply, Request, Responses, StatesChanged } from '../messages/protocol';
import { connectDb } from '../db/open-db';
import { GAP, papers, T0 } from '../db/test-papers';
import { createHandlers } from './handlers';
import { createRouter } from './router';
import type { Sender } from './sender';
import { setStorageError } from './session-state';

export const PAPERS_PAGE = 'https://huggingface.co/papers/trending';
let databases = 0;

export function contentSender(
  tabId = 1,
  url = PAPERS_PAGE,
  tab: Partial<Browser.tabs.Tab> = {},
): Sender {
  return {
    id: fakeBrowser.runtime.id,
    url,
    frameId: 0,
    tab: { id: tabId, url, incognito: false, index: 0, active: true, ...tab } as Browser.tabs.Tab,
  };
}

export function extensionSender(page = '/popup.html'): Sender {
  return { id: fakeBrowser.runtime.id, url: `chrome-extension://${fakeBrowser.runtime.id}${page}` };
}

export function setupBackground() {
  databases += 1;
  const connection = connectDb(`papers-radar-bg-${databases}`);
  let clock = T0;
  const deps = { db: connection.get, now: () => clock, visitGapMs: async () => GAP };
  const router = createRouter(createHandlers(deps), { onStorageError: setStorageError });
  return {
    deps,
    router,
    db: connection.get,
    advance(ms: number) {
      clock += ms;
    },
    /** Sends a raw message, as any sender could. */
    sendRaw(message: unknown, sender: Sender) {
      return router.listener(message, sender) as Promise<Reply<unknown>>;
    },
    /** Sends a typed request and returns the reply's data, failing on a refusal. */
    async send<T extends MessageType>(type: T, data: Request<T>, sender: Sender) {
      const reply = (await router.listener({ type, data }, sender)) as Reply<unknown>;
      if (!reply.ok) throw new Error(reply.error);
      return reply.data as Responses[T];
    },
  };
}

export const report = (ids: [number, number], url = PAPERS_PAGE): Request<'reportPage'> => ({
  url,
  kind: 'trending',
  papers: papers(...ids),
  skipped: 0,
});
export const popup = extensionSender();
export const badge = (tabId: number) => fakeBrowser.action.getBadgeText({ tabId });

/**
 * Open papers tabs as browser.tabs.query reports them (the fake cannot match URL patterns nor
 * send to tabs); tab 3 has no listener.
 */
export function openTabs(...ids: number[]) {
  const tabs = ids.map((id) => ({ id, url: PAPERS_PAGE }) as Browser.tabs.Tab);
  const query = vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue(tabs);
  const sent: [number, StatesChanged][] = [];
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(
    async (tabId: number, message: unknown) => {
      if (tabId === 3)
        throw new Error('Could not establish connection. Receiving end does not exist.');
      sent.push([tabId, message as StatesChanged]);
    },
  );
  return { query, sent };
}
