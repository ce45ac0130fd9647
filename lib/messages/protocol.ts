/**
 * The one message protocol between the content script, the extension pages and the background.
 * Every request is `{ type, data }`; every reply is a `Reply<T>`. The background validates every
 * request against `requestSchemas` before a handler sees it, and checks who sent it (`origin`).
 */
import * as v from 'valibot';
import type { PageKind, PaperRecord, PaperState, NewState, Visit } from '../model/paper';
import { ARXIV_ID, PAGE_KINDS } from '../model/paper';

/** Caps that keep a misbehaving page from flooding the database (design.md, "Bad input"). */
export const LIMITS = {
  papersPerReport: 3000,
  title: 1000,
  summary: 20_000,
  shortText: 500,
  url: 2048,
  authors: 500,
  query: 200,
  pageSize: 200,
} as const;

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1e12));
const paperId = v.pipe(v.string(), v.regex(ARXIV_ID, 'is not an arXiv id'));

const authorNames = v.pipe(v.array(text(LIMITS.shortText)), v.maxLength(LIMITS.authors));
/**
 * The texts of a paper: most of a paper's bytes, and what a page seen again almost never changes.
 * The content script sends them (`paperDetails`) only for the papers the background asks for
 * (`wantTexts`): those it has no texts for yet.
 */
const textFields = {
  summary: v.optional(text(LIMITS.summary)),
  aiSummary: v.optional(text(LIMITS.summary)),
  authors: v.optional(authorNames),
};

/** The fields every report gives a paper, texts apart. */
const pageFields = {
  id: paperId,
  title: v.pipe(text(LIMITS.title), v.minLength(1)),
  organization: v.optional(text(LIMITS.shortText)),
  thumbnail: v.optional(text(LIMITS.url)),
  publishedAt: v.optional(text(64)),
  upvotes: v.optional(count),
  numComments: v.optional(count),
  githubRepo: v.optional(text(LIMITS.url)),
  githubStars: v.optional(count),
  projectPage: v.optional(text(LIMITS.url)),
};

// Schemas are built from these plain objects, never read back from another schema (`.entries`):
// a property read at module level keeps valibot in every bundle that imports this module's types
// or constants (the content script, the popup's head script). e2e/manifest.e2e.ts checks.
export const PaperInfoSchema = v.strictObject({
  ...pageFields,
  ...textFields,
  authors: authorNames,
});

/** A paper as a page reports it: with its texts (scripts, tests, older pages) or without. */
const ReportedPaperSchema = v.strictObject({ ...pageFields, ...textFields });
export type ReportedPaper = v.InferOutput<typeof ReportedPaperSchema>;

export const POPUP_VIEWS = ['new', 'starred', 'all', 'hidden'] as const;
export type PopupView = (typeof POPUP_VIEWS)[number];

/** Request schemas, one per message type. */
export const requestSchemas = {
  /** Content script → background: the papers recognised on a page. */
  reportPage: v.strictObject({
    url: text(LIMITS.url),
    kind: v.picklist(PAGE_KINDS),
    papers: v.pipe(v.array(ReportedPaperSchema), v.maxLength(LIMITS.papersPerReport)),
    /** Entries the parser had to skip (no id, no title). */
    skipped: count,
    /** On a single paper page: the paper that was opened. */
    openedId: v.optional(paperId),
    /**
     * The papers carry only their id and the title their card shows, read from the cards without
     * the page's JSON; their fields follow in `paperDetails` once the page is idle. A stored paper
     * keeps its fields (its title too: a card may render a title differently from the JSON), a new
     * one is stored with that title until its details come.
     */
    titlesOnly: v.optional(v.literal(true)),
  }),
  /**
   * Content script → background, once the page is idle after a report: the papers' fields read
   * from the page's JSON (texts only for the papers the reply asked for, `wantTexts`). Accepted
   * only for papers on the page the same tab reported, and only merged into papers already stored;
   * a paper whose fields did not change is not written.
   */
  paperDetails: v.strictObject({
    papers: v.pipe(v.array(ReportedPaperSchema), v.maxLength(LIMITS.papersPerReport)),
  }),
  /** Popup → background: one page of a view, optionally filtered by a search query. */
  listPapers: v.strictObject({
    view: v.picklist(POPUP_VIEWS),
    query: text(LIMITS.query),
    offset: count,
    limit: v.pipe(count, v.minValue(1), v.maxValue(LIMITS.pageSize)),
  }),
  /**
   * Content script → background: the reader pressed "undo" on a hidden card's strip. Accepted only
   * for a paper that the same tab reported; every other state change comes from extension pages.
   */
  undoHide: v.strictObject({ id: paperId }),
  setStarred: v.strictObject({ id: paperId, starred: v.boolean() }),
  setHidden: v.strictObject({ id: paperId, hidden: v.boolean() }),
  /** Popup → background: the state of the library and of the given tab's page. */
  getStatus: v.strictObject({ tabId: v.optional(v.pipe(v.number(), v.integer())) }),
  exportLibrary: v.strictObject({}),
  importLibrary: v.strictObject({ backup: v.unknown() }),
} as const;

