/** The bench's stdout table: medians, with min–max where it matters; bench.json has every sample. */
import type { BundleSize } from './bundles';
import type { PageFigures } from './content';
import type { HeapUsage } from './heap';
import type { LibraryEntry } from './library';
import { contentRatio, sizeRatios, type Ratio } from './ratios';
import { fmt, stat, type Stat } from './stats';

export interface BenchResults {
  bundles: BundleSize[];
  content: Record<string, PageFigures & { cards: number }>;
  library: Record<string, LibraryEntry>;
  totalSeconds: number;
}

const msValue = (m: number, prefix = '') =>
  `${prefix}${m >= 100 ? Math.round(m).toLocaleString('en') : m.toFixed(1)}`;
const ms = (s: Stat | undefined, prefix = '') =>
  !s || s.n === 0 ? '—' : msValue(s.median, prefix);
const slowest = (s: Stat | undefined) => (!s || s.n === 0 ? '—' : msValue(s.max));
const ratioText = (r: Ratio) =>
  r.value === null
    ? '—'
    : `${r.atLeast ? '≥' : ''}${r.value.toFixed(r.value >= 10 ? 0 : r.value >= 1 ? 1 : 2)}×`;
const mb = (bytes: number | undefined) =>
  bytes === undefined ? '—' : `${(bytes / 1e6).toFixed(1)} MB`;
const heap = (h: HeapUsage | null | undefined) => mb(h?.usedSize);

/** Bytes the database grew per paper added since the previous size. */
export function bytesPerPaper(prev: LibraryEntry | undefined, e: LibraryEntry): number | null {
  if (!prev) return null;
  const papers = e.storedBefore - prev.storedBefore;
  return papers > 0 ? Math.round((e.storage.usage - prev.storage.usage) / papers) : null;
}

