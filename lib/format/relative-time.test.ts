// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { formatRelativeTime } from './relative-time';

const now = Date.UTC(2025, 9, 1, 12);
const ago = (ms: number) => formatRelativeTime(now - ms, now);
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('formatRelativeTime', () => {
  it('says "just now" under a minute, and for times in the future', () => {
    expect(ago(0)).toBe('just now');
    expect(ago(59_999)).toBe('just now');
    expect(ago(-5 * DAY)).toBe('just now');
    expect(formatRelativeTime(Number.NaN, now)).toBe('just now');
  });

  it.each([
    [MIN, '1 min ago'],
    [5 * MIN + 30_000, '5 min ago'],
    [59 * MIN, '59 min ago'],
    [HOUR, '1 h ago'],
    [3 * HOUR, '3 h ago'],
    [23 * HOUR + 59 * MIN, '23 h ago'],
    [DAY, '1 d ago'],
    [3 * DAY, '3 d ago'],
    [29 * DAY, '29 d ago'],
    [30 * DAY, '1 mo ago'],
    [65 * DAY, '2 mo ago'],
    [364 * DAY, '12 mo ago'],
    [365 * DAY, '1 y ago'],
    [800 * DAY, '2 y ago'],
  ])('%i ms ago reads "%s"', (elapsed, label) => {
    expect(ago(elapsed)).toBe(label);
  });
});
