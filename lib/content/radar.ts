import type { PaperInfo, PaperState } from '../model/paper';
import type { PaperTexts, ReportedPaper, Request, Responses } from '../messages/protocol';
import { cardMap, findCards, listCards } from '../hf/find-cards';
import { parsePage, type ParsedPage } from '../hf/parse-page';
import { decorateCard, undecorateCard, type CardActions } from './decorate-card';
import { MARK } from './marks';

/** Papers whose texts one idle task reads and sends: a few milliseconds of work. */
export const TEXTS_PER_TASK = 25;

export interface RadarDeps {
  doc: Document;
  url(): URL;
  now(): number;
  report(data: Request<'reportPage'>): Promise<Responses['reportPage']>;
  sendTexts(data: Request<'paperTexts'>): Promise<Responses['paperTexts']>;
  undoHide(id: string): Promise<Responses['undoHide']>;
  warn(message: string, error?: unknown): void;
  /** Runs the radar's own edits of the page where the page watcher does not see them. */
  quietly?(change: () => void): void;
  /** Runs `task` once the page is idle (requestIdleCallback): work that nothing on screen waits on. */
  whenIdle(task: () => void): void;
}

/**
 * The content script's work on one tab: parse the page, report what it shows, decorate the cards
 * with the states the background answers, and keep doing it as the site re-renders client-side.
 */
export function createRadar(deps: RadarDeps) {
  const states = new Map<string, PaperState>();
  const titles = new Map<string, string>();
  let reported = '';
  /** The URL and card ids of the last full pass: unchanged means nothing to parse again. */
  let lastLayout = '';
  let queued = false;
  let running: Promise<void> = Promise.resolve();
  /** Broadcasts that arrive while a report is in flight; they are newer than its reply. */
  let duringReport: Map<string, PaperState> | null = null;
  const quietly = deps.quietly ?? ((change: () => void) => change());

  const actions: CardActions = {
    onUndoHide: (id) => {
      deps
        .undoHide(id)
        .then(({ state }) => applyStates([state]))
        .catch((error) => deps.warn('Could not undo hiding', error));
    },
  };

  async function pass(): Promise<void> {
    const { doc } = deps;
    const url = deps.url();
    if (!url.pathname.startsWith('/papers')) {
      // The site navigated client-side away from the papers pages: leave no marks behind.
      doc.documentElement.removeAttribute(MARK.kind);
      doc.documentElement.removeAttribute(MARK.count);
      quietly(() => removeStaleMarks(doc, new Map()));
      reported = '';
      return;
    }
    // One lookup of the cards per pass, shared by the layout check, the parser and the decoration
    // (each looked them up on its own before: three searches of the page per pass).
    const listed = listCards(doc);
    const cards = cardMap(listed);
    // The site mutates the page for many reasons (images, menus, hydration). Parsing its embedded
    // JSON again is only worth it when the URL or the set of cards changed.
    const layout = `${url.href}\n${[...cards.keys()].join(',')}`;
    if (layout === lastLayout && reported) {
      quietly(() => removeStaleMarks(doc, cards));
      decorateAll(cards);
      return;
    }
    lastLayout = layout;
    // Without the texts: most of a paper's bytes and of the time to read it, and the background
    // has them already for a page seen before (it asks for the others: sendTexts).
    const parsed = parsePage(doc, url, listed, { texts: false });
    // After client-side navigation the embedded JSON can be stale, so a list page counts the papers
    // that have a card; the JSON only enriches them. A paper page has no cards, only its paper.
    const papers =
      parsed.kind === 'paper' ? parsed.papers : parsed.papers.filter((p) => cards.has(p.id));
    papers.forEach((p) => titles.set(p.id, p.title));
    setIfChanged(doc.documentElement, MARK.kind, parsed.kind);
    setIfChanged(doc.documentElement, MARK.count, String(papers.length));
    quietly(() => removeStaleMarks(doc, cards));

    const signature = `${url.href}\n${papers.map((p) => p.id).join(',')}`;
    let wantTexts: string[] | undefined;
    if (signature !== reported) {
      reported = signature;
      duringReport = new Map();
      try {
        const reply = await deps.report(toReport(url, parsed.kind, papers, parsed.skipped));
        reply.states.forEach((s) => states.set(s.id, s));
        duringReport.forEach((s, id) => states.has(id) && states.set(id, s));
        wantTexts = reply.wantTexts;
      } catch (error) {
        reported = '';
        deps.warn('Papers Radar could not record this page', error);
      }
      duringReport = null;
    }
    // The page changed while the report was out (the observer queued a pass): the cards may be
    // other elements now, so look again; otherwise the cards of this pass are still the page's.
    decorateAll(queued ? findCards(doc) : cards);
    if (wantTexts?.length) sendTexts(parsed, wantTexts, signature);
  }

  /**
   * The texts the background asked for, read from what the parse holds once the page is idle,
   * TEXTS_PER_TASK papers per idle task: nothing on screen waits on them, so they stay out of the
   * frame that decorates the cards, and no task runs long on a big page. Dropped when this tab has
   * reported another page since: that report's reply asks for what it needs.
   */
  function sendTexts(parsed: ParsedPage, wanted: string[], forReport: string): void {
    const batch = new Set(wanted.slice(0, TEXTS_PER_TASK));
    const rest = wanted.slice(TEXTS_PER_TASK);
    deps.whenIdle(() => {
      if (reported !== forReport) return;
      let texts: PaperTexts[];
      try {
        texts = (parsed.withTexts?.(batch) ?? []).map(textsOf);
      } catch (error) {
        deps.warn('Could not read the texts', error);
        return;
      }
      if (texts.length > 0) {
        deps.sendTexts({ texts }).catch((error) => deps.warn('Could not record the texts', error));
      }
      if (rest.length > 0) sendTexts(parsed, rest, forReport);
    });
  }

  function decorateAll(cards: Map<string, HTMLElement>): void {
    const now = deps.now();
    quietly(() => {
      for (const [id, card] of cards) {
        const state = states.get(id);
        if (state) decorateCard(card, state, titles.get(id) ?? id, now, actions);
      }
    });
  }

  function applyStates(changed: PaperState[]): void {
    // Only papers this tab already knows: a broadcast never adds papers to the page.
    for (const s of changed) {
      duringReport?.set(s.id, s);
      if (states.has(s.id)) states.set(s.id, s);
    }
    decorateAll(findCards(deps.doc));
  }

  /** Runs a pass soon; passes never overlap and a burst of calls makes one pass. */
  function schedule(): void {
    if (queued) return;
    queued = true;
    running = running.then(() => {
      queued = false;
      return pass().catch((error) => deps.warn('Papers Radar pass failed', error));
    });
  }

  return { schedule, applyStates, idle: () => running };
}

