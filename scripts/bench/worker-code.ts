/**
 * Code run inside the extension's service worker (a plain JavaScript string, see records.ts). It
 * installs `globalThis.__bench`, once per worker, with:
 * - `lastReport()`: the product's own timing of its last page report, the User Timing measure
 *   `papers-radar:record-report` that lib/background/page-handlers.ts records around
 *   `recordReport` (it keeps only the latest one), plus how many such measures a
 *   PerformanceObserver saw since the previous call (one per navigation is expected);
 * - `takeDetails()`: the measures `papers-radar:record-details` (around `recordDetails`, one per
 *   batch of details a page sends once idle) seen since the previous call;
 * - `count()`, `estimate()`, `seedPapers()` (seed-library.ts);
 * - `replicaReport()`: a raw-IndexedDB replica of `recordReport`'s transaction, kept only as a
 *   cross-check of the product's figure;
 * - the storage.local baseline in the worker (the whole library as one object, read and
 *   rewritten per page view) and its in-memory lower bound when the quota refuses the object.
 */
import type { ExtensionBrowser } from '../../e2e/support/browser';
import { RECORDS_JS } from './records';
import { SEED_JS } from './seed-library';

export const REPORT_MEASURE = 'papers-radar:record-report';
/** lib/background/page-handlers.ts's DETAILS_MEASURE, around `recordDetails`. */
export const DETAILS_MEASURE = 'papers-radar:record-details';

export const WORKER_CODE = String.raw`
(() => {
  if (globalThis.__bench) return true;
  ${RECORDS_JS}
  ${SEED_JS}
  const MEASURE = ${JSON.stringify(REPORT_MEASURE)};
  const DETAILS = ${JSON.stringify(DETAILS_MEASURE)};
  const observed = [];
  const details = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.name === MEASURE) observed.push(e.duration);
        if (e.name === DETAILS) details.push({ ms: e.duration, papers: e.detail.papers, updated: e.detail.updated });
      }
    }).observe({ type: 'measure' });
  } catch (e) { /* no observer: lastReport().observed stays 0 */ }
  /** Opens the product's database without ever creating it (see seed-library.ts). */
  const openDb = () => new Promise((resolve, reject) => {
    const r = indexedDB.open('papers-radar');
    r.onupgradeneeded = () => r.transaction.abort();
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(new Error('papers-radar does not exist yet'));
  });
  const done = (tx) => new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error || new Error('aborted'));
  });
  const buildLibrary = (n, seeds) => {
    const library = {};
    for (let i = 0; i < n; i++) { const r = recordFor(i, seeds); library[r.id] = r; }
    return library;
  };
  globalThis.__bench = {
    lastReport() {
      const entries = performance.getEntriesByName(MEASURE);
      const last = entries[entries.length - 1];
      const seen = observed.splice(0);
      if (!last) return null;
      return {
        duration: last.duration, startTime: last.startTime,
        papers: last.detail ? last.detail.papers : null, observed: seen.length,
      };
    },
    /** The details transactions (one per batch) measured since the last call. */
    takeDetails() {
      return details.splice(0);
    },
    /** Entries of a store of the product's database: 'papers', or 'searchQueue' (index-build.ts). */
    async count(store = 'papers') {
      let db;
      try { db = await openDb(); } catch (e) { return 0; }
      try {
        const tx = db.transaction(store);
        return await new Promise((res, rej) => { const r = tx.objectStore(store).count(); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
      } finally { db.close(); }
    },
    seedPapers,
    async estimate() {
      const e = await navigator.storage.estimate();
      return { usage: e.usage, quota: e.quota };
    },
    /**
     * recordReport's transaction, replicated: the latest visit and the 50 papers read together,
     * then the visit and the 50 merged records written.
     */
    async replicaReport(infos) {
      const db = await openDb();
      try {
        const now = Date.now();
        const t0 = performance.now();
        const tx = db.transaction(['papers', 'visits'], 'readwrite');
        const visits = tx.objectStore('visits');
        const papers = tx.objectStore('papers');
        const got = new Array(infos.length);
        let latest;
        let left = infos.length + 1;
        const write = () => {
          if (--left > 0) return;
          const visit = latest && now - latest.end <= 1800000
            ? { start: latest.start, end: Math.max(now, latest.end), views: latest.views + 1 }
            : { start: now, end: now, views: 1 };
          visits.put(visit);
          infos.forEach((inf, j) => {
            const old = got[j];
            papers.put(Object.assign({}, old, inf, {
              firstSeenAt: Math.min(old ? old.firstSeenAt : visit.end, visit.end),
              lastSeenAt: Math.max(old ? old.lastSeenAt : visit.end, visit.end),
            }));
          });
        };
        const c = visits.openCursor(null, 'prev');
        c.onsuccess = () => { latest = c.result && c.result.value; write(); };
        infos.forEach((info, i) => {
          const g = papers.get(info.id);
          g.onsuccess = () => { got[i] = g.result; write(); };
        });
        await done(tx);
        return performance.now() - t0;
      } finally { db.close(); }
    },
    /** Baseline seeding: n records as one object under one storage.local key ("library"). */
    async baselineSeed(n, seeds) {
      const library = buildLibrary(n, seeds);
      const bytes = JSON.stringify(library).length;
      await chrome.storage.local.clear();
      try { await chrome.storage.local.set({ library }); return { ok: true, bytes }; }
      catch (e) { return { ok: false, error: String(e && e.message || e), bytes }; }
    },
    async baselineClear() {
      await chrome.storage.local.clear();
    },
    /** Baseline page view, done by the background: get the whole object, merge, set it back. */
    async baselineReport(infos) {
      const t0 = performance.now();
      const got = await chrome.storage.local.get('library');
      const library = got.library || {};
      const now = Date.now();
      for (const info of infos) {
        const old = library[info.id];
        library[info.id] = Object.assign({}, old, info, { firstSeenAt: old ? old.firstSeenAt : now, lastSeenAt: now });
      }
      let error = null;
      try { await chrome.storage.local.set({ library }); } catch (e) { error = String(e && e.message || e); }
      return { ms: performance.now() - t0, error };
    },
    /**
     * When storage.local refuses the object (quota), the same work in memory: a structured clone
     * (what get() deserialises), the merge, and a JSON serialisation (what set() writes): a lower bound.
     */
    baselineInMemory(n, seeds, infos) {
      const library = buildLibrary(n, seeds);
      const t0 = performance.now();
      const copy = structuredClone(library);
      for (const info of infos) copy[info.id] = Object.assign({}, copy[info.id], info);
      const json = JSON.stringify(copy);
      return { ms: performance.now() - t0, bytes: json.length };
    },
  };
  return true;
})()
`;

/**
 * Runs `body` (the inside of an async function) in the service worker, installing `__bench`
 * first if this worker does not have it yet (a fresh worker after a restart has not).
 */
export function inWorker<T>(ext: ExtensionBrowser, body: string): Promise<T> {
  return ext.serviceWorker.evaluate(`(async () => { ${WORKER_CODE}; ${body} })()`) as Promise<T>;
}
