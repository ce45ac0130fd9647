import type { ReadonlySignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { ListedPaper, PopupView } from '../lib/messages/protocol';
import type { RemovedRow } from '../lib/popup/popup-state';
import { EmptyState } from './empty-state';
import { LoadMoreSentinel } from './load-more-sentinel';
import { PaperRow } from './paper-row';

export interface PaperListProps {
  papers: ReadonlySignal<ListedPaper[]>;
  total: ReadonlySignal<number>;
  hasMore: ReadonlySignal<boolean>;
  loading: ReadonlySignal<boolean>;
  error: ReadonlySignal<string | null>;
  notice: ReadonlySignal<string | null>;
  removed: ReadonlySignal<RemovedRow | null>;
  view: ReadonlySignal<PopupView>;
  query: ReadonlySignal<string>;
  libraryEmpty: ReadonlySignal<boolean>;
  onLoadMore: () => void;
  onToggleStar: (id: string) => void;
  onToggleHidden: (id: string) => void;
  onUndo: () => void;
}

function UndoStrip({ removed, onUndo }: { removed: RemovedRow; onUndo: () => void }) {
  const undo = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // The Hide button just went away with its row: keep the keyboard user in place, on Undo.
    if (document.activeElement === document.body) undo.current?.focus();
  }, [removed.paper.id]);
  return (
    <li class="undo-strip">
      <span class="undo-text">
        {removed.hidden ? 'Hidden: ' : 'Unhidden: '}
        <span class="undo-title">{removed.paper.title}</span>
      </span>
      <button ref={undo} type="button" class="undo-button" onClick={onUndo}>
        Undo
      </button>
    </li>
  );
}

/** The rows of the current view, with their loading, error, empty and "more" states. */
export function PaperList(props: PaperListProps) {
  const papers = props.papers.value;
  const removed = props.removed.value;
  const loading = props.loading.value;
  const error = props.error.value;
  const notice = props.notice.value;
  const now = Date.now();
  const undoAt = removed ? Math.min(removed.index, papers.length) : -1;
  const rows = papers.map((paper) => (
    <PaperRow
      key={paper.id}
      paper={paper}
      now={now}
      onToggleStar={props.onToggleStar}
      onToggleHidden={props.onToggleHidden}
    />
  ));
  if (removed) {
    rows.splice(undoAt, 0, <UndoStrip key="undo" removed={removed} onUndo={props.onUndo} />);
  }
  const empty = rows.length === 0 && !loading && !error;
  // The background's total ignores the search query (counting matches would scan the store).
  const remaining = props.query.value.trim() ? 0 : props.total.value - papers.length;

  return (
    <>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {empty ? (
        <EmptyState
          view={props.view.value}
          query={props.query.value}
          libraryEmpty={props.libraryEmpty.value}
        />
      ) : (
        <ul class="paper-list" aria-busy={loading}>
          {rows}
        </ul>
      )}
      {loading && (
        <p class="loading" role="status">
          Loading…
        </p>
      )}
      {props.hasMore.value && !loading && (
        <>
          <button type="button" class="show-more" onClick={props.onLoadMore}>
            Show more{remaining > 0 ? ` (${remaining.toLocaleString('en')} left)` : ''}
          </button>
          <LoadMoreSentinel onVisible={props.onLoadMore} />
        </>
      )}
    </>
  );
}
