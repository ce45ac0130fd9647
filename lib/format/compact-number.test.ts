// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { formatCompactNumber } from './compact-number';

describe('formatCompactNumber', () => {
  it.each([
    [0, '0'],
    [7, '7'],
    [999, '999'],
    [1000, '1k'],
    [1234, '1.2k'],
    [12_549, '12.5k'],
    [104_000, '104k'],
    [999_499, '999k'],
    [999_960, '1M'],
    [1_500_000, '1.5M'],
    [2_000_000_000, '2B'],
  ])('%i → %s', (count, label) => {
    expect(formatCompactNumber(count)).toBe(label);
  });

  it('clamps what a count cannot be', () => {
    expect(formatCompactNumber(-3)).toBe('0');
    expect(formatCompactNumber(Number.NaN)).toBe('0');
    expect(formatCompactNumber(2.6)).toBe('3');
  });
});
