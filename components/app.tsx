import type { PopupModel } from '../lib/popup/model';
import { Footer } from './footer';
import { PaperList } from './paper-list';
import { SearchBox } from './search-box';
import { StatusBanner } from './status-banner';
import { PANEL_ID, ViewTabs, viewTabId } from './view-tabs';

/** The popup: header with search, status, view tabs, the list, footer. State lives in `model`. */
export function App({ model }: { model: PopupModel }) {
  return (
    <div class="popup">
      <header class="popup-header">
        <h1 class="popup-title">
          <span class="logo" aria-hidden="true">
            ◉
          </span>{' '}
          Papers Radar
        </h1>
        <SearchBox query={model.query} onQuery={model.setQuery} />
      </header>
      <StatusBanner status={model.status} />
      <ViewTabs view={model.view} counts={model.counts} onSelect={model.setView} />
      <main class="popup-main">
        <div id={PANEL_ID} role="tabpanel" aria-labelledby={viewTabId(model.view.value)}>
          <PaperList
            papers={model.papers}
            listVersion={model.listVersion}
            total={model.total}
            hasMore={model.hasMore}
            loading={model.loading}
            error={model.error}
            notice={model.notice}
            removed={model.removed}
            view={model.view}
            query={model.query}
            libraryEmpty={model.libraryEmpty}
            onLoadMore={model.loadMore}
            onToggleStar={model.toggleStar}
            onToggleHidden={model.toggleHidden}
            onUndo={model.undoRemove}
          />
        </div>
      </main>
      <Footer counts={model.counts} onExport={model.exportLibrary} onImport={model.importLibrary} />
    </div>
  );
}
