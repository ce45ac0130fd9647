import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { GAP, paperId, paperInfo, T0 } from '../db/test-papers';
import type { PaperInfo } from '../model/paper';
import {
  badge,
  contentSender,
  openTabs,
  PAPERS_PAGE,
  popup,
  report,
  setupBackground,
} from './test-background';

describe('reportPage', () => {
  it('answers new states, stores the tab page in storage.session and sets the badge', async () => {
    const bg = setupBackground();
    const reply = await bg.send('reportPage', report([1, 3]), contentSender(1));
    expect(reply.visitStart).toBe(T0);
    expect(reply.states.map((s) => s.state)).toEqual(['new', 'new', 'new']);
    expect(await fakeBrowser.storage.session.get('tab:1')).toEqual({
      'tab:1': {
        url: PAPERS_PAGE,
        kind: 'trending',
        count: 3,
        newCount: 3,
        ids: [1, 2, 3].map(paperId),
        visitStart: T0,
      },
    });
    expect(await badge(1)).toBe('3');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({ tabId: 1 })).not.toEqual([
      95, 93, 91, 255,
    ]);
  });

  it('keeps papers new within the visit and marks them seen after the gap', async () => {
    const bg = setupBackground();
    await bg.send('reportPage', report([1, 3]), contentSender(1));
    bg.advance(GAP);
    const reload = await bg.send('reportPage', report([1, 3]), contentSender(1));
    expect(reload.states.map((s) => s.state)).toEqual(['new', 'new', 'new']);
    bg.advance(GAP + 1);
    const next = await bg.send('reportPage', report([2, 5]), contentSender(1));
    expect(next.states.map((s) => s.state)).toEqual(['seen', 'seen', 'new', 'new']);
    expect(next.visitStart).toBe(T0 + 2 * GAP + 1);
    expect(await badge(1)).toBe('2');
  });

  it('shows a paper new in two tabs reporting it at once', async () => {
    const bg = setupBackground();
    const [a, b] = await Promise.all([
      bg.send('reportPage', report([1, 2]), contentSender(1)),
      bg.send('reportPage', report([2, 3]), contentSender(2)),
    ]);
    expect([...a.states, ...b.states].every((s) => s.state === 'new')).toBe(true);
    expect([await badge(1), await badge(2)]).toEqual(['2', '2']);
  });

  it('keeps badges per tab and empty when nothing is new', async () => {
    const bg = setupBackground();
    await bg.send('reportPage', report([1, 2]), contentSender(1));
    bg.advance(GAP + 1);
    await bg.send('reportPage', report([1, 2]), contentSender(2));
    expect([await badge(1), await badge(2)]).toEqual(['2', '']);
  });

  it('records nothing from a private window', async () => {
    const bg = setupBackground();
    const reply = await bg.send(
      'reportPage',
      report([1, 2]),
      contentSender(1, PAPERS_PAGE, { incognito: true }),
    );
    expect(reply.states).toEqual([]);
    expect(await (await bg.db()).count('papers')).toBe(0);
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });

  it('records the opened paper of a paper page', async () => {
    const bg = setupBackground();
    const url = `https://huggingface.co/papers/${paperId(7)}`;
    const data = {
      url,
      kind: 'paper' as const,
      papers: [paperInfo(7)],
      skipped: 0,
      openedId: paperId(7),
    };
    await bg.send('reportPage', data, contentSender(1, url));
    expect((await (await bg.db()).get('papers', paperId(7)))?.openedAt).toBe(T0);
  });
});

