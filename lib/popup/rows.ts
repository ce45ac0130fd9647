import type { ListedPaper, PopupView } from '../messages/protocol';
import type { PaperState } from '../model/paper';

/** Pure helpers over the popup's rows: every change returns a new array for the signal. */

export function withStarred(paper: ListedPaper, starred: boolean, now: number): ListedPaper {
  const copy = { ...paper };
  if (starred) copy.starredAt = paper.starredAt ?? now;
  else delete copy.starredAt;
  return copy;
}

export function withHidden(paper: ListedPaper, hidden: boolean, now: number): ListedPaper {
  const copy = { ...paper };
  if (hidden) copy.hiddenAt = paper.hiddenAt ?? now;
  else delete copy.hiddenAt;
  return copy;
}

/** Whether a paper hidden (or not) stays in a view: Hidden lists hidden papers, the others not. */
export function staysInView(view: PopupView, hidden: boolean): boolean {
  return view === 'hidden' ? hidden : !hidden;
}

/**
 * Whether the background still lists `row` in `view`. A row unstarred in Starred stays on screen
 * (to be starred again) but is no longer in the view's pages, so the next page's offset must not
 * count it.
 */
export function listedInView(view: PopupView, row: ListedPaper): boolean {
  if (view === 'hidden') return row.hiddenAt !== undefined;
  if (row.hiddenAt !== undefined) return false;
  if (view === 'starred') return row.starredAt !== undefined;
  return view === 'all' || row.state === 'new';
}

export function replaceRow(rows: ListedPaper[], paper: ListedPaper): ListedPaper[] {
  return rows.map((row) => (row.id === paper.id ? paper : row));
}

export function removeRow(rows: ListedPaper[], id: string): ListedPaper[] {
  return rows.filter((row) => row.id !== id);
}

export function insertRow(rows: ListedPaper[], paper: ListedPaper, index: number): ListedPaper[] {
  if (rows.some((row) => row.id === paper.id)) return rows;
  const at = Math.max(0, Math.min(index, rows.length));
  return [...rows.slice(0, at), paper, ...rows.slice(at)];
}

/** Appends a page, skipping ids already listed (rows can shift between two pages). */
export function appendRows(rows: ListedPaper[], page: ListedPaper[]): ListedPaper[] {
  const listed = new Set(rows.map((row) => row.id));
  return [...rows, ...page.filter((paper) => !listed.has(paper.id))];
}

/** A row updated from a broadcast state; the timestamps are kept when the flag did not change. */
export function applyState(paper: ListedPaper, state: PaperState, now: number): ListedPaper {
  const starred = withStarred(paper, state.starred, now);
  return { ...withHidden(starred, state.hidden, now), state: state.state };
}
