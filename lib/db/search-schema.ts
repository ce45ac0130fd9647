/**
 * The search index's stores (schema version 2; the queue in batches since version 3). A paper
 * gets a sequence number (`seq`) when first indexed; `BLOCK_SIZE` consecutive numbers make a
 * block. For every block and every three-letter word prefix, one `TermBucket` lists the words
 * with that prefix and, per word, the papers of the block that contain it. A query word reads
 * only the buckets of its prefix: a few kilobytes per block instead of every record.
 */
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { PapersRadarDB } from './open-db';

export const BLOCK_SIZE = 4096;
/** The most papers the indexer takes per run, and so the most ids in one queue entry. */
export const INDEX_BATCH = 2048;
const PREFIX = 3;

/** What the index knows of one paper (`searchDocs`, keyed by paper id). */
export interface SearchDoc {
  seq: number;
  /** Fingerprint of the indexed text and firstSeenAt: a paper is indexed again when it changes. */
  print: number;
}

/** The papers of one block, by `seq % BLOCK_SIZE` (`searchBlocks`, keyed by block number). */
export interface SearchBlock {
  ids: string[];
  /** Their firstSeenAt, to order results without reading the records. */
  firstSeenAt: number[];
}

/** Words of one prefix in one block (`searchTerms`, keyed by [prefix, block]). */
export interface TermBucket {
  terms: string[];
  /** Per word, the ascending seqs of the papers that contain it. */
  seqs: Uint32Array[];
}

export function bucketKey(term: string, block: number): [string, number] {
  return [term.slice(0, PREFIX), block];
}

/** Every bucket that can hold words starting with `word` (one or more characters). */
export function bucketRange(word: string): IDBKeyRange {
  if (word.length >= PREFIX) {
    const prefix = word.slice(0, PREFIX);
    return IDBKeyRange.bound([prefix], [prefix, Infinity]);
  }
  // Shorter words are their own prefix, and also start every longer prefix.
  return IDBKeyRange.bound([word], [`${word}\uffff`]);
}

export function blockOf(seq: number): number {
  return Math.floor(seq / BLOCK_SIZE);
}

/** The version-2 upgrade step: the stores, and every stored paper queued for indexing. */
export function createSearchStores(
  db: IDBPDatabase<PapersRadarDB>,
  tx: IDBPTransaction<PapersRadarDB, StoreNames<PapersRadarDB>[], 'versionchange'>,
): void {
  db.createObjectStore('searchQueue');
  db.createObjectStore('searchDocs');
  db.createObjectStore('searchBlocks');
  db.createObjectStore('searchTerms');
  const queue = tx.objectStore('searchQueue') as unknown as LegacyQueue;
  // Requests of the upgrade transaction: it waits for them, and aborts the upgrade if one fails.
  void tx
    .objectStore('papers')
    .getAllKeys()
    .then((ids) => Promise.all(ids.map((id) => queue.put(0, id))))
    .catch(() => undefined);
}

/**
 * The version-3 upgrade step: the queue holds batches of ids (one entry per writer, not one per
 * paper: each entry costs a page report a request). The papers queued so far become batches.
 */
export function queueInBatches(
  db: IDBPDatabase<PapersRadarDB>,
  tx: IDBPTransaction<PapersRadarDB, StoreNames<PapersRadarDB>[], 'versionchange'>,
): void {
  // Read the old queue only once the version-2 step (when it ran in this upgrade too) has filled
  // it: its puts are made when its read of the papers returns, so a first read here would come
  // before them, and this second one comes after.
  void tx
    .objectStore('searchQueue')
    .count()
    .then(() => (tx.objectStore('searchQueue') as unknown as LegacyQueue).getAllKeys())
    .then((ids) => {
      db.deleteObjectStore('searchQueue');
      const queue = db.createObjectStore('searchQueue', { autoIncrement: true });
      return Promise.all(inBatches(ids).map((batch) => queue.add(batch)));
    })
    .catch(() => {
      // Left half done, the old queue would refuse every writer's batch: fail the upgrade instead
      // (the open fails with a storage error, and the version-2 database stays as it was).
      try {
        tx.abort();
      } catch {
        // Already aborted by the failed request.
      }
    });
}

/** The version-2 queue: one entry per paper id (its value a token). */
interface LegacyQueue {
  put(token: number, id: string): Promise<string>;
  getAllKeys(): Promise<string[]>;
}

/** Ids (or records) cut into the batches the queue holds: one batch is what the indexer takes at most. */
export function inBatches<T>(items: readonly T[], size = INDEX_BATCH): T[][] {
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size));
  return batches;
}
