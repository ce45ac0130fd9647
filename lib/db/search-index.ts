/**
 * Keeps the search index (search-schema.ts) up to date and answers query words from it.
 *
 * Writers of papers only queue the ids whose text changed (`queueForSearch`, one batch per writer,
 * inside its own transaction). `indexQueued` then works off the critical path in three short
 * transactions, so a page report never waits for index writes: read the oldest batches and their
 * records; write the index (stores no report touches); delete those batches (a paper queued again
 * meanwhile is in a later one).
 * Index entries are only ever added: a word a paper lost stays listed, and `listPapers` checks
 * every candidate against its record, so results stay exact.
 */
import type { PaperRecord } from '../model/paper';
import { searchTerms } from '../search/terms';
import { forgetUpTo, recallEntry, rememberOnCommit, type QueuedText } from './queued-texts';
import type { Db } from './open-db';
import {
  blockOf,
  BLOCK_SIZE,
  INDEX_BATCH,
  inBatches,
  bucketKey,
  bucketRange,
  type SearchBlock,
  type TermBucket,
} from './search-schema';
import { allRequests, inTransaction, together, type Tx } from './transaction';
import type { LibraryTx } from './visits-repo';

type ListStore = 'papers' | 'meta' | 'searchBlocks' | 'searchTerms' | 'searchQueue';
/** The transaction a popup list runs in: the papers, their counter, the index and its queue. */
export type ListTx = Tx<ListStore[], 'readonly'>;
export const LIST_STORES: ListStore[] = [
  'papers',
  'meta',
  'searchBlocks',
  'searchTerms',
  'searchQueue',
];

// Papers indexed per round of transactions (search-schema.ts): bounds how long one index write
// holds its stores.
export { INDEX_BATCH };
/** Queue entries read per run: reports queue a batch each, so there are often many small ones. */
const BATCHES_READ = 256;

/**
 * Queues `records` for indexing, in the caller's transaction; their texts are remembered for
 * searches until they are indexed (queued-texts.ts).
 */
export function queueForSearch(tx: LibraryTx, records: readonly PaperRecord[]): Promise<unknown> {
  // One entry per writer (a report queues one batch): every entry costs the writer a request.
  return allRequests(inBatches(records), async (batch) => {
    const key = await tx.objectStore('searchQueue').add(batch.map((record) => record.id));
    rememberOnCommit(tx, key, batch);
  });
}

/** Whether a paper must be indexed again after `before` became `after`. */
export function needsIndexing(before: PaperRecord | undefined, after: PaperRecord): boolean {
  return !before || fingerprint(before) !== fingerprint(after);
}

const running = new WeakMap<Db, Promise<number>>();

/**
 * Indexes every queued paper; returns how many were taken. Calls made while a run is going join
 * it, and one more run follows to take what was queued meanwhile. `stop`, asked between batches,
 * ends the run early (the background gives way to page views; what is left stays queued).
 */
export function indexQueued(db: Db, stop: () => boolean = () => false): Promise<number> {
  const current = running.get(db);
  const next = (current ?? Promise.resolve(0))
    .catch(() => 0)
    .then(() => drain(db, stop))
    .finally(() => {
      if (running.get(db) === next) running.delete(db);
    });
  running.set(db, next);
  return next;
}

async function drain(db: Db, stop: () => boolean): Promise<number> {
  let total = 0;
  for (;;) {
    if (stop()) return total;
    const taken = await indexBatch(db);
    if (taken === 0) return total;
    total += taken;
  }
}

/** How many papers wait to be indexed, counting up to `max` (search is incomplete until 0). */
export async function queuedCount(db: Db, max = Infinity): Promise<number> {
  let count = 0;
  let cursor = await db.transaction('searchQueue').store.openCursor();
  while (cursor && count <= max) {
    count += cursor.value.length;
    cursor = await cursor.continue();
  }
  return Math.min(count, max);
}

export async function hasQueued(db: Db): Promise<boolean> {
  return (await queuedCount(db, 1)) > 0;
}

