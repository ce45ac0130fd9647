/** Small statistics for the benchmark: median and spread of repeated samples. */
export interface Stat {
  median: number;
  min: number;
  max: number;
  n: number;
  samples: number[];
}

export function stat(samples: readonly number[]): Stat {
  const sorted = [...samples].sort((a, b) => a - b);
  const n = sorted.length;
  const mid = Math.floor(n / 2);
  const median = n === 0 ? NaN : n % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return {
    median: round(median),
    min: round(sorted[0] ?? NaN),
    max: round(sorted[n - 1] ?? NaN),
    n,
    samples: samples.map(round),
  };
}

export function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/** `median (min–max, n)` for the table. */
export function fmt(s: Stat | undefined, unit = 'ms'): string {
  if (!s || s.n === 0) return 'n/a';
  return `${s.median.toFixed(1)} ${unit} (${s.min.toFixed(1)}–${s.max.toFixed(1)}, n=${s.n})`;
}
