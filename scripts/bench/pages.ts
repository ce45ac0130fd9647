/**
 * The papers the bench shows: generated list pages in the real markup (e2e page builder) with the
 * seed texts, and the same papers as the `PaperInfo`s a page report carries (for the replica and
 * the baselines).
 */
import { buildListPage, type ListPaper } from '../../e2e/support/page-builder';
import type { ReplayServer } from '../../e2e/support/replay-server';
import { distinctPapers, loadSeedVisits, type SeedPaper } from '../../e2e/support/seeds';

export interface SeedText {
  title: string;
  summary: string;
}

export const SEEDS: readonly SeedPaper[] = distinctPapers(
  loadSeedVisits()
    .flat()
    .flatMap((v) => v.papers),
);
export const SEED_TEXTS: readonly SeedText[] = SEEDS.map((s) => ({
  title: s.title,
  summary: s.summary,
}));

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * `n` papers; with no `idOf`, the seed papers' own ids first, then ids with the prefix 25 (the
 * synthetic library uses 23, the seeds 24).
 */
export function listPapers(n: number, idOf?: (i: number) => string): ListPaper[] {
  return Array.from({ length: n }, (_, i) => {
    const s = SEEDS[i % SEEDS.length] as SeedPaper;
    const id = idOf ? idOf(i) : i < SEEDS.length ? s.id : `25${pad(1 + (i % 12), 2)}.${pad(i, 5)}`;
    return {
      id,
      title: idOf || i >= SEEDS.length ? `${s.title} (${id})` : s.title,
      summary: s.summary,
      upvotes: i % 50,
    };
  });
}

/** What a page report says about `papers` (the fields the baselines merge). */
export function reportInfos(papers: readonly ListPaper[]) {
  return papers.map((p) => ({
    id: p.id,
    title: p.title,
    summary: p.summary,
    authors: ['Ada Lovelace'],
    upvotes: p.upvotes,
  }));
}

let freshPages = 0;

/**
 * A daily page of `n` papers no page of this run showed before (ids with the prefix 22, a day
 * of its own from 2027-01-01 on), registered on the replay server.
 */
export function registerFreshPage(
  server: ReplayServer,
  n: number,
): { path: string; papers: ListPaper[] } {
  const page = freshPages++;
  const papers = listPapers(n, (i) => {
    const k = page * n + i;
    return `22${pad(1 + (k % 12), 2)}.${pad(Math.floor(k / 12), 5)}`;
  });
  return registerDailyPage(server, papers, Date.UTC(2027, 0, 1) + page * 86_400_000);
}

/** The id of the synthetic library's paper `i` (records.ts `idFor`, which runs in the browser). */
export function syntheticId(i: number): string {
  return `23${pad(1 + (i % 12), 2)}.${pad(Math.floor(i / 12), 5)}`;
}

let seededPages = 0;

/**
 * A daily page of `n` papers of the synthetic library, its papers `first` … `first + n - 1`:
 * stored, and last seen long ago (records.ts), with their stored titles and upvotes. A view of it
 * is a page seen again in a later visit.
 */
export function registerSeededPage(
  server: ReplayServer,
  n: number,
  first: number,
): { path: string; papers: ListPaper[] } {
  const page = seededPages++;
  const papers = Array.from({ length: n }, (_, k) => {
    const i = first + k;
    const s = SEED_TEXTS[i % SEED_TEXTS.length] as SeedText;
    return { id: syntheticId(i), title: `${s.title} #${i}`, summary: s.summary, upvotes: i % 300 };
  });
  return registerDailyPage(server, papers, Date.UTC(2028, 0, 1) + page * 86_400_000);
}

/** Serves `papers` as the daily page of the day of `day` (epoch ms). */
function registerDailyPage(
  server: ReplayServer,
  papers: ListPaper[],
  day: number,
): { path: string; papers: ListPaper[] } {
  const date = new Date(day).toISOString().slice(0, 10);
  const path = `/papers/date/${date}`;
  server.setPage(path, buildListPage(papers, { date }));
  return { path, papers };
}