async function indexBatch(db: Db): Promise<number> {
  // 1. What to index: the oldest batches, up to INDEX_BATCH ids (at least one batch), and their
  // records. Batches are keyed in the order they were queued.
  const taken = await inTransaction(db, ['searchQueue', 'papers'], 'readonly', async (tx) => {
    const queue = tx.objectStore('searchQueue');
    const [keys, batches] = await together(
      () => queue.getAllKeys(undefined, BATCHES_READ),
      () => queue.getAll(undefined, BATCHES_READ),
    );
    const ids = new Set<string>();
    let count = 0;
    while (
      count < keys.length &&
      (count === 0 || ids.size + (batches[count]?.length ?? 0) <= INDEX_BATCH)
    ) {
      for (const id of batches[count] ?? []) ids.add(id);
      count++;
    }
    const records = await allRequests([...ids], (id) => tx.objectStore('papers').get(id));
    return { keys: keys.slice(0, count), records };
  });
  const first = taken.keys[0];
  const last = taken.keys[taken.keys.length - 1];
  if (first === undefined || last === undefined) return 0;

  // 2. The index writes, in stores no page report touches.
  await inTransaction(db, ['searchDocs', 'searchBlocks', 'searchTerms'], 'readwrite', (tx) =>
    writeIndex(
      tx,
      taken.records.flatMap((record) => (record ? [record] : [])),
    ),
  );

  // 3. Done with these batches. A paper queued again meanwhile (its text changed once more) is in
  // a later batch, which stays.
  await db.delete('searchQueue', IDBKeyRange.bound(first, last));
  forgetUpTo(db, last);
  return taken.records.length;
}

type IndexTx = Tx<('searchDocs' | 'searchBlocks' | 'searchTerms')[], 'readwrite'>;

async function writeIndex(tx: IndexTx, records: PaperRecord[]): Promise<void> {
  const docs = tx.objectStore('searchDocs');
  const blocks = tx.objectStore('searchBlocks');
  const stored = await allRequests(records, (r) => docs.get(r.id));
  const last = await blocks.openCursor(null, 'prev');
  let lastNo = last ? last.key : 0;
  const changed = new Map<number, SearchBlock>(last ? [[lastNo, last.value]] : []);
  const block = async (no: number) => {
    let found = changed.get(no) ?? (await blocks.get(no));
    found ??= { ids: [], firstSeenAt: [] };
    changed.set(no, found);
    return found;
  };
  /** New postings by bucket key, then by word. */
  const additions = new Map<string, { key: [string, number]; words: Map<string, number[]> }>();

  for (const [i, record] of records.entries()) {
    const print = fingerprint(record);
    const doc = stored[i];
    if (doc?.print === print) continue; // Indexed as it is (a run cut short before step 3).
    let seq = doc?.seq;
    if (seq === undefined) {
      if ((await block(lastNo)).ids.length >= BLOCK_SIZE) lastNo++;
      const open = await block(lastNo);
      seq = lastNo * BLOCK_SIZE + open.ids.length;
      open.ids.push(record.id);
      open.firstSeenAt.push(record.firstSeenAt);
    } else {
      (await block(blockOf(seq))).firstSeenAt[seq % BLOCK_SIZE] = record.firstSeenAt;
    }
    await docs.put({ seq, print }, record.id);
    for (const term of searchTerms(record)) {
      const key = bucketKey(term, blockOf(seq));
      const name = key.join('\n');
      let bucket = additions.get(name);
      if (!bucket) additions.set(name, (bucket = { key, words: new Map() }));
      const seqs = bucket.words.get(term);
      if (seqs) seqs.push(seq);
      else bucket.words.set(term, [seq]);
    }
  }

  const terms = tx.objectStore('searchTerms');
  const pending = [...additions.values()];
  const existing = await allRequests(pending, ({ key }) => terms.get(key));
  await allRequests(pending, ({ key, words }, i) =>
    terms.put(mergeBucket(existing[i], words), key),
  );
  await allRequests([...changed], ([no, value]) => blocks.put(value, no));
}

function mergeBucket(bucket: TermBucket | undefined, words: Map<string, number[]>): TermBucket {
  const terms = bucket ? [...bucket.terms] : [];
  const seqs = bucket ? [...bucket.seqs] : [];
  for (const [term, added] of words) {
    const at = terms.indexOf(term);
    if (at === -1) {
      terms.push(term);
      seqs.push(Uint32Array.from(added).sort());
    } else {
      seqs[at] = union(seqs[at] as Uint32Array, added);
    }
  }
  return { terms, seqs };
}

