/**
 * The "new since last visit" rule (design.md), pure: time and records in, states out.
 *
 * - A visit is a run of views with no gap longer than the visit gap between one view and the
 *   next; a view exactly at the gap still continues the visit.
 * - A paper is new iff its `firstSeenAt` is at or after the start of the current visit.
 * - The clock never runs backwards for the rule: a view stamped before the latest view's end is
 *   treated as happening at that end (`effectiveNow`), so it continues the visit and papers first
 *   seen by it get a `firstSeenAt` inside the visit, i.e. they are new, as the reader expects.
 */
import type { PaperRecord, PaperState, Visit } from '../model/paper';

export const DEFAULT_VISIT_GAP_MINUTES = 30;
export const MINUTE_MS = 60_000;

/** The time a view counts at: `now`, or the latest view's end when the clock went backwards. */
export function effectiveNow(latest: Visit | undefined, now: number): number {
  return latest === undefined ? now : Math.max(now, latest.end);
}

/** Whether a view at `now` continues `latest` (a gap of exactly `gapMs` does). */
export function isVisitOngoing(latest: Visit | undefined, now: number, gapMs: number): boolean {
  if (latest === undefined) return false;
  return effectiveNow(latest, now) - latest.end <= gapMs;
}

/** The visit after a view at `now`: `latest` extended, or a new visit starting at `now`. */
export function nextVisit(latest: Visit | undefined, now: number, gapMs: number): Visit {
  if (latest !== undefined && isVisitOngoing(latest, now, gapMs)) {
    return { start: latest.start, end: effectiveNow(latest, now), views: latest.views + 1 };
  }
  return { start: now, end: now, views: 1 };
}

/** Whether a paper first seen at `firstSeenAt` is new in the visit that started at `visitStart`. */
export function isNewSince(firstSeenAt: number, visitStart: number): boolean {
  return firstSeenAt >= visitStart;
}

/** What a page needs to decorate a paper's card, relative to the visit that started at `visitStart`. */
export function paperState(
  record: Pick<PaperRecord, 'id' | 'firstSeenAt' | 'starredAt' | 'hiddenAt'>,
  visitStart: number,
): PaperState {
  return {
    id: record.id,
    state: isNewSince(record.firstSeenAt, visitStart) ? 'new' : 'seen',
    starred: record.starredAt !== undefined,
    hidden: record.hiddenAt !== undefined,
    firstSeenAt: record.firstSeenAt,
  };
}

/** The number of distinct papers that are new and not hidden: the toolbar badge's number. */
export function countNewVisible(states: readonly PaperState[]): number {
  const ids = new Set<string>();
  for (const s of states) if (s.state === 'new' && !s.hidden) ids.add(s.id);
  return ids.size;
}
