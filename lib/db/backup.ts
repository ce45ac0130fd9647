import * as v from 'valibot';
import type { PaperRecord, Visit } from '../model/paper';
import { PaperInfoSchema, type LibraryBackup } from '../messages/protocol';
import type { Db } from './open-db';
import { readPaperCounter } from './paper-count';
import { noteWrittenPapers } from './paper-writes';
import { allRequests, inTransaction, together } from './transaction';
import { LIBRARY_STORES, pruneVisits } from './visits-repo';

export const BACKUP_FORMAT = 'papers-radar-backup';
export const BACKUP_VERSION = 1;
/** Far above any real library (the budgets assume 100,000 papers), low enough to refuse junk. */
export const MAX_BACKUP_PAPERS = 1_000_000;
const MAX_TIME = 8.64e15; // The largest epoch ms a Date can hold.

const timestamp = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_TIME));

const PaperRecordSchema = v.strictObject({
  ...PaperInfoSchema.entries,
  firstSeenAt: timestamp,
  lastSeenAt: timestamp,
  openedAt: v.optional(timestamp),
  starredAt: v.optional(timestamp),
  hiddenAt: v.optional(timestamp),
});

const VisitSchema = v.pipe(
  v.strictObject({ start: timestamp, end: timestamp, views: v.pipe(timestamp, v.minValue(1)) }),
  v.check((visit) => visit.end >= visit.start, 'the visit ends before it starts'),
);

const BackupSchema = v.strictObject({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(BACKUP_VERSION),
  exportedAt: timestamp,
  papers: v.pipe(v.array(PaperRecordSchema), v.maxLength(MAX_BACKUP_PAPERS)),
  visits: v.array(VisitSchema),
});

export class BackupError extends Error {
  override name = 'BackupError';
}

/** Everything in the library, as a file the reader can keep. */
export function exportLibrary(db: Db, now: number): Promise<LibraryBackup> {
  return inTransaction(db, ['papers', 'visits'], 'readonly', async (tx) => ({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now,
    papers: await tx.objectStore('papers').getAll(),
    visits: await tx.objectStore('visits').getAll(),
  }));
}

/**
 * Validates a whole backup (an object, or the file's text) before anything is written, and says
 * what is wrong and in which record. A truncated, foreign or damaged file changes nothing.
 */
export function parseBackup(input: unknown): LibraryBackup {
  const refuse = (why: string): never => {
    throw new BackupError(`Backup refused, nothing was imported: ${why}`);
  };
  let data = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input);
    } catch (error) {
      refuse(`the file is not valid JSON (is it truncated?): ${(error as Error).message}`);
    }
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return refuse('the file is not a Papers Radar backup (not a JSON object)');
  }
  const { format, version } = data as Record<string, unknown>;
  if (format !== BACKUP_FORMAT) {
    refuse(`the file is not a Papers Radar backup (format is ${JSON.stringify(format)})`);
  }
  if (version !== BACKUP_VERSION) {
    refuse(
      `backup version ${JSON.stringify(version)} is not supported (expected ${BACKUP_VERSION})`,
    );
  }
  const result = v.safeParse(BackupSchema, data, { abortEarly: true });
  if (result.success) return result.output;
  return refuse(describeIssue(data, result.issues[0]));
}

function describeIssue(data: object, issue: v.BaseIssue<unknown>): string {
  const path = issue.path ?? [];
  const where = path
    .map((item) => (typeof item.key === 'number' ? `[${item.key}]` : `.${String(item.key)}`))
    .join('')
    .replace(/^\./, '');
  const [list, index] = path;
  let record = '';
  if (list?.key === 'papers' && typeof index?.key === 'number') {
    const id = (data as { papers: { id?: unknown }[] }).papers[index.key]?.id;
    record = typeof id === 'string' ? ` (paper ${JSON.stringify(id.slice(0, 40))})` : '';
  }
  return `${where || 'the file'}${record}: ${explain(issue)}`;
}

function explain(issue: v.BaseIssue<unknown>): string {
  const keyIssue = issue.type === 'strict_object' || issue.type === 'object';
  if (keyIssue && issue.expected === 'never') return 'unknown field (not written by Papers Radar)';
  if (keyIssue && issue.input === undefined) return 'missing (is the file truncated?)';
  return issue.message;
}

/**
 * Merges a backup into the library in one transaction: the earliest `firstSeenAt` wins, page
 * fields come from the copy seen last, and a flag set on either side is kept.
 */
export async function importLibrary(db: Db, input: unknown): Promise<{ imported: number }> {
  const backup = parseBackup(input);
  const incoming = new Map<string, PaperRecord>();
  for (const paper of backup.papers)
    incoming.set(paper.id, mergeRecords(incoming.get(paper.id), paper));
  await inTransaction(db, LIBRARY_STORES, 'readwrite', async (tx) => {
    const papers = tx.objectStore('papers');
    const visits = tx.objectStore('visits');
    const ids = [...incoming.keys()];
    const [stored, storedVisits, counter] = await together(
      () => allRequests(ids, (id) => papers.get(id)),
      () => allRequests(backup.visits, (visit) => visits.get(visit.start)),
      () => readPaperCounter(tx),
    );
    const merged = ids.map((id, i) => mergeRecords(stored[i], incoming.get(id) as PaperRecord));
    await allRequests(merged, (record) => papers.put(record));
    await noteWrittenPapers(tx, stored, merged, counter);
    await allRequests(backup.visits, (visit, i) => visits.put(mergeVisits(storedVisits[i], visit)));
    await pruneVisits(tx);
  });
  return { imported: incoming.size };
}

export function mergeRecords(a: PaperRecord | undefined, b: PaperRecord): PaperRecord {
  if (!a) return b;
  const [older, newer] = b.lastSeenAt > a.lastSeenAt ? [a, b] : [b, a];
  const merged: PaperRecord = {
    ...older,
    ...newer,
    firstSeenAt: Math.min(a.firstSeenAt, b.firstSeenAt),
    lastSeenAt: Math.max(a.lastSeenAt, b.lastSeenAt),
  };
  for (const flag of ['openedAt', 'starredAt', 'hiddenAt'] as const) {
    const value = a[flag] ?? b[flag];
    if (value === undefined) delete merged[flag];
    else merged[flag] = value;
  }
  return merged;
}

function mergeVisits(a: Visit | undefined, b: Visit): Visit {
  if (!a) return b;
  return { start: b.start, end: Math.max(a.end, b.end), views: Math.max(a.views, b.views) };
}