function union(sorted: Uint32Array, added: number[]): Uint32Array {
  const last = sorted[sorted.length - 1] ?? -1;
  // The usual case: papers newer than every paper listed so far.
  if (added.every((seq) => seq > last)) {
    const out = new Uint32Array(sorted.length + added.length);
    out.set(sorted);
    out.set(
      added.sort((a, b) => a - b),
      sorted.length,
    );
    return out;
  }
  return Uint32Array.from(new Set([...sorted, ...added])).sort();
}

/** Queue entries a search reads first (a page report queues one entry of its new papers). */
const QUEUE_FIRST_READ = 8;

/** Whether the index can answer `word`: a one-letter prefix would list most of the library. */
export const isIndexedWord = (word: string): boolean => word.length >= 2;

/** A paper still queued for indexing, with its text when the write that queued it is remembered. */
export interface QueuedPaper {
  id: string;
  text?: QueuedText;
}

/**
 * The papers still queued for indexing, read in the list's own transaction (so the queue and the
 * index are one snapshot: every paper is in one or both), or null when more than `max` wait (a
 * library just upgraded or imported: walking the records is then cheaper).
 */
export async function queuedPapers(tx: ListTx, max = INDEX_BATCH): Promise<QueuedPaper[] | null> {
  const queue = tx.objectStore('searchQueue');
  const read = (count: number) =>
    together(
      () => queue.getAllKeys(undefined, count),
      () => queue.getAll(undefined, count),
    );
  // A few entries first: a backlog's entries are full batches, and two already say "too many".
  let [keys, batches] = await read(QUEUE_FIRST_READ);
  // Every entry holds at least one id: max + 1 entries are enough to know there are too many.
  if (batches.length === QUEUE_FIRST_READ && new Set(batches.flat()).size <= max)
    [keys, batches] = await read(max + 1);
  // A paper queued twice (its text changed again) has the text of its latest entry.
  const latest = new Map<string, QueuedText | undefined>();
  batches.forEach((batch, i) => {
    const texts = recallEntry(tx.db, keys[i] as number, batch);
    for (const id of batch) latest.set(id, texts?.get(id) ?? undefined);
  });
  if (latest.size > max) return null;
  return [...latest].map(([id, text]) => (text ? { id, text } : { id }));
}

/**
 * The papers that may match every word (at least one word of two or more characters), in no
 * particular order, or null when no word is long enough to use the index. A superset: check
 * each against its record.
 */
export async function searchCandidates(
  tx: ListTx,
  words: readonly string[],
): Promise<{ id: string; firstSeenAt: number }[] | null> {
  const indexed = words.filter(isIndexedWord);
  if (indexed.length === 0) return null;
  const terms = tx.objectStore('searchTerms');
  let result: Set<number> | null = null;
  // Longest word first: usually the rarest, so the intersection shrinks fastest.
  for (const word of [...indexed].sort((a, b) => b.length - a.length)) {
    const found = new Set<number>();
    for (const bucket of await terms.getAll(bucketRange(word))) {
      bucket.terms.forEach((term, i) => {
        if (!term.startsWith(word)) return;
        for (const seq of bucket.seqs[i] as Uint32Array) {
          if (!result || result.has(seq)) found.add(seq);
        }
      });
    }
    result = found;
    if (result.size === 0) return [];
  }
  const seqs = [...(result ?? [])];
  const blockNos = [...new Set(seqs.map(blockOf))];
  const blocks = tx.objectStore('searchBlocks');
  const read = await allRequests(blockNos, (no) => blocks.get(no));
  const byNo = new Map(blockNos.map((no, i) => [no, read[i]]));
  const candidates = seqs.flatMap((seq) => {
    const block = byNo.get(blockOf(seq));
    const id = block?.ids[seq % BLOCK_SIZE];
    return id === undefined ? [] : [{ id, firstSeenAt: block?.firstSeenAt[seq % BLOCK_SIZE] ?? 0 }];
  });
  return candidates;
}

/** 32-bit FNV-1a over what the index holds of a paper: its text and firstSeenAt. */
function fingerprint(record: PaperRecord): number {
  const text = [
    record.title,
    record.authors.join('\u0001'),
    record.organization ?? '',
    record.summary ?? '',
    String(record.firstSeenAt),
  ].join('\u0002');
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
