/**
 * Which papers page a URL is (design.md, "Page kinds"). Pure URL predicates, each followed by the
 * URLs it must accept; page-kind.test.ts checks every predicate accepts its own table and rejects
 * every other predicate's.
 */
import { isArxivId, type PageKind } from '../model/paper';

const HOST = 'huggingface.co';

/** The pathname without one trailing slash, or undefined when the URL is not on the site. */
function sitePath(url: URL): string | undefined {
  if (url.hostname !== HOST || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    return undefined;
  }
  return url.pathname.length > 1 ? url.pathname.replace(/\/$/, '') : url.pathname;
}

function hasQuery(url: URL): boolean {
  // Most papers URLs have no query: no URLSearchParams for them (its first use in the content
  // script's world costs about 0.2 ms, Chrome trace).
  return url.search !== '' && (url.searchParams.get('q') ?? '').trim() !== '';
}

// The older daily URLs carry the day in `?date=` (paper-2509.24002.html links to
// "/papers?date=2025-10-01" from its "#1 Paper of the day" chip).
function isDailyPath(url: URL): boolean {
  const path = sitePath(url);
  if (path === '/papers') {
    const date = url.search === '' ? null : url.searchParams.get('date');
    return date === null || /^\d{4}-\d{2}-\d{2}$/.test(date);
  }
  return path !== undefined && /^\/papers\/date\/\d{4}-\d{2}-\d{2}$/.test(path);
}

const isWeeklyPath = (url: URL) => /^\/papers\/week\/\d{4}-W\d{2}$/.test(sitePath(url) ?? '');
const isMonthlyPath = (url: URL) => /^\/papers\/month\/\d{4}-\d{2}$/.test(sitePath(url) ?? '');
const isTrendingPath = (url: URL) => sitePath(url) === '/papers/trending';

/** A list page (daily, weekly, monthly, trending), search or not. */
function isListPath(url: URL): boolean {
  return isDailyPath(url) || isWeeklyPath(url) || isMonthlyPath(url) || isTrendingPath(url);
}

export const isDaily = (url: URL): boolean => isDailyPath(url) && !hasQuery(url);
export const dailyUrls = [
  'https://huggingface.co/papers',
  'https://huggingface.co/papers/',
  'https://huggingface.co/papers/date/2026-09-28',
  'https://huggingface.co/papers?date=2025-10-01',
  'https://huggingface.co/papers?q=',
  'https://huggingface.co/papers#top',
];

export const isWeekly = (url: URL): boolean => isWeeklyPath(url) && !hasQuery(url);
export const weeklyUrls = [
  'https://huggingface.co/papers/week/2026-W39',
  'https://huggingface.co/papers/week/2026-W01/',
];

export const isMonthly = (url: URL): boolean => isMonthlyPath(url) && !hasQuery(url);
export const monthlyUrls = [
  'https://huggingface.co/papers/month/2026-09',
  'https://huggingface.co/papers/month/2025-12/',
];

export const isTrending = (url: URL): boolean => isTrendingPath(url) && !hasQuery(url);
export const trendingUrls = [
  'https://huggingface.co/papers/trending',
  'https://huggingface.co/papers/trending/',
];

/** Any list URL with a non-empty `?q=` (search results replace the list). */
export const isSearch = (url: URL): boolean => isListPath(url) && hasQuery(url);
export const searchUrls = [
  // The URL of search-source-citations-2026-10-02.md.
  'https://huggingface.co/papers?q=source%20citations',
  'https://huggingface.co/papers/trending?q=diffusion',
  'https://huggingface.co/papers/date/2026-09-28?q=agents',
  'https://huggingface.co/papers/week/2026-W39?q=llm',
];

/** `/papers/<arXiv id>`, the single paper page. */
export const isPaperPage = (url: URL): boolean => {
  const match = /^\/papers\/([^/]+)$/.exec(sitePath(url) ?? '');
  return isArxivId(match?.[1]);
};
export const paperPageUrls = [
  'https://huggingface.co/papers/2509.24002',
  'https://huggingface.co/papers/2509.24002/',
  'https://huggingface.co/papers/2609.31620#community',
  'https://huggingface.co/papers/2006.15704?utm_source=x',
];

/** The arXiv id of a paper page URL, or undefined. */
export function paperIdOfUrl(url: URL): string | undefined {
  return isPaperPage(url) ? (sitePath(url) ?? '').slice('/papers/'.length) : undefined;
}

/** The page kind of a URL; search wins over the list kind, anything else is 'unknown'. */
export function detectPageKind(url: URL): PageKind {
  if (isSearch(url)) return 'search';
  if (isPaperPage(url)) return 'paper';
  if (isDaily(url)) return 'daily';
  if (isWeekly(url)) return 'weekly';
  if (isMonthly(url)) return 'monthly';
  if (isTrending(url)) return 'trending';
  return 'unknown';
}
