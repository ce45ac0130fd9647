/**
 * Generated papers pages in the REAL markup of the saved daily page (fixtures/hf/README.md): the
 * fixture is parsed with happy-dom, its `data-props` JSON and its `<article>` cards are replaced
 * by papers of our choosing, built from the fixture's first entry and first card.
 */
import { readFileSync } from 'node:fs';
import { Window, type Element as HappyElement } from 'happy-dom';
import { FIXTURE } from './paths';

export interface ListPaper {
  id: string;
  title: string;
  summary: string;
  upvotes?: number;
}

export interface ClientSideNav {
  /** The path the page moves to with `history.pushState`, e.g. `/papers/date/2026-09-29`. */
  path: string;
  /** The other day's papers. */
  papers: readonly ListPaper[];
  /** The other day, `YYYY-MM-DD` (its `dateString`). */
  date: string;
  /**
   * How the list is re-rendered: `replace` puts new `<article>` elements in (a keyed re-render);
   * `patch` keeps the existing `<article>` elements and rewrites their links, title and upvotes in
   * place (an unkeyed re-render reusing DOM nodes), removing or adding cards at the end.
   */
  mode?: 'replace' | 'patch';
}

export interface ListPageOptions {
  /** The day the page shows, `YYYY-MM-DD` (the JSON's `dateString`); the fixture's by default. */
  date?: string;
  /**
   * Makes the page change client-side, as the site does between days: an inline script that, on
   * a click on `#e2e-next-day` or a `window.postMessage({type: 'e2e-navigate'})`, pushes the
   * other day's URL and replaces the list (cards AND `data-props`). Serve such a page with
   * `keepScripts: true`.
   */
  clientSideNav?: ClientSideNav;
}

/** Selectors into the saved daily page's markup. */
const LIST_ROOT = '[data-target="DailyPapers"]';
const TITLE_LINK = 'h3 a[href^="/papers/"]';
const UPVOTE_COUNT = '[role="checkbox"] .leading-none';
export const NAV_BUTTON_ID = 'e2e-next-day';
export const NAV_MESSAGE = 'e2e-navigate';

interface Template {
  window: Window;
  /** The parsed fixture's `<html>`; cloned for every page, never changed. */
  html: HappyElement;
  /** The fixture's props JSON, parsed. */
  props: Record<string, unknown> & { dailyPapers: unknown[] };
  firstEntry: { paper: { id: string } };
}

let template: Template | undefined;

function loadTemplate(): Template {
  if (template) return template;
  const window = new Window({
    url: 'https://huggingface.co/papers',
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
    },
  });
  window.document.write(readFileSync(FIXTURE.daily, 'utf8'));
  const html = window.document.documentElement;
  const root = html.querySelector(LIST_ROOT);
  const raw = root?.getAttribute('data-props');
  if (!root || !raw) throw new Error(`The daily fixture has no ${LIST_ROOT}[data-props]`);
  const props = JSON.parse(raw) as Template['props'];
  const firstEntry = props.dailyPapers[0] as Template['firstEntry'] | undefined;
  if (!firstEntry?.paper?.id) throw new Error('The daily fixture has no first dailyPapers entry');
  if (!html.querySelector('article')) throw new Error('The daily fixture has no <article> card');
  template = { window, html, props, firstEntry };
  return template;
}

