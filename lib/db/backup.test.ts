import { describe, expect, it } from 'vitest';
import type { LibraryBackup } from '../messages/protocol';
import type { PaperRecord } from '../model/paper';
import { exportLibrary, importLibrary, mergeRecords, parseBackup } from './backup';
import type { Db } from './open-db';
import { recordReport, setHidden, setStarred } from './papers-repo';
import { freshDb, GAP, paperId, paperInfo, papers, T0 } from './test-papers';

async function snapshot(db: Db) {
  return { papers: await db.getAll('papers'), visits: await db.getAll('visits') };
}

async function bigLibrary(): Promise<Db> {
  const db = await freshDb();
  for (let page = 0; page < 20; page++) {
    await recordReport(
      db,
      { papers: papers(page * 100, page * 100 + 99) },
      T0 + page * 2 * GAP,
      GAP,
    );
  }
  for (let n = 0; n < 2000; n += 7) await setStarred(db, paperId(n), true, T0 + n);
  for (let n = 0; n < 2000; n += 11) await setHidden(db, paperId(n), true, T0 + n);
  return db;
}

describe('export and import', () => {
  it('round-trips a 2,000-paper library losslessly', async () => {
    const source = await bigLibrary();
    const backup = await exportLibrary(source, T0 + 1e9);
    expect(backup).toMatchObject({
      format: 'papers-radar-backup',
      version: 1,
      exportedAt: T0 + 1e9,
    });
    expect(backup.papers).toHaveLength(2000);
    const target = await freshDb();
    // Through the file's text, as the popup reads it.
    expect(await importLibrary(target, JSON.stringify(backup))).toEqual({ imported: 2000 });
    expect(await snapshot(target)).toEqual(await snapshot(source));
  });

  it('merges into an existing library: earliest firstSeenAt wins, flags on either side kept', async () => {
    const db = await freshDb();
    await recordReport(db, { papers: [paperInfo(1), paperInfo(2)] }, T0 + 1000, GAP);
    await setStarred(db, paperId(1), true, T0 + 1001);
    const incoming: PaperRecord[] = [
      { ...paperInfo(1, { title: 'Old title' }), firstSeenAt: T0, lastSeenAt: T0, hiddenAt: T0 },
      { ...paperInfo(2, { upvotes: 500 }), firstSeenAt: T0 + 5000, lastSeenAt: T0 + 5000 },
      { ...paperInfo(3), firstSeenAt: T0, lastSeenAt: T0 },
    ];
    const backup: LibraryBackup = {
      format: 'papers-radar-backup',
      version: 1,
      exportedAt: T0,
      papers: incoming,
      visits: [{ start: T0, end: T0, views: 1 }],
    };
    expect(await importLibrary(db, backup)).toEqual({ imported: 3 });
    const [one, two, three] = await db.getAll('papers');
    expect(one).toMatchObject({ title: 'Paper number 1', firstSeenAt: T0, starredAt: T0 + 1001 });
    expect(one?.hiddenAt).toBe(T0);
    expect(two).toMatchObject({ upvotes: 500, firstSeenAt: T0 + 1000, lastSeenAt: T0 + 5000 });
    expect(three).toEqual(incoming[2]);
    expect(await db.getAllKeys('visits')).toEqual([T0, T0 + 1000]);
  });

  it('mergeRecords leaves no undefined flags behind', () => {
    const a = { ...paperInfo(1), firstSeenAt: T0, lastSeenAt: T0 };
    expect(Object.keys(mergeRecords(a, { ...a, lastSeenAt: T0 + 1 }))).not.toContain('starredAt');
  });
});

describe('refused backups', () => {
  const good = (): LibraryBackup => ({
    format: 'papers-radar-backup',
    version: 1,
    exportedAt: T0,
    papers: [1, 2, 3].map((n) => ({ ...paperInfo(n), firstSeenAt: T0, lastSeenAt: T0 })),
    visits: [{ start: T0, end: T0, views: 1 }],
  });
  const damaged = (damage: (b: LibraryBackup & Record<string, unknown>) => void) => {
    const backup = good() as LibraryBackup & Record<string, unknown>;
    damage(backup);
    return backup;
  };
  const text = JSON.stringify(good());

  it.each([
    ['truncated text', text.slice(0, text.length / 2), /not valid JSON \(is it truncated\?\)/],
    [
      'a foreign JSON file',
      { name: 'my-package', version: '1.0.0' },
      /not a Papers Radar backup \(format is undefined\)/,
    ],
    ['an array', [1, 2], /not a JSON object/],
    ['null', null, /not a JSON object/],
    [
      'a newer version',
      damaged((b) => Object.assign(b, { version: 2 })),
      /backup version 2 is not supported/,
    ],
    [
      'a missing list',
      damaged((b) => delete (b as Partial<LibraryBackup>).visits),
      /: visits: missing \(is the file truncated\?\)/,
    ],
    [
      'a bad id',
      damaged((b) => Object.assign(b.papers[1] as PaperRecord, { id: 'javascript:1' })),
      /papers\[1\]\.id \(paper "javascript:1"\): is not an arXiv id/,
    ],
    [
      'a string timestamp',
      damaged((b) => Object.assign(b.papers[2] as PaperRecord, { firstSeenAt: '2025' })),
      /papers\[2\]\.firstSeenAt \(paper "2509\.00003"\): Invalid type: Expected number/,
    ],
    [
      'an oversized title',
      damaged((b) => Object.assign(b.papers[0] as PaperRecord, { title: 'x'.repeat(100_000) })),
      /papers\[0\]\.title \(paper "2509\.00001"\): Invalid length/,
    ],
    [
      'an unknown field',
      damaged((b) => Object.assign(b.papers[0] as PaperRecord, { html: '<b>' })),
      /papers\[0\]\.html \(paper "2509\.00001"\): unknown field/,
    ],
    [
      'a visit ending before it starts',
      damaged((b) => Object.assign(b.visits[0] as object, { end: T0 - 1 })),
      /visits\[0\]: the visit ends before it starts/,
    ],
  ])('refuses %s, saying what is wrong, and changes nothing', async (_name, input, message) => {
    const db = await freshDb();
    await recordReport(db, { papers: [paperInfo(1)] }, T0 + 1, GAP);
    const before = await snapshot(db);
    await expect(importLibrary(db, input)).rejects.toThrow(message);
    await expect(importLibrary(db, input)).rejects.toThrow(
      /^Backup refused, nothing was imported: /,
    );
    expect(await snapshot(db)).toEqual(before);
  });

  it('accepts the good file the refusals start from', () => {
    expect(parseBackup(text).papers).toHaveLength(3);
  });
});
