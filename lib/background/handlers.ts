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
import { reportPage, undoHide } from './page-handlers';
import type { Handlers } from './router';

export type { BackgroundDeps } from './deps';

export function createHandlers(deps: BackgroundDeps): Handlers {
  return {
    reportPage: (data, context) => reportPage(deps, data, context),
    undoHide: (data, context) => undoHide(deps, data, context),
    listPapers: (data) => listPapers(deps, data),
    setStarred: (data) => setStarred(deps, data),
    setHidden: (data) => setHidden(deps, data),
    getStatus: (data) => getStatus(deps, data),
    exportLibrary: () => exportBackup(deps),
    importLibrary: (data) => importBackup(deps, data),
  };
}