/** Releases the happy-dom window (call once, after the last build). */
export async function closePageBuilder(): Promise<void> {
  const current = template;
  template = undefined;
  await current?.window.happyDOM.close();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A `dailyPapers` entry for `paper`: a deep clone of the fixture's first one, re-identified. */
function entryFor(paper: ListPaper): unknown {
  const { firstEntry } = loadTemplate();
  const oldId = new RegExp(escapeRegExp(firstEntry.paper.id), 'g');
  // The old id is replaced everywhere in the entry (thumbnail URL, ids), then the paper's fields.
  const entry = JSON.parse(JSON.stringify(firstEntry).replace(oldId, paper.id)) as {
    title?: string;
    summary?: string;
    paper: { id: string; title: string; summary?: string; upvotes?: number };
  };
  entry.paper.id = paper.id;
  entry.paper.title = paper.title;
  entry.paper.summary = paper.summary;
  entry.paper.upvotes = paper.upvotes ?? 0;
  entry.title = paper.title;
  entry.summary = paper.summary;
  return entry;
}

function propsFor(papers: readonly ListPaper[], date: string | undefined): string {
  const { props } = loadTemplate();
  return JSON.stringify({
    ...props,
    ...(date ? { dateString: date } : {}),
    dailyPapers: papers.map(entryFor),
  });
}

/**
 * A card for `paper`: a clone of the fixture's first `<article>` where the old id is replaced by
 * the new one in every `href` and `src`, the title link's text is the new title and the upvote
 * count is set ("-" for zero, as the site shows it).
 */
function cardFor(source: HappyElement, paper: ListPaper): HappyElement {
  const { firstEntry } = loadTemplate();
  const oldId = firstEntry.paper.id;
  const card = source.cloneNode(true) as HappyElement;
  for (const el of [card, ...card.querySelectorAll('[href], [src]')]) {
    for (const name of ['href', 'src']) {
      const value = el.getAttribute(name);
      if (value?.includes(oldId)) el.setAttribute(name, value.split(oldId).join(paper.id));
    }
  }
  const title = card.querySelector(TITLE_LINK);
  if (!title) throw new Error('The fixture card has no title link');
  title.textContent = paper.title;
  const upvotes = card.querySelector(UPVOTE_COUNT);
  if (upvotes) upvotes.textContent = paper.upvotes ? String(paper.upvotes) : '-';
  return card;
}

/** The page's `<html>` with its list replaced; the fixture itself is never changed. */
function buildDocument(papers: readonly ListPaper[], date?: string): HappyElement {
  const html = loadTemplate().html.cloneNode(true) as HappyElement;
  const root = html.querySelector(LIST_ROOT) as HappyElement;
  root.setAttribute('data-props', propsFor(papers, date));
  const articles = [...root.querySelectorAll('article')];
  const first = articles[0] as HappyElement;
  const grid = first.parentElement as HappyElement;
  for (const paper of papers) grid.insertBefore(cardFor(first, paper), first);
  for (const article of articles) article.remove();
  return html;
}

function serialise(html: HappyElement): string {
  return `<!DOCTYPE html>${html.outerHTML}`;
}

/** JSON that is safe inside an inline `<script>` (no `</script>`, no `<!--`). */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export interface NavTarget {
  path: string;
  /** The other day's `data-props` JSON. */
  props: string;
  mode: 'replace' | 'patch';
  /** The other day's cards, one HTML string each. */
  cards: string[];
  /** For `patch`: the ids the current cards show, and the papers that replace them. */
  oldIds: string[];
  papers: { id: string; title: string; upvotes: number }[];
}

/**
 * The inline script of a page that changes client-side: on a click on `#e2e-next-day` or a
 * `{type: 'e2e-navigate'}` message, it pushes `target.path` and replaces the list's `data-props`
 * JSON and its cards (see `ClientSideNav.mode`), as the site re-renders between days.
 */
export function buildClientSideNavScript(target: NavTarget): string {
  return `<script>
(() => {
  const target = ${scriptJson(target)};
  const listRoot = ${JSON.stringify(LIST_ROOT)};
  let done = false;
  function patch(grid) {
    const cards = Array.from(grid.querySelectorAll(':scope > article'));
    target.papers.forEach((paper, i) => {
      const card = cards[i];
      if (!card) return grid.insertAdjacentHTML('beforeend', target.cards[i]);
      const oldId = target.oldIds[i];
      for (const el of [card, ...card.querySelectorAll('[href], [src]')]) {
        for (const name of ['href', 'src']) {
          const value = el.getAttribute(name);
          if (value && value.includes(oldId)) el.setAttribute(name, value.split(oldId).join(paper.id));
        }
      }
      card.querySelector(${JSON.stringify(TITLE_LINK)}).textContent = paper.title;
      const upvotes = card.querySelector(${JSON.stringify(UPVOTE_COUNT)});
      if (upvotes) upvotes.textContent = paper.upvotes ? String(paper.upvotes) : '-';
    });
    cards.slice(target.papers.length).forEach((card) => card.remove());
  }
  function navigate() {
    if (done) return;
    done = true;
    history.pushState({}, '', target.path);
    const root = document.querySelector(listRoot);
    const grid = root.querySelector('article').parentElement;
    root.setAttribute('data-props', target.props);
    if (target.mode === 'patch') patch(grid);
    else grid.innerHTML = target.cards.join('');
  }
  document.getElementById(${JSON.stringify(NAV_BUTTON_ID)}).addEventListener('click', navigate);
  window.addEventListener('message', (event) => {
    if (event.source === window && event.data && event.data.type === ${JSON.stringify(NAV_MESSAGE)}) navigate();
  });
})();
</script>`;
}

/**
 * A list page in the saved daily page's markup showing `papers` (in order), optionally changing
 * client-side to another day (`opts.clientSideNav`).
 */
export function buildListPage(papers: readonly ListPaper[], opts: ListPageOptions = {}): string {
  const html = buildDocument(papers, opts.date);
  const nav = opts.clientSideNav;
  if (nav) {
    const next = buildDocument(nav.papers, nav.date);
    const nextRoot = next.querySelector(LIST_ROOT) as HappyElement;
    const cards = [...nextRoot.querySelectorAll('article')].map((a) => a.outerHTML);
    const body = html.querySelector('body') as HappyElement;
    const button = body.ownerDocument.createElement('button');
    button.id = NAV_BUTTON_ID;
    button.setAttribute('type', 'button');
    button.textContent = `Next day (${nav.date})`;
    body.prepend(button);
    const script = buildClientSideNavScript({
      path: nav.path,
      props: nextRoot.getAttribute('data-props') ?? '',
      mode: nav.mode ?? 'replace',
      cards,
      oldIds: papers.map((p) => p.id),
      papers: nav.papers.map((p) => ({ id: p.id, title: p.title, upvotes: p.upvotes ?? 0 })),
    });
    return serialise(html).replace(/<\/body>/i, `${script}</body>`);
  }
  return serialise(html);
}

/**
 * A page under /papers whose papers layout was replaced by unrelated markup: the list element
 * (and its JSON) is gone; the rest of the saved page stays.
 */
export function buildUnrecognisedPage(): string {
  const html = loadTemplate().html.cloneNode(true) as HappyElement;
  const root = html.querySelector(LIST_ROOT) as HappyElement;
  const doc = root.ownerDocument;
  const replacement = doc.createElement('section');
  replacement.className = 'feed-v2';
  replacement.innerHTML =
    '<h2>Research feed</h2><ul>' +
    ['Latest releases', 'Community picks', 'Events this week']
      .map((label, i) => `<li class="feed-item"><a href="/blog/item-${i}">${label}</a></li>`)
      .join('') +
    '</ul>';
  root.replaceWith(replacement);
  // Remove any card left outside the list element, so nothing paper-like remains.
  html.querySelectorAll('article').forEach((a) => a.remove());
  return serialise(html);
}

/** The saved daily page's papers, from its JSON, in page order. */
export function fixtureDailyPapers(): ListPaper[] {
  const { props } = loadTemplate();
  return props.dailyPapers.map((entry) => {
    const { paper } = entry as {
      paper: { id: string; title: string; summary?: string; upvotes?: number };
    };
    return {
      id: paper.id,
      title: paper.title,
      summary: paper.summary ?? '',
      upvotes: paper.upvotes,
    };
  });
}

/** The paper of the saved single paper page (its `PaperContent` JSON). */
export function fixturePaper(): { id: string; title: string } {
  const window = new Window({
    settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true },
  });
  try {
    window.document.write(readFileSync(FIXTURE.paper, 'utf8'));
    const raw = window.document
      .querySelector('[data-target="PaperContent"]')
      ?.getAttribute('data-props');
    if (!raw) throw new Error('The paper fixture has no PaperContent data-props');
    const { paper } = JSON.parse(raw) as { paper: { id: string; title: string } };
    return { id: paper.id, title: paper.title };
  } finally {
    void window.happyDOM.close();
  }
}
