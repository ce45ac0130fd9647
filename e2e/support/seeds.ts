/**
 * The five seed pages of ../shared/seeds/ (their visible text) as five visits of papers: titles and
 * abstracts in page order, each with a deterministic arXiv-style id derived from its title.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEEDS_DIR } from './paths';

export interface SeedPaper {
  id: string;
  title: string;
  summary: string;
}

export interface SeedVisit {
  /** The seed file's name, e.g. `000_f623a686456c2f7c.txt`. */
  file: string;
  papers: SeedPaper[];
}

/** Lines of the page header, not papers (seeds/README.md). */
const HEADER_LINES = new Set([
  'new',
  'Get trending papers in your email inbox!',
  'Get trending papers in your email inbox once a day!',
  'Subscribe',
  'byAK and the research community',
]);
const DATE_LINE = /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}$/;
const GLUED_PREFIX = 'Subscribe';

/** The key two titles are "the same paper" by: whitespace collapsed, trimmed. */
export function normaliseTitle(title: string): string {
  return title.replace(/\s+/g, ' ').trim();
}

/** 32-bit FNV-1a over the UTF-16 code units of `text`. */
function fnv1a(text: string, seed = 0x811c9dc5): number {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/**
 * A deterministic arXiv-style id (`24MM.NNNNN`, MM in 01..12) for a title. The seeds test checks
 * that it is collision-free over all seed titles.
 */
export function idForTitle(title: string): string {
  const hash = fnv1a(normaliseTitle(title));
  const month = (hash % 12) + 1;
  const number = Math.floor(hash / 12) % 100_000;
  return `24${String(month).padStart(2, '0')}.${String(number).padStart(5, '0')}`;
}

/** Parses one seed file's text into its papers (title, abstract, title, abstract, …). */
export function parseSeedText(text: string): Omit<SeedPaper, 'id'>[] {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !HEADER_LINES.has(line) && !DATE_LINE.test(line))
    // File 004 glues the first title to "Subscribe".
    .map((line) => (line.startsWith(GLUED_PREFIX) ? line.slice(GLUED_PREFIX.length) : line));
  if (lines.length % 2 !== 0) {
    throw new Error(
      `Seed text has an odd number of lines (${lines.length}): title without abstract`,
    );
  }
  const papers: Omit<SeedPaper, 'id'>[] = [];
  for (let i = 0; i < lines.length; i += 2) {
    papers.push({ title: lines[i] as string, summary: lines[i + 1] as string });
  }
  return papers;
}

let cached: SeedVisit[] | undefined;

/** The five seed files in order, as five visits. */
export function loadSeedVisits(dir = SEEDS_DIR): SeedVisit[] {
  if (cached && dir === SEEDS_DIR) return cached;
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort();
  const visits = files.map((file) => ({
    file,
    papers: parseSeedText(readFileSync(join(dir, file), 'utf8')).map((p) => ({
      ...p,
      id: idForTitle(p.title),
    })),
  }));
  if (dir === SEEDS_DIR) cached = visits;
  return visits;
}

/**
 * For each visit, the papers of its page never met on an earlier page: the ones the extension
 * must mark NEW when the pages are visited in order, one visit each. Derived from the titles.
 */
export function newPerVisit(visits: readonly SeedVisit[]): SeedPaper[][] {
  const met = new Set<string>();
  return visits.map(({ papers }) => {
    const fresh = new Map<string, SeedPaper>();
    for (const paper of papers) {
      const key = normaliseTitle(paper.title);
      if (!met.has(key) && !fresh.has(key)) fresh.set(key, paper);
    }
    for (const key of fresh.keys()) met.add(key);
    return [...fresh.values()];
  });
}

/** Distinct papers of one page, first occurrence kept (a page could list a title twice). */
export function distinctPapers(papers: readonly SeedPaper[]): SeedPaper[] {
  const seen = new Map<string, SeedPaper>();
  for (const paper of papers) if (!seen.has(paper.id)) seen.set(paper.id, paper);
  return [...seen.values()];
}

/** One seed visit as a daily page: its distinct papers, with varied upvotes, at a date path. */
export function seedVisitPage(visit: SeedVisit, index: number) {
  const papers = distinctPapers(visit.papers).map((p, n) => ({ ...p, upvotes: (n * 7) % 40 }));
  const path = `/papers/date/2026-03-${String(10 + index).padStart(2, '0')}`;
  return { papers, path, date: path.slice(-10) };
}
