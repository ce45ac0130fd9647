/**
 * The paper cards of a list page, by arXiv id: the `<article>` holding the paper's links. The
 * content script decorates these; parse-page.ts joins them with the JSON entries.
 */
import { ARXIV_ID } from '../model/paper';
import { card as cardSelector, cardTitleLink, paperLink } from './selectors';

export interface Card {
  id: string;
  card: HTMLElement;
  /** The card's title link, when the paper was found by one (the usual case). */
  titleLink?: Element;
}

/**
 * The arXiv id a paper link points to. Query and hash are dropped, so the comments link
 * `/papers/2609.31620#community` names the same paper as `/papers/2609.31620`.
 */
export function paperIdFromHref(href: string | null): string | undefined {
  // One expression, not a split and two matches: this runs for every card of the page.
  return href === null ? undefined : PAPER_HREF.exec(href)?.[1];
}

/** `/papers/<arXiv id>`, a slash allowed after it, then the end, a query or a hash. */
const PAPER_HREF = new RegExp(`^/papers/(${ARXIV_ID.source.slice(1, -1)})/?(?:[?#]|$)`);

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
  if (articles.length === 0) return [];
  const { ids: idOf, titleLinks } = articlePaperIds(root, articles.length);
  // The site's pages nest no articles: one query says so, and no card walks up the page.
  const nested = root.querySelector(`${cardSelector} ${cardSelector}`) !== null;
  const wrappers = nested
    ? wrappersOf(articles.filter((article) => idOf.has(article)))
    : new Set<Element>();
  const cards: Card[] = [];
  const seen = new Set<string>();
  for (const card of articles) {
    const id = idOf.get(card);
    if (id === undefined || seen.has(id) || wrappers.has(card)) continue;
    seen.add(id);
    const titleLink = titleLinks.get(card);
    cards.push(titleLink ? { id, card, titleLink } : { id, card });
  }
  return cards;
}

/**
 * `cardPaperId` of every article, from one search of the page per kind of link rather than two
 * searches inside each article (100 for a 50-card page). A link counts for its innermost article:
 * an article around cards takes no id from their links, and is left out as a wrapper anyway.
 */
function articlePaperIds(root: ParentNode, articles: number) {
  const ids = new Map<Element, string>();
  const titleLinks = new Map<Element, Element>();
  for (const selector of [cardTitleLink, paperLink]) {
    for (const link of root.querySelectorAll(`${cardSelector} ${selector}`)) {
      const article = link.closest(cardSelector);
      if (!article || ids.has(article)) continue;
      const id = paperIdFromHref(link.getAttribute('href'));
      if (id === undefined) continue;
      ids.set(article, id);
      if (selector === cardTitleLink) titleLinks.set(article, link);
    }
    // Every article has its title link's paper: no need to look at the other links.
    if (ids.size === articles) break;
  }
  return { ids, titleLinks };
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
