/**
 * Backups at the edges (backup.test.ts has the round trip of 2,000 papers and one refusal of each
 * kind): a 30,000-paper library with every field and flag through the file's text and back; a
 * file cut at any point is refused whole; a storage failure in the middle of an import writes
 * nothing; a hostile file cannot smuggle in fields or ids.
 */
import { describe, expect, it, vi } from 'vitest';
import type { PaperRecord, Visit } from '../model/paper';
import { exportLibrary, importLibrary } from './backup';
import type { Db } from './open-db';
import { recordReport } from './papers-repo';
import { freshDb, GAP, paperInfo, T0 } from './test-papers';
import { MAX_VISITS } from './visits-repo';

const LARGE = 30_000;
const idOf = (i: number) =>
  `${2401 + Math.floor(i / 10_000)}.${String(i % 10_000).padStart(5, '0')}`;

/** A paper with every optional field, and flags on some. */
function fullRecord(i: number): PaperRecord {
  const record: PaperRecord = {
    id: idOf(i),
    title: `Paper ${i}: “quotes”, <b>markup</b> & emoji 🛰️`,
    summary: `Line one of ${i}.\nLine two with \\ backslash and "quotes".`,
    aiSummary: `AI summary ${i}`,
    authors: [`Author ${i}`, `Zoë ${i % 13}`],
    organization: `Org ${i % 50}`,
    thumbnail: `https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/${idOf(i)}.png`,
    publishedAt: new Date(T0 - i * 3_600_000).toISOString(),
    upvotes: i % 500,
    numComments: i % 9,
    githubRepo: `https://github.com/org/repo-${i}`,
    githubStars: i * 3,
    projectPage: `https://project-${i}.github.io/`,
    firstSeenAt: T0 - (LARGE - i) * 60_000,
    lastSeenAt: T0 - (LARGE - i) * 60_000 + 1,
  };
  if (i % 3 === 0) record.openedAt = record.lastSeenAt;
  if (i % 10 === 1) record.starredAt = record.firstSeenAt + 5;
  if (i % 40 === 2) record.hiddenAt = record.firstSeenAt + 6;
  return record;
}

async function writeRaw(db: Db, papers: PaperRecord[], visits: Visit[]): Promise<void> {
  const tx = db.transaction(['papers', 'visits'], 'readwrite');
  for (const paper of papers) void tx.objectStore('papers').put(paper);
  for (const visit of visits) void tx.objectStore('visits').put(visit);
  await tx.done;
}

async function snapshot(db: Db) {
  return { papers: await db.getAll('papers'), visits: await db.getAll('visits') };
}

async function smallLibrary(): Promise<Db> {
  const db = await freshDb();
  await recordReport(db, { papers: [paperInfo(1), paperInfo(2)] }, T0, GAP);
  return db;
}

describe('backups at the edges', () => {
  it(`round-trips a ${LARGE.toLocaleString('en')}-paper library with every field, through its text`, async () => {
    const source = await freshDb();
    const papers = Array.from({ length: LARGE }, (_, i) => fullRecord(i));
    const visits = Array.from({ length: MAX_VISITS }, (_, k) => ({
      start: T0 - (MAX_VISITS - k) * 86_400_000,
      end: T0 - (MAX_VISITS - k) * 86_400_000 + 600_000,
      views: 1 + (k % 5),
    }));
    await writeRaw(source, papers, visits);
    const text = JSON.stringify(await exportLibrary(source, T0));
    const target = await freshDb();
    expect(await importLibrary(target, text)).toEqual({ imported: LARGE });
    const copy = await snapshot(target);
    expect(copy.papers).toHaveLength(LARGE);
    expect(copy).toEqual(await snapshot(source));
  }, 60_000);

  it('refuses the file cut at any of 40 points, and changes nothing', async () => {
    const source = await freshDb();
    await writeRaw(
      source,
      Array.from({ length: 40 }, (_, i) => fullRecord(i)),
      [],
    );
    const text = JSON.stringify(await exportLibrary(source, T0), null, 2);
    const db = await smallLibrary();
    const before = await snapshot(db);
    for (let k = 1; k <= 40; k++) {
      const cut = text.slice(0, Math.floor((text.length * k) / 41));
      await expect(importLibrary(db, cut), `cut at ${cut.length}`).rejects.toThrow(
        /^Backup refused, nothing was imported: the file is not valid JSON \(is it truncated\?\)/,
      );
    }
    expect(await snapshot(db)).toEqual(before);
  });

  it('writes nothing when storage fails in the middle of an import', async () => {
    const db = await smallLibrary();
    const before = await snapshot(db);
    const papers = Array.from({ length: 200 }, (_, i) => fullRecord(i));
    let puts = 0;
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<typeof put>
    ) {
      if (++puts === 100) throw new DOMException('Quota exceeded', 'QuotaExceededError');
      return put.apply(this, args);
    });
    const backup = {
      format: 'papers-radar-backup',
      version: 1,
      exportedAt: T0,
      papers,
      visits: [],
    };
    await expect(importLibrary(db, backup)).rejects.toThrow(/^Storage error: .*quota exceeded/);
    vi.mocked(IDBObjectStore.prototype.put).mockRestore();
    expect(await snapshot(db)).toEqual(before);
  });

  it.each([
    [
      'a record with an extra field',
      { ...fullRecord(1), innerHTML: '<img src=x onerror=alert(1)>' },
    ],
    ['a record whose id is a path', { ...fullRecord(1), id: '../../2401.00001' }],
    ['a record with a javascript: id', { ...fullRecord(1), id: 'javascript:alert(1)//2401.00001' }],
    ['a record with a negative time', { ...fullRecord(1), starredAt: -1 }],
    ['a record with a 100 kB summary', { ...fullRecord(1), summary: 's'.repeat(100_000) }],
  ])('refuses %s, naming it, and changes nothing', async (_name, record) => {
    const db = await smallLibrary();
    const before = await snapshot(db);
    const backup = {
      format: 'papers-radar-backup',
      version: 1,
      exportedAt: T0,
      papers: [fullRecord(0), record],
      visits: [],
    };
    await expect(importLibrary(db, backup)).rejects.toThrow(
      /^Backup refused, nothing was imported: papers\[1\]\./,
    );
    expect(await snapshot(db)).toEqual(before);
  });
});
