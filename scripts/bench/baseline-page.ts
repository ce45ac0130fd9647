/**
 * The storage.local baseline's extension page: `bench-baseline.html` + `bench-baseline.js`, added
 * to the bench's copy of the built extension (launch.ts) so that they run as a real extension
 * page, in the extension's renderer, with the same APIs as popup.html. Nothing of the product
 * changes.
 *
 * - `?mode=idle`: installs `window.__baseline` with the content script's storage step of the
 *   usual design (get the whole library object, merge the page's papers, set it back) and its
 *   in-memory lower bound, timed by the bench (performance.now() and CDP metrics).
 * - `?mode=popup`: a baseline popup: reads the whole library object, sorts it newest first,
 *   renders the first 50 rows as plain DOM; its search box filters the in-memory array on every
 *   input event (title, authors, summary) and renders the first 50 hits.
 *   `window.__firstRows` = performance.now() in the animation frame after the rows exist.
 * - `?mode=popup-memory`: the same popup when storage.local cannot hold the library (quota): the
 *   bench calls `__baseline.startInMemory(n, seeds)`, which builds the library (not timed) and
 *   then does the timed part with a structured clone standing in for get()'s deserialisation.
 */
import { RECORDS_JS } from './records';

export const BASELINE_PAGE = 'bench-baseline.html';

export const BASELINE_HTML = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>storage.local baseline</title></head>
<body>
<input type="search" class="search-box" aria-label="Search">
<ul class="rows"></ul>
<script src="bench-baseline.js"></script>
</body>
</html>
`;

export const BASELINE_JS = String.raw`
(() => {
  const scriptStart = performance.now();
  ${RECORDS_JS}
  const mode = new URLSearchParams(location.search).get('mode') || 'idle';
  const list = document.querySelector('ul.rows');
  const box = document.querySelector('input.search-box');
  let memoryLibrary = null;
  let papers = [];

  const merge = (library, infos) => {
    const now = Date.now();
    for (const info of infos) {
      const old = library[info.id];
      library[info.id] = Object.assign({}, old, info, { firstSeenAt: old ? old.firstSeenAt : now, lastSeenAt: now });
    }
  };
  const buildLibrary = (n, seeds) => {
    const library = {};
    for (let i = 0; i < n; i++) { const r = recordFor(i, seeds); library[r.id] = r; }
    return library;
  };
  const render = (rows) => {
    const items = rows.slice(0, 50).map((p) => {
      const li = document.createElement('li');
      const title = document.createElement('strong');
      title.textContent = p.title;
      const meta = document.createElement('span');
      meta.textContent = ' ' + (p.authors || []).join(', ') + ' · ' + (p.upvotes || 0) + ' upvotes · ' + new Date(p.firstSeenAt).toLocaleDateString();
      li.append(title, meta);
      return li;
    });
    list.replaceChildren(...items);
  };
  const show = (all) => {
    papers = all.sort((a, b) => b.firstSeenAt - a.firstSeenAt);
    render(papers);
    return new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
  };
  box.addEventListener('input', () => {
    const q = box.value.trim().toLowerCase();
    render(q ? papers.filter((p) =>
      p.title.toLowerCase().includes(q) ||
      (p.authors || []).join(' ').toLowerCase().includes(q) ||
      (p.summary || '').toLowerCase().includes(q)) : papers);
  });

  window.__baseline = {
    scriptStart,
    /** The usual content script's storage step: get the whole object, merge, set it back. */
    async storageStep(infos) {
      const t0 = performance.now();
      const got = await chrome.storage.local.get('library');
      const library = got.library || {};
      merge(library, infos);
      let error = null;
      try { await chrome.storage.local.set({ library }); } catch (e) { error = String(e && e.message || e); }
      return { ms: performance.now() - t0, error };
    },
    buildLibrary(n, seeds) { memoryLibrary = buildLibrary(n, seeds); return n; },
    /** Lower bound of storageStep when the object exceeds the quota: clone, merge, JSON. */
    storageStepInMemory(infos) {
      const t0 = performance.now();
      const copy = structuredClone(memoryLibrary);
      merge(copy, infos);
      JSON.stringify({ library: copy });
      return { ms: performance.now() - t0 };
    },
    /** popup-memory: open → first rows, minus the untimed building of the library. */
    async startInMemory(n, seeds) {
      const library = buildLibrary(n, seeds);
      const t0 = performance.now();
      const painted = await show(Object.values(structuredClone(library)));
      window.__firstRows = scriptStart + (painted - t0);
      return window.__firstRows;
    },
    /** One keystroke: the input event (filter + render run synchronously) to the next frame. */
    keystroke(value) {
      return new Promise((resolve) => {
        const t0 = performance.now();
        box.value = value;
        box.dispatchEvent(new Event('input', { bubbles: true }));
        requestAnimationFrame(() => resolve(performance.now() - t0));
      });
    },
  };

  if (mode === 'popup') {
    chrome.storage.local.get('library').then((got) => show(Object.values(got.library || {})))
      .then((t) => { window.__firstRows = t; }, (e) => { window.__baselineError = String(e); });
  }
})();
`;
