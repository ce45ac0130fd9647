import { batch } from '@preact/signals';
import { LIMITS } from '../messages/protocol';
import type { PopupApi } from './api';
import { describeError, type PopupState } from './popup-state';
import { appendRows, listedInView } from './rows';

export const PAGE_SIZE = 50;

/**
 * Loads the view's pages into the state. Every replacing request starts a new generation, and a
 * reply from an older generation is dropped: a slow answer to an old query or view never
 * overwrites a newer one.
 */
export function createListLoader(state: PopupState, api: PopupApi) {
  let generation = 0;

  /** Drops the replies of every request in flight. */
  function invalidate(): void {
    generation++;
  }

  /**
   * Loads the first page of the view (replace) or the next one; returns the total, or null for a
   * failed or stale request. A page `keep` refuses is not shown, and loading goes on.
   */
  async function fetchPage(replace: boolean, keep = (_total: number) => true) {
    const current = replace ? ++generation : generation;
    const view = state.view.peek();
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
      const page = await api.listPapers({ view, query, offset, limit: PAGE_SIZE });
      if (current !== generation) return null;
      if (!keep(page.total)) return page.total;
      batch(() => {
        state.papers.value = replace ? page.papers : appendRows(state.papers.peek(), page.papers);
        state.total.value = page.total;
        state.hasMore.value = page.hasMore;
        state.loading.value = false;
      });
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

  return { fetchPage, invalidate };
}
