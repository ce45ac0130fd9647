/**
 * The single exit of the parser: raw fields from the JSON or the DOM in, a `PaperInfo` that
 * validates against `PaperInfoSchema` (lib/messages/protocol.ts) out, or nothing when the paper
 * has no arXiv id or no title.
 */
import { isArxivId, type PaperInfo } from '../model/paper';
import { LIMITS } from '../messages/protocol';
import { cleanDate, cleanText, safeUrl, toCount } from './normalize';

/** Fields as read from a page: anything may be missing or of the wrong type. */
export interface RawPaper {
  id: unknown;
  title: unknown;
  summary?: unknown;
  aiSummary?: unknown;
  authors?: unknown[];
  organization?: unknown;
  thumbnail?: unknown;
  publishedAt?: unknown;
  upvotes?: unknown;
  numComments?: unknown;
  githubRepo?: unknown;
  githubStars?: unknown;
  projectPage?: unknown;
}

export function buildPaper(raw: RawPaper, base: URL): PaperInfo | undefined {
  const title = cleanText(raw.title, LIMITS.title);
  if (!isArxivId(raw.id) || title === undefined) return undefined;
  const paper: PaperInfo = { id: raw.id, title, authors: cleanAuthors(raw.authors) };
  const optional: Omit<PaperInfo, 'id' | 'title' | 'authors'> = {
    summary: cleanText(raw.summary, LIMITS.summary),
    aiSummary: cleanText(raw.aiSummary, LIMITS.summary),
    organization: cleanText(raw.organization, LIMITS.shortText),
    thumbnail: safeUrl(raw.thumbnail, base, LIMITS.url),
    publishedAt: cleanDate(raw.publishedAt),
    upvotes: toCount(raw.upvotes),
    numComments: toCount(raw.numComments),
    githubRepo: safeUrl(raw.githubRepo, base, LIMITS.url),
    githubStars: toCount(raw.githubStars),
    projectPage: safeUrl(raw.projectPage, base, LIMITS.url),
  };
  // Absent rather than `undefined`: the protocol's strict schema and IndexedDB both care.
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) Object.assign(paper, { [key]: value });
  }
  return paper;
}

function cleanAuthors(authors: unknown[] | undefined): string[] {
  const names: string[] = [];
  for (const author of authors ?? []) {
    const name = cleanText(author, LIMITS.shortText);
    if (name !== undefined) names.push(name);
    if (names.length === LIMITS.authors) break;
  }
  return names;
}
