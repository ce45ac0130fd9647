import { startReplayServer } from '../e2e/support/replay-server';
import { buildListPage, closePageBuilder } from '../e2e/support/page-builder';
import { launchBench } from './bench/launch';
import { listPapers, SEED_TEXTS } from './bench/pages';
import { inWorker, WORKER_CODE } from './bench/worker-code';

const N = Number(process.env.N ?? 100000);
const server = await startReplayServer();
server.setPage('/papers/date/2026-11-01', buildListPage(listPapers(50), { date: '2026-11-01' }));
await closePageBuilder();
const ext = await launchBench(server.port, process.env.EXT ?? '/tmp/wt/.output/chrome-mv3');
try {
  const page = await ext.context.newPage();
  await page.goto(server.url('/papers/date/2026-11-01'));
  await page.waitForSelector('[data-papers-radar-state]');
  await inWorker(ext, WORKER_CODE.includes('__bench') ? '' : '');
  await ext.serviceWorker.evaluate(WORKER_CODE);
  const t = Date.now();
  await inWorker(
    ext,
    `await globalThis.__bench.seedPapers(0, ${N}, ${JSON.stringify(SEED_TEXTS)});`,
  );
  console.log('seeded', Date.now() - t);
  const pop = await ext.context.newPage();
  await pop.goto(`chrome-extension://${ext.extensionId}/popup.html`);
  await pop.waitForSelector('li.paper-row');
  for (let r = 0; r < 3; r++) {
    const res = await pop.evaluate(`(async () => {
      const time = async (type, data) => { const t = performance.now(); const r = await chrome.runtime.sendMessage({ type, data }); if (!r.ok) throw new Error(r.error); return Math.round(performance.now() - t); };
      return {
        status: await time('getStatus', {}),
        listNew: await time('listPapers', { view: 'new', query: '', offset: 0, limit: 50 }),
        listAll: await time('listPapers', { view: 'all', query: '', offset: 0, limit: 50 }),
        searchModel: await time('listPapers', { view: 'all', query: 'mo', offset: 0, limit: 50 }),
      };
    })()`);
    console.log(JSON.stringify(res));
  }
  const t2 = Date.now();
  const p2 = await ext.context.newPage();
  await p2.goto(`chrome-extension://${ext.extensionId}/popup.html`);
  await p2.waitForSelector('li.paper-row');
  console.log('popup open wall', Date.now() - t2);
} finally {
  await ext.close();
  await server.close();
}
