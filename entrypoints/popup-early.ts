import { browser } from 'wxt/browser';
import { OPENING_PAGE_KEY } from '@/lib/messages/protocol';
import { startEarlyRead } from '@/lib/popup/early-read';

// Loaded by popup.html's head as a classic script: runs before the popup's module is compiled.
export default defineUnlistedScript(() => {
  startEarlyRead(() => browser.storage.session.get(OPENING_PAGE_KEY));
});
