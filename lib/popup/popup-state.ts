import { signal, type Signal } from '@preact/signals';
import type { ListedPaper, PopupView, Responses } from '../messages/protocol';

export type PopupStatus = Responses['getStatus'];

/** A row that just left the list (hidden, or unhidden in Hidden), kept for its "Undo". */
export interface RemovedRow {
  paper: ListedPaper;
  /** Where it stood, to put it back there. */
  index: number;
  /** Whether the change hid the paper (true) or unhid it (false). */
  hidden: boolean;
}

/** The popup's named signals; `createPopupModel` adds the computed values and the actions. */
export interface PopupState {
  view: Signal<PopupView>;
  /** The search box's text, at once; the list follows it after a short debounce. */
  query: Signal<string>;
  papers: Signal<ListedPaper[]>;
  /** Bumped whenever `papers` is replaced by another list (not when rows are patched or added). */
  listVersion: Signal<number>;
  /** Papers in the view on the background's side, loaded or not; the query is not counted. */
  total: Signal<number>;
  hasMore: Signal<boolean>;
  loading: Signal<boolean>;
  error: Signal<string | null>;
  /** The getStatus reply: counts per view, the current tab's page, a storage error. */
  status: Signal<PopupStatus | null>;
  /** A passing note: the fallback from an empty New view, an import's result. */
  notice: Signal<string | null>;
  removed: Signal<RemovedRow | null>;
}

export function createPopupState(): PopupState {
  return {
    view: signal<PopupView>('new', { name: 'view' }),
    query: signal('', { name: 'query' }),
    papers: signal<ListedPaper[]>([], { name: 'papers' }),
    listVersion: signal(0, { name: 'listVersion' }),
    total: signal(0, { name: 'total' }),
    hasMore: signal(false, { name: 'hasMore' }),
    loading: signal(false, { name: 'loading' }),
    error: signal<string | null>(null, { name: 'error' }),
    status: signal<PopupStatus | null>(null, { name: 'status' }),
    notice: signal<string | null>(null, { name: 'notice' }),
    removed: signal<RemovedRow | null>(null, { name: 'removed' }),
  };
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
