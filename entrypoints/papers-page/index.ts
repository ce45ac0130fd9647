import './style.css';
import { browser } from 'wxt/browser';
import { startLifetime } from '@/lib/content/lifetime';
import { createRadar } from '@/lib/content/radar';
import { watchPage } from '@/lib/content/watch-page';
import { sendMessage } from '@/lib/messages/send';
import type { StatesChanged } from '@/lib/messages/protocol';

// The content script of the papers pages. An unlisted script that wxt.config.ts declares in the
// manifest, not a WXT content script: those start with a ContentScriptContext that costs the page
// more than it gives here (lib/content/lifetime.ts).
export default defineUnlistedScript(() => {
  const lifetime = startLifetime({
    doc: document,
    runtimeId: () => browser.runtime?.id,
    navigation: (globalThis as { navigation?: EventTarget }).navigation,
    location: () => location.href,
  });
  // The site re-renders client-side between days, tabs and searches. The observer calls back in a
  // microtask, after this function has defined `schedule`.
  const watch = watchPage(document, () => schedule(), lifetime.signal);
  const radar = createRadar({
    doc: document,
    url: () => new URL(location.href),
    now: () => Date.now(),
    report: (data) => sendMessage('reportPage', data),
    sendDetails: (data) => sendMessage('paperDetails', data),
    undoHide: (id) => sendMessage('undoHide', { id }),
    warn: (message, error) => console.warn(`[Papers Radar] ${message}`, error),
    quietly: (change) => watch.quietly(change),
    // A page that is never idle still gets its details recorded, a little later.
    whenIdle: (task) =>
      requestIdleCallback(
        () => {
          if (lifetime.alive()) task();
        },
        { timeout: 2000 },
      ),
  });
  const schedule = () => lifetime.alive() && radar.schedule();

  const onMessage = (message: unknown) => {
    const changed = message as Partial<StatesChanged> | null;
    if (changed?.type === 'statesChanged' && Array.isArray(changed.states) && lifetime.alive()) {
      radar.applyStates(changed.states);
    }
  };
  browser.runtime.onMessage.addListener(onMessage);
  lifetime.signal.addEventListener('abort', () =>
    browser.runtime.onMessage.removeListener(onMessage),
  );

  // Client-side moves between days, tabs and searches (lib/content/lifetime.ts).
  lifetime.onNavigation(schedule);
  schedule();
});
