import { batch, computed } from '@preact/signals';
import type { PopupView } from '../messages/protocol';
import type { PopupApi } from './api';
import { createLibraryActions } from './library-actions';
import { createListLoader } from './list-loader';
import { createPaperActions } from './paper-actions';
import { createPopupState, describeError } from './popup-state';

export const SEARCH_DEBOUNCE_MS = 150;
export const NEW_FALLBACK_NOTICE = 'Nothing new since your last visit: showing all papers.';

export type PopupModel = ReturnType<typeof createPopupModel>;

/**
 * The popup's one model: named signals, computed values and the actions that call the background
 * through `api`. Components read the signals and call the actions; they hold no state of their own.
 */
export function createPopupModel(api: PopupApi, tab?: number | Promise<number | undefined>) {
  const state = createPopupState();
  const loader = createListLoader(state, api);
  const { fetchPage, invalidate } = loader;
  let statusRequest = 0;
  let debounce: ReturnType<typeof setTimeout> | undefined;

  const counts = computed(() => state.status.value?.counts ?? null);
  // Whether `all` counts hidden papers or not, a library with neither is empty.
  const libraryEmpty = computed(
    () => counts.value !== null && counts.value.all + counts.value.hidden === 0,
  );

  async function refreshStatus(): Promise<void> {
    const request = ++statusRequest;
    try {
      const tabId = await tab;
      const status = await api.getStatus(tabId === undefined ? {} : { tabId });
      if (request === statusRequest) state.status.value = status;
    } catch (error) {
      state.error.value = `Could not read the library: ${describeError(error)}`;
    }
  }

  /**
   * Opens the popup: New by default, All (and a note) when nothing is new. The page the
   * background keeps ready is painted at once when it comes before the live one.
   */
  async function load(): Promise<void> {
    const kept = api.openingPage().catch(() => null);
    // Until the reader picks a view or types, the popup's opening is still the model's to make.
    let opened = -1;
    const untouched = () => loader.generation() === opened;
    const first = fetchPage(true, {
      view: 'new',
      // An empty New is not shown at all, to avoid a flash before All.
      keep: (count) => count > 0 || !untouched(),
    });
    opened = loader.generation();
    void kept.then((page) => {
      if (!page || !loader.paintKept(page, opened)) return;
      if (page.view === 'all' && page.total > 0) state.notice.value = NEW_FALLBACK_NOTICE;
    });
    // The status (counts, the tab's page) is asked for once the first page is in: asked at once,
    // its IndexedDB reads share the worker and the browser's IndexedDB thread with the list's,
    // and the first rows (what the popup is opened for) come later.
    void first.then(() => refreshStatus());
    const total = await first;
    if (total !== 0 || !untouched()) return;
    state.view.value = 'all'; // At once: a search typed meanwhile is in All.
    // An empty library gets the "open huggingface.co/papers" hint alone, not this note too.
    const all = await fetchPage(true, { view: 'all' });
    state.notice.value = all ? NEW_FALLBACK_NOTICE : null;
  }

  function cancelSearch(): void {
    clearTimeout(debounce);
    debounce = undefined;
  }

  async function setView(view: PopupView): Promise<void> {
    // Pressing the current view again does nothing, unless it is to retry after an error.
    if (view === state.view.peek() && !debounce && !state.error.peek()) return;
    cancelSearch();
    batch(() => {
      state.view.value = view;
      state.papers.value = [];
      state.hasMore.value = false;
      state.notice.value = null;
      state.removed.value = null;
    });
    await fetchPage(true);
  }

  /** Follows the search box: the list reloads once typing pauses, and older replies are dropped. */
  function setQuery(query: string): void {
    if (query === state.query.peek()) return;
    const before = state.query.peek();
    batch(() => {
      state.query.value = query;
      state.notice.value = null;
      state.removed.value = null;
    });
    // Spaces around the words change nothing in what is searched.
    if (query.trim() === before.trim()) return;
    cancelSearch();
    invalidate();
    state.loading.value = true;
    debounce = setTimeout(() => {
      debounce = undefined;
      void fetchPage(true);
    }, SEARCH_DEBOUNCE_MS);
  }

  async function loadMore(): Promise<void> {
    if (state.loading.peek() || !state.hasMore.peek()) return;
    await fetchPage(false);
  }

  const paperActions = createPaperActions(state, api, () => void refreshStatus());

  const libraryActions = createLibraryActions(state, api, async () => {
    await Promise.all([refreshStatus(), fetchPage(true)]);
  });

  const unsubscribe = api.onStatesChanged(paperActions.applyStates);

  function dispose(): void {
    cancelSearch();
    invalidate();
    unsubscribe();
  }

  return {
    ...state,
    counts,
    libraryEmpty,
    load,
    refreshStatus,
    setView,
    setQuery,
    loadMore,
    ...paperActions,
    ...libraryActions,
    dispose,
  };
}
