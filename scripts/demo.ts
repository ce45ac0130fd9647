/**
 * `npm run demo`: the built extension in Chromium on replayed huggingface.co/papers pages, walking
 * the five seed visits (../shared/seeds) one after another, with screenshots of each page and of
 * the popup in test-results/screenshots/demo-*.png.
 *
 * Headed when a DISPLAY is set (the browser then stays open until you close it), else headless.
 * Between two visits the extension's clock is moved past the visit gap (e2e/support/clock.ts:
 * the stored times are moved back, which is the same for the rule), so each page is a new visit.
 */
import { execFileSync } from 'node:child_process';
import { badgeText, launchExtension, tabIdForUrl } from '../e2e/support/browser';
import { startNewVisit } from '../e2e/support/clock';
import { buildListPage, closePageBuilder } from '../e2e/support/page-builder';
import { PapersPage } from '../e2e/support/papers-page';
import { REPO_ROOT, screenshotPath } from '../e2e/support/paths';
import { PopupPage } from '../e2e/support/popup-page';
import { startReplayServer } from '../e2e/support/replay-server';
import { loadSeedVisits, newPerVisit, seedVisitPage } from '../e2e/support/seeds';

async function main(): Promise<void> {
  const headed = Boolean(process.env.DISPLAY);
  console.log('Building the extension (npx wxt build)…');
  execFileSync('npx', ['wxt', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });

  const server = await startReplayServer();
  const ext = await launchExtension({ port: server.port, headless: !headed });
  console.log(`Chromium ${headed ? 'headed' : 'headless'}, extension ${ext.extensionId}`);
  try {
    const visits = loadSeedVisits();
    const expected = newPerVisit(visits);
    let page: PapersPage | undefined;
    for (const [i, visit] of visits.entries()) {
      const { papers, path, date } = seedVisitPage(visit, i);
      server.setPage(path, buildListPage(papers, { date }));
      if (i > 0) await startNewVisit(ext);
      if (page) await page.goto(server.url(path));
      else page = await PapersPage.open(ext.context, server.url(path));
      const marks = await page.marks();
      const newCount = marks.cards.filter((c) => c.state === 'new').length;
      const badge = await badgeText(ext, await tabIdForUrl(ext, page.url()));
      console.log(
        `visit ${i + 1} (${visit.file}): ${marks.count} papers, ${newCount} new ` +
          `(expected ${expected[i]?.length}), toolbar badge "${badge}"`,
      );
      // Show the cards where new and seen papers meet (the first seen card), or the first card.
      const shown = marks.cards.find((c) => c.state === 'seen') ?? marks.cards[0];
      if (shown) await page.cardLocator(shown.id).scrollIntoViewIfNeeded();
      const file = screenshotPath(`demo-visit-${i + 1}.png`);
      await page.screenshot(file);
      console.log(`  screenshot ${file}`);
    }
    if (page) {
      const popup = await PopupPage.openOver(ext, await tabIdForUrl(ext, page.url()));
      await popup.page.setViewportSize({ width: 400, height: 600 });
      const file = screenshotPath('demo-popup.png');
      await popup.screenshot(file);
      console.log(`  screenshot ${file}`);
    }
    await closePageBuilder();

    if (headed) {
      console.log('The browser stays open; close it to end the demo.');
      await new Promise<void>((resolve) => ext.context.once('close', () => resolve()));
    }
  } finally {
    await ext.close().catch(() => undefined);
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
