/**
 * Launches Debian's Chromium with the BUILT extension (.output/chrome-mv3) through playwright-core,
 * and gives the tests a few handles on it: the extension id, its service worker, a tab's id and
 * toolbar badge, and a worker kill. (Moving the clock: clock.ts.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import type { Browser } from 'wxt/browser';
import { CHROMIUM_PATH, EXTENSION_DIR } from './paths';

/**
 * The extension APIs as seen inside the service worker. Callbacks passed to
 * `serviceWorker.evaluate` are serialised and run there, so they reach `chrome` through
 * `globalThis`, typed with this.
 */
export type ChromeGlobal = { chrome: typeof Browser };

export interface LaunchOptions {
  /** The replay server's port: huggingface.co is mapped to 127.0.0.1:port. */
  port: number;
  /** A profile dir to reuse (relaunch tests); a fresh temporary one when omitted. */
  profileDir?: string;
  headless?: boolean;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  profileDir: string;
  /** The extension's service worker (the handle keeps working after a worker restart). */
  serviceWorker: Worker;
  /** Closes the browser; removes the profile dir if it was a temporary one, unless `keepProfile`. */
  close(options?: { keepProfile?: boolean }): Promise<void>;
}

/** Chromium flags for this machine (toolchain.md, "Real Chromium with the built extension"). */
export function chromiumArgs(port: number, extensionDir = EXTENSION_DIR): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    // huggingface.co is the replay server; every other host (CDNs the saved pages reference)
    // fails fast instead of waiting on a network this machine does not have.
    `--host-resolver-rules=MAP huggingface.co 127.0.0.1:${port}, MAP * ~NOTFOUND, EXCLUDE 127.0.0.1`,
  ];
}

export async function launchExtension(options: LaunchOptions): Promise<ExtensionBrowser> {
  const temporary = options.profileDir === undefined;
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'papers-radar-e2e-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? true,
    args: chromiumArgs(options.port),
    // Playwright passes --disable-extensions by default, which would drop ours.
    ignoreDefaultArgs: ['--disable-extensions'],
    viewport: { width: 1280, height: 900 },
  });
  try {
    const serviceWorker =
      context.serviceWorkers()[0] ??
      (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
    const extensionId = new URL(serviceWorker.url()).host;
    return {
      context,
      extensionId,
      profileDir,
      serviceWorker,
      async close({ keepProfile = false } = {}) {
        await context.close();
        if (temporary && !keepProfile) rmSync(profileDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await context.close();
    if (temporary) rmSync(profileDir, { recursive: true, force: true });
    throw error;
  }
}

/** The id of the tab showing `url` (exact match), asked from the extension's worker. */
export async function tabIdForUrl(ext: ExtensionBrowser, url: string): Promise<number> {
  const ids = await ext.serviceWorker.evaluate(async (wanted) => {
    const { chrome } = globalThis as unknown as ChromeGlobal;
    const tabs = await chrome.tabs.query({});
    return tabs.filter((t) => t.url === wanted || t.pendingUrl === wanted).map((t) => t.id ?? -1);
  }, url);
  if (ids.length !== 1) throw new Error(`Expected one tab at ${url}, found ${ids.length}`);
  return ids[0] as number;
}

/** The toolbar badge text the extension set for a tab, read through its own API. */
export function badgeText(ext: ExtensionBrowser, tabId: number): Promise<string> {
  return ext.serviceWorker.evaluate((id) => {
    const { chrome } = globalThis as unknown as ChromeGlobal;
    return chrome.action.getBadgeText({ tabId: id });
  }, tabId);
}

/** The extension's service worker targets currently running, from the browser's CDP view. */
async function runningWorkers(ext: ExtensionBrowser): Promise<number> {
  const browser = ext.context.browser();
  if (!browser) throw new Error('No Browser behind this context: cannot open a CDP session');
  const session = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = await session.send('Target.getTargets');
    return targetInfos.filter(
      (t) =>
        t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${ext.extensionId}/`),
    ).length;
  } finally {
    await session.detach();
  }
}

/**
 * Kills every service worker, as Chromium does to an idle MV3 worker (toolchain.md): a CDP
 * session, `ServiceWorker.enable`, then `ServiceWorker.stopAllWorkers`; the next message wakes a
 * fresh worker. The ServiceWorker domain lives on page targets: an open page carries the session
 * (a blank one is opened only if there is none, as closing a tab would wake the worker). Waits until the extension's worker is really gone: a stop request that reaches a
 * worker still starting up is sometimes ignored (seen about once in ten), so it is repeated.
 */
export async function killServiceWorker(ext: ExtensionBrowser): Promise<void> {
  const existing = ext.context.pages()[0];
  const page = existing ?? (await ext.context.newPage());
  try {
    const session = await ext.context.newCDPSession(page);
    await session.send('ServiceWorker.enable');
    const deadline = Date.now() + 15_000;
    let lastStop = 0;
    while ((await runningWorkers(ext)) > 0) {
      if (Date.now() > deadline) throw new Error('The service worker is still running after 15 s');
      if (Date.now() - lastStop > 500) {
        lastStop = Date.now();
        await session.send('ServiceWorker.stopAllWorkers');
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await session.detach();
  } finally {
    if (!existing) await page.close();
  }
}
