/**
 * Lets the background go quiet before a section is measured: every page view queues its new
 * papers for the search index, which the background indexes 10 s after the last write, and a bulk
 * seed leaves LevelDB compacting for a while. A section measured meanwhile measures those writes
 * too (the 50-card page at 28.7 ms instead of 19.6 in one run of 2026-11-24, its visits beside
 * the indexing of the pages visited just before).
 */
import type { ExtensionBrowser } from '../../e2e/support/browser';
import { inWorker } from './worker-code';

/** Waits until nothing is queued for the search index; throws past `timeoutMs`. */
export async function searchQueueDrained(ext: ExtensionBrowser, timeoutMs: number): Promise<void> {
  const t0 = Date.now();
  for (;;) {
    const left = await inWorker<number>(ext, "return globalThis.__bench.count('searchQueue');");
    if (left === 0) return;
    if (Date.now() - t0 > timeoutMs)
      throw new Error(
        `the background did not index its queue within ${timeoutMs} ms: ${left} left`,
      );
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Waits until nothing is queued for the search index, then `quietMs` more. */
export async function settle(
  ext: ExtensionBrowser,
  { quietMs = 3000, timeoutMs = 60_000 } = {},
): Promise<void> {
  await searchQueueDrained(ext, timeoutMs);
  await new Promise((resolve) => setTimeout(resolve, quietMs));
}
