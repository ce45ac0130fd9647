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
  // Absent rather than `undefined`: the protocol's strict schema and IndexedDB both care. Set one
  // by one: this runs for every paper of the page in the content script's cold code, where a
  // loop over `Object.entries` of a temporary object cost more than the cleaning itself.
  const summary = cleanText(raw.summary, LIMITS.summary);
  if (summary !== undefined) paper.summary = summary;
  const aiSummary = cleanText(raw.aiSummary, LIMITS.summary);
  if (aiSummary !== undefined) paper.aiSummary = aiSummary;
  const organization = cleanText(raw.organization, LIMITS.shortText);
  if (organization !== undefined) paper.organization = organization;
  const thumbnail = safeUrl(raw.thumbnail, base, LIMITS.url);
  if (thumbnail !== undefined) paper.thumbnail = thumbnail;
  const publishedAt = cleanDate(raw.publishedAt);
  if (publishedAt !== undefined) paper.publishedAt = publishedAt;
  const upvotes = toCount(raw.upvotes);
  if (upvotes !== undefined) paper.upvotes = upvotes;
  const numComments = toCount(raw.numComments);
  if (numComments !== undefined) paper.numComments = numComments;
  const githubRepo = safeUrl(raw.githubRepo, base, LIMITS.url);
  if (githubRepo !== undefined) paper.githubRepo = githubRepo;
  const githubStars = toCount(raw.githubStars);
  if (githubStars !== undefined) paper.githubStars = githubStars;
  const projectPage = safeUrl(raw.projectPage, base, LIMITS.url);
  if (projectPage !== undefined) paper.projectPage = projectPage;
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
