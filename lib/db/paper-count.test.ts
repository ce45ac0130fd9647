import { describe, expect, it } from 'vitest';
import { importLibrary } from './backup';
import { countPapers } from './list-papers';
import { recordReport } from './papers-repo';
import { freshDb, GAP, paperInfo, papers, T0 } from './test-papers';

describe('the paper counter', () => {
  it('counts each paper once, however often it is seen or imported', async () => {
    const db = await freshDb();
    await recordReport(db, { papers: papers(1, 5) }, T0, GAP);
    await recordReport(db, { papers: papers(3, 8) }, T0 + 1, GAP);
    expect(await db.get('meta', 'paperCount')).toBe(8);
    const record = { ...paperInfo(9), firstSeenAt: T0, lastSeenAt: T0 };
    const again = { ...paperInfo(2), firstSeenAt: T0, lastSeenAt: T0 };
    const backup = { format: 'papers-radar-backup', version: 1, exportedAt: T0, visits: [] };
    await importLibrary(db, { ...backup, papers: [record, again] });
    expect(await db.get('meta', 'paperCount')).toBe(9);
    expect((await countPapers(db, T0)).all).toBe(9);
    expect(await db.count('papers')).toBe(9);
  });
});
