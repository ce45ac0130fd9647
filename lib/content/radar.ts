import type { PaperInfo, PaperState } from '../model/paper';
import type { ReportedPaper, Request, Responses } from '../messages/protocol';
import { cardMap, findCards, listCards, type Card } from '../hf/find-cards';
import { parseCardTitles, parsePage, type ParsedPage } from '../hf/parse-page';
import { decorateCard, undecorateCard, type CardActions } from './decorate-card';
import { MARK } from './marks';

/** Papers whose details one idle task reads and sends: a few milliseconds of work. */
export const DETAILS_PER_TASK = 25;

export interface RadarDeps {
  doc: Document;
  url(): URL;
  now(): number;
  report(data: Request<'reportPage'>): Promise<Responses['reportPage']>;
  sendDetails(data: Request<'paperDetails'>): Promise<Responses['paperDetails']>;
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
    const { kind, papers, skipped, titlesOnly, details } = readPage(doc, url, listed, cards);
    papers.forEach((p) => titles.set(p.id, p.title));
    // Cards are marked only after the count is set, and the marks go when it goes: without it
    // there is none to look for (the first pass in a document, the usual case).
    const marked = doc.documentElement.hasAttribute(MARK.count);
    setIfChanged(doc.documentElement, MARK.kind, kind);
    setIfChanged(doc.documentElement, MARK.count, String(papers.length));
    if (marked) quietly(() => removeStaleMarks(doc, cards));

    const signature = `${url.href}\n${papers.map((p) => p.id).join(',')}`;
    let wantTexts: string[] = [];
    let reportedNow = false;
    if (signature !== reported) {
      reported = signature;
      duringReport = new Map();
      try {
        const openedId = kind === 'paper' ? papers[0]?.id : undefined;
        const reply = await deps.report({
          url: url.href,
          kind,
          papers,
          skipped,
          ...(openedId ? { openedId } : {}),
          ...(titlesOnly ? { titlesOnly } : {}),
        });
        reply.states.forEach((s) => states.set(s.id, s));
        duringReport.forEach((s, id) => states.has(id) && states.set(id, s));
        wantTexts = reply.wantTexts ?? [];
        reportedNow = true;
      } catch (error) {
        reported = '';
        deps.warn('Papers Radar could not record this page', error);
      }
      duringReport = null;
    }
    // The page changed while the report was out (the observer queued a pass): the cards may be
    // other elements now, so look again; otherwise the cards of this pass are still the page's.
    decorateAll(queued ? findCards(doc) : cards);
    if (reportedNow && (titlesOnly || wantTexts.length > 0)) {
      sendDetails({
        page: details,
        all: titlesOnly,
        cards,
        wantTexts: new Set(wantTexts),
        forReport: signature,
      });
    }
  }

  /**
   * What the background is sent once the page is idle: after a report from the cards, every
   * paper's fields from the page's JSON, with the texts of the papers the reply asked for
   * (`wantTexts`); after a report from the JSON, those texts alone. DETAILS_PER_TASK papers per
   * idle task, the JSON read in a task of its own: nothing on screen waits on them, so they stay
   * out of the frame that decorates the cards, and no task runs long on a big page. Dropped when
   * this tab has reported another page since: that report's reply asks for what it needs.
   */
  function sendDetails(job: {
    page: () => ParsedPage;
    all: boolean;
    cards: Map<string, HTMLElement>;
    wantTexts: ReadonlySet<string>;
    forReport: string;
  }): void {
    deps.whenIdle(() => {
      if (reported !== job.forReport) return;
      let parsed: ParsedPage;
      let ids: string[];
      try {
        parsed = job.page();
        ids = job.all ? pagePapers(parsed, job.cards).map((p) => p.id) : [...job.wantTexts];
      } catch (error) {
        deps.warn('Could not read the page', error);
        return;
      }
      const light = new Map(parsed.papers.map((p) => [p.id, p]));
      sendBatches({ parsed, light, wantTexts: job.wantTexts, forReport: job.forReport }, ids);
    });
  }

  /** The details of `ids` from `from` on, DETAILS_PER_TASK per idle task, one after the other. */
  function sendBatches(
    source: DetailsSource & { forReport: string },
    ids: readonly string[],
    from = 0,
  ): void {
    const next = from + DETAILS_PER_TASK;
    const batch = ids.slice(from, next);
    deps.whenIdle(() => {
      if (reported !== source.forReport) return;
      let papers: ReportedPaper[];
      try {
        papers = detailsOf(source, batch);
      } catch (error) {
        deps.warn('Could not read the details', error);
        return;
      }
      if (papers.length > 0) {
        deps
          .sendDetails({ papers })
          .catch((error) => deps.warn('Could not record the details', error));
      }
      if (next < ids.length) sendBatches(source, ids, next);
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
 * What a pass reports, and where the details that follow it come from. A list page is reported as
 * its cards show it, ids and titles: the states that decorate the cards need no more, and the
 * page's JSON (most of the pass) is read once the page is idle (docs/performance.md, "Cards first,
 * the JSON when idle"). Where the cards are not enough (a paper page, a card without a title), the
 * JSON now, without the texts: most of a paper's bytes, which the background has already for a
 * page seen before.
 */
function readPage(doc: Document, url: URL, listed: Card[], cards: Map<string, HTMLElement>) {
  const fromCards = parseCardTitles(url, listed);
  if (fromCards) {
    return {
      kind: fromCards.kind,
      papers: fromCards.papers,
      skipped: 0,
      titlesOnly: true as const,
      details: () => parsePage(doc, url, listed, { texts: false }),
    };
  }
  const parsed = parsePage(doc, url, listed, { texts: false });
  return {
    kind: parsed.kind,
    papers: pagePapers(parsed, cards).map(withoutTexts),
    skipped: parsed.skipped,
    titlesOnly: false as const,
    details: () => parsed,
  };
}

/**
 * The papers of a parse that the page shows: after client-side navigation the embedded JSON can
 * be stale, so on a list page only the papers with a card count. A paper page has no cards.
 */
function pagePapers(parsed: ParsedPage, cards: Map<string, HTMLElement>): PaperInfo[] {
  return parsed.kind === 'paper' ? parsed.papers : parsed.papers.filter((p) => cards.has(p.id));
}

/** A paper without its texts (abstract, AI summary, authors), most of its bytes. */
function withoutTexts(paper: PaperInfo): ReportedPaper {
  const { summary, aiSummary, authors, ...rest } = paper;
  return rest;
}

/** A parse whose details are sent: its papers by id, and which of them go with their texts. */
interface DetailsSource {
  parsed: ParsedPage;
  light: Map<string, PaperInfo>;
  wantTexts: ReadonlySet<string>;
}

/**
 * The papers of `ids` as the parse read them, in that order, with their texts for the ones in
 * `wantTexts` and without for the others.
 */
function detailsOf({ parsed, light, wantTexts }: DetailsSource, ids: readonly string[]) {
  const wanted = new Set(ids.filter((id) => wantTexts.has(id)));
  const withTexts = new Map((parsed.withTexts?.(wanted) ?? []).map((p) => [p.id, p]));
  return ids.flatMap((id): ReportedPaper[] => {
    const full = withTexts.get(id);
    if (full) return [full];
    const paper = light.get(id);
    return paper ? [withoutTexts(paper)] : [];
  });
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
