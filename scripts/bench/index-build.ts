/**
 * The search index build after bulk seeding: a search from an extension page (the popup's own
 * message) makes the background index what is queued (a large backlog in the background, while
 * that search walks the records). Timed from that search until the queue is empty.
 */
import type { ExtensionBrowser } from '../../e2e/support/browser';
import { searchQueueDrained } from './settle';

export async function buildSearchIndex(ext: ExtensionBrowser): Promise<{ ms: number }> {
  const page = await ext.context.newPage();
  try {
    await page.goto(`chrome-extension://${ext.extensionId}/popup.html`);
    const t0 = Date.now();
    await page.evaluate(`(async () => {
      const reply = await chrome.runtime.sendMessage({
        type: 'listPapers',
        data: { view: 'all', query: 'zq', offset: 0, limit: 1 },
      });
      if (!reply || !reply.ok) throw new Error('index build search failed: ' + JSON.stringify(reply));
    })()`);
    await searchQueueDrained(ext, 15 * 60_000);
    const ms = Date.now() - t0;
    return { ms };
  } finally {
    await page.close();
  }
}
