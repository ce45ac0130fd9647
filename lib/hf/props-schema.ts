/**
 * Readers of the JSON the site embeds in `data-props` (shapes read from the saved pages in
 * ../shared/fixtures/hf). Tolerant on purpose: unknown keys are ignored, and an optional field of
 * the wrong type is dropped rather than failing its paper, because the site adds, removes and
 * retypes fields without notice. Entries are read one by one (read-props.ts), so one bad entry is
 * skipped and counted, not the page.
 *
 * Hand-written rather than valibot schemas (which the background keeps for messages and
 * backups): the content script reads each page once, in code that runs cold, and valibot's
 * generic pipeline was about half of the parse of the 50-card bench page (a CPU profile of
 * Chromium 150, 2026-11-23), and 5 kB of the content bundle.
 */
import { ARXIV_ID } from '../model/paper';

type Json = Record<string, unknown>;

/** A JSON object; an array is not one, though `typeof` says so. */
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** An optional field: missing or of the wrong type → undefined. */
const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;

/** Counts are numbers in the JSON; printed counts ("104k") are accepted too. */
const count = (value: unknown): number | string | undefined =>
  typeof value === 'number' || typeof value === 'string' ? value : undefined;

const list = (value: unknown): unknown[] | undefined => (Array.isArray(value) ? value : undefined);

/** `organization` of a paper or entry; `submitterOrganization` of the paper page. */
export interface Organization {
  name?: string;
  fullname?: string;
}

export function readOrganization(value: unknown): Organization | undefined {
  if (!isObject(value)) return undefined;
  return { name: text(value.name), fullname: text(value.fullname) };
}

/** One of `paper.authors`: `{_id, name, hidden, user?, status?…}`; no name → undefined. */
export interface Author {
  name: string;
  hidden?: boolean;
}

export function readAuthor(value: unknown): Author | undefined {
  if (!isObject(value) || typeof value.name !== 'string') return undefined;
  return { name: value.name, hidden: typeof value.hidden === 'boolean' ? value.hidden : undefined };
}

/** `paper` of a list entry and of the paper page: the one place with the arXiv id. */
export interface PropsPaper {
  id: string;
  title?: string;
  summary?: string;
  ai_summary?: string;
  /** Read author by author (readAuthor): one odd author does not lose the others. */
  authors: unknown[];
  publishedAt?: string;
  upvotes?: number | string;
  numComments?: number | string;
  githubRepo?: string;
  githubStars?: number | string;
  projectPage?: string;
  thumbnail?: string;
  organization?: Organization;
}

/** Without an arXiv id there is no paper: undefined. */
export function readPropsPaper(value: unknown): PropsPaper | undefined {
  if (!isObject(value) || typeof value.id !== 'string' || !ARXIV_ID.test(value.id)) {
    return undefined;
  }
  return {
    id: value.id,
    title: text(value.title),
    summary: text(value.summary),
    ai_summary: text(value.ai_summary),
    authors: list(value.authors) ?? [],
    publishedAt: text(value.publishedAt),
    upvotes: count(value.upvotes),
    numComments: count(value.numComments),
    githubRepo: text(value.githubRepo),
    githubStars: count(value.githubStars),
    projectPage: text(value.projectPage),
    thumbnail: text(value.thumbnail),
    organization: readOrganization(value.organization),
  };
}

/**
 * One of `dailyPapers`: `{paper, title, summary, thumbnail, numComments, publishedAt,
 * organization?, submittedBy, upvoted, isAuthorParticipating, mediaUrls?}`. The entry's
 * `publishedAt` is when it was listed, not the paper's date (2026-09-24T20:00 vs 2026-09-25 for
 * 2609.31620), so the paper's wins.
 */
export interface PaperEntry {
  paper: PropsPaper;
  title?: string;
  summary?: string;
  thumbnail?: string;
  numComments?: number | string;
  publishedAt?: string;
  organization?: Organization;
}

/** An entry without a valid `paper` → undefined. */
export function readPaperEntry(value: unknown): PaperEntry | undefined {
  if (!isObject(value)) return undefined;
  const paper = readPropsPaper(value.paper);
  if (!paper) return undefined;
  return {
    paper,
    title: text(value.title),
    summary: text(value.summary),
    thumbnail: text(value.thumbnail),
    numComments: count(value.numComments),
    publishedAt: text(value.publishedAt),
    organization: readOrganization(value.organization),
  };
}

/**
 * `[data-target="DailyPapers"]`: `{dailyPapers, dateString, periodType, prevDate, query,
 * isTrending, publisher, canSubmit}`; a search may list its results in `searchResults`.
 * Entries stay unknown here: each is read on its own. Not an object → undefined.
 */
export interface DailyPapersProps {
  dailyPapers?: unknown[];
  searchResults?: unknown[];
  periodType?: string;
  dateString?: string;
}

export function readDailyPapersProps(value: unknown): DailyPapersProps | undefined {
  if (!isObject(value)) return undefined;
  return {
    dailyPapers: list(value.dailyPapers),
    searchResults: list(value.searchResults),
    periodType: text(value.periodType),
    dateString: text(value.dateString),
  };
}

/**
 * `[data-target="PaperContent"]`: `{paper, comments, submitterOrganization, upvoted, upvoters,
 * dailyPaperRank…}`. The paper page's `paper` has no `organization`; the chip under the title
 * shows `submitterOrganization` ("National University of Singapore" on 2509.24002). Not an
 * object → undefined.
 */
export interface PaperContentProps {
  paper: unknown;
  submitterOrganization?: Organization;
  comments?: unknown[];
}

export function readPaperContentProps(value: unknown): PaperContentProps | undefined {
  if (!isObject(value)) return undefined;
  return {
    paper: value.paper,
    submitterOrganization: readOrganization(value.submitterOrganization),
    comments: list(value.comments),
  };
}
