/**
 * The one database module: typed schema, append-only upgrade ladder, and a connection that
 * reopens itself. Version steps are never edited once shipped; add `if (oldVersion < n)` below.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { PaperRecord, Visit } from '../model/paper';
import { createPaperCount } from './paper-count';
import {
  createSearchStores,
  queueInBatches,
  type SearchBlock,
  type SearchDoc,
  type TermBucket,
} from './search-schema';
import { StorageError, toStorageError } from './storage-error';

export const DB_NAME = 'papers-radar';
export const DB_VERSION = 3;

export interface PapersRadarDB extends DBSchema {
  papers: {
    key: string;
    value: PaperRecord;
    indexes: {
      firstSeenAt: number;
      lastSeenAt: number;
      starredAt: number;
      hiddenAt: number;
      openedAt: number;
    };
  };
  visits: { key: number; value: Visit };
  // The search index (search-index.ts): batches of papers waiting to be indexed, then the index.
  searchQueue: { key: number; value: string[] };
  searchDocs: { key: string; value: SearchDoc };
  searchBlocks: { key: number; value: SearchBlock };
  searchTerms: { key: [string, number]; value: TermBucket };
  /** Counters kept by the writers (paper-count.ts): IndexedDB's count() reads every entry. */
  meta: { key: string; value: number };
}

export type Db = IDBPDatabase<PapersRadarDB>;

export interface OpenDbOptions {
  /** Only to simulate a later schema in tests; the ladder below defines DB_VERSION. */
  version?: number;
  /** How long an open may wait for older connections to close (or for its upgrade to start). */
  blockedTimeoutMs?: number;
  /** Called when this connection closes itself (a newer version wants in) or is terminated. */
  onClose?: () => void;
}

const BLOCKED_MESSAGE =
  'Storage error: the database upgrade is blocked by another open Papers Radar page. Close the other extension pages and try again.';

/** Opens the database, upgrading it step by step; failures become a `StorageError`. */
export function openDb(name = DB_NAME, options: OpenDbOptions = {}): Promise<Db> {
  const { version = DB_VERSION, blockedTimeoutMs = 5000, onClose } = options;
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(toStorageError(error));
    };
    // An older connection that never closes makes the upgrade wait forever, and every later open
    // queued behind that upgrade waits too, without a `blocked` event: give up unless the upgrade
    // starts (or the database opens) in time.
    const timer = setTimeout(() => fail(new StorageError(BLOCKED_MESSAGE)), blockedTimeoutMs);
    openDB<PapersRadarDB>(name, version, {
      upgrade(db, oldVersion, _newVersion, transaction) {
        clearTimeout(timer); // Not blocked (any more): the upgrade itself may take its time.
        // An aborted upgrade is reported by the open's own rejection, not by this promise.
        transaction.done.catch(() => undefined);
        if (oldVersion < 1) {
          const papers = db.createObjectStore('papers', { keyPath: 'id' });
          papers.createIndex('firstSeenAt', 'firstSeenAt');
          papers.createIndex('lastSeenAt', 'lastSeenAt');
          papers.createIndex('starredAt', 'starredAt');
          papers.createIndex('hiddenAt', 'hiddenAt');
          papers.createIndex('openedAt', 'openedAt');
          db.createObjectStore('visits', { keyPath: 'start' });
        }
        if (oldVersion < 2) {
          // Search moves from a scan of every record to an index; the papers stored so far are
          // queued, and the background indexes them after the upgrade (search-index.ts).
          createSearchStores(db, transaction);
          createPaperCount(db, transaction);
        }
        if (oldVersion < 3) queueInBatches(db, transaction);
      },
      blocking(_current, _blocked, event) {
        // A newer version waits for us: step aside; the connection reopens on the next request.
        (event.target as IDBDatabase).close();
        onClose?.();
      },
      terminated() {
        onClose?.();
      },
    }).then((db) => {
      if (settled) return db.close(); // We gave up while blocked: nobody will use it.
      settled = true;
      clearTimeout(timer);
      resolve(db);
    }, fail);
  });
}

export interface DbConnection {
  /** The open database, opened on first use and again after it was closed or failed to open. */
  get(): Promise<Db>;
  close(): void;
}

/** A lazily opened connection that reopens itself, so the background keeps working. */
export function connectDb(
  name = DB_NAME,
  options: Omit<OpenDbOptions, 'onClose'> = {},
): DbConnection {
  let current: Promise<Db> | undefined;
  const forget = () => {
    current = undefined;
  };
  return {
    get() {
      if (!current) {
        const opening = openDb(name, { ...options, onClose: forget });
        current = opening;
        opening.catch(() => {
          if (current === opening) forget();
        });
      }
      return current;
    },
    close() {
      const closing = current;
      forget();
      void closing?.then(
        (db) => db.close(),
        () => undefined,
      );
    },
  };
}
