/**
 * The DOM fallback for one card, used when the embedded JSON is missing, malformed or lacks the
 * paper. It reads only what a card shows, so it knows less than the JSON: at most 5 author
 * avatars (none when an organization chip is shown), no abstract on daily cards, no dates.
 */
import type { PageKind, PaperInfo } from '../model/paper';
import { buildPaper, type RawPaper } from './build-paper';
import { paperIdFromHref } from './find-cards';
import { lastCount } from './normalize';
import * as css from './selectors';

export function parseCard(
  card: Element,
  id: string,
  kind: PageKind,
  base: URL,
  texts = true,
): PaperInfo | undefined {
  const titleLink = Array.from(card.querySelectorAll(css.cardTitleLink)).find(
    (link) => paperIdFromHref(link.getAttribute('href')) === id,
  );
  const github = card.querySelector(css.githubLink);
  const text = texts ? card.querySelector(css.cardText)?.textContent : undefined;
  const raw: RawPaper = {
    id,
    title: titleLink?.textContent,
    authors: texts ? readAuthors(card) : [],
    organization: readOrganization(card),
    thumbnail: readThumbnail(card),
    upvotes: lastCount(card.querySelector(css.upvoteControl)?.textContent),
    numComments: lastCount(card.querySelector(css.commentsLink)?.textContent),
    githubRepo: github?.getAttribute('href'),
    // "GitHub 104k": the last word, when it is a count.
    githubStars: github ? lastCount(github.textContent) : undefined,
  };
  // Trending cards show the one-sentence AI summary ("The PyTorch distributed data parallel
  // module optimizes…" for 2006.15704), not the abstract; other lists would show the abstract.
  if (kind === 'trending') raw.aiSummary = text;
  else raw.summary = text;
  return buildPaper(raw, base);
}

/** The avatars' titles in reading order; a card laid out twice lists them twice, so one list. */
function readAuthors(card: Element): string[] {
  const list = card.querySelector(css.authorAvatar)?.parentElement;
  if (!list) return [];
  const names = Array.from(list.children)
    .filter((li) => li.matches(css.authorAvatar))
    .map((li) => li.getAttribute('title') ?? '');
  return list.matches(css.reversedAuthorList) ? names.reverse() : names;
}

function readOrganization(card: Element): string | undefined {
  const logo = card.querySelector(css.organizationLogo);
  const name = logo?.parentElement?.textContent?.trim();
  return name || (logo?.getAttribute('alt') ?? undefined);
}

/** The image inside the card's first paper link (the thumbnail link comes before the title). */
function readThumbnail(card: Element): string | undefined {
  const link = card.querySelector(css.paperLink);
  if (!link || link.closest('h3')) return undefined;
  return link.querySelector(css.thumbnailImage)?.getAttribute('src') ?? undefined;
}
