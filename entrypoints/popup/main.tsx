import { render } from 'preact';
import { browser } from 'wxt/browser';
import { App } from '@/components/app';
import { createBrowserPopupApi } from '@/lib/popup/api';
import { createPopupModel } from '@/lib/popup/model';
import './style.css';

async function main(): Promise<void> {
  const root = document.getElementById('app');
  if (!root) return;
  // The tab the popup was opened over: its page's status is shown at the top. Not awaited here:
  // the list does not depend on it and is asked for at once.
  const tabId = browser.tabs
    .query({ active: true, currentWindow: true })
    .then(([tab]) => tab?.id)
    .catch(() => undefined);
  const model = createPopupModel(createBrowserPopupApi(), tabId);
  render(<App model={model} />, root);
  addEventListener('pagehide', () => model.dispose(), { once: true });
  await model.load();
}

void main();
