import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { messageOrigin, requestSchemas, type Request } from '../messages/protocol';
import { paperId, paperInfo, papers } from '../db/test-papers';
import { createHandlers } from './handlers';
import { contentSender, extensionSender, PAPERS_PAGE, setupBackground } from './test-background';

const report = (overrides: Partial<Request<'reportPage'>> = {}): Request<'reportPage'> => ({
  url: PAPERS_PAGE,
  kind: 'trending',
  papers: papers(1, 3),
  skipped: 0,
  ...overrides,
});

/** Nothing in the database, no tab page, no badge: a refused message wrote nothing. */
async function expectNothingWritten(bg: ReturnType<typeof setupBackground>) {
  const db = await bg.db();
  expect(await db.count('papers')).toBe(0);
  expect(await db.count('visits')).toBe(0);
  expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  expect(await fakeBrowser.action.getBadgeText({ tabId: 1 })).toBe('');
}

describe('conventions', () => {
  it('has a handler and a sender rule for every message type', () => {
    const handlers = createHandlers(setupBackground().deps);
    for (const type of Object.keys(requestSchemas)) {
      expect(handlers, type).toHaveProperty(type, expect.any(Function));
      expect(messageOrigin, type).toHaveProperty(type);
    }
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(requestSchemas).sort());
  });
});

describe('router refusals', () => {
  const content = contentSender();
  const popup = extensionSender();
  const huge = papers(1, 3001);

  it.each([
    ['a non-object', 'reportPage', content, /not a \{type, data\} request/],
    [
      'an unknown type',
      { type: 'deleteEverything', data: {} },
      content,
      /unknown type "deleteEverything"/,
    ],
    ['a prototype key as type', { type: 'toString', data: {} }, content, /unknown type "toString"/],
    [
      'a missing data',
      { type: 'reportPage' },
      content,
      /Refused reportPage: invalid data at data: /,
    ],
    [
      'a wrong shape',
      { type: 'reportPage', data: { ...report(), papers: 'x' } },
      content,
      /at papers: Invalid type/,
    ],
    [
      'an extra field',
      { type: 'reportPage', data: { ...report(), firstSeenAt: 1 } },
      content,
      /at firstSeenAt: Invalid key/,
    ],
    [
      'too many papers',
      { type: 'reportPage', data: report({ papers: huge }) },
      content,
      /at papers: Invalid length: Expected <=3000/,
    ],
    [
      'a 100 kB title',
      {
        type: 'reportPage',
        data: report({ papers: [paperInfo(1, { title: 'x'.repeat(100_000) })] }),
      },
      content,
      /at papers\.0\.title: Invalid length: Expected <=1000 but received 100000/,
    ],
    [
      'a bad paper id',
      { type: 'reportPage', data: report({ papers: [paperInfo(1, { id: '../../etc' })] }) },
      content,
      /at papers\.0\.id: is not an arXiv id/,
    ],
    [
      'a web page sender',
      { type: 'reportPage', data: report() },
      contentSender(1, 'https://evil.example/papers'),
      /only from the content script.*"https:\/\/evil\.example\/papers"/,
    ],
    [
      'a look-alike host',
      { type: 'reportPage', data: report() },
      contentSender(1, 'https://huggingface.co.evil.example/papers'),
      /only from the content script/,
    ],
    [
      'a papers-prefixed path',
      { type: 'reportPage', data: report() },
      contentSender(1, 'https://huggingface.co/papersXYZ'),
      /only from the content script/,
    ],
    [
      'another extension',
      { type: 'reportPage', data: report() },
      { ...content, id: 'other-extension' },
      /another extension or a web page/,
    ],
    [
      'a frame',
      { type: 'reportPage', data: report() },
      { ...content, frameId: 3 },
      /it comes from a frame/,
    ],
    [
      'no tab',
      { type: 'reportPage', data: report() },
      { ...content, tab: undefined },
      /does not come from a tab/,
    ],
    [
      'an extension page sending reportPage',
      { type: 'reportPage', data: report() },
      popup,
      /Refused reportPage: it is accepted only from the content script/,
    ],
    [
      'a content script starring',
      { type: 'setStarred', data: { id: paperId(1), starred: true } },
      content,
      /Refused setStarred: it is accepted only from the extension's own pages/,
    ],
    [
      'a content script importing',
      { type: 'importLibrary', data: { backup: {} } },
      content,
      /Refused importLibrary/,
    ],
    [
      'a content script listing',
      { type: 'listPapers', data: { view: 'all', query: '', offset: 0, limit: 10 } },
      content,
      /Refused listPapers/,
    ],
    [
      'an extension page framed in a web page',
      { type: 'getStatus', data: {} },
      { ...popup, tab: contentSender().tab },
      /framed in a web page/,
    ],
  ])('refuses %s with a clear error and writes nothing', async (_name, message, sender, error) => {
    const bg = setupBackground();
    const reply = await bg.sendRaw(message, sender);
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(error) });
    await expectNothingWritten(bg);
  });

  it('accepts an extension page opened in its own tab', async () => {
    const bg = setupBackground();
    const page = extensionSender('/options.html');
    const sender = { ...page, tab: { ...contentSender().tab, url: page.url } as typeof page.tab };
    expect(await bg.sendRaw({ type: 'getStatus', data: {} }, sender)).toMatchObject({ ok: true });
  });

  it('refuses undoHide for a paper the tab did not report, and keeps it hidden', async () => {
    const bg = setupBackground();
    await bg.send('reportPage', report(), contentSender(1));
    await bg.send('reportPage', report({ papers: [paperInfo(9)] }), contentSender(2));
    await bg.send('setHidden', { id: paperId(9), hidden: true }, extensionSender());
    const reply = await bg.sendRaw(
      { type: 'undoHide', data: { id: paperId(9) } },
      contentSender(1),
    );
    expect(reply).toEqual({
      ok: false,
      error: `Refused undoHide: paper ${paperId(9)} is not on the page this tab reported`,
    });
    expect((await (await bg.db()).get('papers', paperId(9)))?.hiddenAt).toBeDefined();
  });
});

describe('router listener', () => {
  it('answers through sendResponse and returns true when one is passed', async () => {
    const bg = setupBackground();
    const sendResponse = vi.fn();
    const returned = bg.router.listener(
      { type: 'getStatus', data: {} },
      extensionSender(),
      sendResponse,
    );
    expect(returned).toBe(true);
    await vi.waitFor(() =>
      expect(sendResponse).toHaveBeenCalledWith(expect.objectContaining({ ok: true })),
    );
  });

  it('is reached through browser.runtime.sendMessage', async () => {
    const bg = setupBackground();
    // As the entrypoint registers it; under vitest `wxt/browser` is the fake browser.
    browser.runtime.onMessage.addListener(bg.router.listener);
    // The fake passes an empty sender: not an extension page, so refused, but answered.
    const reply = await browser.runtime.sendMessage({ type: 'getStatus', data: {} });
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/Refused getStatus/) });
  });
});
