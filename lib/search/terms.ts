/**
 * What search matches on: the words of a paper's title, authors, organization and summary. A query
 * matches a paper when every query word starts one of the paper's words ("diff" finds
 * "Diffusion"), case- and accent-insensitively. The search index (lib/db/search-index.ts) and
 * the exact check on records (`matchesQuery`) share these two functions, so they cannot disagree.
 */
import type { PaperInfo } from '../model/paper';

export type Searchable = Pick<PaperInfo, 'title' | 'authors' | 'organization' | 'summary'>;

const WORD = /[\p{L}\p{N}]+/gu;
const MARKS = /\p{M}+/gu;

/** Lower-cased words without accents ("Ünal" → "unal"), in order, repeats kept. */
export function words(text: string): string[] {
  return text.normalize('NFKD').replace(MARKS, '').toLowerCase().match(WORD) ?? [];
}

/** The distinct words a paper can be found by. */
export function searchTerms(paper: Searchable): string[] {
  const text = [
    paper.title,
    paper.authors.join(' '),
    paper.organization ?? '',
    paper.summary ?? '',
  ].join('\n');
  return [...new Set(words(text))];
}

/** The words of a query, each a prefix to look for; none for a blank query. */
export function queryWords(query: string): string[] {
  return [...new Set(words(query))];
}

/** Whether every query word starts one of `terms`. */
export function termsMatch(terms: readonly string[], query: readonly string[]): boolean {
  return query.every((word) => terms.some((term) => term.startsWith(word)));
}

/** Whether `paper` matches every word of `query` (see the module comment). */
export function matchesQuery(paper: Searchable, query: readonly string[]): boolean {
  return query.length === 0 || termsMatch(searchTerms(paper), query);
}