export function formatTable(r: BenchResults): string {
  const lines: string[] = [];
  const sizes = Object.keys(r.library);
  const entries = sizes.map((s) => r.library[s] as LibraryEntry);
  const head = (label: string) => label.padEnd(46);
  const row = (label: string, cells: string[]) =>
    lines.push(`  ${head(label)}${cells.map((c) => c.padStart(19)).join('')}`);

  lines.push('\n== (5) Bundles: minified / gzip ==');
  for (const b of r.bundles)
    lines.push(
      `  ${b.file.padEnd(40)} ${(b.bytes / 1000).toFixed(1).padStart(6)} kB / ${(b.gzip / 1000).toFixed(1)} kB`,
    );

  lines.push(
    '\n== (1) Content script: median (min–max, n); ratio = (ours + baseline storage step) / ours ==',
  );
  for (const [name, c] of Object.entries(r.content)) {
    lines.push(`  ${name} (${c.cards} card${c.cards === 1 ? '' : 's'})`);
    lines.push(`      main-thread CPU (trace)    ${fmt(c.cpuMs)}`);
    lines.push(`        of which the pass        ${fmt(c.passMs)}`);
    lines.push(`        first visit              ${fmt(c.firstVisitCpuMs)}`);
    lines.push(`        visits after it          ${fmt(c.revisitCpuMs)}`);
    lines.push(`      idle after, first visit    ${fmt(c.firstVisitIdleMs)}`);
    lines.push(`      idle after, visits after   ${fmt(c.revisitIdleMs)}`);
    lines.push(`      CPU profile (wall)         ${fmt(c.contentScriptMs)}`);
    lines.push(`      GC samples (page + script) ${fmt(c.gcMs)}`);
    lines.push(`      ScriptDuration             ${fmt(c.scriptMs)}`);
    lines.push(`      TaskDuration (whole page)  ${fmt(c.taskMs)}`);
    lines.push(`      navigation → decorated     ${fmt(c.navToDecoratedMs)}`);
    lines.push(
      `      ratio baseline/ours at ${sizes.map((s, i) => `${Number(s).toLocaleString('en')}: ${ratioText(contentRatio(c, entries[i] as LibraryEntry))}`).join(', ')}`,
    );
  }

  lines.push(
    '\n== Per library size (medians in ms unless said; ≥ = baseline is its in-memory lower bound) ==',
  );
  row(
    'synthetic papers seeded',
    sizes.map((s) => Number(s).toLocaleString('en')),
  );
  row(
    'papers stored (start → end)',
    entries.map(
      (e) => `${e.storedBefore.toLocaleString('en')} → ${e.storedAfter.toLocaleString('en')}`,
    ),
  );
  row(
    'IndexedDB usage (storage.estimate)',
    entries.map((e) => mb(e.storage.usage)),
  );
  row(
    'bytes per paper added (Δusage / Δpapers)',
    entries.map((e, i) => String(bytesPerPaper(entries[i - 1], e) ?? '—')),
  );
  row(
    'search index build after seeding (s)',
    entries.map((e) => (e.indexBuild.ms / 1000).toFixed(1)),
  );
  const ratios = entries.map(sizeRatios);
  const section = (title: string) => lines.push(`  ${title}`);

  section('(1) content script, 50-card page');
  row(
    '  ours, main-thread CPU (trace)',
    entries.map((e) => ms(e.report.newPapers.page.cpuMs)),
  );
  row(
    '  baseline storage step, main thread',
    entries.map((e) =>
      ms(e.baseline.contentStorageStep.taskMs, e.baseline.contentStorageStep.lowerBound ? '≥' : ''),
    ),
  );
  row(
    '  baseline storage step, performance.now()',
    entries.map((e) =>
      ms(e.baseline.contentStorageStep.wallMs, e.baseline.contentStorageStep.lowerBound ? '≥' : ''),
    ),
  );
  row(
    '  ratio baseline / ours',
    ratios.map((x) => ratioText(x.content50)),
  );

  section('(2) background, one report of 50 papers');
  row(
    '  ours (product measure), 50 new',
    entries.map((e) => ms(e.report.newPapers.recordReportMs)),
  );
  row(
    '  the same under the bench trace (apart)',
    entries.map((e) => ms(e.report.newPapers.recordReportTracedMs)),
  );
  row(
    '  worker thread per view: on a core',
    entries.map((e) => ms(e.report.newPapers.workerRunMs)),
  );
  row(
    '  worker thread per view: waiting for a core',
    entries.map((e) => ms(e.report.newPapers.workerWaitMs)),
  );
  row(
    '  ours, 50 stored, seen again in the visit',
    entries.map((e) => ms(e.report.update.recordReportMs)),
  );
  row(
    '  ours, 50 stored, seen in an earlier visit',
    entries.map((e) => ms(e.report.earlierVisit?.recordReportMs)),
  );
  row(
    '  ours, details sent when idle, 50 new',
    entries.map((e) => ms(e.report.newPapers.recordDetailsMs)),
  );
  row(
    '  ours, details sent when idle, 50 stored',
    entries.map((e) => ms(e.report.update.recordDetailsMs)),
  );
  row(
    '  replica of the transaction (cross-check)',
    entries.map((e) => ms(e.report.replicaCrossCheckMs)),
  );
  row(
    '  50-card page, navigation → decorated',
    entries.map((e) => ms(e.report.newPapers.page.navToDecoratedMs)),
  );
  row(
    '  baseline get + merge + set (worker)',
    entries.map((e) =>
      e.baseline.seed.ok
        ? ms(e.baseline.report.storageLocalMs)
        : ms(e.baseline.report.inMemoryLowerBoundMs, '≥'),
    ),
  );
  row(
    '  ratio baseline / ours (new)',
    ratios.map((x) => ratioText(x.reportNew)),
  );
  row(
    '  ratio baseline / ours (update)',
    ratios.map((x) => ratioText(x.reportUpdate)),
  );

  section('(3) popup');
  row(
    '  open → first row, ours (opened again)',
    entries.map((e) => ms(e.popup?.openToFirstRowMs)),
  );
  row(
    '  open → live list reply, ours (opened again)',
    entries.map((e) => ms(e.popup?.openToLiveListMs)),
  );
  row(
    '  open → first row, ours, first open after the reports',
    entries.map((e) => ms(stat(e.popup?.firstOpenToFirstRowMs ?? []))),
  );
  row(
    '  open → first rows, baseline',
    entries.map((e) =>
      ms(e.baseline.popup?.openToFirstRowMs, e.baseline.popup?.lowerBound ? '≥' : ''),
    ),
  );
  row(
    '  document received → first row, ours',
    entries.map((e) => ms(e.popup?.documentToFirstRowMs)),
  );
  row(
    '  document received → first rows, baseline',
    entries.map((e) =>
      ms(e.baseline.popup?.documentToFirstRowMs, e.baseline.popup?.lowerBound ? '≥' : ''),
    ),
  );
  row(
    '  ratio baseline / ours',
    ratios.map((x) => ratioText(x.popupOpen)),
  );
  row(
    '  search per keystroke, ours (excl. debounce)',
    entries.map((e) => ms(e.popup?.keystrokeMs)),
  );
  // The median hides the first keystroke, typed with the page views' papers still queued for
  // the index (the first open follows the reports).
  row(
    '  search, slowest keystroke, ours',
    entries.map((e) => slowest(e.popup?.keystrokeMs)),
  );
  row(
    '  search per keystroke, baseline',
    entries.map((e) => ms(e.baseline.popup?.keystrokeMs)),
  );
  row(
    '  ratio baseline / ours',
    ratios.map((x) => ratioText(x.keystroke)),
  );
  row(
    '  no-match query, ours',
    entries.map((e) => ms(e.popup?.keystrokeNoMatchFullScanMs)),
  );
  row(
    '  no-match query, baseline',
    entries.map((e) => ms(e.baseline.popup?.keystrokeNoMatchFullScanMs)),
  );
  row(
    '  ratio baseline / ours',
    ratios.map((x) => ratioText(x.keystrokeNoMatch)),
  );

  section('(4) memory: JS heap used after a forced GC');
  row(
    '  service worker',
    entries.map((e) => heap(e.serviceWorkerHeap)),
  );
  row(
    '  popup, ours (after searching)',
    entries.map((e) => heap(e.popup?.heap)),
  );
  row(
    '  popup, baseline (after searching)',
    entries.map((e) => heap(e.baseline.popup?.heap)),
  );

  section('baseline library object');
  row(
    '  JSON size',
    entries.map((e) => mb(e.baseline.seed.objectBytes)),
  );
  row(
    '  storage.local accepts it',
    entries.map((e) => (e.baseline.seed.ok ? 'yes' : 'no: quota')),
  );
  const failed = entries.find((e) => !e.baseline.seed.ok);
  if (failed) lines.push(`  (storage.local: ${failed.baseline.seed.error})`);

  lines.push(`\nTotal ${r.totalSeconds} s; every sample in test-results/bench.json`);
  return lines.join('\n') + '\n';
}
