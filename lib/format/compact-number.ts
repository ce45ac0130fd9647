const UNITS = [
  { size: 1e9, suffix: 'B' },
  { size: 1e6, suffix: 'M' },
  { size: 1e3, suffix: 'k' },
] as const;

/** One decimal below 100 of a unit ("1.2k", "12.5k"), none above ("123k"); no trailing ".0". */
function scaled(value: number): string {
  const digits = value < 100 ? 1 : 0;
  return String(Number(value.toFixed(digits)));
}

/**
 * A count as a short label: 999 → "999", 1234 → "1.2k", 1_500_000 → "1.5M". Rounding never
 * yields "1000k": it moves up a unit instead. Negative and fractional counts are not expected
 * (upvotes, stars) and are rounded and clamped to 0.
 */
export function formatCompactNumber(count: number): string {
  const n = Number.isFinite(count) ? Math.max(0, Math.round(count)) : 0;
  for (const [index, unit] of UNITS.entries()) {
    const value = n / unit.size;
    if (value < 1) continue;
    const label = scaled(value);
    const larger = UNITS[index - 1];
    if (Number(label) >= 1000 && larger) return `${scaled(n / larger.size)}${larger.suffix}`;
    return `${label}${unit.suffix}`;
  }
  return String(n);
}
