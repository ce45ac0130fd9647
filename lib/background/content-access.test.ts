/**
 * What a content script (or anything pretending to be one) can get from the background: only the
 * states of the papers it reported itself. Every message type the extension's pages own is refused
 * from a content script, generated from `messageOrigin` so that a new type cannot slip through; and
 * the remaining shapes and size limits of the protocol are refused with nothing written.
 * Complements router.test.ts (senders, shapes) and page-handlers.test.ts (broadcasts).
 */
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  LIMITS,
  messageOrigin,
  type MessageType,
  type Request,
  type StatesChanged,
} from '../messages/protocol';
import { paperId, paperInfo, papers } from '../db/test-papers';
import {
  contentSender,
  extensionSender,
  openTabs,
  PAPERS_PAGE,
  popup,
  report,
  setupBackground,
} from './test-background';

/** A valid request of every type, as the popup would send it. */
const VALID: { [T in MessageType]: Request<T> } = {
  reportPage: report([1, 3]),
  paperDetails: { papers: [{ id: paperId(1), title: 'A title', summary: 'An abstract.' }] },
  undoHide: { id: paperId(1) },
  listPapers: { view: 'all', query: '', offset: 0, limit: 50 },
  setStarred: { id: paperId(1), starred: true },
  setHidden: { id: paperId(1), hidden: true },
  getStatus: { tabId: 1 },
  exportLibrary: {},
  importLibrary: {
    backup: {
      format: 'papers-radar-backup',
      version: 1,
      exportedAt: 1,
      papers: [{ ...paperInfo(9), firstSeenAt: 1, lastSeenAt: 1, starredAt: 1 }],
      visits: [],
    },
  },
};

const byOrigin = (origin: 'content' | 'extension') =>
  (Object.keys(messageOrigin) as MessageType[]).filter((type) => messageOrigin[type] === origin);

/** A library the other tab built: papers 1…3 (2 starred, 3 hidden), a secret title. */
async function libraryOfTab2(bg: ReturnType<typeof setupBackground>) {
  const secret = report([1, 3]);
  secret.papers[0] = paperInfo(1, { title: 'SECRET reading list title' });
  await bg.send('reportPage', secret, contentSender(2));
  await bg.send('setStarred', { id: paperId(2), starred: true }, popup);
  await bg.send('setHidden', { id: paperId(3), hidden: true }, popup);
  const db = await bg.db();
  return { papers: await db.getAll('papers'), visits: await db.getAll('visits') };
}

describe("a content script cannot use the extension pages' messages", () => {
  it('may send only its page report, the texts asked for and an undo on a card it reported', () => {
    // Anything added here widens what a content script (a page's world, indirectly) can reach.
    expect(byOrigin('content').sort()).toEqual(['paperDetails', 'reportPage', 'undoHide']);
  });

  it.each(byOrigin('extension'))(
    'refuses %s from a content script, changing nothing',
    async (type) => {
      const bg = setupBackground();
      const before = await libraryOfTab2(bg);
      const reply = await bg.sendRaw({ type, data: VALID[type] }, contentSender(1));
      expect(reply).toEqual({
        ok: false,
        error: expect.stringMatching(
          new RegExp(`^Refused ${type}: it is accepted only from the extension's own pages`),
        ),
      });
      // No data in the refusal, nothing changed in the library.
      expect(JSON.stringify(reply)).not.toMatch(/SECRET|2509\.0000[23]/);
      const db = await bg.db();
      expect({ papers: await db.getAll('papers'), visits: await db.getAll('visits') }).toEqual(
        before,
      );
    },
  );

  it.each(byOrigin('content'))(
    'refuses %s from an extension page, a web page and another extension',
    async (type) => {
      const bg = setupBackground();
      await libraryOfTab2(bg);
      const senders = [
        popup,
        contentSender(1, 'https://example.com/papers'),
        { ...contentSender(1), id: 'another-extension-id' },
        { ...contentSender(1), url: undefined },
      ];
      for (const sender of senders) {
        const reply = await bg.sendRaw({ type, data: VALID[type] }, sender);
        expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/^Refused /) });
      }
    },
  );

  it('is answered only the states of the papers it reported, without their stored fields', async () => {
    const bg = setupBackground();
    await libraryOfTab2(bg);
    const reply = await bg.send('reportPage', report([2, 4]), contentSender(1));
    expect(reply.states.map((s) => s.id)).toEqual([2, 3, 4].map(paperId));
    for (const state of reply.states) {
      expect(Object.keys(state).sort()).toEqual([
        'firstSeenAt',
        'hidden',
        'id',
        'starred',
        'state',
      ]);
    }
    expect(JSON.stringify(reply)).not.toContain('SECRET');
  });

  it('hears, after an import, only about the papers its own page shows', async () => {
    const bg = setupBackground();
    await bg.send('reportPage', report([1, 2]), contentSender(1));
    await bg.send('reportPage', report([5, 6]), contentSender(2));
    const { sent } = openTabs(1, 2);
    const backup = VALID.importLibrary.backup as { papers: object[] };
    const papersOf = (n: number) => ({ ...paperInfo(n), firstSeenAt: 1, lastSeenAt: 1 });
    await bg.send(
      'importLibrary',
      { backup: { ...backup, papers: [1, 2, 5, 6, 7, 8].map(papersOf) } },
      popup,
    );
    const heard = new Map(
      sent.map(([tab, message]: [number, StatesChanged]) => [tab, message.states.map((s) => s.id)]),
    );
    expect(heard).toEqual(
      new Map([
        [1, [1, 2].map(paperId)],
        [2, [5, 6].map(paperId)],
      ]),
    );
  });
});