describe('a report from the cards, the details after', () => {
  /** The report a content script sends from the cards: ids and the cards' titles. */
  const cardsReport = (ids: [number, number], title = (n: number) => `Card title ${n}`) => {
    const full = report(ids);
    return {
      ...full,
      papers: full.papers.map(({ id }) => ({ id, title: title(Number(id.slice(-5))) })),
      titlesOnly: true as const,
    };
  };
  /** The fields the page's JSON gives, with the texts when asked. */
  const detailsOf = (n: number, texts: boolean, overrides: Partial<PaperInfo> = {}) => {
    const { summary, aiSummary, authors, ...fields } = paperInfo(n, {
      summary: `Summary of paper ${n}: quasicrystal lattices.`,
      ...overrides,
    });
    void aiSummary;
    return texts ? { ...fields, summary, authors } : fields;
  };

  it('stores new papers under their card titles, then their fields and the texts asked for', async () => {
    const bg = setupBackground();
    const first = await bg.send('reportPage', cardsReport([1, 3]), contentSender(1));
    expect(first.states.map((s) => s.state)).toEqual(['new', 'new', 'new']);
    expect(first.wantTexts).toEqual([1, 2, 3].map(paperId));
    const db = await bg.db();
    expect(await db.get('papers', paperId(2))).toMatchObject({
      title: 'Card title 2',
      authors: [],
    });

    const { updated } = await bg.send(
      'paperDetails',
      { papers: [1, 2, 3].map((n) => detailsOf(n, true)) },
      contentSender(1),
    );
    expect(updated).toBe(3);
    const stored = await db.get('papers', paperId(2));
    expect(stored).toMatchObject({ title: 'Paper number 2', authors: ['Author 2'], upvotes: 2 });
    expect(stored?.summary).toContain('quasicrystal');
    // The abstract is searchable.
    const found = await bg.send(
      'listPapers',
      { view: 'all', query: 'quasicrystal', offset: 0, limit: 50 },
      popup,
    );
    expect(found.total).toBe(3);
  });

  it('seen again: the stored fields and title stay, and only changed papers are written', async () => {
    const bg = setupBackground();
    await bg.send('reportPage', cardsReport([1, 3]), contentSender(1));
    await bg.send(
      'paperDetails',
      { papers: [1, 2, 3].map((n) => detailsOf(n, true)) },
      contentSender(1),
    );
    bg.advance(60_000);

    // The cards render a title differently from the JSON: the stored one stays.
    const again = await bg.send(
      'reportPage',
      cardsReport([2, 4], () => 'Rendered'),
      contentSender(1),
    );
    expect(again.wantTexts).toEqual([paperId(4)]);
    const db = await bg.db();
    const two = await db.get('papers', paperId(2));
    // Seen in this visit already, and as stored: not written again (lastSeenAt: the visit's view).
    expect(two).toMatchObject({ title: 'Paper number 2', upvotes: 2, lastSeenAt: T0 });
    expect(two?.summary).toContain('quasicrystal');
    expect(await db.get('papers', paperId(4))).toMatchObject({ title: 'Rendered' });

    const { updated } = await bg.send(
      'paperDetails',
      {
        papers: [
          detailsOf(2, false),
          detailsOf(3, false, { upvotes: 30, numComments: 4 }),
          detailsOf(4, true),
        ],
      },
      contentSender(1),
    );
    expect(updated).toBe(2);
    expect(await db.get('papers', paperId(3))).toMatchObject({ upvotes: 30, numComments: 4 });
    expect((await db.get('papers', paperId(3)))?.summary).toContain('quasicrystal');
    expect(await db.get('papers', paperId(4))).toMatchObject({
      title: 'Paper number 4',
      authors: ['Author 4'],
    });
  });

  it('asks for nothing when the report carries the texts', async () => {
    const bg = setupBackground();
    const reply = await bg.send('reportPage', report([1, 3]), contentSender(1));
    expect(reply.wantTexts).toBeUndefined();
  });

  it("refuses details for a paper that is not on the tab's page, changing nothing", async () => {
    const bg = setupBackground();
    await bg.send('reportPage', cardsReport([1, 2]), contentSender(1));
    await bg.send('reportPage', cardsReport([5, 5]), contentSender(2));
    const reply = await bg.sendRaw(
      { type: 'paperDetails', data: { papers: [detailsOf(1, true), detailsOf(5, true)] } },
      contentSender(1),
    );
    expect(reply).toEqual({
      ok: false,
      error: `Refused paperDetails: paper ${paperId(5)} is not on the page this tab reported`,
    });
    const db = await bg.db();
    expect((await db.get('papers', paperId(1)))?.summary).toBeUndefined();
    expect((await db.get('papers', paperId(5)))?.summary).toBeUndefined();
  });

  it('skips details for a paper no longer stored', async () => {
    const bg = setupBackground();
    await bg.send('reportPage', cardsReport([1, 2]), contentSender(1));
    await (await bg.db()).delete('papers', paperId(2));
    const { updated } = await bg.send(
      'paperDetails',
      { papers: [detailsOf(1, true), detailsOf(2, true)] },
      contentSender(1),
    );
    expect(updated).toBe(1);
    expect(await (await bg.db()).get('papers', paperId(2))).toBeUndefined();
  });
});

