// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { PaperState } from '../model/paper';
import type { Request, Responses } from '../messages/protocol';
import { DAILY, DAILY_IDS, PAPER, loadFixture } from '../hf/test-fixtures';
import { parsePage } from '../hf/parse-page';
import { createRadar, DETAILS_PER_TASK, type RadarDeps } from './radar';
import { MARK } from './marks';

const NOW = Date.UTC(2026, 9, 1);

function state(id: string, extra: Partial<PaperState> = {}): PaperState {
  return { id, state: 'new', starred: false, hidden: false, firstSeenAt: NOW, ...extra };
}

function setup(
  doc: Document,
  url = 'https://huggingface.co/papers',
  overrides: Partial<RadarDeps> = {},
) {
  const reports: Request<'reportPage'>[] = [];
  const details: Request<'paperDetails'>[] = [];
  const deps: RadarDeps = {
    doc,
    url: () => new URL(url),
    now: () => NOW,
    report: vi.fn(async (data: Request<'reportPage'>) => {
      reports.push(data);
      return { states: data.papers.map((p) => state(p.id)), visitStart: NOW };
    }),
    sendDetails: vi.fn(async (data: Request<'paperDetails'>) => {
      details.push(data);
      return { updated: data.papers.length };
    }),
    undoHide: vi.fn(async (id: string) => ({ state: state(id) })),
    warn: vi.fn(),
    whenIdle: (task) => task(),
    ...overrides,
  };
  const radar = createRadar(deps);
  const pass = async () => {
    radar.schedule();
    await radar.idle();
  };
  return { radar, deps, reports, details, pass };
}

const cardsOf = (doc: Document) => [...doc.querySelectorAll<HTMLElement>(`article[${MARK.id}]`)];

describe('its own edits of the page', () => {
  it('makes them all through quietly, where the page watcher does not see them', async () => {
    const doc = loadFixture(DAILY);
    const badgeRows = () => doc.querySelectorAll(`[${MARK.ui}="badges"]`).length;
    let addedQuietly = 0;
    const quietly = vi.fn((change: () => void) => {
      const before = badgeRows();
      change();
      addedQuietly += badgeRows() - before;
    });
    const { pass } = setup(doc, undefined, { quietly });
    await pass();
    expect(badgeRows()).toBe(DAILY_IDS.length);
    expect(addedQuietly).toBe(DAILY_IDS.length);
  });
});

