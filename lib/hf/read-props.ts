/**
 * The embedded JSON of a page, read first (design.md, "Parsing order"): `getAttribute` gives the
 * attribute already un-escaped, `JSON.parse` it, then validate each entry on its own.
 */
import * as v from 'valibot';
import type { PageKind, PaperInfo } from '../model/paper';
import { buildPaper } from './build-paper';
import {
  AuthorSchema,
  DailyPapersPropsSchema,
  PaperContentPropsSchema,
  PaperEntrySchema,
  type Organization,
  type PropsPaper,
} from './props-schema';
import { dailyPapersProps, paperContentProps } from './selectors';

export interface PropsResult {
  /** Valid papers in JSON order, one per id. */
  papers: PaperInfo[];
  /** Entries without an arXiv id or a title. */
  skipped: number;
  warnings: string[];
}

type Json = { ok: true; value: unknown } | { ok: false; warning: string };

function readJson(root: ParentNode, selector: string): Json {
  const element = root.querySelector(selector);
  if (!element) return { ok: false, warning: `no ${selector} element` };
  try {
    return { ok: true, value: JSON.parse(element.getAttribute('data-props') ?? '') };
  } catch {
    return { ok: false, warning: `${selector}: data-props is not valid JSON` };
  }
}

/** The first value with some text: a blank paper field gives way to the entry's copy. */
const firstText = (...values: (string | undefined)[]) => values.find((value) => value?.trim());

const organizationName = (org: Organization | undefined) => firstText(org?.fullname, org?.name);

/** Hidden authors are hidden on the site too. */
function authorNames(authors: unknown[]): string[] {
  return authors.flatMap((author) => {
    const parsed = v.safeParse(AuthorSchema, author);
    return parsed.success && parsed.output.hidden !== true ? [parsed.output.name] : [];
  });
}

function fromPropsPaper(paper: PropsPaper) {
  return {
    id: paper.id,
    title: paper.title,
    summary: paper.summary,
    aiSummary: paper.ai_summary,
    authors: authorNames(paper.authors),
    organization: organizationName(paper.organization),
    thumbnail: paper.thumbnail,
    publishedAt: paper.publishedAt,
    upvotes: paper.upvotes,
    numComments: paper.numComments,
    githubRepo: paper.githubRepo,
    githubStars: paper.githubStars,
    projectPage: paper.projectPage,
  };
}

function entryToPaper(entry: unknown, base: URL): PaperInfo | undefined {
  // A result given as the paper itself (no `paper` wrapper) is read the same way.
  const isBarePaper = typeof entry === 'object' && entry !== null && !('paper' in entry);
  const parsed = v.safeParse(PaperEntrySchema, isBarePaper ? { paper: entry } : entry);
  if (!parsed.success) return undefined;
  const { paper, ...rest } = parsed.output;
  const raw = fromPropsPaper(paper);
  return buildPaper(
    {
      ...raw,
      title: firstText(raw.title, rest.title),
      summary: firstText(raw.summary, rest.summary),
      organization: firstText(raw.organization, organizationName(rest.organization)),
      thumbnail: firstText(rest.thumbnail, raw.thumbnail),
      publishedAt: firstText(raw.publishedAt, rest.publishedAt),
      numComments: rest.numComments ?? raw.numComments,
    },
    base,
  );
}

/**
 * The list pages' `[data-target="DailyPapers"]`. A search lists its results in `searchResults`
 * (design.md); otherwise `dailyPapers`, whichever is not empty.
 */
export function readListProps(root: ParentNode, kind: PageKind, base: URL): PropsResult {
  const json = readJson(root, dailyPapersProps);
  if (!json.ok) return { papers: [], skipped: 0, warnings: [json.warning] };
  const props = v.safeParse(DailyPapersPropsSchema, json.value);
  // valibot reads an array as an object without the keys; the props are never an array.
  if (!props.success || Array.isArray(json.value)) {
    return { papers: [], skipped: 0, warnings: [`${dailyPapersProps}: not an object`] };
  }
  const { dailyPapers, searchResults } = props.output;
  const entries =
    (kind === 'search' && searchResults?.length ? searchResults : undefined) ??
    (dailyPapers?.length ? dailyPapers : undefined) ??
    searchResults ??
    [];
  const result: PropsResult = { papers: [], skipped: 0, warnings: [] };
  const seen = new Set<string>();
  for (const entry of entries) {
    const paper = entryToPaper(entry, base);
    if (!paper) {
      result.skipped++;
    } else if (!seen.has(paper.id)) {
      seen.add(paper.id);
      result.papers.push(paper);
    }
  }
  if (entries.length === 0) result.warnings.push(`${dailyPapersProps}: no papers in the JSON`);
  if (result.skipped > 0) {
    result.warnings.push(`${result.skipped} JSON entries skipped (no arXiv id or no title)`);
  }
  return result;
}

/** The paper page's `[data-target="PaperContent"]`: its one paper, if valid. */
export function readPaperProps(root: ParentNode, base: URL): PropsResult {
  const json = readJson(root, paperContentProps);
  if (!json.ok) return { papers: [], skipped: 0, warnings: [json.warning] };
  const props = v.safeParse(PaperContentPropsSchema, json.value);
  const parsed = props.success
    ? v.safeParse(PaperEntrySchema, { paper: props.output.paper })
    : null;
  if (!props.success || !parsed?.success) {
    return { papers: [], skipped: 1, warnings: [`${paperContentProps}: no valid paper`] };
  }
  const raw = fromPropsPaper(parsed.output.paper);
  const paper = buildPaper(
    {
      ...raw,
      organization: firstText(
        raw.organization,
        organizationName(props.output.submitterOrganization),
      ),
      // The page embeds its comment threads (2 on 2509.24002, the two shown under "Community").
      numComments: raw.numComments ?? props.output.comments?.length,
    },
    base,
  );
  if (!paper) return { papers: [], skipped: 1, warnings: [`${paperContentProps}: no title`] };
  return { papers: [paper], skipped: 0, warnings: [] };
}
