import type { ReadonlySignal } from '@preact/signals';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ListedPaper, PopupView } from '../lib/messages/protocol';
import type { RemovedRow } from '../lib/popup/popup-state';
import { EmptyState } from './empty-state';
import { LoadMoreSentinel } from './load-more-sentinel';
import { PaperRow } from './paper-row';

export interface PaperListProps {
  papers: ReadonlySignal<ListedPaper[]>;
  listVersion: ReadonlySignal<number>;
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

/**
 * Rows rendered in the first frame of a new list: the popup (580 px) shows about six. Building all
 * 50 rows first cost 20 ms of CPU in the task that paints the first ones (a Chrome trace of the
 * popup with 100,000 papers); the rest follow once that frame is painted.
 */
export const FIRST_ROWS = 10;

/** How many of `rows` to render: FIRST_ROWS of a new list (`version`), then all of them. */
function useRowsToRender(rows: number, version: number): number {
  const [rendered, setRendered] = useState({ version, all: false });
  const all = rendered.version === version && rendered.all;
  useEffect(() => {
    if (all || rows <= FIRST_ROWS) return;
    // A frame callback runs before its paint; the timer it sets runs after it.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setRendered({ version, all: true }));
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [all, rows, version]);
  return all ? rows : Math.min(rows, FIRST_ROWS);
}

/** The rows of the current view, with their loading, error, empty and "more" states. */
export function PaperList(props: PaperListProps) {
  const listed = props.papers.value;
  const papers = listed.slice(0, useRowsToRender(listed.length, props.listVersion.value));
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
  const remaining = props.query.value.trim() ? 0 : props.total.value - listed.length;
  // "Show more" (and its sentinel) once the list's own rows are all there.
  const more = props.hasMore.value && !loading && papers.length === listed.length;

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
        <ul
          class="paper-list"
          aria-busy={loading}
          // Not aria-busy: the first rows are the list, readable and usable; tests and tools that
          // read every row wait for this to go.
          data-rows-pending={
            papers.length < listed.length ? listed.length - papers.length : undefined
          }
        >
          {rows}
        </ul>
      )}
      {loading && (
        <p class="loading" role="status">
          Loading…
        </p>
      )}
      {more && (
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
