/**
 * The embedded JSON of a page, read first (design.md, "Parsing order"): `getAttribute` gives the
 * attribute already un-escaped, `JSON.parse` it, then read each entry on its own.
 */
import type { PageKind, PaperInfo } from '../model/paper';
import { buildPaper, type RawPaper } from './build-paper';
import {
  readAuthor,
  readDailyPapersProps,
  readPaperContentProps,
  readPaperEntry,
  readPropsPaper,
  type Organization,
  type PaperEntry,
  type PropsPaper,
} from './props-schema';
import { dailyPapersProps, paperContentProps } from './selectors';

export interface PropsResult {
  /** Valid papers in JSON order, one per id. */
  papers: PaperInfo[];
  /**
   * When read without texts: the papers of `ids` with their texts, in that order, from the JSON
   * already read.
   */
  withTexts?: (ids: ReadonlySet<string>) => PaperInfo[];
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
const firstText = (value: string | undefined, other: string | undefined) =>
  value?.trim() ? value : other?.trim() ? other : undefined;

const organizationName = (org: Organization | undefined) => firstText(org?.fullname, org?.name);

/** Hidden authors are hidden on the site too. */
function authorNames(authors: readonly unknown[]): string[] {
  const names: string[] = [];
  for (const author of authors) {
    const read = readAuthor(author);
    if (read && read.hidden !== true) names.push(read.name);
  }
  return names;
}

/**
 * The paper's fields, a blank one giving way to `copy`'s (a list entry repeats the title, summary,
 * organization and date of its paper). The entry's thumbnail and comment count win: they are what
 * the card shows. Without `texts`, no abstract, AI summary or authors (parse-page.ts).
 */
function fromPropsPaper(
  paper: PropsPaper,
  copy: Omit<PaperEntry, 'paper'>,
  texts: boolean,
): RawPaper {
  return {
    id: paper.id,
    title: firstText(paper.title, copy.title),
    summary: texts ? firstText(paper.summary, copy.summary) : undefined,
    aiSummary: texts ? paper.ai_summary : undefined,
    authors: texts ? authorNames(paper.authors) : [],
    organization: firstText(
      organizationName(paper.organization),
      organizationName(copy.organization),
    ),
    thumbnail: firstText(copy.thumbnail, paper.thumbnail),
    publishedAt: firstText(paper.publishedAt, copy.publishedAt),
    upvotes: paper.upvotes,
    numComments: copy.numComments ?? paper.numComments,
    githubRepo: paper.githubRepo,
    githubStars: paper.githubStars,
    projectPage: paper.projectPage,
  };
}

/** A result given as the paper itself (no `paper` wrapper) is read as if it were wrapped. */
function asEntry(entry: unknown): unknown {
  const isBarePaper = typeof entry === 'object' && entry !== null && !('paper' in entry);
  return isBarePaper ? { paper: entry } : entry;
}

/** The id an entry claims, before reading it. */
function entryId(entry: unknown): string | undefined {
  const paper = (asEntry(entry) as { paper?: unknown } | null)?.paper;
  const id =
    typeof paper === 'object' && paper !== null ? (paper as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : undefined;
}

function entriesById(entries: readonly unknown[]): Map<string, unknown[]> {
  const byId = new Map<string, unknown[]>();
  for (const entry of entries) {
    const id = entryId(entry);
    if (id === undefined) continue;
    const same = byId.get(id);
    if (same) same.push(entry);
    else byId.set(id, [entry]);
  }
  return byId;
}

function entryToPaper(entry: unknown, base: URL, texts: boolean): PaperInfo | undefined {
  const read = readPaperEntry(asEntry(entry));
  return read && buildPaper(fromPropsPaper(read.paper, read, texts), base);
}

/**
 * The list pages' `[data-target="DailyPapers"]`. A search lists its results in `searchResults`
 * (design.md); otherwise `dailyPapers`, whichever is not empty.
 */
export function readListProps(
  root: ParentNode,
  kind: PageKind,
  base: URL,
  texts = true,
): PropsResult {
  const json = readJson(root, dailyPapersProps);
  if (!json.ok) return { papers: [], skipped: 0, warnings: [json.warning] };
  const props = readDailyPapersProps(json.value);
  if (!props) return { papers: [], skipped: 0, warnings: [`${dailyPapersProps}: not an object`] };
  const { dailyPapers, searchResults } = props;
  const entries =
    (kind === 'search' && searchResults?.length ? searchResults : undefined) ??
    (dailyPapers?.length ? dailyPapers : undefined) ??
    searchResults ??
    [];
  const result: PropsResult = { papers: [], skipped: 0, warnings: [] };
  const seen = new Set<string>();
  for (const entry of entries) {
    const paper = entryToPaper(entry, base, texts);
    if (!paper) {
      result.skipped++;
    } else if (!seen.has(paper.id)) {
      seen.add(paper.id);
      result.papers.push(paper);
    }
  }
  if (!texts) {
    // Each id's entries, in JSON order, found once: the texts are asked for a batch at a time.
    let byId: Map<string, unknown[]> | undefined;
    result.withTexts = (ids) => {
      byId ??= entriesById(entries);
      const papers: PaperInfo[] = [];
      for (const id of ids) {
        // The first of an id's entries that reads as a paper, as the parse kept.
        for (const entry of byId.get(id) ?? []) {
          const paper = entryToPaper(entry, base, true);
          if (paper) {
            papers.push(paper);
            break;
          }
        }
      }
      return papers;
    };
  }
  if (entries.length === 0) result.warnings.push(`${dailyPapersProps}: no papers in the JSON`);
  if (result.skipped > 0) {
    result.warnings.push(`${result.skipped} JSON entries skipped (no arXiv id or no title)`);
  }
  return result;
}

/** The paper page's `[data-target="PaperContent"]`: its one paper, if valid. */
export function readPaperProps(root: ParentNode, base: URL, texts = true): PropsResult {
  const json = readJson(root, paperContentProps);
  if (!json.ok) return { papers: [], skipped: 0, warnings: [json.warning] };
  const props = readPaperContentProps(json.value);
  const paper = props && readPropsPaper(props.paper);
  if (!props || !paper) {
    return { papers: [], skipped: 1, warnings: [`${paperContentProps}: no valid paper`] };
  }
  const raw = fromPropsPaper(paper, { organization: props.submitterOrganization }, texts);
  // The page embeds its comment threads (2 on 2509.24002, the two shown under "Community").
  raw.numComments ??= props.comments?.length;
  const built = buildPaper(raw, base);
  if (!built) return { papers: [], skipped: 1, warnings: [`${paperContentProps}: no title`] };
  return { papers: [built], skipped: 0, warnings: [] };
}
