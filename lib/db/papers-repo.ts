import type { PaperInfo, PaperRecord, PaperState, Visit } from '../model/paper';
import type { Request } from '../messages/protocol';
import { paperState } from '../visits/new-since-last-visit';
import type { Db } from './open-db';
import { noteWrittenPapers } from './paper-writes';
import { allRequests, inTransaction } from './transaction';
import { LIBRARY_STORES, recordView } from './visits-repo';

export type PageReport = Pick<Request<'reportPage'>, 'papers' | 'openedId'>;

export interface ReportResult {
  /** One state per reported paper, in report order. */
  states: PaperState[];
  visitStart: number;
  visit: Visit;
}

/**
 * Records one page view in one transaction over papers and visits: visit bookkeeping, then an
 * upsert of every paper. `now` is the background's clock; the visit may move it forward (the
 * clock never runs backwards for the rule), and that time stamps the papers.
 */
export function recordReport(db: Db, report: PageReport, now: number, gapMs: number) {
  return inTransaction(db, LIBRARY_STORES, 'readwrite', async (tx): Promise<ReportResult> => {
    const visit = await recordView(tx, now, gapMs);
    const at = visit.end;
    const store = tx.objectStore('papers');
    const latestInfo = new Map(report.papers.map((p) => [p.id, p]));
    const ids = [...latestInfo.keys()];
    const existing = await allRequests(ids, (id) => store.get(id));
    const saved = new Map<string, PaperRecord>();
    await allRequests(ids, (id, i) => {
      const info = latestInfo.get(id) as PaperInfo;
      const record = upsertRecord(existing[i], info, at, id === report.openedId);
      saved.set(id, record);
      return store.put(record);
    });
    await noteWrittenPapers(tx, existing, [...saved.values()]);
    const states = report.papers.map((p) =>
      paperState(saved.get(p.id) as PaperRecord, visit.start),
    );
    return { states, visitStart: visit.start, visit };
  });
}

/**
 * The record after a page showed `info` at `at`: the earliest `firstSeenAt` stays, page fields
 * are refreshed, and flags are never dropped. A field the page does not show (the DOM fallback
 * has no summary, say) keeps its stored value instead of being erased.
 */
export function upsertRecord(
  existing: PaperRecord | undefined,
  info: PaperInfo,
  at: number,
  opened: boolean,
): PaperRecord {
  const fresh = definedFields(info);
  if (existing && fresh.authors?.length === 0) delete fresh.authors;
  const record: PaperRecord = {
    ...existing,
    ...fresh,
    id: info.id,
    title: info.title,
    authors: fresh.authors ?? existing?.authors ?? [],
    firstSeenAt: Math.min(existing?.firstSeenAt ?? at, at),
    lastSeenAt: Math.max(existing?.lastSeenAt ?? at, at),
  };
  if (opened) record.openedAt = at;
  return record;
}

function definedFields(info: PaperInfo): Partial<PaperInfo> {
  return Object.fromEntries(Object.entries(info).filter(([, value]) => value !== undefined));
}

export class UnknownPaperError extends Error {
  override name = 'UnknownPaperError';
  constructor(id: string) {
    super(`Unknown paper ${id}: it was never seen on a papers page`);
  }
}

type Flag = 'starredAt' | 'hiddenAt';

function setFlag(db: Db, id: string, flag: Flag, on: boolean, now: number): Promise<PaperRecord> {
  return inTransaction(db, ['papers'], 'readwrite', async (tx) => {
    const store = tx.objectStore('papers');
    const record = await store.get(id);
    if (!record) throw new UnknownPaperError(id);
    if (on) record[flag] ??= now;
    else delete record[flag];
    await store.put(record);
    return record;
  });
}

/** Stars or unstars a paper; starring an already starred paper keeps its `starredAt`. */
export function setStarred(db: Db, id: string, on: boolean, now: number): Promise<PaperRecord> {
  return setFlag(db, id, 'starredAt', on, now);
}

/** Hides or shows a paper; hiding an already hidden paper keeps its `hiddenAt`. */
export function setHidden(db: Db, id: string, on: boolean, now: number): Promise<PaperRecord> {
  return setFlag(db, id, 'hiddenAt', on, now);
}

/** The stored records of `ids`, in order (`undefined` for unknown ids). */
export async function getPapers(
  db: Db,
  ids: readonly string[],
): Promise<(PaperRecord | undefined)[]> {
  return inTransaction(db, ['papers'], 'readonly', (tx) => {
    const store = tx.objectStore('papers');
    return allRequests(ids, (id) => store.get(id));
  });
}
