/**
 * Launches Chromium for the bench with a COPY of the built extension: the copy holds the product's
 * files unchanged plus the baseline's extension page (baseline-page.ts), which has to be a file of
 * the extension to run with the extension's origin and APIs. Otherwise as the e2e tests launch it
 * (e2e/support/browser.ts, same flags), which only ever loads .output/chrome-mv3 itself.
 * The copy is also a snapshot: a rebuild of .output during the run cannot change what is measured.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, type ExtensionBrowser } from '../../e2e/support/browser';
import { CHROMIUM_PATH } from '../../e2e/support/paths';
import { BASELINE_HTML, BASELINE_JS, BASELINE_PAGE } from './baseline-page';

export async function launchBench(port: number, builtDir: string): Promise<ExtensionBrowser> {
  const root = mkdtempSync(join(tmpdir(), 'papers-radar-bench-'));
  const extensionDir = join(root, 'extension');
  const profileDir = join(root, 'profile');
  cpSync(builtDir, extensionDir, { recursive: true });
  writeFileSync(join(extensionDir, BASELINE_PAGE), BASELINE_HTML);
  writeFileSync(join(extensionDir, BASELINE_PAGE.replace(/\.html$/, '.js')), BASELINE_JS);
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: chromiumArgs(port, extensionDir),
    // Playwright passes --disable-extensions by default, which would drop ours.
    ignoreDefaultArgs: ['--disable-extensions'],
    viewport: { width: 1280, height: 900 },
  });
  const close = async () => {
    await context.close();
    rmSync(root, { recursive: true, force: true });
  };
  try {
    const serviceWorker =
      context.serviceWorkers()[0] ??
      (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
    return {
      context,
      extensionId: new URL(serviceWorker.url()).host,
      profileDir,
      serviceWorker,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
