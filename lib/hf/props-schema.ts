/**
 * Schemas of the JSON the site embeds in `data-props` (shapes read from the saved pages in
 * ../shared/fixtures/hf). Tolerant on purpose: unknown keys are ignored, and an optional field of
 * the wrong type is dropped rather than failing its paper, because the site adds, removes and
 * retypes fields without notice. Entries are validated one by one (read-props.ts), so one bad
 * entry is skipped and counted, not the page.
 *
 * `v.object`, not `v.looseObject`: both accept unknown keys, but the loose one copies them into
 * its output, and an entry carries many the parser never reads (each author's `user`, the
 * submitter, media URLs). Validating the 50 entries of the bench page took 2–3 times as long
 * with the copies (Node 20, first run, 2026-11-23).
 */
import * as v from 'valibot';
import { ARXIV_ID } from '../model/paper';

/** An optional field: missing or of the wrong type → undefined. */
const optional = <const T extends v.GenericSchema>(schema: T) =>
  v.fallback(v.optional(schema), undefined);

const text = optional(v.string());
/** Counts are numbers in the JSON; printed counts ("104k") are accepted too. */
const count = optional(v.union([v.number(), v.string()]));

/** `organization` of a paper or entry; `submitterOrganization` of the paper page. */
export const OrganizationSchema = v.object({ name: text, fullname: text });

/** One of `paper.authors`: `{_id, name, hidden, user?, status?…}`. */
export const AuthorSchema = v.object({
  name: v.string(),
  hidden: optional(v.boolean()),
});

/** `paper` of a list entry and of the paper page: the one place with the arXiv id. */
export const PropsPaperSchema = v.object({
  id: v.pipe(v.string(), v.regex(ARXIV_ID)),
  title: text,
  summary: text,
  ai_summary: text,
  // Validated author by author (AuthorSchema): one odd author does not lose the others.
  authors: v.fallback(v.array(v.unknown()), []),
  publishedAt: text,
  upvotes: count,
  numComments: count,
  githubRepo: text,
  githubStars: count,
  projectPage: text,
  thumbnail: text,
  organization: optional(OrganizationSchema),
});

/**
 * One of `dailyPapers`: `{paper, title, summary, thumbnail, numComments, publishedAt,
 * organization?, submittedBy, upvoted, isAuthorParticipating, mediaUrls?}`. The entry's
 * `publishedAt` is when it was listed, not the paper's date (2026-09-24T20:00 vs 2026-09-25 for
 * 2609.31620), so the paper's wins.
 */
export const PaperEntrySchema = v.object({
  paper: PropsPaperSchema,
  title: text,
  summary: text,
  thumbnail: text,
  numComments: count,
  publishedAt: text,
  organization: optional(OrganizationSchema),
});

/**
 * `[data-target="DailyPapers"]`: `{dailyPapers, dateString, periodType, prevDate, query,
 * isTrending, publisher, canSubmit}`; a search may list its results in `searchResults`.
 * Entries stay unknown here: each is validated on its own.
 */
export const DailyPapersPropsSchema = v.object({
  dailyPapers: optional(v.array(v.unknown())),
  searchResults: optional(v.array(v.unknown())),
  periodType: text,
  dateString: text,
});

/**
 * `[data-target="PaperContent"]`: `{paper, comments, submitterOrganization, upvoted, upvoters,
 * dailyPaperRank…}`. The paper page's `paper` has no `organization`; the chip under the title
 * shows `submitterOrganization` ("National University of Singapore" on 2509.24002).
 */
export const PaperContentPropsSchema = v.object({
  paper: v.unknown(),
  submitterOrganization: optional(OrganizationSchema),
  comments: optional(v.array(v.unknown())),
});

export type PropsPaper = v.InferOutput<typeof PropsPaperSchema>;
export type PaperEntry = v.InferOutput<typeof PaperEntrySchema>;
export type Organization = v.InferOutput<typeof OrganizationSchema>;
