import type { ReadonlySignal } from '@preact/signals';

export interface SearchBoxProps {
  query: ReadonlySignal<string>;
  onQuery: (query: string) => void;
}

/** Filters the current view by title, author and summary; Escape clears it. */
export function SearchBox({ query, onQuery }: SearchBoxProps) {
  return (
    <input
      type="search"
      class="search-box"
      aria-label="Search papers by title, author or summary"
      placeholder="Search title, authors, summary…"
      autocomplete="off"
      spellcheck={false}
      value={query.value}
      onInput={(event) => onQuery(event.currentTarget.value)}
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !event.currentTarget.value) return;
        // Clear the search rather than close the popup.
        event.preventDefault();
        event.stopPropagation();
        onQuery('');
      }}
    />
  );
}
