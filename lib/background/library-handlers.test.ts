import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { StorageError } from '../db/storage-error';
import { GAP, paperId, T0 } from '../db/test-papers';
import {
  contentSender,
  openTabs,
  PAPERS_PAGE,
  popup,
  report,
  setupBackground,
} from './test-background';

describe('listPapers, getStatus, backups', () => {
  it('lists the new papers of the latest visit', async () => {
    const bg = setupBackground();
    await bg.send('reportPage', report([1, 3]), contentSender(1));
    bg.advance(GAP + 1);
    await bg.send('reportPage', report([3, 4]), contentSender(1));
    const list = await bg.send(
      'listPapers',
      { view: 'new', query: '', offset: 0, limit: 10 },
      popup,
    );
    expect(list.papers.map((p) => p.id)).toEqual([paperId(4)]);
  });

  it('reports the tab page, the visit and the counts', async () => {
    const bg = setupBackground();
    await bg.send('reportPage', report([1, 3]), contentSender(4));
    const status = await bg.send('getStatus', { tabId: 4 }, popup);
    expect(status).toEqual({
      tab: {
        url: PAPERS_PAGE,
        kind: 'trending',
        count: 3,
        newCount: 3,
        ids: [1, 2, 3].map(paperId),
      },
      visit: { start: T0, end: T0, views: 1 },
      counts: { all: 3, new: 3, starred: 0, hidden: 0 },
      storageError: null,
    });
    expect((await bg.send('getStatus', { tabId: 5 }, popup)).tab).toBeNull();
  });

  it('forgets the tab page once the tab left the papers pages', async () => {
    const bg = setupBackground();
    const tab = await fakeBrowser.tabs.create({ url: PAPERS_PAGE });
    await bg.send('reportPage', report([1, 1]), contentSender(tab.id));
    await fakeBrowser.tabs.update(tab.id, { url: 'https://huggingface.co/models' });
    expect((await bg.send('getStatus', { tabId: tab.id }, popup)).tab).toBeNull();
  });

  it('surfaces a storage error in getStatus', async () => {
    const bg = setupBackground();
    await bg.send('reportPage', report([1, 1]), contentSender(1));
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const reply = await bg.sendRaw({ type: 'reportPage', data: report([2, 3]) }, contentSender(1));
    expect(reply).toEqual({
      ok: false,
      error: expect.stringMatching(/^Storage error: .*quota exceeded/),
    });
    const status = await bg.send('getStatus', {}, popup);
    expect(status.storageError).toMatch(/quota exceeded/);
    expect(status.counts.all).toBe(1);
    vi.mocked(IDBObjectStore.prototype.put).mockRestore();
    await bg.send('reportPage', report([2, 3]), contentSender(1));
    expect((await bg.send('getStatus', {}, popup)).storageError).toBeNull();
  });

  it('answers getStatus with the error when the database cannot open', async () => {
    const bg = setupBackground();
    vi.spyOn(bg.deps, 'db').mockRejectedValue(new StorageError('Storage error: blocked'));
    const status = await bg.send('getStatus', {}, popup);
    expect(status).toMatchObject({ visit: null, storageError: 'Storage error: blocked' });
  });

  it('exports and imports a library, then tells the open tabs', async () => {
    const source = setupBackground();
    await source.send('reportPage', report([1, 3]), contentSender(1));
    await source.send('setStarred', { id: paperId(2), starred: true }, popup);
    const { backup } = await source.send('exportLibrary', {}, popup);
    const target = setupBackground();
    await target.send('reportPage', report([2, 2]), contentSender(1));
    const { sent } = openTabs(1);
    expect(await target.send('importLibrary', { backup }, popup)).toEqual({ imported: 3 });
    expect(sent).toEqual([
      [1, { type: 'statesChanged', states: [expect.objectContaining({ starred: true })] }],
    ]);
    const bad = await target.sendRaw(
      { type: 'importLibrary', data: { backup: { format: 'zip' } } },
      popup,
    );
    expect(bad).toEqual({
      ok: false,
      error: expect.stringMatching(/^Backup refused, nothing was imported/),
    });
  });
});
