import type { PaperRecord, PaperState, Visit } from '../model/paper';
import type { ReportedPaper, Request } from '../messages/protocol';
import { nextVisit, paperState } from '../visits/new-since-last-visit';
import type { Db } from './open-db';
import { readPaperCounter } from './paper-count';
import { noteWrittenPapers } from './paper-writes';
import { allRequests, inTransaction, together } from './transaction';
import { LIBRARY_STORES, latestVisitIn, writeVisit } from './visits-repo';

export type PageReport = Pick<Request<'reportPage'>, 'papers' | 'openedId' | 'titlesOnly'>;

export interface ReportResult {
  /** One state per reported paper, in report order. */
  states: PaperState[];
  visitStart: number;
  visit: Visit;
  /** Papers reported without their texts that have none stored: the page should send them. */
  wantTexts: string[];
}

/**
 * Records one page view in one transaction over papers and visits: visit bookkeeping, then an
 * upsert of every paper. `now` is the background's clock; the visit may move it forward (the
 * clock never runs backwards for the rule), and that time stamps the papers.
 *
 * Every awaited request is a round trip to the browser's IndexedDB thread, so the reads (the
 * latest visit, every paper of the page, the paper counter) are asked together, then the writes
 * are started together: any page costs two round trips and the commit, whatever its size and
 * whatever of it is stored. Reading each paper, stored or not, is what keeps it to two: finding
 * out first which are stored (one read of the keys in the page's span) cost a page of stored
 * papers a third round trip and saved a page of new ones nothing measurable (docs/performance.md).
 */
export function recordReport(db: Db, report: PageReport, now: number, gapMs: number) {
  return inTransaction(db, LIBRARY_STORES, 'readwrite', async (tx): Promise<ReportResult> => {
    const store = tx.objectStore('papers');
    const latestInfo = new Map(report.papers.map((p) => [p.id, p]));
    const ids = [...latestInfo.keys()];
    const [latest, existing, counter] = await together(
      () => latestVisitIn(tx),
      () => allRequests(ids, (id) => store.get(id)),
      () => readPaperCounter(tx),
    );
    const visit = nextVisit(latest, now, gapMs);
    const at = visit.end;
    const saved = new Map<string, PaperRecord>();
    ids.forEach((id, i) => {
      const info = latestInfo.get(id) as ReportedPaper;
      const opened = id === report.openedId;
      saved.set(id, upsertRecord(existing[i], info, at, opened, report.titlesOnly === true));
    });
    // A paper this visit already recorded, shown as it is stored, is not written again (a reload,
    // back to the list): only what changed, and the papers first shown in this visit, are.
    const changed = ids.flatMap((id, i) => {
      const before = existing[i];
      const after = saved.get(id) as PaperRecord;
      return before && before.lastSeenAt >= visit.start && sameRecord(before, after)
        ? []
        : [{ before, after }];
    });
    const records = changed.map(({ after }) => after);
    const writes = together(
      () => writeVisit(tx, latest, visit),
      () => allRequests(records, (record) => store.put(record)),
      () =>
        noteWrittenPapers(
          tx,
          changed.map(({ before }) => before),
          records,
          counter,
        ),
    );
    // Within a visit every write is asked for by now: commit without first waiting for their
    // answers to come back (Chromium otherwise commits once the worker has seen them all: one
    // more round trip). A visit that starts anew prunes old ones request after request: not then.
    if (visit.start === latest?.start) tx.commit();
    await writes;
    const states = report.papers.map((p) =>
      paperState(saved.get(p.id) as PaperRecord, visit.start),
    );
    const wantTexts = ids.filter(
      (id, i) => !hasTexts(latestInfo.get(id)) && !hasTexts(existing[i]),
    );
    return { states, visitStart: visit.start, visit, wantTexts };
  });
}

/**
 * The record after a page showed `info` at `at`: the earliest `firstSeenAt` stays, page fields
 * are refreshed, and flags are never dropped. A field the page does not show (the DOM fallback
 * has no summary, say) keeps its stored value instead of being erased. `titlesOnly`: `info` is
 * the id and the card's title alone, the fields follow (`mergeDetails`); a stored paper keeps all
 * of its own.
 */
