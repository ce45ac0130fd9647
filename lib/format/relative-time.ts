const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Calendar months and years vary; 30 and 365 days are close enough for "how long ago". */
const MONTH = 30 * DAY;
const YEAR = 365 * DAY;

/**
 * How long ago `then` was, seen from `now` (both epoch ms), in the popup's terse units:
 * "just now", "5 min ago", "3 h ago", "3 d ago", "2 mo ago", "1 y ago". A `then` in the future
 * (another device's clock, a clock set back) reads "just now" rather than a negative age.
 */
export function formatRelativeTime(then: number, now: number): string {
  const elapsed = now - then;
  if (!Number.isFinite(elapsed) || elapsed < MINUTE) return 'just now';
  if (elapsed < HOUR) return `${Math.floor(elapsed / MINUTE)} min ago`;
  if (elapsed < DAY) return `${Math.floor(elapsed / HOUR)} h ago`;
  if (elapsed < MONTH) return `${Math.floor(elapsed / DAY)} d ago`;
  if (elapsed < YEAR) return `${Math.floor(elapsed / MONTH)} mo ago`;
  return `${Math.floor(elapsed / YEAR)} y ago`;
}
