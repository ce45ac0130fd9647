import type { TabPage } from '../messages/protocol';

/** Whether `url` is one of the Hugging Face papers pages (`/papers`, `/papers/…`). */
export function isPapersUrl(url: string): boolean {
  try {
    const { protocol, hostname, pathname } = new URL(url);
    return (
      // http too: the site is https, but a test server standing in for it may not be.
      (protocol === 'https:' || protocol === 'http:') &&
      hostname === 'huggingface.co' &&
      (pathname === '/papers' || pathname.startsWith('/papers/'))
    );
  } catch {
    return false;
  }
}

/**
 * The tab is a papers page but no paper was recognised on it: the site's layout changed (design.md,
 * "Bad input"). A kind the content script detected, or a papers URL it could not classify, with a
 * count of 0.
 */
export function isLayoutUnrecognised(tab: TabPage | null): boolean {
  return tab !== null && tab.count === 0 && (tab.kind !== 'unknown' || isPapersUrl(tab.url));
}
