/**
 * The searchable text of the papers waiting for the search index, kept in the worker's memory
 * from the write that queued them, so that a search checks them without reading their records.
 *
 * A search with hundreds of papers queued (the pages of the last few seconds: the indexer waits
 * for writes to pause) read every one of those records and took 97–127 ms per keystroke with the
 * bench's 850 (docs/performance.md). The writer already holds the records it queues.
 *
 * What is remembered is tied to one queue entry (its key), and to the connection that wrote it:
 * - a paper whose text changes again is queued again, in a later entry (`needsIndexing`), so the
 *   latest entry of a paper within a reader's snapshot always has the text its record has;
 * - an entry is remembered only once its transaction committed, and is forgotten once indexed;
 * - anything not remembered (a worker restarted, a backup imported by another path, more than
 *   `MAX_REMEMBERED` papers) is read from its record as before. Memory is a shortcut, never the
 *   truth: nothing here has to survive the worker.
 */
import { unwrap, type IDBPDatabase, type IDBPTransaction } from 'idb';
import type { PaperRecord } from '../model/paper';
import { paperSearchText, type Query, type Searchable } from '../search/terms';

/** What a search needs of a queued paper: its text as search reads it, and its order. */
export class QueuedText {
  readonly firstSeenAt: number;
  private text: Searchable | string;

  constructor(record: PaperRecord) {
    this.firstSeenAt = record.firstSeenAt;
    // Only the searchable fields are kept: the rest of the record (flags, counts) may change
    // without queueing it, and is read from the record of a paper that matches.
    const { title, authors, organization, summary } = record;
    this.text = { title, authors, organization, summary };
  }

  /** Whether the paper matches `query` (as `query.matches` on its record). */
  matches(query: Query): boolean {
    // Read for search once, at the first search: a write must not pay for it.
    if (typeof this.text !== 'string') this.text = paperSearchText(this.text);
    return query.matchesText(this.text);
  }
}

/**
 * Queue entry key → the texts of its papers, by id; null for a paper queued again in a later
 * entry (a reader whose snapshot predates that entry reads its record instead).
 */
type Remembered = Map<number, Map<string, QueuedText | null>>;

/** Texts remembered at most, per connection (a few megabytes: the text of 2,048 papers). */
export const MAX_REMEMBERED = 2048;

const memory = new WeakMap<IDBDatabase, Remembered>();

// Any connection or transaction of the papers database.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = IDBPDatabase<any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyTx = IDBPTransaction<any, any, any>;

function rememberedIn(db: AnyDb): Remembered {
  const raw = unwrap(db);
  let remembered = memory.get(raw);
  if (!remembered) memory.set(raw, (remembered = new Map()));
  return remembered;
}

/**
 * Remembers the texts of `records`, queued as the entry `key` in `tx`, once `tx` has committed
 * (an aborted write queued nothing).
 */
export function rememberOnCommit(tx: AnyTx, key: number, records: readonly PaperRecord[]): void {
  const texts = new Map<string, QueuedText | null>(
    records.map((record) => [record.id, new QueuedText(record)]),
  );
  tx.done.then(
    () => remember(tx.db, key, texts),
    () => undefined,
  );
}

function remember(db: AnyDb, key: number, texts: Map<string, QueuedText | null>): void {
  const remembered = rememberedIn(db);
  // A page's papers are queued twice in a row (the report, then their texts once the page is
  // idle): one text per paper is enough.
  for (const entry of remembered.values()) {
    for (const id of texts.keys()) if (entry.has(id)) entry.set(id, null);
  }
  remembered.set(key, texts);
  let total = 0;
  for (const entry of remembered.values()) total += liveTexts(entry);
  // Oldest entries first (keys grow): they are the next to be indexed, and read if searched.
  for (const [oldest, entry] of remembered) {
    if (total <= MAX_REMEMBERED) break;
    remembered.delete(oldest);
    total -= liveTexts(entry);
  }
}

function liveTexts(entry: Map<string, QueuedText | null>): number {
  let count = 0;
  for (const text of entry.values()) if (text) count++;
  return count;
}

/**
 * The remembered texts of the queue entry `key`, if they are those of exactly `ids` (the entry as
 * a reader's snapshot holds it); otherwise undefined, and the records must be read.
 */
export function recallEntry(
  db: AnyDb,
  key: number,
  ids: readonly string[],
): ReadonlyMap<string, QueuedText | null> | undefined {
  const texts = memory.get(unwrap(db))?.get(key);
  if (!texts || texts.size !== ids.length || !ids.every((id) => texts.has(id))) return undefined;
  return texts;
}

/** Forgets the entries up to `key` (included): they are indexed and deleted from the queue. */
export function forgetUpTo(db: AnyDb, key: number): void {
  const remembered = memory.get(unwrap(db));
  for (const entryKey of remembered?.keys() ?? []) {
    if (entryKey <= key) remembered?.delete(entryKey);
  }
}
