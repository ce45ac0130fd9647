/**
 * The paper cards of a list page, by arXiv id: the `<article>` holding the paper's links. The
 * content script decorates these; parse-page.ts joins them with the JSON entries.
 */
import { isArxivId } from '../model/paper';
import { card as cardSelector, cardTitleLink, paperLink } from './selectors';

export interface Card {
  id: string;
  card: HTMLElement;
}

/**
 * The arXiv id a paper link points to. Query and hash are dropped, so the comments link
 * `/papers/2609.31620#community` names the same paper as `/papers/2609.31620`.
 */
export function paperIdFromHref(href: string | null): string | undefined {
  const path = (href ?? '').split(/[?#]/, 1)[0] ?? '';
  const match = /^\/papers\/([^/]+)\/?$/.exec(path);
  return isArxivId(match?.[1]) ? match[1] : undefined;
}

/** The paper a card is about: its title link's, else the first paper link's. */
export function cardPaperId(card: Element): string | undefined {
  for (const selector of [cardTitleLink, paperLink]) {
    for (const link of card.querySelectorAll(selector)) {
      const id = paperIdFromHref(link.getAttribute('href'));
      if (id !== undefined) return id;
    }
  }
  return undefined;
}

/**
 * Cards in page order, one per paper: the trending layout repeats the paper inside one article
 * (desktop and mobile, trending-card-fragment-2026-10.html), which is still one card; a paper
 * shown by two articles keeps the first.
 */
export function listCards(root: ParentNode): Card[] {
  const cards: Card[] = [];
  const seen = new Set<string>();
  for (const card of root.querySelectorAll<HTMLElement>(cardSelector)) {
    const id = cardPaperId(card);
    if (id === undefined || seen.has(id) || holdsCards(card)) continue;
    seen.add(id);
    cards.push({ id, card });
  }
  return cards;
}

/** A wrapper article around paper cards is not a card: the innermost articles are. */
function holdsCards(card: Element): boolean {
  return Array.from(card.querySelectorAll(cardSelector)).some(
    (inner) => cardPaperId(inner) !== undefined,
  );
}

/** For each paper id, its card element. */
export function findCards(root: ParentNode): Map<string, HTMLElement> {
  return new Map(listCards(root).map(({ id, card }) => [id, card]));
}
