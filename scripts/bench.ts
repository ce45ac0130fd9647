/**
 * `npm run bench`: builds the extension, launches Chromium with it (as the e2e tests do) and
 * measures the performance budgets of design.md, with the storage.local baseline on the same data.
 * Prints a table and writes test-results/bench.json. It measures; it never fails on slowness.
 */
import { execSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { launchExtension, type ExtensionBrowser } from '../e2e/support/browser';
import { buildListPage, closePageBuilder } from '../e2e/support/page-builder';
import { EXTENSION_DIR, REPO_ROOT } from '../e2e/support/paths';
import { startReplayServer, type ReplayServer } from '../e2e/support/replay-server';
import { distinctPapers, loadSeedVisits, type SeedPaper } from '../e2e/support/seeds';
import { fmt, round, stat, type Stat } from './bench/stats';
import { WORKER_CODE } from './bench/worker-code';

const QUICK = process.env.BENCH_QUICK === '1';
const REPS = QUICK ? 2 : 3;
const REPS_BIG = QUICK ? 1 : 2;
const results: Record<string, unknown> = {
  date: new Date().toISOString(),
  machine: { cpus: (await import('node:os')).cpus().length },
  methods: {
    content:
      'CDP Performance.getMetrics ScriptDuration (and TaskDuration) delta of the page target, read on a same-origin page, then after navigation to the papers page once every card carries data-papers-radar-state. Pages are served without their own scripts, so ScriptDuration is the content script (parse + report + decorate), main thread.',
    background:
      'In the service worker: performance.now() around a raw IndexedDB readwrite transaction equal to recordReport (latest visit read + put, 50 gets, 50 merged puts), to oncomplete. Also end-to-end: in the page, navigation start to every card decorated (performance.now()).',
    baseline:
      'In the same service worker, same records: chrome.storage.local.get of the whole library object, merge of the 50 papers, set back; performance.now() around it.',
    popup:
      'popup.html in a tab; an init script records performance.now() (since navigation start) at the first animation frame after the first li.paper-row exists. Search: the All view, one character set per keystroke (input event), time until the list is no longer aria-busy, minus the 150 ms debounce.',
  },
};

function log(msg: string): void {
  process.stdout.write(`[bench] ${msg}\n`);
}

// ---------- bundle sizes ----------
function bundleSizes(): { file: string; bytes: number; gzip: number }[] {
  const out: { file: string; bytes: number; gzip: number }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(js|css|html)$/.test(name)) {
        const buf = readFileSync(path);
        out.push({
          file: relative(EXTENSION_DIR, path),
          bytes: buf.length,
          gzip: gzipSync(buf).length,
        });
      }
    }
  };
  walk(EXTENSION_DIR);
  return out;
}

// ---------- content script ----------
// Page-side code goes in as strings: tsx's keepNames would wrap named functions in `__name`.
async function waitDecorated(page: Page, expected: number): Promise<number> {
  return (await page.evaluate(`new Promise((resolve, reject) => {
    const n = ${expected};
    const t = setTimeout(() => reject(new Error('not decorated within 30 s')), 30000);
    const check = () => {
      const count = document.documentElement.getAttribute('data-papers-radar-count');
      const states = document.querySelectorAll('[data-papers-radar-state]').length;
      if (count !== null && states >= Math.min(n, Number(count))) {
        clearTimeout(t);
        resolve(performance.now());
      } else requestAnimationFrame(check);
    };
    check();
  })`)) as number;
}