export function upsertRecord(
  existing: PaperRecord | undefined,
  info: ReportedPaper,
  at: number,
  opened: boolean,
  titlesOnly = false,
): PaperRecord {
  const fresh = titlesOnly && existing ? {} : freshFields(info);
  const record: PaperRecord = {
    ...existing,
    ...fresh,
    id: info.id,
    title: existing && titlesOnly ? existing.title : info.title,
    authors: fresh.authors ?? existing?.authors ?? [],
    firstSeenAt: Math.min(existing?.firstSeenAt ?? at, at),
    lastSeenAt: Math.max(existing?.lastSeenAt ?? at, at),
  };
  if (opened) record.openedAt = at;
  return record;
}

/** Whether `after` holds what `before` holds, but for `lastSeenAt`. */
function sameRecord(before: PaperRecord, after: PaperRecord): boolean {
  const keys = Object.keys(after) as (keyof PaperRecord)[];
  return (
    keys.length === Object.keys(before).length &&
    keys.every((key) => key === 'lastSeenAt' || sameValue(before[key], after[key]))
  );
}

/**
 * A stored record with the fields a page gave laid over it (`paperDetails`), or undefined when
 * that changes nothing: a page seen again mostly shows what is stored, and is not rewritten.
 */
export function mergeDetails(record: PaperRecord, info: ReportedPaper): PaperRecord | undefined {
  const fresh = freshFields(info);
  const changed = Object.entries(fresh).some(
    ([key, value]) => !sameValue(record[key as keyof PaperRecord], value),
  );
  return changed ? { ...record, ...fresh, id: record.id } : undefined;
}

/** Fields are strings, numbers or lists of strings (authors). */
function sameValue(stored: unknown, value: unknown): boolean {
  if (!Array.isArray(value) || !Array.isArray(stored)) return stored === value;
  return stored.length === value.length && value.every((item, i) => item === stored[i]);
}

/**
 * The fields a page gave, to lay over the stored record: none it left out, and no empty author
 * list (a page without authors keeps the stored ones).
 */
function freshFields<T extends { authors?: string[] }>(info: T): Partial<T> {
  const fresh = Object.fromEntries(
    Object.entries(info).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
  if (fresh.authors?.length === 0) delete fresh.authors;
  return fresh;
}

/**
 * Whether a paper came with (or is stored with) its texts. A page gives every paper an abstract
 * or authors; one stored from a page that gave neither (the DOM fallback of a trending card) is
 * asked for them again on each view, and the page answers with what it has.
 */
const hasTexts = (paper: ReportedPaper | undefined) =>
  paper?.summary !== undefined || (paper?.authors?.length ?? 0) > 0;

/**
 * Merges the fields a page sent after its report (`paperDetails`: page fields, and the texts its
 * report's reply asked for) into papers already stored, in one transaction; unknown ids are
 * skipped (the paper was forgotten meanwhile), unchanged papers are not written. A changed text
 * or title queues the paper for the search index. Returns how many records were updated.
 */
export function recordDetails(db: Db, papers: readonly ReportedPaper[]): Promise<number> {
  return inTransaction(db, LIBRARY_STORES, 'readwrite', async (tx) => {
    const store = tx.objectStore('papers');
    const existing = await allRequests(papers, (p) => store.get(p.id));
    const before: PaperRecord[] = [];
    const after: PaperRecord[] = [];
    papers.forEach((paper, i) => {
      const record = existing[i];
      const merged = record && mergeDetails(record, paper);
      if (!record || !merged) return;
      before.push(record);
      after.push(merged);
    });
    await together(
      () => allRequests(after, (record) => store.put(record)),
      // Only stored papers are written: none is new, so the paper counter is not read.
      () => noteWrittenPapers(tx, before, after, undefined),
    );
    return after.length;
  });
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
