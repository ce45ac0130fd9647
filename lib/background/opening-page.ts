/**
 * The popup's first page, kept ready in `storage.session` so that an opening popup can paint it
 * without waiting for this worker (woken, its database opened: 0.6–0.8 s with 100,000 papers) and
 * for IndexedDB (70–150 ms warm on this machine). The popup still asks for the live page and
 * replaces it; the kept page only makes the first paint early.
 *
 * It is removed before every write and written again once writes pause, so whenever it is there
 * it is what `listPapers` would answer now: the popup never paints a stale list.
 */
import { browser } from 'wxt/browser';
import { listPapers } from '../db/list-papers';
import { latestVisit } from '../db/visits-repo';
import { OPENING_PAGE_KEY, POPUP_PAGE_SIZE, type OpeningPage } from '../messages/protocol';
import type { BackgroundDeps } from './deps';

/** How long after the last write the page is built: page views and toggles come in bursts. */
export const OPENING_PAGE_DELAY_MS = 300;

/** One per background: its writers call `forget` before and `prepare` after every write. */
export function keepOpeningPage(deps: BackgroundDeps, delayMs = OPENING_PAGE_DELAY_MS) {
  /** Bumped by every write: a page built across a write is not stored. */
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let scheduled = false;

  /** Before a write: the kept page goes, and a build in flight will not store its page. */
  async function forget(): Promise<void> {
    generation++;
    clearTimeout(timer);
    await browser.storage.session.remove(OPENING_PAGE_KEY);
  }

  /** After a write: builds the page once writes pause. */
  function prepare(): void {
    scheduled = true;
    clearTimeout(timer);
    timer = setTimeout(() => {
      build().catch((error: unknown) => {
        // The popup then waits for the live page, as it would without this.
        console.warn('[Papers Radar] Could not prepare the popup’s first page', error);
      });
    }, delayMs);
  }

  /**
   * On the popup's first list in this worker's life: session storage is empty after a browser
   * restart, and a worker stopped between a write and its build left no page.
   */
  function prepareOnce(): void {
    if (!scheduled) prepare();
  }

  /** Builds the page as the popup loads it (New, or All when New is empty) and keeps it. */
  async function build(): Promise<void> {
    const started = generation;
    const db = await deps.db();
    const visitStart = (await latestVisit(db))?.start;
    const request = { query: '', offset: 0, limit: POPUP_PAGE_SIZE };
    let page: OpeningPage = {
      view: 'new',
      ...(await listPapers(db, { ...request, view: 'new' }, visitStart)),
    };
    if (page.total === 0) {
      page = { view: 'all', ...(await listPapers(db, { ...request, view: 'all' }, visitStart)) };
    }
    // Called in the same task as the check: a later write's removal is issued after this set.
    if (started === generation) await browser.storage.session.set({ [OPENING_PAGE_KEY]: page });
  }

  return { forget, prepare, prepareOnce, build };
}
