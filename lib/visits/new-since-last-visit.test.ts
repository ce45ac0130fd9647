import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PaperState, Visit } from '../model/paper';
import {
  countNewVisible,
  effectiveNow,
  isVisitOngoing,
  MINUTE_MS,
  nextVisit,
  paperState,
} from './new-since-last-visit';

const GAP = 30 * MINUTE_MS;
const T0 = Date.UTC(2025, 9, 1, 8);
const visit = (start: number, end = start, views = 1): Visit => ({ start, end, views });

/** The rule as the background applies it to reports: a tiny in-memory model of the database. */
function replay(reports: { at: number; ids: string[] }[]) {
  let latest: Visit | undefined;
  const firstSeen = new Map<string, number>();
  return reports.map(({ at, ids }) => {
    latest = nextVisit(latest, at, GAP);
    const t = latest.end;
    for (const id of ids) if (!firstSeen.has(id)) firstSeen.set(id, t);
    const start = latest.start;
    return ids.map((id) => paperState({ id, firstSeenAt: firstSeen.get(id) ?? t }, start).state);
  });
}

describe('nextVisit', () => {
  it('starts the first visit at the first view', () => {
    expect(nextVisit(undefined, T0, GAP)).toEqual(visit(T0));
  });

  it('continues a visit for a view exactly at the gap', () => {
    expect(nextVisit(visit(T0), T0 + GAP, GAP)).toEqual(visit(T0, T0 + GAP, 2));
    expect(isVisitOngoing(visit(T0), T0 + GAP, GAP)).toBe(true);
  });

  it('starts a new visit 1 ms past the gap', () => {
    expect(nextVisit(visit(T0), T0 + GAP + 1, GAP)).toEqual(visit(T0 + GAP + 1));
    expect(isVisitOngoing(visit(T0), T0 + GAP + 1, GAP)).toBe(false);
  });

  it('measures the gap from the latest view, not from the start of the visit', () => {
    let v = visit(T0);
    for (let i = 1; i <= 10; i++) v = nextVisit(v, T0 + i * GAP, GAP);
    expect(v).toEqual(visit(T0, T0 + 10 * GAP, 11));
  });

  it('keeps the visit when the clock goes backwards, without moving start or end back', () => {
    const v = visit(T0, T0 + 10 * MINUTE_MS, 3);
    expect(isVisitOngoing(v, T0 - 5 * GAP, GAP)).toBe(true);
    expect(nextVisit(v, T0 - 5 * GAP, GAP)).toEqual(visit(T0, T0 + 10 * MINUTE_MS, 4));
    expect(nextVisit(v, T0 + 5 * MINUTE_MS, GAP)).toEqual(visit(T0, T0 + 10 * MINUTE_MS, 4));
    expect(effectiveNow(v, T0 - 1)).toBe(T0 + 10 * MINUTE_MS);
  });

  it('has no ongoing visit before the first view', () => {
    expect(isVisitOngoing(undefined, T0, GAP)).toBe(false);
    expect(effectiveNow(undefined, T0)).toBe(T0);
  });

  it('never moves start or end backwards and counts every view (property)', () => {
    const steps = fc.array(fc.integer({ min: -2 * GAP, max: 3 * GAP }), { maxLength: 60 });
    fc.assert(
      fc.property(steps, fc.integer({ min: 1, max: 1440 }), (deltas, gapMinutes) => {
        const gap = gapMinutes * MINUTE_MS;
        let now = T0;
        let v: Visit | undefined;
        for (const d of deltas) {
          now += d;
          const next = nextVisit(v, now, gap);
          expect(next.end).toBeGreaterThanOrEqual(next.start);
          if (v && next.start === v.start) {
            expect(next.end).toBeGreaterThanOrEqual(v.end);
            expect(next.views).toBe(v.views + 1);
          } else if (v) {
            expect(next.start).toBeGreaterThan(v.end + gap);
            expect(next.views).toBe(1);
          }
          v = next;
        }
      }),
    );
  });
});

describe('paperState', () => {
  const base = { id: '2509.24002', firstSeenAt: T0 };

  it('is new when first seen at the start of the visit or later', () => {
    expect(paperState(base, T0).state).toBe('new');
    expect(paperState(base, T0 - 1).state).toBe('new');
  });

  it('is seen when first seen before the visit started', () => {
    expect(paperState(base, T0 + 1).state).toBe('seen');
  });

  it('reports flags from their timestamps and keeps firstSeenAt', () => {
    expect(paperState({ ...base, starredAt: T0, hiddenAt: T0 + 1 }, T0)).toEqual({
      id: '2509.24002',
      state: 'new',
      starred: true,
      hidden: true,
      firstSeenAt: T0,
    });
    expect(paperState(base, T0)).toMatchObject({ starred: false, hidden: false });
  });
});

describe('the rule over a sequence of reports', () => {
  it('keeps papers new on a reload within the visit', () => {
    const page = ['2509.00001', '2509.00002'];
    const [first, reload, later] = replay([
      { at: T0, ids: page },
      { at: T0 + 20 * MINUTE_MS, ids: page },
      { at: T0 + 20 * MINUTE_MS + GAP, ids: page },
    ]);
    expect(first).toEqual(['new', 'new']);
    expect(reload).toEqual(['new', 'new']);
    expect(later).toEqual(['new', 'new']);
  });

  it('marks papers seen on the next visit, and only unseen papers new', () => {
    const [, next] = replay([
      { at: T0, ids: ['2509.00001'] },
      { at: T0 + GAP + 1, ids: ['2509.00001', '2509.00002'] },
    ]);
    expect(next).toEqual(['seen', 'new']);
  });

  it('shows a paper new in two tabs that report it at once', () => {
    const id = '2509.00003';
    const [tabA, tabB, tabALater] = replay([
      { at: T0, ids: [id] },
      { at: T0, ids: [id] },
      { at: T0 + GAP + 1, ids: [id] },
    ]);
    expect(tabA).toEqual(['new']);
    expect(tabB).toEqual(['new']);
    expect(tabALater).toEqual(['seen']);
  });

  it('keeps a paper first seen while the clock ran backwards new within that visit', () => {
    const [, back, reload] = replay([
      { at: T0, ids: ['2509.00001'] },
      { at: T0 - 3 * GAP, ids: ['2509.00004'] },
      { at: T0 + MINUTE_MS, ids: ['2509.00004'] },
    ]);
    expect(back).toEqual(['new']);
    expect(reload).toEqual(['new']);
  });
});

describe('countNewVisible', () => {
  const s = (id: string, state: 'new' | 'seen', hidden = false): PaperState => ({
    id,
    state,
    hidden,
    starred: false,
    firstSeenAt: T0,
  });

  it('counts distinct new papers that are not hidden', () => {
    expect(
      countNewVisible([s('a', 'new'), s('a', 'new'), s('b', 'seen'), s('c', 'new', true)]),
    ).toBe(1);
    expect(countNewVisible([])).toBe(0);
  });
});
