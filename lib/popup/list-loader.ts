import { batch } from '@preact/signals';
import {
  LIMITS,
  POPUP_PAGE_SIZE,
  type ListedPaper,
  type OpeningPage,
  type PopupView,
} from '../messages/protocol';
import type { PopupApi } from './api';
import { describeError, type PopupState } from './popup-state';
import { appendRows, listedInView } from './rows';

export interface FetchOptions {
  /** A page `keep` refuses is not shown (and the total is still returned). */
  keep?: (total: number) => boolean;
  /** The view to ask for, shown with its page; the current view when omitted. */
  view?: PopupView;
}

/**
 * Loads the view's pages into the state. Every replacing request starts a new generation, and a
 * reply from an older generation is dropped: a slow answer to an old query or view never
 * overwrites a newer one.
 */
export function createListLoader(state: PopupState, api: PopupApi) {
  let generation = 0;
  /** The generation whose reply is on screen: a kept page never paints over it. */
  let shown = -1;

  /** Drops the replies of every request in flight. */
  function invalidate(): void {
    generation++;
  }

  /**
   * Loads the first page of the view (replace) or the next one; returns the total, or null for a
   * failed or stale request.
   */
  async function fetchPage(replace: boolean, { keep, view: asked }: FetchOptions = {}) {
    const current = replace ? ++generation : generation;
    const view = asked ?? state.view.peek();
    // Rows still shown that left the view meanwhile (unstarred in Starred) no longer count.
    const offset = replace
      ? 0
      : state.papers.peek().filter((row) => listedInView(view, row)).length;
    batch(() => {
      state.loading.value = true;
      if (replace) state.error.value = null;
    });
    try {
      const query = state.query.peek().trim().slice(0, LIMITS.query);
      const page = await api.listPapers({ view, query, offset, limit: POPUP_PAGE_SIZE });
      if (current !== generation) return null;
      if (keep && !keep(page.total)) return page.total;
      shown = current;
      const papers = replace ? page.papers : appendRows(state.papers.peek(), page.papers);
      show(view, papers, replace, page.total, page.hasMore);
      return page.total;
    } catch (error) {
      if (current !== generation) return null;
      batch(() => {
        state.error.value = describeError(error);
        state.loading.value = false;
      });
      return null;
    }
  }

  /**
   * Paints the background's kept first page while the live one (of `at`, the generation that
   * asked for it) is on its way, unless that reply or a newer request came first. No "Show more"
   * until the live page confirms the list.
   */
  function paintKept(page: OpeningPage, at: number): boolean {
    if (at !== generation || shown === generation) return false;
    show(page.view, page.papers, true, page.total, false);
    return true;
  }

  /** Puts a list on screen; `replaced`: another list than the one shown (not more of it). */
  function show(
    view: PopupView,
    papers: ListedPaper[],
    replaced: boolean,
    total: number,
    hasMore: boolean,
  ): void {
    batch(() => {
      state.view.value = view;
      state.papers.value = papers;
      if (replaced) state.listVersion.value++;
      state.total.value = total;
      state.hasMore.value = hasMore;
      state.loading.value = false;
    });
  }

  return { fetchPage, invalidate, paintKept, generation: () => generation };
}
