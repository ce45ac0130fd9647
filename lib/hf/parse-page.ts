/**
 * The page parser: a pure function of a DOM tree and a URL (touches neither `document` nor
 * `browser`), shared by the content script, the Node tests and scripts/parse.ts. Embedded JSON
 * first, DOM as the fallback (design.md, "Parsing order"). Never throws.
 */
import type { PageKind, PaperInfo } from '../model/paper';
import { LIMITS } from '../messages/protocol';
import { buildPaper } from './build-paper';
import { listCards, type Card } from './find-cards';
import { detectPageKind, paperIdOfUrl } from './page-kind';
import { parseCard } from './parse-card';
import { cleanText } from './normalize';
import { readListProps, readPaperProps } from './read-props';
import { paperTitle } from './selectors';

export interface ParsedPage {
  kind: PageKind;
  /** Where the papers came from: 'json' when the embedded JSON gave at least one. */
  source: 'json' | 'dom' | 'none';
  /** In page order, one per id; each has an arXiv id and a title, strings within LIMITS. */
  papers: PaperInfo[];
  /** Entries or cards that had to be skipped (no arXiv id, no title). */
  skipped: number;
  warnings: string[];
  /**
   * When parsed without texts: the papers of `ids` with their texts, read from what this parse
   * already holds (the JSON is not parsed again). May throw on a hostile DOM.
   */
  withTexts?: (ids: ReadonlySet<string>) => PaperInfo[];
}

export interface ParseOptions {
  /**
   * Whether to read the papers' texts (abstract, AI summary, authors). Without them a paper is
   * what a report carries: the content script reads the texts only when the background asks.
   * Default true.
   */
  texts?: boolean;
}

/**
 * `cards`: the cards of `root` (`listCards(root)`) when the caller has just listed them, as the
 * content script has, so the page is not searched for them twice.
 */
export function parsePage(
  root: ParentNode,
  url: URL,
  cards?: readonly Card[],
  { texts = true }: ParseOptions = {},
): ParsedPage {
  let kind: PageKind = 'unknown';
  try {
    kind = detectPageKind(url);
    const parsed =
      kind === 'paper'
        ? parsePaperPage(root, url, texts)
        : parseListPage(root, url, kind, cards, texts);
    if (parsed.papers.length > LIMITS.papersPerReport) {
      parsed.warnings.push(
        `${parsed.papers.length} papers: kept the first ${LIMITS.papersPerReport}`,
      );
      parsed.papers = parsed.papers.slice(0, LIMITS.papersPerReport);
    }
    return parsed;
  } catch (error) {
    // A DOM that throws from a getter, or anything else unforeseen: report it, never crash the
    // content script.
    const message = error instanceof Error ? error.message : String(error);
    return {
      kind,
      source: 'none',
      papers: [],
      skipped: 0,
      warnings: [`parser failed: ${message}`],
    };
  }
}

/** A list page as its cards alone show it (`parseCardTitles`). */
export interface CardTitles {
  kind: PageKind;
  papers: { id: string; title: string }[];
}

/**
 * The papers of a list page as its cards show them, id and title, without reading the page's
 * JSON: all a report needs to be answered with the papers' states. The rest of each paper is read
 * from the JSON afterwards (`parsePage`), when the page is idle. Undefined when the cards are not
 * enough and the full parse must decide: not a list page, no cards, too many, or a card without a
 * title link or a title.
 */
export function parseCardTitles(url: URL, cards: readonly Card[]): CardTitles | undefined {
  const kind = detectPageKind(url);
  if (kind === 'paper' || kind === 'unknown') return undefined;
  if (cards.length === 0 || cards.length > LIMITS.papersPerReport) return undefined;
  const papers: CardTitles['papers'] = [];
  for (const { id, titleLink } of cards) {
    const title = cleanText(titleLink?.textContent, LIMITS.title);
    if (title === undefined) return undefined;
    papers.push({ id, title });
  }
  return { kind, papers };
}

function parsePaperPage(root: ParentNode, url: URL, texts: boolean): ParsedPage {
  const id = paperIdOfUrl(url);
  const json = readPaperProps(root, url, texts);
  const fromJson = json.papers[0];
  // After a client-side move to another paper the embedded JSON can still be the previous one's:
  // the URL says which paper this is.
  if (fromJson && fromJson.id === id) {
    const parsed: ParsedPage = {
      kind: 'paper',
      source: 'json',
      papers: [fromJson],
      skipped: 0,
      warnings: [],
    };
    // One paper: reading its JSON again is the simple way.
    if (!texts) parsed.withTexts = (ids) => (ids.has(id) ? readPaperProps(root, url).papers : []);
    return parsed;
  }
  const warnings = [...json.warnings];
  if (fromJson) warnings.push(`PaperContent JSON is about ${fromJson.id}, the URL about ${id}`);
  const title = root.querySelector(paperTitle)?.textContent;
  const fromDom = buildPaper({ id, title }, url);
  if (!fromDom) warnings.push('paper page: no title found');
  return {
    kind: 'paper',
    source: fromDom ? 'dom' : 'none',
    papers: fromDom ? [fromDom] : [],
    skipped: json.skipped,
    warnings,
  };
}

/**
 * JSON entries joined with the cards by id, in page order: the cards' order, each JSON entry
 * without a card kept after the entry before it, cards without an entry read from the DOM.
 */
function parseListPage(
  root: ParentNode,
  url: URL,
  kind: PageKind,
  listed: readonly Card[] | undefined,
  texts: boolean,
): ParsedPage {
  const json = readListProps(root, kind, url, texts);
  const warnings = [...json.warnings];
  if (kind === 'unknown') warnings.push(`not a papers list URL: ${url.pathname}`);
  const byId = new Map(json.papers.map((paper, index) => [paper.id, { paper, index }]));
  const cards = listed ?? listCards(root);
  const cardIds = new Set(cards.map((c) => c.id));
  const papers: PaperInfo[] = [];
  let skipped = json.skipped;
  let next = 0;
  let fromDom = 0;
  const flushJsonUntil = (end: number) => {
    for (; next < end; next++) {
      const paper = json.papers[next];
      if (paper && !cardIds.has(paper.id)) papers.push(paper);
    }
  };
  for (const { id, card } of cards) {
    const entry = byId.get(id);
    if (entry) {
      flushJsonUntil(entry.index);
      papers.push(entry.paper);
      next = Math.max(next, entry.index + 1);
      continue;
    }
    const paper = parseCard(card, id, kind, url, texts);
    if (paper) {
      papers.push(paper);
      fromDom++;
    } else {
      skipped++;
    }
  }
  flushJsonUntil(json.papers.length);
  if (papers.length === 0) {
    warnings.push('layout not recognised: no papers in the JSON and no paper cards');
  }
  const source = papers.length === 0 ? 'none' : papers.length > fromDom ? 'json' : 'dom';
  const parsed: ParsedPage = { kind, source, papers, skipped, warnings };
  if (!texts) {
    parsed.withTexts = (ids) => {
      const fromJson = json.withTexts?.(ids) ?? [];
      // Cards without a JSON entry were read from the DOM: read them again, with their texts.
      const fromCards = cards.flatMap(({ id, card }) => {
        if (!ids.has(id) || byId.has(id)) return [];
        const paper = parseCard(card, id, kind, url, true);
        return paper ? [paper] : [];
      });
      return [...fromJson, ...fromCards];
    };
  }
  return parsed;
}