describe('shapes and sizes the protocol refuses', () => {
  const content = contentSender();
  const tooLong = (n: number) => 'x'.repeat(n + 1);
  const reportWith = (overrides: object) => ({
    type: 'reportPage',
    data: { ...report([1, 1]), ...overrides },
  });
  const paperWith = (overrides: object) =>
    reportWith({ papers: [{ ...paperInfo(1), ...overrides }] });
  const longUrl = `https://x.org/${tooLong(LIMITS.url)}`;

  it.each([
    ['null', null],
    ['a string', 'reportPage'],
    ['an array', [reportWith({})]],
    ['a number as type', { type: 1, data: {} }],
    ['null data', { type: 'reportPage', data: null }],
    ['a summary over the limit', paperWith({ summary: tooLong(LIMITS.summary) })],
    ['an author name over the limit', paperWith({ authors: [tooLong(LIMITS.shortText)] })],
    [
      'too many authors',
      paperWith({ authors: Array.from({ length: LIMITS.authors + 1 }, String) }),
    ],
    ['a URL over the limit', paperWith({ projectPage: longUrl })],
    ['an empty title', paperWith({ title: '' })],
    ['a fractional count', paperWith({ upvotes: 1.5 })],
    ['a negative count', paperWith({ upvotes: -1 })],
    ['an infinite count', paperWith({ upvotes: Infinity })],
    ['a title that is not a string', paperWith({ title: { toString: 'x' } })],
    ['an unknown page kind', reportWith({ kind: 'admin' })],
    ['a page URL over the limit', reportWith({ url: `${PAPERS_PAGE}?${tooLong(LIMITS.url)}` })],
  ])('refuses %s in a report, writing nothing', async (_name, message) => {
    const bg = setupBackground();
    const reply = await bg.sendRaw(message, content);
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/^Refused/) });
    const db = await bg.db();
    expect(await db.count('papers')).toBe(0);
    expect(await db.count('visits')).toBe(0);
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });

  it('refuses an own __proto__ key of a JSON-made report, and pollutes nothing', async () => {
    const bg = setupBackground();
    const text = JSON.stringify(reportWith({})).replace(
      '"papers":[{',
      '"papers":[{"__proto__":{"polluted":true,"starredAt":1},',
    );
    const message = JSON.parse(text) as { data: { papers: object[] } };
    expect(Object.hasOwn(message.data.papers[0] ?? {}, '__proto__')).toBe(true);
    expect(await bg.sendRaw(message, content)).toEqual({
      ok: false,
      error: expect.stringMatching(/^Refused reportPage: invalid data at papers\.0\.__proto__/),
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await (await bg.db()).count('papers')).toBe(0);
  });

  it.each([
    ['a query over the limit', { query: tooLong(LIMITS.query) }],
    ['a page size over the limit', { limit: LIMITS.pageSize + 1 }],
    ['a zero page size', { limit: 0 }],
    ['a negative offset', { offset: -1 }],
    ['an unknown view', { view: 'everything' }],
  ])('refuses %s in listPapers', async (_name, overrides) => {
    const bg = setupBackground();
    const data = { ...VALID.listPapers, ...overrides };
    const reply = await bg.sendRaw({ type: 'listPapers', data }, extensionSender());
    expect(reply).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Refused listPapers: invalid data at /),
    });
  });

  it('accepts a report at exactly the limits', async () => {
    const bg = setupBackground();
    const big = papers(1, LIMITS.papersPerReport).map((p, i) =>
      i === 0
        ? {
            ...p,
            title: 't'.repeat(LIMITS.title),
            summary: 's'.repeat(LIMITS.summary),
            authors: Array.from({ length: LIMITS.authors }, () => 'a'.repeat(LIMITS.shortText)),
          }
        : p,
    );
    const reply = await bg.send('reportPage', { ...report([1, 1]), papers: big }, content);
    expect(reply.states).toHaveLength(LIMITS.papersPerReport);
  });
});
