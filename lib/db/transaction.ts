import type { IDBPTransaction, StoreNames } from 'idb';
import type { Db, PapersRadarDB } from './open-db';
import { isStorageFailure, toStorageError } from './storage-error';

type Stores = StoreNames<PapersRadarDB>[];
export type Tx<Names extends Stores, Mode extends IDBTransactionMode> = IDBPTransaction<
  PapersRadarDB,
  Names,
  Mode
>;

/**
 * Runs `body` in one transaction and waits for it to commit. Anything that fails inside — a
 * rejected request, a put that throws synchronously, a refused input — aborts the whole
 * transaction, so nothing is partially written. `body` must await only requests of `tx`:
 * awaiting anything else lets the transaction auto-commit.
 */
export async function inTransaction<Names extends Stores, Mode extends IDBTransactionMode, T>(
  db: Db,
  names: Names,
  mode: Mode,
  body: (tx: Tx<Names, Mode>) => Promise<T>,
): Promise<T> {
  let tx: Tx<Names, Mode>;
  try {
    tx = db.transaction(names, mode);
  } catch (error) {
    throw toStorageError(error);
  }
  const done = tx.done;
  try {
    const result = await body(tx);
    await done;
    return result;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already committed or aborted: `done` tells which.
    }
    // A request made after the transaction aborted fails with a mere "inactive" error (fake-
    // indexeddb says "invalid state"); the
    // transaction's own error (a quota error, say) is the cause worth reporting.
    const aborted = await done.then(
      () => undefined,
      (reason: unknown) => reason,
    );
    const cause = isAftermath(error) && aborted ? aborted : error;
    throw isStorageFailure(cause) ? toStorageError(cause) : cause;
  }
}

function isAftermath(error: unknown): boolean {
  return (
    error instanceof DOMException &&
    ['TransactionInactiveError', 'InvalidStateError', 'AbortError'].includes(error.name)
  );
}

/**
 * Starts one request per item and waits for all. If starting one throws (a value that cannot be
 * cloned, say), the requests already started are abandoned quietly: the caller's transaction is
 * aborted and they all fail with an AbortError that nobody else awaits.
 */
export function allRequests<T, R>(
  items: readonly T[],
  request: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const pending: Promise<R>[] = [];
  try {
    items.forEach((item, i) => pending.push(request(item, i)));
  } catch (error) {
    for (const started of pending) started.catch(() => undefined);
    throw error;
  }
  return Promise.all(pending);
}

/**
 * Starts several groups of requests of one transaction in one go and waits for all: each awaited
 * request is a round trip to the browser's IndexedDB thread, and groups started together share
 * it. A group that fails to start is handled as in `allRequests`.
 */
export function together<T extends readonly unknown[]>(
  ...starts: { [K in keyof T]: () => Promise<T[K]> }
): Promise<T> {
  return allRequests(starts, (start) => start()) as Promise<unknown> as Promise<T>;
}
