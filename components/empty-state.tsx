import type { PopupView } from '../lib/messages/protocol';

export interface EmptyStateProps {
  view: PopupView;
  /** The search text; page-derived in spirit (typed by the reader), rendered as text. */
  query: string;
  /** No paper recorded at all, hidden ones included. */
  libraryEmpty: boolean;
}

const START_URL = 'https://huggingface.co/papers';

function StartHint() {
  return (
    <p class="empty-hint">
      Open{' '}
      <a href={START_URL} target="_blank" rel="noopener noreferrer">
        huggingface.co/papers
      </a>{' '}
      to start.
    </p>
  );
}

/** What an empty list means, per view: why it is empty and what to do about it. */
export function EmptyState({ view, query, libraryEmpty }: EmptyStateProps) {
  const trimmed = query.trim();
  let title: string;
  let hint = null;
  if (trimmed) {
    title = `No papers match "${trimmed}"`;
    hint = <p class="empty-hint">Search looks in titles, authors and summaries.</p>;
  } else if (view === 'new') {
    title = 'Nothing new since your last visit';
    if (libraryEmpty) hint = <StartHint />;
  } else if (view === 'all') {
    title = libraryEmpty ? 'No papers yet' : 'Every paper in your library is hidden';
    if (libraryEmpty) hint = <StartHint />;
  } else if (view === 'starred') {
    title = 'No starred papers yet';
    hint = <p class="empty-hint">Press ☆ Star on a paper to keep it here.</p>;
  } else {
    title = 'No hidden papers';
    hint = (
      <p class="empty-hint">Hidden papers collapse on every papers tab and are listed here.</p>
    );
  }
  return (
    <div class="empty-state">
      <p class="empty-title">{title}</p>
      {hint}
    </div>
  );
}
