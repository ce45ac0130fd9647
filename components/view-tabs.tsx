import type { ReadonlySignal } from '@preact/signals';
import type { TargetedKeyboardEvent } from 'preact';
import { POPUP_VIEWS, type PopupView, type Responses } from '../lib/messages/protocol';

export const VIEW_LABELS: Record<PopupView, string> = {
  new: 'New',
  starred: 'Starred',
  all: 'All',
  hidden: 'Hidden',
};

export const PANEL_ID = 'papers-panel';
export const viewTabId = (view: PopupView) => `view-tab-${view}`;

export interface ViewTabsProps {
  view: ReadonlySignal<PopupView>;
  counts: ReadonlySignal<Responses['getStatus']['counts'] | null>;
  onSelect: (view: PopupView) => void;
}

const STEP: Record<string, (index: number) => number> = {
  ArrowRight: (i) => (i + 1) % POPUP_VIEWS.length,
  ArrowLeft: (i) => (i - 1 + POPUP_VIEWS.length) % POPUP_VIEWS.length,
  Home: () => 0,
  End: () => POPUP_VIEWS.length - 1,
};

/** The four views as an ARIA tab list: arrow keys, Home and End move and select. */
export function ViewTabs({ view, counts, onSelect }: ViewTabsProps) {
  const selected = view.value;
  const onKeyDown = (event: TargetedKeyboardEvent<HTMLDivElement>) => {
    const step = STEP[event.key];
    if (!step) return;
    event.preventDefault();
    const next = POPUP_VIEWS[step(POPUP_VIEWS.indexOf(selected))];
    if (!next) return;
    onSelect(next);
    event.currentTarget.querySelector<HTMLElement>(`#${viewTabId(next)}`)?.focus();
  };

  return (
    <div class="view-tabs" role="tablist" aria-label="Views" onKeyDown={onKeyDown}>
      {POPUP_VIEWS.map((name) => {
        const count = counts.value?.[name];
        const highlight = name === 'new' && count !== undefined && count > 0;
        return (
          <button
            key={name}
            type="button"
            role="tab"
            id={viewTabId(name)}
            class="view-tab"
            aria-selected={name === selected}
            aria-controls={PANEL_ID}
            tabIndex={name === selected ? 0 : -1}
            onClick={() => onSelect(name)}
          >
            {VIEW_LABELS[name]}
            {count !== undefined && ' '}
            {count !== undefined && (
              <span class={highlight ? 'tab-count tab-count-new' : 'tab-count'}>{count}</span>
            )}
          </button>
        );
      })}
    </div>
  );
}
