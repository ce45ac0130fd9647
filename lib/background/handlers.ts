/** Every message type's handler, registered in one place (a test checks none is missing). */
import type { BackgroundDeps } from './deps';
import {
  exportBackup,
  getStatus,
  importBackup,
  listPapers,
  setHidden,
  setStarred,
} from './library-handlers';
import { keepOpeningPage } from './opening-page';
import { paperDetails, reportPage, undoHide } from './page-handlers';
import type { Handler, Handlers } from './router';
import type { MessageType } from '../messages/protocol';

export type { BackgroundDeps } from './deps';

export function createHandlers(deps: BackgroundDeps): Handlers {
  const openingPage = keepOpeningPage(deps);
  /**
   * Every handler that writes the library: the popup's kept first page goes before the write and
   * is built again after it (lib/background/opening-page.ts), whether the write worked or not.
   */
  function writing<T extends MessageType>(handler: Handler<T>): Handler<T> {
    return async (data, context) => {
      // A storage.session failure must not cost the write; the popup then waits for the live page.
      await openingPage.forget().catch(() => undefined);
      try {
        return await handler(data, context);
      } finally {
        openingPage.prepare();
      }
    };
  }
  return {
    reportPage: writing((data, context) => reportPage(deps, data, context)),
    paperDetails: writing((data, context) => paperDetails(deps, data, context)),
    undoHide: writing((data, context) => undoHide(deps, data, context)),
    listPapers: (data) => {
      openingPage.prepareOnce();
      return listPapers(deps, data);
    },
    setStarred: writing((data) => setStarred(deps, data)),
    setHidden: writing((data) => setHidden(deps, data)),
    getStatus: (data) => getStatus(deps, data),
    exportLibrary: () => exportBackup(deps),
    importLibrary: writing((data) => importBackup(deps, data)),
  };
}