export type MessageType = keyof typeof requestSchemas;
export type Request<T extends MessageType> = v.InferOutput<(typeof requestSchemas)[T]>;

/**
 * A paper as the popup lists it: its record without the texts no row shows (the abstract and the
 * AI summary are most of a record's bytes, and every list reply and the kept first page carry 50).
 */
export interface ListedPaper extends Omit<PaperRecord, 'summary' | 'aiSummary'> {
  state: NewState;
}

/** Rows per popup page: a popup's height and then some. */
export const POPUP_PAGE_SIZE = 50;

/**
 * The page the popup opens on, as it would load it (New; All when New is empty), kept ready by
 * the background in `storage.session` under `OPENING_PAGE_KEY` and removed before every write,
 * so that whenever it is there it is what `listPapers` would answer now.
 */
export type OpeningPage = Responses['listPapers'] & { view: 'new' | 'all' };
export const OPENING_PAGE_KEY = 'openingPage';

/** What the popup trusts of `storage.session[OPENING_PAGE_KEY]`: anything else is ignored. */
export function isOpeningPage(value: unknown): value is OpeningPage {
  if (typeof value !== 'object' || value === null) return false;
  const page = value as Partial<OpeningPage>;
  return (
    (page.view === 'new' || page.view === 'all') &&
    Number.isInteger(page.total) &&
    typeof page.hasMore === 'boolean' &&
    Array.isArray(page.papers) &&
    page.papers.every(
      (p: Partial<ListedPaper> | null) =>
        typeof p === 'object' &&
        p !== null &&
        typeof p.id === 'string' &&
        typeof p.title === 'string' &&
        Array.isArray(p.authors) &&
        typeof p.firstSeenAt === 'number' &&
        (p.state === 'new' || p.state === 'seen'),
    )
  );
}

/** What the background knows of a tab's papers page (kept in `storage.session`). */
export interface TabPage {
  url: string;
  kind: PageKind;
  /** Papers recognised; 0 with a list kind means the layout was not recognised. */
  count: number;
  newCount: number;
  ids: string[];
}

export interface LibraryBackup {
  format: 'papers-radar-backup';
  version: 1;
  exportedAt: number;
  papers: PaperRecord[];
  visits: Visit[];
}

export interface Responses {
  /** `wantTexts`: papers of the report that came without texts and have none stored yet. */
  reportPage: { states: PaperState[]; visitStart: number; wantTexts?: string[] };
  paperDetails: { updated: number };
  undoHide: { state: PaperState };
  listPapers: { papers: ListedPaper[]; total: number; hasMore: boolean };
  setStarred: { paper: ListedPaper };
  setHidden: { paper: ListedPaper };
  getStatus: {
    tab: TabPage | null;
    visit: Visit | null;
    counts: { all: number; new: number; starred: number; hidden: number };
    storageError: string | null;
  };
  exportLibrary: { backup: LibraryBackup };
  importLibrary: { imported: number };
}

/** Who may send a message: content scripts on the papers pages, or the extension's own pages. */
export const messageOrigin: Record<MessageType, 'content' | 'extension'> = {
  reportPage: 'content',
  paperDetails: 'content',
  undoHide: 'content',
  listPapers: 'extension',
  setStarred: 'extension',
  setHidden: 'extension',
  getStatus: 'extension',
  exportLibrary: 'extension',
  importLibrary: 'extension',
};

export type Reply<T> = { ok: true; data: T } | { ok: false; error: string };

export interface Envelope<T extends MessageType = MessageType> {
  type: T;
  data: Request<T>;
}

/** Background → content scripts: some papers changed (starred, hidden, or new states). */
export interface StatesChanged {
  type: 'statesChanged';
  states: PaperState[];
}