/**
 * The report: every paper without its texts (abstract, AI summary, authors), most of a report's
 * bytes. The background asks for them (`wantTexts`) for the papers it has no texts for: on a page
 * seen before, none (docs/performance.md, "Texts on request").
 */
function toReport(
  url: URL,
  kind: Request<'reportPage'>['kind'],
  papers: PaperInfo[],
  skipped: number,
) {
  const openedId = kind === 'paper' ? papers[0]?.id : undefined;
  const light = papers.map(withoutTexts);
  return { url: url.href, kind, papers: light, skipped, ...(openedId ? { openedId } : {}) };
}

function withoutTexts(paper: PaperInfo): ReportedPaper {
  const { summary, aiSummary, authors, ...rest } = paper;
  return rest;
}

function textsOf({ id, summary, aiSummary, authors }: PaperInfo): PaperTexts {
  return { id, summary, aiSummary, authors };
}

function removeStaleMarks(doc: Document, cards: Map<string, HTMLElement>): void {
  doc.querySelectorAll<HTMLElement>(`[${MARK.id}]`).forEach((el) => {
    const id = el.getAttribute(MARK.id) ?? '';
    if (cards.get(id) !== el) undecorateCard(el);
  });
}

/** Pages can observe attribute writes: write only what changed. */
function setIfChanged(el: Element, name: string, value: string): void {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}
