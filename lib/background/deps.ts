import type { Db } from '../db/open-db';

/** What the handlers need from the outside world; tests inject a clock and a database. */
export interface BackgroundDeps {
  /** The database, opened lazily; rejects with a `StorageError` when it cannot be opened. */
  db(): Promise<Db>;
  /** The background's clock: the only source of time for the rule (design.md). */
  now(): number;
  visitGapMs(): Promise<number>;
}
