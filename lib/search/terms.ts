/**
 * What search matches on: the words of a paper's title, authors, organization and summary. A query
 * matches a paper when every query word starts one of the paper's words ("diff" finds
 * "Diffusion"), case- and accent-insensitively. The search index (lib/db/search-index.ts) takes
 * the words (`searchTerms`); the exact check on records (`readQuery`) looks for the query words in
 * the same reading of the text (`searchableText`), and a property test holds the two together.
 */
import type { PaperInfo } from '../model/paper';

export type Searchable = Pick<PaperInfo, 'title' | 'authors' | 'organization' | 'summary'>;

const WORD = /[\p{L}\p{N}]+/gu;
const MARKS = /\p{M}+/gu;
/** Regular expression syntax: a query word has none (letters and digits), but a caller may. */
const SYNTAX = /[\\^$.*+?()[\]{}|/]/g;

/** Text as search reads it: accents dropped, then lower-cased ("Ünal" → "unal"). */
export function searchableText(text: string): string {
  return text.normalize('NFKD').replace(MARKS, '').toLowerCase();
}

/** Lower-cased words without accents ("Ünal" → "unal"), in order, repeats kept. */
export function words(text: string): string[] {
  return searchableText(text).match(WORD) ?? [];
}

/** A paper's text in one string, fields apart (a word never runs from one into the next). */
function paperText(paper: Searchable): string {
  return [paper.title, paper.authors.join(' '), paper.organization ?? '', paper.summary ?? ''].join(
    '\n',
  );
}

/** The distinct words a paper can be found by. */
export function searchTerms(paper: Searchable): string[] {
  return [...new Set(words(paperText(paper)))];
}

/** What `queryMatcher` checks: a paper's text as `searchableText` reads it. */
export function paperSearchText(paper: Searchable): string {
  return searchableText(paperText(paper));
}

/** The words of a query, each a prefix to look for; none for a blank query. */
export function queryWords(query: string): string[] {
  return [...new Set(words(query))];
}

/**
 * Whether a paper matches every word of `query` (see the module comment), for many papers: as
 * `searchTerms` and a prefix test on each term, without splitting the text into its words (which
 * cost most of a search's time on the records it reads). A query word is a run of letters and
 * digits; it starts one of the text's words exactly where it occurs with no letter or digit
 * before it.
 */
export function queryMatcher(query: readonly string[]): (searchText: string) => boolean {
  const patterns = query.map(
    (word) => new RegExp(`(?<![\\p{L}\\p{N}])${word.replace(SYNTAX, '\\$&')}`, 'u'),
  );
  return (searchText) => patterns.every((pattern) => pattern.test(searchText));
}

/** Whether `paper` matches every word of `query` (see the module comment). */
export function matchesQuery(paper: Searchable, query: readonly string[]): boolean {
  return queryOf(query).matches(paper);
}

/** A query read once, to check many papers with. */
export interface Query {
  readonly words: readonly string[];
  /** Whether a paper matches every word. */
  matches(paper: Searchable): boolean;
  /** The same, on a paper's `paperSearchText`. */
  matchesText(searchText: string): boolean;
}

export function readQuery(query: string): Query {
  return queryOf(queryWords(query));
}

function queryOf(words: readonly string[]): Query {
  const matchesText = queryMatcher(words);
  // A blank query (a plain list) matches every paper without reading its text.
  const matches =
    words.length === 0 ? () => true : (paper: Searchable) => matchesText(paperSearchText(paper));
  return { words, matchesText, matches };
}