describe('cards first, the details when idle', () => {
  /** A background that has no texts for the first `unknown` papers of a report. */
  const askingFor = (unknown: number) => async (data: Request<'reportPage'>) =>
    ({
      states: data.papers.map((p) => state(p.id)),
      visitStart: NOW,
      wantTexts: data.papers.slice(0, unknown).map((p) => p.id),
    }) satisfies Responses['reportPage'];
  const sentIds = (sent: Request<'paperDetails'>[]) =>
    sent.flatMap((d) => d.papers.map((p) => p.id));
  /** The daily page as the full parse reads its JSON. */
  const dailyJson = () =>
    new Map(
      parsePage(loadFixture(DAILY), new URL('https://huggingface.co/papers')).papers.map((p) => [
        p.id,
        p,
      ]),
    );

  it('reports the papers as their cards show them, then the fields of every paper and the texts asked for', async () => {
    const doc = loadFixture(DAILY);
    const report = vi.fn(askingFor(2));
    const { details, pass } = setup(doc, undefined, { report });
    await pass();

    const sentReport = report.mock.calls[0]?.[0];
    expect(sentReport?.titlesOnly).toBe(true);
    const json = dailyJson();
    // Ids and titles only, and the cards' titles are the JSON's.
    expect(sentReport?.papers).toEqual(DAILY_IDS.map((id) => ({ id, title: json.get(id)?.title })));
    expect(sentIds(details)).toEqual(DAILY_IDS);
    const sent = details.flatMap((d) => d.papers);
    // The fields of the JSON, the texts for the two papers asked for and for no other.
    sent.forEach((paper, i) => {
      const { summary, aiSummary, authors, ...fields } = json.get(paper.id)!;
      expect(paper).toMatchObject(fields);
      if (i < 2) {
        expect(paper.summary).toBe(summary);
        expect(paper.authors).toEqual(authors);
        expect(paper.authors?.length).toBeGreaterThan(0);
      } else {
        expect(paper).not.toHaveProperty('summary');
        expect(paper).not.toHaveProperty('authors');
      }
      void aiSummary;
    });
    expect(sent.filter((p) => p.upvotes !== undefined).length).toBeGreaterThan(20);
    expect(doc.querySelectorAll(`article[${MARK.state}="new"]`)).toHaveLength(28);
  });

  it('reads the JSON and sends the details only once the page is idle, after the decoration', async () => {
    const doc = loadFixture(DAILY);
    const idle: (() => void)[] = [];
    const { details, pass } = setup(doc, undefined, {
      report: vi.fn(askingFor(3)),
      whenIdle: (task) => idle.push(task),
    });
    await pass();
    expect(cardsOf(doc)).toHaveLength(DAILY_IDS.length);
    expect(details).toEqual([]);
    expect(idle).toHaveLength(1);
    idle[0]?.(); // the JSON
    expect(details).toEqual([]);
    idle[1]?.();
    expect(sentIds(details)).toEqual(DAILY_IDS.slice(0, DETAILS_PER_TASK));
    expect(
      details[0]?.papers.slice(0, 3).every((p) => (p.authors?.length ?? 0) > 0 && p.summary),
    ).toBe(true);
  });

  it('sends the details a few papers per idle task, one task after the other', async () => {
    const doc = loadFixture(DAILY);
    const idle: (() => void)[] = [];
    const { details, pass } = setup(doc, undefined, {
      report: vi.fn(askingFor(DAILY_IDS.length)),
      whenIdle: (task) => idle.push(task),
    });
    await pass();
    idle[0]?.();
    const batches = Math.ceil(DAILY_IDS.length / DETAILS_PER_TASK);
    expect(batches).toBeGreaterThan(1);
    for (let i = 0; i < batches; i++) {
      expect(idle).toHaveLength(i + 2);
      idle[i + 1]?.();
      expect(details).toHaveLength(i + 1);
    }
    expect(idle).toHaveLength(batches + 1);
    expect(details.map((d) => d.papers.length)).toEqual(
      Array.from({ length: batches }, (_, i) =>
        Math.min(DETAILS_PER_TASK, DAILY_IDS.length - i * DETAILS_PER_TASK),
      ),
    );
    expect(sentIds(details)).toEqual(DAILY_IDS);
  });

  it('drops the details of a page this tab moved away from before it was idle', async () => {
    const doc = loadFixture(DAILY);
    const idle: (() => void)[] = [];
    let url = 'https://huggingface.co/papers';
    const { details, radar } = setup(doc, undefined, {
      url: () => new URL(url),
      report: vi.fn(askingFor(3)),
      whenIdle: (task) => idle.push(task),
    });
    radar.schedule();
    await radar.idle();
    url = 'https://huggingface.co/papers/date/2026-09-28';
    radar.schedule();
    await radar.idle();
    expect(idle).toHaveLength(2);
    idle[0]?.();
    expect(idle).toHaveLength(2);
    idle[1]?.();
    idle[2]?.();
    idle[3]?.();
    expect(details).toHaveLength(2);
    expect(sentIds(details)).toEqual(DAILY_IDS);
  });

  it('refreshes the fields of papers the background knows, without their texts', async () => {
    const doc = loadFixture(DAILY);
    const { details, pass } = setup(doc, undefined, { report: vi.fn(askingFor(0)) });
    await pass();
    expect(sentIds(details)).toEqual(DAILY_IDS);
    expect(details.flatMap((d) => d.papers).some((p) => 'summary' in p || 'authors' in p)).toBe(
      false,
    );
  });

  it('reports from the JSON when a card has no title, and sends only the texts asked for', async () => {
    const doc = loadFixture(DAILY);
    const link = doc.querySelector(`article h3 a[href="/papers/${DAILY_IDS[4]}"]`);
    if (link) link.textContent = '  ';
    const report = vi.fn(askingFor(2));
    const { details, pass } = setup(doc, undefined, { report });
    await pass();
    const sentReport = report.mock.calls[0]?.[0];
    expect(sentReport?.titlesOnly).toBeUndefined();
    expect(sentReport?.papers.map((p) => p.id)).toEqual(DAILY_IDS);
    expect(sentReport?.papers[4]?.title).toBe(dailyJson().get(DAILY_IDS[4]!)?.title);
    expect(sentReport?.papers.filter((p) => p.upvotes !== undefined).length).toBeGreaterThan(20);
    expect(sentIds(details)).toEqual(DAILY_IDS.slice(0, 2));
    expect(details[0]?.papers.every((p) => p.summary && p.authors?.length)).toBe(true);
  });

  it('keeps the decoration when the details cannot be sent, and says why', async () => {
    const doc = loadFixture(DAILY);
    const { deps, pass } = setup(doc, undefined, {
      report: vi.fn(askingFor(28)),
      sendDetails: vi.fn(async () => {
        throw new Error('storage full');
      }),
    });
    await pass();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(deps.warn).toHaveBeenCalledWith('Could not record the details', expect.any(Error));
    expect(doc.querySelectorAll(`article[${MARK.state}="new"]`)).toHaveLength(28);
  });
});

