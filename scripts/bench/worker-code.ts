/**
 * Code run inside the extension's service worker, as a plain JavaScript string (not a serialised
 * TypeScript function: tsx's keepNames would wrap named functions in a `__name` helper that does
 * not exist there). It installs `globalThis.__bench` with raw-IndexedDB helpers: bulk seeding,
 * a replica of `recordReport`'s transaction (lib/db/papers-repo.ts) timed with performance.now(),
 * and the storage.local baseline (the whole library as one object, read and rewritten per view).
 */
export const WORKER_CODE = String.raw`
(() => {
  const DB = 'papers-radar';
  const openDb = () => new Promise((resolve, reject) => {
    const r = indexedDB.open(DB);
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const done = (tx) => new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error || new Error('aborted'));
  });
  const pad = (n, w) => String(n).padStart(w, '0');
  // Synthetic arXiv-style ids, prefix 23 (the seed pages' ids start with 24): unique for i < 1.2M.
  const idFor = (i) => '23' + pad(1 + (i % 12), 2) + '.' + pad(Math.floor(i / 12), 5);
  const BASE = Date.UTC(2025, 0, 1);
  const recordFor = (i, seeds) => {
    const s = seeds[i % seeds.length];
    return {
      id: idFor(i), title: s.title + ' #' + i, summary: s.summary,
      authors: ['Ada Lovelace', 'Alan Turing', 'Grace Hopper'], organization: 'Example Lab',
      upvotes: i % 300, numComments: i % 7, publishedAt: new Date(BASE + i * 60000).toISOString(),
      firstSeenAt: BASE + i * 60000, lastSeenAt: BASE + i * 60000,
    };
  };
  globalThis.__bench = {
    idFor,
    async count() {
      const db = await openDb();
      try {
        const tx = db.transaction('papers');
        return await new Promise((res, rej) => { const r = tx.objectStore('papers').count(); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
      } finally { db.close(); }
    },
    /** Adds synthetic records from index 'from' up to 'to' (exclusive), 5,000 per transaction. */
    async seed(from, to, seeds) {
      const db = await openDb();
      try {
        for (let start = from; start < to; start += 5000) {
          const tx = db.transaction('papers', 'readwrite');
          const store = tx.objectStore('papers');
          for (let i = start; i < Math.min(to, start + 5000); i++) store.put(recordFor(i, seeds));
          await done(tx);
        }
      } finally { db.close(); }
    },
    /** recordReport's transaction, replicated: latest visit read + put, 50 gets, 50 merged puts. */
    async replicaReport(infos) {
      const db = await openDb();
      try {
        const now = Date.now();
        const t0 = performance.now();
        const tx = db.transaction(['papers', 'visits'], 'readwrite');
        const visits = tx.objectStore('visits');
        const c = visits.openCursor(null, 'prev');
        c.onsuccess = () => {
          const latest = c.result && c.result.value;
          const visit = latest && now - latest.end <= 1800000
            ? { start: latest.start, end: Math.max(now, latest.end), views: latest.views + 1 }
            : { start: now, end: now, views: 1 };
          visits.put(visit);
          const papers = tx.objectStore('papers');
          let left = infos.length;
          const got = new Array(infos.length);
          infos.forEach((info, i) => {
            const g = papers.get(info.id);
            g.onsuccess = () => {
              got[i] = g.result;
              if (--left === 0) {
                infos.forEach((inf, j) => {
                  const old = got[j];
                  papers.put(Object.assign({}, old, inf, {
                    firstSeenAt: Math.min(old ? old.firstSeenAt : visit.end, visit.end),
                    lastSeenAt: Math.max(old ? old.lastSeenAt : visit.end, visit.end),
                  }));
                });
              }
            };
          });
        };
        await done(tx);
        return performance.now() - t0;
      } finally { db.close(); }
    },
    /** Baseline seeding: the same records as one object under one storage.local key. */
    async baselineSeed(n, seeds) {
      const library = {};
      for (let i = 0; i < n; i++) { const r = recordFor(i, seeds); library[r.id] = r; }
      await chrome.storage.local.clear();
      try { await chrome.storage.local.set({ library }); return { ok: true, bytes: JSON.stringify(library).length }; }
      catch (e) { return { ok: false, error: String(e && e.message || e), bytes: JSON.stringify(library).length }; }
    },
    /** Baseline page view: get the whole object, merge the page's papers, set it back. */
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
      return { ms: performance.now() - t0, error, size: Object.keys(library).length };
    },
    /**
     * When storage.local refuses the object (quota), the same work in memory: a structured clone
     * (what get() deserialises), the merge, and a JSON serialisation (what set() writes): a lower bound.
     */
    baselineInMemory(n, seeds, infos) {
      const library = {};
      for (let i = 0; i < n; i++) { const r = recordFor(i, seeds); library[r.id] = r; }
      const t0 = performance.now();
      const copy = structuredClone(library);
      for (const info of infos) copy[info.id] = Object.assign({}, copy[info.id], info);
      const json = JSON.stringify(copy);
      return { ms: performance.now() - t0, bytes: json.length };
    },
    async estimate() {
      const e = await navigator.storage.estimate();
      return { usage: e.usage, quota: e.quota };
    },
  };
  return true;
})()
`;
