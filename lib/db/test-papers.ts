/** Test data shared by the database and background tests (never imported by runtime code). */
import type { PaperInfo } from '../model/paper';
import { openDb, type Db } from './open-db';

export const T0 = Date.UTC(2025, 9, 1, 8);
export const MINUTE = 60_000;
export const GAP = 30 * MINUTE;

/** A valid arXiv id for a small number: 2509.00001, 2509.00002 … */
export function paperId(n: number): string {
  return `2509.${String(n).padStart(5, '0')}`;
}

export function paperInfo(n: number, overrides: Partial<PaperInfo> = {}): PaperInfo {
  return {
    id: paperId(n),
    title: `Paper number ${n}`,
    authors: [`Author ${n}`],
    summary: `Summary of paper ${n}.`,
    upvotes: n,
    ...overrides,
  };
}

export function papers(from: number, to: number): PaperInfo[] {
  return Array.from({ length: to - from + 1 }, (_, i) => paperInfo(from + i));
}

let counter = 0;
/** A fresh database with a unique name. */
export function freshDb(): Promise<Db> {
  counter += 1;
  return openDb(`papers-radar-test-${counter}`);
}