describe('content script on the saved daily page', () => {
  it('reports the papers in page order and marks every card new', async () => {
    const doc = loadFixture(DAILY);
    const { reports, pass } = setup(doc);
    await pass();

    expect(reports).toHaveLength(1);
    expect(reports[0]?.papers.map((p) => p.id)).toEqual(DAILY_IDS);
    expect(doc.documentElement.getAttribute(MARK.kind)).toBe('daily');
    expect(doc.documentElement.getAttribute(MARK.count)).toBe('28');
    const cards = cardsOf(doc);
    expect(cards.map((c) => c.getAttribute(MARK.id))).toEqual(DAILY_IDS);
    expect(cards.every((c) => c.getAttribute(MARK.state) === 'new')).toBe(true);
    expect(doc.querySelectorAll('[data-papers-radar-ui="new"]')).toHaveLength(28);
  });

  it('decorates idempotently: a second pass adds nothing and reports nothing again', async () => {
    const doc = loadFixture(DAILY);
    const { deps, pass } = setup(doc);
    await pass();
    const before = doc.body.outerHTML;
    await pass();
    expect(deps.report).toHaveBeenCalledTimes(1);
    expect(doc.body.outerHTML).toBe(before);
    expect(doc.querySelectorAll('[data-papers-radar-ui="badges"]')).toHaveLength(28);
  });

  it('shows seen papers quietly, and stars and hides cards when the states change', async () => {
    const doc = loadFixture(DAILY);
    const [a = '', b = ''] = DAILY_IDS;
    const titleB = doc.querySelector(`article h3 a[href="/papers/${b}"]`)?.textContent?.trim();
    const { radar, pass } = setup(doc);
    await pass();

    radar.applyStates([state(a, { starred: true }), state(b, { hidden: true, state: 'seen' })]);
    const cardA = doc.querySelector(`article[${MARK.id}="${a}"]`);
    const cardB = doc.querySelector(`article[${MARK.id}="${b}"]`);
    expect(cardA?.hasAttribute(MARK.starred)).toBe(true);
    expect(cardA?.textContent).toContain('★ Starred');
    expect(cardB?.hasAttribute(MARK.hidden)).toBe(true);
    expect(cardB?.getAttribute(MARK.state)).toBe('seen');
    const strip = cardB?.querySelector('[data-papers-radar-ui="hidden-strip"]');
    expect(strip?.textContent).toContain(`Hidden by Papers Radar: ${titleB}`);

    radar.applyStates([state(b)]);
    expect(cardB?.hasAttribute(MARK.hidden)).toBe(false);
    expect(cardB?.querySelector('[data-papers-radar-ui="hidden-strip"]')).toBeNull();
  });

  it('ignores a synthetic click on Undo: only the reader can unhide', async () => {
    const doc = loadFixture(DAILY);
    const id = DAILY_IDS[0] ?? '';
    const { radar, deps, pass } = setup(doc);
    await pass();
    radar.applyStates([state(id, { hidden: true })]);
    doc.querySelector<HTMLButtonElement>('[data-papers-radar-ui="hidden-strip"] button')?.click();
    expect(deps.undoHide).not.toHaveBeenCalled();
  });

  it('removes the marks of cards that left the page and counts only papers with a card', async () => {
    const doc = loadFixture(DAILY);
    const { reports, pass } = setup(doc);
    await pass();
    const [first, second] = cardsOf(doc);
    first?.remove();
    // A card re-rendered by the site for another paper keeps our old attributes: they must go.
    second?.querySelectorAll('a[href^="/papers/"]').forEach((a) => a.setAttribute('href', '/x'));
    await pass();

    expect(reports).toHaveLength(2);
    expect(reports[1]?.papers).toHaveLength(26);
    expect(doc.documentElement.getAttribute(MARK.count)).toBe('26');
    expect(second?.hasAttribute(MARK.id)).toBe(false);
    expect(second?.querySelector('[data-papers-radar-ui]')).toBeNull();
  });

  it('a new copy of the script (the extension reloaded) removes the stale marks of the old one', async () => {
    const doc = loadFixture(DAILY);
    await setup(doc).pass();
    const [first] = cardsOf(doc);
    first?.querySelectorAll('a[href^="/papers/"]').forEach((a) => a.setAttribute('href', '/x'));
    await setup(doc).pass();

    expect(first?.hasAttribute(MARK.id)).toBe(false);
    expect(first?.querySelector('[data-papers-radar-ui]')).toBeNull();
    expect(cardsOf(doc)).toHaveLength(27);
  });

  it('marks the cards inside a wrapper article, not the wrapper', async () => {
    const doc = loadFixture(DAILY);
    const grid = doc.querySelector('article')?.parentElement;
    const wrapper = doc.createElement('article');
    wrapper.append(...Array.from(grid?.children ?? []));
    grid?.append(wrapper);
    const { reports, pass } = setup(doc);
    await pass();
    expect(reports[0]?.papers.map((p) => p.id)).toEqual(DAILY_IDS);
    expect(cardsOf(doc).map((c) => c.getAttribute(MARK.id))).toEqual(DAILY_IDS);
    expect(wrapper.hasAttribute(MARK.id)).toBe(false);
    expect(wrapper.querySelector(':scope > [data-papers-radar-ui]')).toBeNull();
  });

  it('takes only its own children for its badges and strip, never deeper look-alikes', async () => {
    const doc = loadFixture(DAILY);
    const id = DAILY_IDS[0] ?? '';
    const card = doc.querySelector(`article:has(h3 a[href="/papers/${id}"])`);
    const lookAlike = doc.createElement('div');
    lookAlike.setAttribute(MARK.ui, 'badges');
    lookAlike.textContent = 'page text';
    card?.querySelector('h3')?.append(lookAlike);
    const { radar, pass } = setup(doc);
    await pass();
    radar.applyStates([state(id, { hidden: true })]);
    expect(card?.querySelectorAll(':scope > [data-papers-radar-ui]')).toHaveLength(2);
    expect(lookAlike.textContent).toBe('page text');
    radar.applyStates([state(id)]);
    await pass();
    expect(card?.querySelectorAll(':scope > [data-papers-radar-ui]')).toHaveLength(1);
    expect(lookAlike.isConnected).toBe(true);
  });

  it('leaves an unrecognised layout untouched and says what it detected', async () => {
    const doc = loadFixture(DAILY);
    doc.querySelectorAll('article, [data-target="DailyPapers"]').forEach((el) => el.remove());
    const before = doc.body.outerHTML;
    const { reports, pass } = setup(doc);
    await pass();
    expect(doc.documentElement.getAttribute(MARK.kind)).toBe('daily');
    expect(doc.documentElement.getAttribute(MARK.count)).toBe('0');
    expect(doc.body.outerHTML).toBe(before);
    expect(reports[0]?.papers).toEqual([]);
  });

  it('keeps the page usable when the background cannot record it', async () => {
    const doc = loadFixture(DAILY);
    const report = vi.fn(async () => Promise.reject(new Error('QuotaExceededError')));
    const { deps, pass } = setup(doc, undefined, { report });
    await expect(pass()).resolves.toBeUndefined();
    expect(deps.warn).toHaveBeenCalled();
    expect(doc.documentElement.getAttribute(MARK.count)).toBe('28');
    expect(cardsOf(doc)).toHaveLength(0);
  });

  it('renders a hostile title as text in the hidden strip', async () => {
    const doc = loadFixture(DAILY);
    const id = DAILY_IDS[0] ?? '';
    const link = doc.querySelector(`article h3 a[href="/papers/${id}"]`);
    if (link) link.textContent = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    // Without the JSON the title comes from the card itself.
    doc.querySelector('[data-target="DailyPapers"]')?.removeAttribute('data-props');
    const { radar, pass } = setup(doc);
    await pass();
    radar.applyStates([state(id, { hidden: true })]);
    const strip = doc.querySelector('[data-papers-radar-ui="hidden-strip"]');
    expect(strip?.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(strip?.querySelector('img, script')).toBeNull();
  });
});

describe('content script after client-side navigation away from /papers', () => {
  it('removes every mark it left', async () => {
    const doc = loadFixture(DAILY);
    let url = 'https://huggingface.co/papers';
    const { radar, deps } = setup(doc);
    deps.url = () => new URL(url);
    radar.schedule();
    await radar.idle();
    url = 'https://huggingface.co/models';
    radar.schedule();
    await radar.idle();
    expect(doc.documentElement.hasAttribute(MARK.kind)).toBe(false);
    expect(doc.querySelector(`[${MARK.id}], [${MARK.ui}]`)).toBeNull();
  });
});

describe('content script on a paper page', () => {
  it('records the paper as opened', async () => {
    const doc = loadFixture(PAPER);
    const { reports, pass } = setup(doc, 'https://huggingface.co/papers/2509.24002');
    await pass();
    expect(doc.documentElement.getAttribute(MARK.kind)).toBe('paper');
    expect(reports[0]?.openedId).toBe('2509.24002');
    expect(reports[0]?.papers.map((p) => p.id)).toEqual(['2509.24002']);
  });
});

/** A radar whose report replies (every paper new, nothing starred) only once released. */
function withHeldReport(doc: Document) {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const { radar } = setup(doc, undefined, {
    report: async (data) => {
      await gate;
      return { states: data.papers.map((p) => state(p.id)), visitStart: NOW };
    },
  });
  return { radar, release };
}

describe('content script while a report is in flight', () => {
  it('decorates the cards the site rendered anew while the report was out', async () => {
    const doc = loadFixture(DAILY);
    const { radar, release } = withHeldReport(doc);
    radar.schedule();
    await Promise.resolve();
    // A keyed re-render: same papers, new elements; the page's observer asks for a pass.
    const old = [...doc.querySelectorAll('article')];
    old.forEach((card) => card.replaceWith(card.cloneNode(true)));
    radar.schedule();
    release();
    await radar.idle();
    expect(cardsOf(doc).map((c) => c.getAttribute(MARK.id))).toEqual(DAILY_IDS);
    expect(old.some((card) => card.hasAttribute(MARK.id))).toBe(false);
  });

  it('keeps a star that was broadcast before the report replied', async () => {
    const doc = loadFixture(DAILY);
    const id = DAILY_IDS[0] ?? '';
    // The reply was computed before the reader starred the paper.
    const { radar, release } = withHeldReport(doc);
    radar.schedule();
    await Promise.resolve();
    radar.applyStates([state(id, { starred: true })]);
    release();
    await radar.idle();
    expect(doc.querySelector(`article[${MARK.id}="${id}"]`)?.hasAttribute(MARK.starred)).toBe(true);
  });
});
