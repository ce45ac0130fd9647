/**
 * Issue #4, point 8: no analytics, no third-party requests. During a whole session (list, trending
 * and paper pages; the popup's views, search, star, hide and unhide; a worker restart) every
 * network request of the browser context, of its service worker and of the papers tab (with its
 * initiator, through CDP) is recorded. The extension makes no request at all except for its own
 * files: none from its service worker, its pages only to chrome-extension://<id>/, and nothing
 * script-initiated in the papers tab (the replayed pages run no script of their own, so a
 * script-initiated request there could only come from the content script). Every other request is
 * the saved page's own (its HTML names it) or goes to huggingface.co (the replay server).
 * Canaries first prove that each channel is really observed. (Private windows: manifest.e2e.ts and
 * lib/background/page-handlers.test.ts.)
 */
import { readFileSync } from 'node:fs';
import type { Request } from 'playwright-core';
import { expect, it } from 'vitest';
import { MARK } from '../lib/content/marks';
import { killServiceWorker, tabIdForUrl } from './support/browser';
import { fixtureDailyPapers } from './support/page-builder';
import { PapersPage } from './support/papers-page';
import { FIXTURE } from './support/paths';
import { PopupPage } from './support/popup-page';
import { useExtension } from './support/session';

const e2e = useExtension();
const CANARY = 'e2e-canary';

interface Seen {
  url: string;
  fromWorker: boolean;
  frame: string | null;
}

interface Initiated {
  url: string;
  type: string;
  /** Every script URL on the initiator's stack. */
  scripts: string[];
}

function frameOf(request: Request): string | null {
  try {
    return request.frame().url();
  } catch {
    return null; // A service worker's request has no frame.
  }
}

/** The saved pages' own text (entities as the URLs need them), to tell their requests apart. */
const savedPages = [FIXTURE.daily, FIXTURE.paper, FIXTURE.trending]
  .map((file) => readFileSync(file, 'utf8'))
  .join('\n')
  .replace(/&amp;/g, '&');

it('the extension makes no network request of its own during page views and popup use', async () => {
  const { ext, server } = e2e;
  const seen: Seen[] = [];
  ext.context.on('request', (request) => {
    seen.push({
      url: request.url(),
      fromWorker: request.serviceWorker() !== null,
      frame: frameOf(request),
    });
  });
  const tab = await ext.context.newPage();
  const cdp = await ext.context.newCDPSession(tab);
  const initiated: Initiated[] = [];
  cdp.on('Network.requestWillBeSent', ({ request, initiator }) => {
    const scripts: string[] = [];
    for (let stack = initiator.stack; stack; stack = stack.parent) {
      scripts.push(...stack.callFrames.map((frame) => frame.url));
    }
    initiated.push({
      url: request.url,
      type: initiator.type,
      scripts: [initiator.url ?? '', ...scripts],
    });
  });
  await cdp.send('Network.enable');

  const page = new PapersPage(tab);
  await page.goto(server.url('/papers'));
  const tabId = await tabIdForUrl(ext, page.url());
  const popup = await PopupPage.openOver(ext, tabId);

  // Canaries: a request from the worker, from an extension page and from a script in the tab.
  await ext.serviceWorker.evaluate(
    (url) => fetch(url).catch(() => undefined),
    `http://${CANARY}.invalid/worker`,
  );
  await popup.page.evaluate(
    (url) => fetch(url).catch(() => undefined),
    `http://${CANARY}.invalid/popup`,
  );
  await tab.evaluate((url) => fetch(url).catch(() => undefined), `/papers/${CANARY}`);
  await expect.poll(() => seen.filter((s) => s.url.includes(CANARY)).length).toBe(3);
  expect(seen.find((s) => s.url.endsWith('/worker'))?.fromWorker).toBe(true);
  expect(seen.find((s) => s.url.endsWith('/popup'))?.frame).toMatch(/^chrome-extension:\/\//);
  await expect.poll(() => initiated.find((i) => i.url.includes(CANARY))?.type).toBe('script');

  // A whole session.
  const [starred, hidden] = fixtureDailyPapers();
  if (!starred || !hidden) throw new Error('The fixture has fewer papers than expected');
  await popup.page.getByRole('searchbox').fill('diffusion');
  await popup.page.getByRole('searchbox').fill('');
  await popup.waitForList();
  await popup.toggleStar(starred.title);
  await page.waitForCardAttribute(starred.id, MARK.starred, true);
  await popup.toggleHidden(hidden.title);
  await page.waitForCardAttribute(hidden.id, MARK.hidden, true);
  await popup.selectView('hidden');
  await page.clickUndo(hidden.id);
  await page.waitForCardAttribute(hidden.id, MARK.hidden, false);
  await popup.selectView('all');
  await killServiceWorker(ext);
  await page.goto(server.url('/papers/trending'));
  await page.goto(server.url('/papers/2509.24002'));
  await popup.page.reload();
  await popup.waitForList();
  await popup.close();

  const own = `chrome-extension://${ext.extensionId}/`;
  const real = seen.filter((s) => !s.url.includes(CANARY));
  expect(real.length).toBeGreaterThan(10); // The pages' own requests were observed.
  // The worker: not one request, except (on a restart) for its own files.
  expect(real.filter((s) => s.fromWorker && !s.url.startsWith(own)).map((s) => s.url)).toEqual([]);
  // The extension's pages: only its own files.
  const fromPages = real.filter((s) => s.frame?.startsWith('chrome-extension://'));
  expect(fromPages.length).toBeGreaterThan(0);
  expect(fromPages.filter((s) => !s.url.startsWith(own)).map((s) => s.url)).toEqual([]);
  // The papers tab: nothing initiated by a script (ours is the only script there) or by us.
  const scripted = initiated.filter(
    (i) =>
      !i.url.includes(CANARY) &&
      (i.type === 'script' || i.scripts.some((url) => url.startsWith('chrome-extension://'))),
  );
  expect(scripted.map((i) => `${i.type} ${i.url}`)).toEqual([]);
  expect(initiated.filter((i) => i.type === 'parser').length).toBeGreaterThan(10);
  // Everything else is the saved pages' own, or the replayed huggingface.co.
  const elsewhere = real.filter((s) => {
    if (s.url.startsWith(own)) return false;
    const { protocol, hostname } = new URL(s.url);
    if (protocol === 'data:' || hostname === 'huggingface.co') return false;
    return !savedPages.includes(s.url);
  });
  expect(elsewhere.map((s) => s.url)).toEqual([]);
});
