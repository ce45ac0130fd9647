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
 * shown by two articles keeps the first. A wrapper article around paper cards is not a card: the
 * innermost articles are.
 */
export function listCards(root: ParentNode): Card[] {
  const articles = Array.from(root.querySelectorAll<HTMLElement>(cardSelector));
  const ids = articles.map(cardPaperId);
  const wrappers = wrappersOf(articles.filter((_, i) => ids[i] !== undefined));
  const cards: Card[] = [];
  const seen = new Set<string>();
  articles.forEach((card, i) => {
    const id = ids[i];
    if (id === undefined || seen.has(id) || wrappers.has(card)) return;
    seen.add(id);
    cards.push({ id, card });
  });
  return cards;
}

/**
 * The articles that hold one of `cards`. Each card marks the articles above it, stopping at one
 * already marked (whose own ancestors are then marked too): a short walk up per card, where
 * asking every article for the cards inside it searched each card's subtree a second time.
 */
function wrappersOf(cards: Element[]): Set<Element> {
  const wrappers = new Set<Element>();
  const outer = (el: Element) => el.parentElement?.closest(cardSelector) ?? undefined;
  for (const card of cards) {
    for (let up = outer(card); up && !wrappers.has(up); up = outer(up)) wrappers.add(up);
  }
  return wrappers;
}

/** For each paper id, its card element. */
export function findCards(root: ParentNode): Map<string, HTMLElement> {
  return cardMap(listCards(root));
}

/** The same map from cards already listed. */
export function cardMap(cards: readonly Card[]): Map<string, HTMLElement> {
  return new Map(cards.map(({ id, card }) => [id, card]));
}
