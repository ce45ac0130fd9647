/**
 * Who may send what (style.md #7, after darkreader's `allowedSenderURL`): page reports only from
 * this extension's content script on the papers pages, state changes only from its own pages.
 */
import { browser, type Browser } from 'wxt/browser';

export type Sender = Browser.runtime.MessageSender;

/** The papers pages the content script runs on: `/papers`, `/papers/…`, `/papers?…`. */
export const PAPERS_URL = /^https?:\/\/huggingface\.co\/papers(?:[/?#]|$)/;

/** Why `sender` is not this extension's content script on a papers page, or null when it is. */
export function contentSenderProblem(sender: Sender): string | null {
  if (sender.id !== browser.runtime.id) return 'it comes from another extension or a web page';
  if (sender.tab?.id === undefined) return 'it does not come from a tab';
  if (sender.frameId !== undefined && sender.frameId !== 0) return 'it comes from a frame';
  if (!PAPERS_URL.test(sender.url ?? '')) {
    return `it comes from ${JSON.stringify(sender.url ?? 'an unknown page')}`;
  }
  return null;
}

/** Why `sender` is not one of this extension's own pages, or null when it is. */
export function extensionSenderProblem(sender: Sender): string | null {
  const root = browser.runtime.getURL('/');
  if (sender.id !== browser.runtime.id) return 'it comes from another extension or a web page';
  if (!sender.url?.startsWith(root)) {
    return `it comes from ${JSON.stringify(sender.url ?? 'an unknown page')}`;
  }
  // An extension page framed inside a web page reports that page's tab.
  if (sender.tab && !sender.tab.url?.startsWith(root)) return 'it is framed in a web page';
  return null;
}

export function senderProblem(origin: 'content' | 'extension', sender: Sender): string | null {
  return origin === 'content' ? contentSenderProblem(sender) : extensionSenderProblem(sender);
}
