// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { createFakePopupApi, makePaper, NOW } from './fake-popup-api';
import { createPopupModel, NEW_FALLBACK_NOTICE } from './model';

const papers = [
  makePaper('2509.00001', { title: 'Alpha', state: 'new', firstSeenAt: NOW - 1000 }),
  makePaper('2509.00002', { title: 'Beta', state: 'new', firstSeenAt: NOW - 9e6 }),
];

async function openModel() {
  const fake = createFakePopupApi({ papers });
  const model = createPopupModel(fake.api, 3);
  await model.load();
  return { fake, model };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const starred = (model: Awaited<ReturnType<typeof openModel>>['model'], id: string) =>
  model.papers.value.find((paper) => paper.id === id)?.starredAt !== undefined;

describe('createPopupModel', () => {
  it('asks for the status of its tab', async () => {
    const { fake } = await openModel();
    expect(fake.calls.find((call) => call.type === 'getStatus')?.data).toEqual({ tabId: 3 });
  });

  it('lists papers without waiting for the tab, then asks for the tab status', async () => {
    const fake = createFakePopupApi({ papers });
    let tabKnown: (id: number) => void = () => undefined;
    const model = createPopupModel(fake.api, new Promise((resolve) => (tabKnown = resolve)));
    await model.load();
    expect(model.papers.value.map((paper) => paper.title)).toEqual(['Alpha', 'Beta']);
    expect(fake.calls.map((call) => call.type)).toEqual(['listPapers']);
    tabKnown(5);
    await vi.waitFor(() =>
      expect(fake.calls.find((call) => call.type === 'getStatus')?.data).toEqual({ tabId: 5 }),
    );
  });

  it('asks for the status only once the first page is in, so the two do not compete', async () => {
    const fake = createFakePopupApi({ papers, latency: () => 30 });
    const model = createPopupModel(fake.api, 3);
    const loading = model.load();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(fake.calls.map((call) => call.type)).toEqual(['listPapers']);
    await loading;
    await vi.waitFor(() =>
      expect(fake.calls.map((call) => call.type)).toEqual(['listPapers', 'getStatus']),
    );
    await vi.waitFor(() => expect(model.counts.value?.all).toBe(2));
  });

  it('keeps the last toggle when an earlier one fails', async () => {
    const { fake, model } = await openModel();
    fake.failNext('setStarred', 'busy');
    const first = model.toggleStar('2509.00001');
    const second = model.toggleStar('2509.00001');
    expect(starred(model, '2509.00001')).toBe(false);
    await Promise.all([first, second]);
    expect(starred(model, '2509.00001')).toBe(false);
    expect(model.error.value).toBe('Could not star "Alpha": busy');
  });

  it('rolls back to what the background last confirmed', async () => {
    const { fake, model } = await openModel();
    await model.toggleStar('2509.00002');
    expect(starred(model, '2509.00002')).toBe(true);
    fake.failNext('setStarred', 'busy');
    await model.toggleStar('2509.00002');
    expect(starred(model, '2509.00002')).toBe(true);
  });

  it('keeps the Undo when undoing fails', async () => {
    const { fake, model } = await openModel();
    await model.toggleHidden('2509.00001');
    expect(model.papers.value.map((p) => p.title)).toEqual(['Beta']);
    expect(model.total.value).toBe(1);
    fake.failNext('setHidden', 'busy');
    await model.undoRemove();
    expect(model.papers.value.map((p) => p.title)).toEqual(['Beta']);
    expect(model.removed.value?.paper.title).toBe('Alpha');
    expect(model.error.value).toBe('Could not undo: busy');
    await model.undoRemove();
    expect(model.papers.value.map((p) => p.title)).toEqual(['Alpha', 'Beta']);
    expect(model.total.value).toBe(2);
  });

  it('puts a hidden row back, without its Undo, when a page undoes the hide', async () => {
    const { fake, model } = await openModel();
    await model.toggleHidden('2509.00001');
    expect(model.removed.value?.paper.title).toBe('Alpha');
    fake.emitStatesChanged([
      { id: '2509.00001', state: 'new', starred: false, hidden: false, firstSeenAt: NOW - 1000 },
    ]);
    expect(model.papers.value.map((p) => p.title)).toEqual(['Alpha', 'Beta']);
    expect(model.total.value).toBe(2);
    expect(model.removed.value).toBeNull();
  });

  it('pages on past a paper unstarred in Starred, without skipping one', async () => {
    const many = Array.from({ length: 52 }, (_, i) =>
      makePaper(`2509.${String(i).padStart(5, '0')}`, {
        firstSeenAt: NOW - i * 1000,
        starredAt: NOW - i * 1000,
      }),
    );
    const fake = createFakePopupApi({ papers: many });
    const model = createPopupModel(fake.api, 3);
    await model.load();
    await model.setView('starred');
    expect(model.papers.value).toHaveLength(50);
    await model.toggleStar('2509.00000');
    await model.toggleStar('2509.00001');
    // Both stay listed, unstarred, so that they can be starred again.
    expect(model.papers.value).toHaveLength(50);
    await model.loadMore();
    expect(model.papers.value.map((p) => p.id).slice(-2)).toEqual(['2509.00050', '2509.00051']);
    expect(model.hasMore.value).toBe(false);
  });

  describe('the first page the background keeps ready', () => {
    const kept = (view: 'new' | 'all', ids: string[]) => ({
      view,
      papers: ids.map((id) => papers.find((p) => p.id === id) ?? makePaper(id)),
      total: ids.length,
      hasMore: true,
    });

    it('is painted while the live page is on its way, which then replaces it', async () => {
      const fake = createFakePopupApi({
        papers,
        latency: () => 200,
        openingPage: { page: kept('new', ['2509.00001']), latency: 5 },
      });
      const model = createPopupModel(fake.api, 3);
      const loading = model.load();
      await sleep(30);
      expect(model.papers.value.map((p) => p.title)).toEqual(['Alpha']);
      expect(model.loading.value).toBe(false);
      // No "Show more" until the live page says what more there is.
      expect(model.hasMore.value).toBe(false);
      await loading;
      expect(model.papers.value.map((p) => p.title)).toEqual(['Alpha', 'Beta']);
      expect(model.total.value).toBe(2);
    });

    it('is not painted over the live page when it comes after it', async () => {
      const fake = createFakePopupApi({
        papers,
        openingPage: { page: kept('new', ['2509.00001']), latency: 20 },
      });
      const model = createPopupModel(fake.api, 3);
      await model.load();
      await sleep(40);
      expect(model.papers.value.map((p) => p.title)).toEqual(['Alpha', 'Beta']);
    });

    it('is not painted once the reader picked a view', async () => {
      const fake = createFakePopupApi({
        papers: [...papers, makePaper('2509.00003', { title: 'Gamma', starredAt: NOW })],
        latency: () => 30,
        openingPage: { page: kept('new', ['2509.00001']), latency: 10 },
      });
      const model = createPopupModel(fake.api, 3);
      const loading = model.load();
      const picking = model.setView('starred');
      await sleep(20);
      expect(model.papers.value).toEqual([]);
      await Promise.all([loading, picking]);
      expect(model.view.value).toBe('starred');
      expect(model.papers.value.map((p) => p.title)).toEqual(['Gamma']);
    });

    it('opens on All with its note when New was empty', async () => {
      const seen = papers.map((p) => ({ ...p, state: 'seen' as const }));
      const fake = createFakePopupApi({
        papers: seen,
        latency: () => 200,
        openingPage: { page: { ...kept('all', []), papers: seen, total: 2 }, latency: 5 },
      });
      const model = createPopupModel(fake.api, 3);
      const loading = model.load();
      await sleep(30);
      expect(model.papers.value).toHaveLength(2);
      expect(model.view.value).toBe('all');
      expect(model.notice.value).toBe(NEW_FALLBACK_NOTICE);
      await loading;
      expect(model.view.value).toBe('all');
      expect(model.notice.value).toBe(NEW_FALLBACK_NOTICE);
      expect(fake.listCalls().map((call) => call.view)).toEqual(['new', 'all']);
    });
  });

  it('stops listening when disposed', async () => {
    const { fake, model } = await openModel();
    model.dispose();
    fake.emitStatesChanged([
      { id: '2509.00001', state: 'new', starred: true, hidden: false, firstSeenAt: NOW },
    ]);
    expect(starred(model, '2509.00001')).toBe(false);
  });
});
