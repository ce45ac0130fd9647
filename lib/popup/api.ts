import { browser } from 'wxt/browser';
import type { PaperState } from '../model/paper';
import {
  isOpeningPage,
  OPENING_PAGE_KEY,
  type OpeningPage,
  type Request,
  type Responses,
  type StatesChanged,
} from '../messages/protocol';
import { sendMessage } from '../messages/send';
import { takeEarlyRead } from './early-read';

/** The protocol calls the popup makes; each resolves with the reply or rejects with its error. */
export type PopupCall =
  'listPapers' | 'setStarred' | 'setHidden' | 'getStatus' | 'exportLibrary' | 'importLibrary';

/**
 * What the popup model needs from the background. The default is built on `sendMessage`;
 * tests hand the model a fake with an in-memory library.
 */
export type PopupApi = { [T in PopupCall]: (data: Request<T>) => Promise<Responses[T]> } & {
  /** The first page the background keeps ready (lib/background/opening-page.ts), if any. */
  openingPage(): Promise<OpeningPage | null>;
  /** Calls `listener` when papers change elsewhere (a tab, another popup); returns unsubscribe. */
  onStatesChanged(listener: (states: PaperState[]) => void): () => void;
};

function isStatesChanged(message: unknown): message is StatesChanged {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { type?: unknown }).type === 'statesChanged' &&
    Array.isArray((message as { states?: unknown }).states)
  );
}

export function createBrowserPopupApi(): PopupApi {
  return {
    listPapers: (data) => sendMessage('listPapers', data),
    setStarred: (data) => sendMessage('setStarred', data),
    setHidden: (data) => sendMessage('setHidden', data),
    getStatus: (data) => sendMessage('getStatus', data),
    exportLibrary: (data) => sendMessage('exportLibrary', data),
    importLibrary: (data) => sendMessage('importLibrary', data),
    // Read straight from session storage: no round trip through the (maybe sleeping) worker.
    async openingPage() {
      // The read popup.html's head started, if any (early-read.ts).
      const read = takeEarlyRead() ?? browser.storage.session.get(OPENING_PAGE_KEY);
      const value = (await read)[OPENING_PAGE_KEY];
      return isOpeningPage(value) ? value : null;
    },
    onStatesChanged(listener) {
      // Returns nothing on purpose: the popup also hears the content scripts' requests, and
      // a listener that returned a value would answer them in the background's place.
      const onMessage = (message: unknown): undefined => {
        if (isStatesChanged(message)) listener(message.states);
      };
      browser.runtime.onMessage.addListener(onMessage);
      return () => browser.runtime.onMessage.removeListener(onMessage);
    },
  };
}
