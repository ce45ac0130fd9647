/** The kinds of Hugging Face papers pages (design.md, "Page kinds"). */
export const PAGE_KINDS = [
  'daily',
  'weekly',
  'monthly',
  'trending',
  'search',
  'paper',
  'unknown',
] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

/** What one page says about one paper. Every string is page-derived: render it as text only. */
export interface PaperInfo {
  /** arXiv-style id, e.g. `2509.24002`. */
  id: string;
  title: string;
  summary?: string;
  aiSummary?: string;
  authors: string[];
  organization?: string;
  thumbnail?: string;
  /** ISO 8601 date-time. */
  publishedAt?: string;
  upvotes?: number;
  numComments?: number;
  githubRepo?: string;
  githubStars?: number;
  projectPage?: string;
}

/**
 * A paper as stored in IndexedDB. Flags are timestamps (epoch ms), absent when off, so they can
 * be indexed: IndexedDB cannot index booleans.
 */
export interface PaperRecord extends PaperInfo {
  firstSeenAt: number;
  /**
   * When the paper was last on a page, to the visit: the first view that showed it in the latest
   * visit that did. Views later in the same visit leave a record they do not change unwritten.
   */
  lastSeenAt: number;
  openedAt?: number;
  starredAt?: number;
  hiddenAt?: number;
}

export type NewState = 'new' | 'seen';

/** What a page needs to decorate one card. */
export interface PaperState {
  id: string;
  state: NewState;
  starred: boolean;
  hidden: boolean;
  firstSeenAt: number;
}

/** A visit: a run of papers-page views with no gap longer than the visit gap. */
export interface Visit {
  /** Epoch ms of the first view; the key. */
  start: number;
  /** Epoch ms of the latest view. */
  end: number;
  views: number;
}

export const ARXIV_ID = /^\d{4}\.\d{4,5}$/;

export function isArxivId(value: unknown): value is string {
  return typeof value === 'string' && ARXIV_ID.test(value);
}
