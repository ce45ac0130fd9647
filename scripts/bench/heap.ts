/**
 * JS heap in use after a forced garbage collection (CDP `HeapProfiler.collectGarbage`, then
 * `Runtime.getHeapUsage`), for a page and for the extension's service worker.
 *
 * Playwright opens CDP sessions on pages and frames only. For the worker, a browser-level session
 * attaches to its target without flattening (`Target.attachToTarget` with `flatten: false`) and
 * talks to it with `Target.sendMessageToTarget` / `Target.receivedMessageFromTarget`, next to the
 * session Playwright itself keeps on the worker.
 */
import type { CDPSession, Page } from 'playwright-core';
import type { ExtensionBrowser } from '../../e2e/support/browser';

export interface HeapUsage {
  /** V8 heap bytes in use. */
  usedSize: number;
  /** V8 heap bytes allocated. */
  totalSize: number;
}

type Send = (method: string, params?: object) => Promise<unknown>;

async function heapAfterGc(send: Send): Promise<HeapUsage> {
  await send('HeapProfiler.collectGarbage');
  const { usedSize, totalSize } = (await send('Runtime.getHeapUsage')) as HeapUsage;
  return { usedSize, totalSize };
}

export async function pageHeap(ext: ExtensionBrowser, page: Page): Promise<HeapUsage> {
  const session = await ext.context.newCDPSession(page);
  try {
    return await heapAfterGc((method, params) =>
      session.send(method as 'Runtime.getHeapUsage', params),
    );
  } finally {
    await session.detach();
  }
}

export async function workerHeap(ext: ExtensionBrowser): Promise<HeapUsage> {
  const browser = ext.context.browser();
  if (!browser) throw new Error('No Browser behind this context: cannot open a CDP session');
  const session = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = await session.send('Target.getTargets');
    const worker = targetInfos.find(
      (t) =>
        t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${ext.extensionId}/`),
    );
    if (!worker) throw new Error('The extension has no running service worker');
    const { sessionId } = await session.send('Target.attachToTarget', {
      targetId: worker.targetId,
      flatten: false,
    });
    try {
      return await heapAfterGc(targetSender(session, sessionId));
    } finally {
      await session.send('Target.detachFromTarget', { sessionId });
    }
  } finally {
    await session.detach();
  }
}

/** Request/response over a non-flattened target session. */
function targetSender(session: CDPSession, sessionId: string): Send {
  let lastId = 0;
  const pending = new Map<number, (reply: { result?: unknown; error?: unknown }) => void>();
  session.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const reply = JSON.parse(event.message) as { id?: number; result?: unknown; error?: unknown };
    if (reply.id !== undefined) pending.get(reply.id)?.(reply);
  });
  return (method, params = {}) =>
    new Promise((resolve, reject) => {
      const id = ++lastId;
      const timer = setTimeout(() => reject(new Error(`${method}: no reply in 60 s`)), 60_000);
      pending.set(id, (reply) => {
        clearTimeout(timer);
        pending.delete(id);
        if (reply.error) reject(new Error(`${method}: ${JSON.stringify(reply.error)}`));
        else resolve(reply.result);
      });
      session
        .send('Target.sendMessageToTarget', {
          sessionId,
          message: JSON.stringify({ id, method, params }),
        })
        .catch(reject);
    });
}
