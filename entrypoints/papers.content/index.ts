import './style.css';
import { browser } from 'wxt/browser';
import { createRadar } from '@/lib/content/radar';
import { watchPage } from '@/lib/content/watch-page';
import { sendMessage } from '@/lib/messages/send';
import type { StatesChanged } from '@/lib/messages/protocol';

export default defineContentScript({
  matches: ['*://huggingface.co/papers*'],
  runAt: 'document_idle',
  main(ctx) {
    const radar = createRadar({
      doc: document,
      url: () => new URL(location.href),
      now: () => Date.now(),
      report: (data) => sendMessage('reportPage', data),
      undoHide: (id) => sendMessage('undoHide', { id }),
      warn: (message, error) => console.warn(`[Papers Radar] ${message}`, error),
    });

    const onMessage = (message: unknown) => {
      const changed = message as Partial<StatesChanged> | null;
      if (changed?.type === 'statesChanged' && Array.isArray(changed.states)) {
        radar.applyStates(changed.states);
      }
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

    // The site re-renders client-side between days, tabs and searches.
    ctx.addEventListener(window, 'wxt:locationchange', () => radar.schedule());
    watchPage(document, () => radar.schedule(), ctx.signal);
    radar.schedule();
  },
});
