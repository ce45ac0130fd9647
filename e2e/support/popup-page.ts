/** The extension's popup (popup.html) opened as a page, driven by its roles and labels. */
import type { Locator, Page } from 'playwright-core';
import type { PopupView } from '../../lib/messages/protocol';
import type { ChromeGlobal, ExtensionBrowser } from './browser';
import { pollUntil } from './poll';

const VIEW_NAMES: Record<PopupView, string> = {
  new: 'New',
  starred: 'Starred',
  all: 'All',
  hidden: 'Hidden',
};

export class PopupPage {
  constructor(readonly page: Page) {}

  /**
   * Opens popup.html in a new tab of its own. The popup shows the status of the active tab of
   * its window, which is then the popup itself: use `openOver` for a papers tab's status.
   */
  static async open(ext: ExtensionBrowser): Promise<PopupPage> {
    const popup = new PopupPage(await ext.context.newPage());
    await popup.page.goto(`chrome-extension://${ext.extensionId}/popup.html`);
    await popup.waitForList();
    return popup;
  }

  /**
   * Opens popup.html "over" a papers tab without a product change: the extension creates the
   * popup's tab, not active, in the papers tab's window, so that the popup's
   * `tabs.query({active: true, currentWindow: true})` finds the papers tab, as when the reader
   * clicks the toolbar button there.
   */
  static async openOver(ext: ExtensionBrowser, tabId: number): Promise<PopupPage> {
    const url = `chrome-extension://${ext.extensionId}/popup.html`;
    const opened = ext.context.waitForEvent('page', {
      predicate: (p) => p.url().startsWith(url),
      timeout: 10_000,
    });
    await ext.serviceWorker.evaluate(
      async ({ tabId, url }) => {
        const { chrome } = globalThis as unknown as ChromeGlobal;
        const tab = await chrome.tabs.get(tabId);
        await chrome.tabs.update(tabId, { active: true });
        await chrome.tabs.create({ windowId: tab.windowId, url, active: false });
      },
      { tabId, url },
    );
    const popup = new PopupPage(await opened);
    await popup.page.waitForLoadState('domcontentloaded');
    await popup.waitForList();
    return popup;
  }

  /**
   * Waits until the list (or its empty state) is shown, nothing is loading and every row of it is
   * rendered (a new list paints its first rows a frame before the rest).
   */
  async waitForList(): Promise<void> {
    await this.page.getByRole('tablist', { name: 'Views' }).waitFor();
    try {
      await this.page.waitForFunction(
        () =>
          !document.querySelector('.loading') &&
          !document.querySelector('[aria-busy="true"]') &&
          !document.querySelector('[data-rows-pending]') &&
          document.querySelector('.paper-list, .empty-state') !== null,
        undefined,
        { timeout: 10_000 },
      );
    } catch (error) {
      const text = await this.page
        .locator('body')
        .innerText()
        .catch(() => 'unreadable');
      throw new Error(
        `The popup's list did not settle within 10 s; it shows: ${text.slice(0, 600)}`,
        {
          cause: error,
        },
      );
    }
  }

  viewTab(view: PopupView): Locator {
    return this.page.getByRole('tab', { name: new RegExp(`^${VIEW_NAMES[view]}\\b`) });
  }

  async selectView(view: PopupView): Promise<void> {
    await this.viewTab(view).click();
    await this.page.waitForFunction(
      (name) =>
        document
          .querySelector('[role="tab"][aria-selected="true"]')
          ?.textContent?.trim()
          .startsWith(name) === true,
      VIEW_NAMES[view],
    );
    await this.waitForList();
  }

  /** The selected view's name ("New", "All", …). */
  async selectedView(): Promise<string> {
    const text = await this.page.getByRole('tab', { selected: true }).textContent();
    return (text ?? '').replace(/\s*\d[\d,]*$/, '').trim();
  }

  /**
   * The count a view's tab shows. The counts come with the status, which the popup asks for
   * once its first page is in: this waits until the tab shows one.
   */
  async viewCount(view: PopupView): Promise<number> {
    const text = await pollUntil(
      async () => ((await this.viewTab(view).textContent()) ?? '').trim(),
      (label) => /\d$/.test(label),
      { what: `a count on the ${VIEW_NAMES[view]} tab` },
    );
    return Number(text.replace(/^\D*/, '').replace(/,/g, ''));
  }

  /** The rows of the current view (every page of it: "Show more" is pressed until gone). */
  async rowTitles(): Promise<string[]> {
    const more = this.page.getByRole('button', { name: /^Show more/ });
    for (let i = 0; i < 50 && (await more.count()) > 0; i++) {
      await more.first().click();
      await this.waitForList();
    }
    return this.page
      .locator('li.paper-row .paper-title')
      .evaluateAll((titles) =>
        titles.map((el) => (el.querySelector('a')?.textContent ?? el.textContent ?? '').trim()),
      );
  }

  /** The row of a paper by its title (exact, after whitespace is collapsed). */
  row(title: string): Locator {
    const wanted = title.replace(/\s+/g, ' ').trim();
    return this.page.locator('li.paper-row').filter({
      has: this.page.locator('.paper-title a', { hasText: wanted }),
    });
  }

  /** Presses the row's star button and waits until it shows the new state. */
  async toggleStar(title: string): Promise<void> {
    const button = this.row(title).getByRole('button', { name: /^(Star|Unstar)$/ });
    const before = await button.getAttribute('aria-pressed');
    await button.click();
    await pollUntil(
      () => button.getAttribute('aria-pressed'),
      (now) => now !== before,
      { what: `the star of "${title}" to change` },
    );
  }

  async toggleHidden(title: string): Promise<void> {
    await this.row(title)
      .getByRole('button', { name: /^(Hide|Unhide)$/ })
      .click();
  }

  /** The status banners' text (storage, the current tab's page), or '' when there is none. */
  async statusText(): Promise<string> {
    const banners = this.page.locator('.banner');
    return (await banners.allTextContents()).join('\n').trim();
  }

  /** Waits until the status (loaded apart from the list) shows text matching `pattern`. */
  waitForStatus(pattern: RegExp): Promise<string> {
    return pollUntil(
      () => this.statusText(),
      (text) => pattern.test(text),
      { what: `a popup status matching ${pattern}` },
    );
  }

  async screenshot(path: string): Promise<void> {
    await this.page.screenshot({ path });
  }

  close(): Promise<void> {
    return this.page.close();
  }
}