async function metric(page: Page, session: import('playwright-core').CDPSession) {
  void page;
  const { metrics } = (await session.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  const get = (n: string) => (metrics.find((m) => m.name === n)?.value ?? 0) * 1000;
  return { script: get('ScriptDuration'), task: get('TaskDuration') };
}

async function measureContent(
  ext: ExtensionBrowser,
  server: ReplayServer,
  path: string,
  cards: number,
  reps: number,
) {
  const script: number[] = [];
  const task: number[] = [];
  const e2e: number[] = [];
  for (let r = 0; r < reps; r++) {
    const page = await ext.context.newPage();
    await page.goto(server.url('/bench-blank'));
    const session = await ext.context.newCDPSession(page);
    await session.send('Performance.enable');
    const before = await metric(page, session);
    await page.goto(server.url(path), { waitUntil: 'domcontentloaded' });
    e2e.push(await waitDecorated(page, cards));
    // Let the decoration's last tasks finish.
    await page.waitForTimeout(50);
    const after = await metric(page, session);
    script.push(after.script - before.script);
    task.push(after.task - before.task);
    await session.detach();
    await page.close();
  }
  return { scriptMs: stat(script), taskMs: stat(task), navToDecoratedMs: stat(e2e) };
}

// ---------- worker helpers ----------
async function install(ext: ExtensionBrowser): Promise<void> {
  await ext.serviceWorker.evaluate(WORKER_CODE);
}
function sw<T>(ext: ExtensionBrowser, expr: string): Promise<T> {
  return ext.serviceWorker.evaluate(`(async () => { ${expr} })()`) as Promise<T>;
}

// ---------- popup ----------
const FIRST_ROW_INIT = `(() => {
  const look = () => {
    if (window.__firstRow !== undefined) return;
    if (document.querySelector('li.paper-row')) {
      requestAnimationFrame(() => { window.__firstRow = performance.now(); });
      obs.disconnect();
    }
  };
  const obs = new MutationObserver(look);
  obs.observe(document, { childList: true, subtree: true });
})();`;

async function measurePopup(ext: ExtensionBrowser, reps: number, keystrokes: number) {
  const open: number[] = [];
  const keys: number[] = [];
  const noMatch: number[] = [];
  const url = `chrome-extension://${ext.extensionId}/popup.html`;
  for (let r = 0; r < reps; r++) {
    const page = await ext.context.newPage();
    await page.addInitScript(FIRST_ROW_INIT);
    await page.goto(url);
    await page.waitForSelector('li.paper-row', { timeout: 30_000 });
    await page.waitForFunction(
      () => (window as unknown as { __firstRow?: number }).__firstRow !== undefined,
    );
    open.push(await page.evaluate(() => (window as unknown as { __firstRow: number }).__firstRow));
    if (r === 0) {
      await page.getByRole('tab', { name: /^All\b/ }).click();
      await settle(page);
      const word = 'model transformer'.slice(0, keystrokes);
      for (let i = 1; i <= word.length; i++) keys.push(await keystroke(page, word.slice(0, i)));
      await keystroke(page, '');
      for (const q of keystrokes > 6 ? ['zq', 'zqx'] : ['zqx'])
        noMatch.push(await keystroke(page, q));
    }
    await page.close();
  }
  return {
    openToFirstRowMs: stat(open),
    keystrokeMs: stat(keys),
    keystrokeNoMatchFullScanMs: stat(noMatch),
  };
}

async function settle(page: Page): Promise<void> {
  await page.waitForFunction(
    () => !document.querySelector('[aria-busy="true"]') && !document.querySelector('.loading'),
    undefined,
    { timeout: 60_000 },
  );
}

/** Sets the search box to `value` (one input event) and times until the list settles. */
async function keystroke(page: Page, value: string): Promise<number> {
  const ms = (await page.evaluate(`new Promise((resolve, reject) => {
    const box = document.querySelector('input.search-box');
    if (!box) return reject(new Error('no search box'));
    const t0 = performance.now();
    box.value = ${JSON.stringify(value)};
    box.dispatchEvent(new Event('input', { bubbles: true }));
    const check = () => {
      const busy = document.querySelector('[aria-busy="true"], .loading');
      if (!busy && performance.now() - t0 > 150) resolve(performance.now() - t0);
      else if (performance.now() - t0 > 60000) reject(new Error('search did not settle'));
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  })`)) as number;
  return Math.max(0, ms - 150);
}

// ---------- main ----------
async function main(): Promise<void> {
  const t0 = Date.now();
  if (process.env.BENCH_NO_BUILD !== '1') {
    log('building: npx wxt build');
    execSync('npx wxt build', { cwd: REPO_ROOT, stdio: 'ignore' });
  }
  results.bundles = bundleSizes();

  const seeds: SeedPaper[] = distinctPapers(
    loadSeedVisits()
      .flat()
      .flatMap((v) => v.papers),
  );
  const seedTexts = seeds.map((s) => ({ title: s.title, summary: s.summary }));
  const pageOf = (n: number) =>
    Array.from({ length: n }, (_, i) => {
      const s = seeds[i % seeds.length] as SeedPaper;
      // Past the seeds, ids are made unique with a 25xx prefix (the library's own use 23/24).
      const id =
        i < seeds.length
          ? s.id
          : `25${String(1 + (i % 12)).padStart(2, '0')}.${String(i).padStart(5, '0')}`;
      return {
        id,
        title: i < seeds.length ? s.title : `${s.title} (${i})`,
        summary: s.summary,
        upvotes: i % 50,
      };
    });

  const server = await startReplayServer();
  server.setPage('/bench-blank', '<!DOCTYPE html><title>blank</title><p>blank</p>');
  const pages: Record<string, { path: string; cards: number }> = {
    'real daily (28)': { path: '/papers/date/2026-09-28', cards: 28 },
  };
  for (const n of [50, 500, 2000]) {
    const path = `/papers/date/2026-11-${n === 50 ? '01' : n === 500 ? '02' : '03'}`;
    server.setPage(path, buildListPage(pageOf(n), { date: path.slice(-10) }));
    pages[`generated ${n}`] = { path, cards: n };
  }
  await closePageBuilder();
  const report50 = pageOf(50).map((p) => ({
    id: p.id,
    title: p.title,
    summary: p.summary,
    authors: ['Ada Lovelace'],
    upvotes: p.upvotes,
  }));

  const ext = await launchExtension({ port: server.port });
  try {
    // 1. content script, small library
    const content: Record<string, unknown> = {};
    for (const [name, { path, cards }] of Object.entries(pages)) {
      log(`content script: ${name}`);
      content[name] = await measureContent(
        ext,
        server,
        path,
        cards,
        cards >= 2000 ? REPS_BIG : REPS,
      );
    }
    results.content = content;

    // 2–4 per library size
    await install(ext);
    const sizes = QUICK ? [0, 1000, 10_000] : [0, 1000, 10_000, 100_000];
    const perSize: Record<string, unknown> = {};
    let stored = 0;
    for (const size of sizes) {
      log(`library ${size}: seeding`);
      const seedStart = Date.now();
      await install(ext);
      await sw(
        ext,
        `await globalThis.__bench.seed(${stored}, ${size}, ${JSON.stringify(seedTexts)});`,
      );
      stored = size;
      const seedMs = Date.now() - seedStart;
      const big = size >= 100_000;
      const reps = big ? REPS_BIG : REPS;
      const entry: Record<string, unknown> = { seedMs };
      entry.count = await sw(ext, 'return globalThis.__bench.count();');
      entry.storage = await sw(ext, 'return globalThis.__bench.estimate();');

      log(`library ${size}: background report (replica + end-to-end)`);
      const replica: number[] = [];
      for (let r = 0; r < reps + 1; r++) {
        const ms = await sw<number>(
          ext,
          `return globalThis.__bench.replicaReport(${JSON.stringify(report50)});`,
        );
        if (r > 0) replica.push(ms); // first one warms the connection / inserts the 50 papers
      }
      entry.reportReplicaMs = stat(replica);
      entry.reportEndToEnd50 = await measureContent(
        ext,
        server,
        '/papers/date/2026-11-01',
        50,
        reps,
      );

      log(`library ${size}: storage.local baseline`);
      const seeded = await sw<{ ok: boolean; error?: string; bytes: number }>(
        ext,
        `return globalThis.__bench.baselineSeed(${size}, ${JSON.stringify(seedTexts)});`,
      );
      const base: number[] = [];
      let baseError: string | null = seeded.ok ? null : (seeded.error ?? 'failed');
      if (seeded.ok) {
        for (let r = 0; r < reps; r++) {
          const res = await sw<{ ms: number; error: string | null }>(
            ext,
            `return globalThis.__bench.baselineReport(${JSON.stringify(report50)});`,
          );
          base.push(res.ms);
          baseError ??= res.error;
        }
      }
      const inMem: number[] = [];
      if (!seeded.ok) {
        for (let r = 0; r < reps; r++) {
          const res = await sw<{ ms: number }>(
            ext,
            `return globalThis.__bench.baselineInMemory(${size}, ${JSON.stringify(seedTexts)}, ${JSON.stringify(report50)});`,
          );
          inMem.push(res.ms);
        }
      }
      await sw(ext, 'await chrome.storage.local.clear();');
      entry.baseline = {
        objectBytes: seeded.bytes,
        storageLocalMs: stat(base),
        error: baseError,
        inMemoryLowerBoundMs: stat(inMem),
      };

      if (size >= 1000) {
        log(`library ${size}: popup`);
        entry.popup = await measurePopup(ext, reps, big ? 6 : 8);
      }
      perSize[String(size)] = entry;
      log(`library ${size}: done`);
    }
    results.library = perSize;
  } finally {
    await ext.close();
    await server.close();
  }
  results.totalSeconds = round((Date.now() - t0) / 1000);
  mkdirSync(join(REPO_ROOT, 'test-results'), { recursive: true });
  writeFileSync(join(REPO_ROOT, 'test-results/bench.json'), JSON.stringify(results, null, 2));
  printTable(results);
}

type Entry = {
  count: number;
  storage: { usage: number };
  reportReplicaMs: Stat;
  reportEndToEnd50: { navToDecoratedMs: Stat; scriptMs: Stat };
  baseline: {
    storageLocalMs: Stat;
    error: string | null;
    inMemoryLowerBoundMs: Stat;
    objectBytes: number;
  };
  popup?: { openToFirstRowMs: Stat; keystrokeMs: Stat; keystrokeNoMatchFullScanMs: Stat };
};

function printTable(r: Record<string, unknown>): void {
  const lines: string[] = [];
  lines.push('\n== Bundles (minified bytes / gzip) ==');
  for (const b of r.bundles as { file: string; bytes: number; gzip: number }[])
    lines.push(
      `  ${b.file.padEnd(40)} ${(b.bytes / 1000).toFixed(1)} kB / ${(b.gzip / 1000).toFixed(1)} kB gz`,
    );
  lines.push('\n== Content script (main-thread ScriptDuration; TaskDuration; nav→decorated) ==');
  for (const [name, c] of Object.entries(
    r.content as Record<string, { scriptMs: Stat; taskMs: Stat; navToDecoratedMs: Stat }>,
  ))
    lines.push(
      `  ${name.padEnd(18)} script ${fmt(c.scriptMs)} | task ${fmt(c.taskMs)} | nav→decorated ${fmt(c.navToDecoratedMs)}`,
    );
  lines.push('\n== Per library size ==');
  for (const [size, raw] of Object.entries(r.library as Record<string, Entry>)) {
    const e = raw;
    const base = e.baseline.storageLocalMs.n
      ? e.baseline.storageLocalMs
      : e.baseline.inMemoryLowerBoundMs;
    const ratio =
      base.n && e.reportReplicaMs.median > 0
        ? (base.median / e.reportReplicaMs.median).toFixed(1)
        : 'n/a';
    lines.push(
      `  ${size} papers (stored ${e.count}, storage usage ${(e.storage.usage / 1e6).toFixed(1)} MB)`,
    );
    lines.push(`    background report (IDB replica, 50 papers): ${fmt(e.reportReplicaMs)}`);
    lines.push(
      `    end-to-end 50-card page nav→decorated:     ${fmt(e.reportEndToEnd50.navToDecoratedMs)}`,
    );
    lines.push(
      `    baseline storage.local get+merge+set:       ${e.baseline.storageLocalMs.n ? fmt(e.baseline.storageLocalMs) : `failed (${e.baseline.error}); in-memory lower bound ${fmt(e.baseline.inMemoryLowerBoundMs)}`}  → ratio baseline/ours ${ratio}×`,
    );
    if (e.popup) {
      lines.push(
        `    popup open → first row:                     ${fmt(e.popup.openToFirstRowMs)}`,
      );
      lines.push(`    popup search per keystroke (excl. debounce): ${fmt(e.popup.keystrokeMs)}`);
      lines.push(
        `    popup search, no match (full scan):          ${fmt(e.popup.keystrokeNoMatchFullScanMs)}`,
      );
    }
  }
  lines.push(`\nTotal ${String(r.totalSeconds)} s; JSON: test-results/bench.json`);
  process.stdout.write(lines.join('\n') + '\n');
}

await main();
