/** A huggingface.co/papers page (replayed) in a tab, as the content script leaves it. */
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { MARK, UI } from '../../lib/content/marks';

export interface CardMarks {
  id: string;
  state: string | null;
  starred: boolean;
  hidden: boolean;
  /** NEW badges inside this card. */
  newBadges: number;
}

export interface PageMarks {
  kind: string | null;
  count: number | null;
  cards: CardMarks[];
  /** Every NEW badge on the page, inside a card or not. */
  newBadges: number;
  /** Every element the extension injected. */
  injected: number;
}

const card = (id: string) => `article[${MARK.id}="${id}"]`;

export class PapersPage {
  constructor(readonly page: Page) {}

  /** Opens `url` in a new tab and waits for the extension's pass. */
  static async open(context: BrowserContext, url: string): Promise<PapersPage> {
    const papers = new PapersPage(await context.newPage());
    await papers.goto(url);
    return papers;
  }

  url(): string {
    return this.page.url();
  }

  async goto(url: string): Promise<void> {
    await this.page.goto(url, { waitUntil: 'domcontentloaded' });
    await this.waitForPass();
  }

  async reload(): Promise<void> {
    await this.page.reload({ waitUntil: 'domcontentloaded' });
    await this.waitForPass();
  }

  /**
   * Waits until the content script has marked `<html>` (kind and count) and decorated a card
   * for every recognised paper (a paper page has no cards), optionally until given ids show.
   */
  async waitForPass(options: { ids?: readonly string[]; timeout?: number } = {}): Promise<void> {
    await this.page.waitForFunction(
      ({ mark, ids }) => {
        const root = document.documentElement;
        const kind = root.getAttribute(mark.kind);
        const count = Number(root.getAttribute(mark.count) ?? NaN);
        if (kind === null || Number.isNaN(count)) return false;
        const marked = new Set(
          Array.from(document.querySelectorAll(`article[${mark.state}]`), (el) =>
            el.getAttribute(mark.id),
          ),
        );
        if (ids) return ids.every((id) => marked.has(id)) && count === ids.length;
        return kind === 'paper' || marked.size === count;
      },
      { mark: MARK, ids: options.ids ?? null },
      { timeout: options.timeout ?? 15_000 },
    );
  }

  /** The marks on `<html>` and on every marked card, in page order. */
  marks(): Promise<PageMarks> {
    return this.page.evaluate(
      ({ mark, newUi }) => {
        const root = document.documentElement;
        const count = root.getAttribute(mark.count);
        const cards = Array.from(document.querySelectorAll(`[${mark.id}]`), (el) => ({
          id: el.getAttribute(mark.id) ?? '',
          state: el.getAttribute(mark.state),
          starred: el.hasAttribute(mark.starred),
          hidden: el.hasAttribute(mark.hidden),
          newBadges: el.querySelectorAll(`[${mark.ui}="${newUi}"]`).length,
        }));
        return {
          kind: root.getAttribute(mark.kind),
          count: count === null ? null : Number(count),
          cards,
          newBadges: document.querySelectorAll(`[${mark.ui}="${newUi}"]`).length,
          injected: document.querySelectorAll(`[${mark.ui}]`).length,
        };
      },
      { mark: MARK, newUi: 'new' },
    );
  }

  async card(id: string): Promise<CardMarks | undefined> {
    return (await this.marks()).cards.find((c) => c.id === id);
  }

  /** The ids of the cards marked new. */
  async newIds(): Promise<string[]> {
    return (await this.marks()).cards.filter((c) => c.state === 'new').map((c) => c.id);
  }

  cardLocator(id: string): Locator {
    return this.page.locator(card(id));
  }

  /** The hidden card's strip ("Hidden by Papers Radar: …" + Undo). */
  hiddenStrip(id: string): Locator {
    return this.page.locator(`${card(id)} > [${MARK.ui}="${UI.hiddenStrip}"]`);
  }

  /** The card's own title link (page content, not ours). */
  titleLink(id: string): Locator {
    return this.page.locator(`${card(id)} h3 a[href="/papers/${id}"]`);
  }

  /** Waits until a card has (or lacks) an attribute: the page updates without a reload. */
  async waitForCardAttribute(id: string, name: string, present: boolean): Promise<void> {
    try {
      await this.page.waitForFunction(
        ({ selector, name, present }) =>
          document.querySelector(selector)?.hasAttribute(name) === present,
        { selector: card(id), name, present },
        { timeout: 10_000 },
      );
    } catch (error) {
      const now = await this.card(id).catch(() => 'unreadable');
      throw new Error(
        `Card ${id} did not ${present ? 'get' : 'lose'} ${name} within 10 s on ${this.url()}; ` +
          `its marks now: ${JSON.stringify(now)}`,
        { cause: error },
      );
    }
  }

  /** Clicks Undo in a hidden card's strip (a real, trusted click). */
  async clickUndo(id: string): Promise<void> {
    await this.hiddenStrip(id).getByRole('button', { name: 'Undo' }).click();
  }

  async screenshot(path: string, fullPage = false): Promise<void> {
    await this.page.screenshot({ path, fullPage });
  }

  close(): Promise<void> {
    return this.page.close();
  }
}