describe('state changes', () => {
  it('broadcasts a star to the papers tabs that show the paper, skipping tabs without a listener', async () => {
    const bg = setupBackground();
    await bg.send('reportPage', report([1, 3]), contentSender(1));
    await bg.send('reportPage', report([5, 6]), contentSender(2));
    await bg.send('reportPage', report([2, 2]), contentSender(3));
    const { query, sent } = openTabs(1, 2, 3);
    const { paper } = await bg.send('setStarred', { id: paperId(2), starred: true }, popup);
    expect(paper).toMatchObject({ id: paperId(2), starredAt: T0, state: 'new' });
    expect(query).toHaveBeenCalledWith({ url: '*://huggingface.co/papers*' });
    expect(sent).toEqual([
      [
        1,
        {
          type: 'statesChanged',
          states: [expect.objectContaining({ id: paperId(2), starred: true })],
        },
      ],
    ]);
  });

  it('updates the badges of tabs when a paper is hidden, and undoHide restores them', async () => {
    const bg = setupBackground();
    await bg.send('reportPage', report([1, 3]), contentSender(1));
    await bg.send('reportPage', report([3, 4]), contentSender(2));
    const { sent } = openTabs(1, 2);
    await bg.send('setHidden', { id: paperId(3), hidden: true }, popup);
    expect([await badge(1), await badge(2)]).toEqual(['2', '1']);
    const hiddenIn = sent.map(([tab, m]) => [tab, m.states[0]?.hidden]);
    expect(hiddenIn.sort()).toEqual([
      [1, true],
      [2, true],
    ]);
    const { state } = await bg.send('undoHide', { id: paperId(3) }, contentSender(2));
    expect(state).toMatchObject({ id: paperId(3), hidden: false, state: 'new' });
    expect([await badge(1), await badge(2)]).toEqual(['3', '2']);
  });

  it('tells an open popup when a page undoes a hide, with the latest visit state', async () => {
    const bg = setupBackground();
    await bg.send('reportPage', report([1, 3]), contentSender(1));
    openTabs(1);
    await bg.send('setHidden', { id: paperId(2), hidden: true }, popup);
    const toPages = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined);
    await bg.send('undoHide', { id: paperId(2) }, contentSender(1));
    expect(toPages).toHaveBeenCalledWith({
      type: 'statesChanged',
      states: [expect.objectContaining({ id: paperId(2), hidden: false, state: 'new' })],
    });
  });

  it('keeps working when no extension page listens', async () => {
    const bg = setupBackground();
    await bg.send('reportPage', report([1, 3]), contentSender(1));
    openTabs(1);
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(
      new Error('Could not establish connection. Receiving end does not exist.'),
    );
    const { paper } = await bg.send('setStarred', { id: paperId(1), starred: true }, popup);
    expect(paper.starredAt).toBeDefined();
  });

  it('refuses to star an unknown paper clearly', async () => {
    const bg = setupBackground();
    const reply = await bg.sendRaw(
      { type: 'setStarred', data: { id: paperId(1), starred: true } },
      popup,
    );
    expect(reply).toEqual({
      ok: false,
      error: `Unknown paper ${paperId(1)}: it was never seen on a papers page`,
    });
  });
});
