/**
 * Test helper (imported by lib/hf/*.test.ts and scripts/parse.test.ts only): the saved pages of
 * ../shared/fixtures/hf, read in place, never copied (see its README).
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const fixturesDir = path.resolve(repoRoot, '../shared/fixtures/hf');

export const DAILY = 'daily-2026-09-28.html';
export const PAPER = 'paper-2509.24002.html';
export const TRENDING = 'trending-card-fragment-2026-10.html';
export const SEARCH_MD = 'search-source-citations-2026-10-02.md';

/** The papers of the daily page in page order, read from its data-props with python. */
// prettier-ignore
export const DAILY_IDS = [
  '2609.31620', '2609.18703', '2609.31093', '2609.31394', '2609.24385', '2609.31199', '2609.30216',
  '2609.25716', '2609.30222', '2609.31590', '2609.29050', '2601.06352', '2601.06362', '2609.31473',
  '2609.30192', '2609.29167', '2609.30670', '2609.04355', '2609.31002', '2609.28660', '2609.28327',
  '2609.29474', '2609.30837', '2609.30867', '2608.09444', '2609.23551', '2609.31291', '2604.02103',
];

/** Every saved page; conventions.test.ts checks each is used by a test. */
export function fixtureNames(): string[] {
  return readdirSync(fixturesDir).filter((name) => name !== 'README.md');
}

export function readFixture(name: string): string {
  return readFileSync(path.join(fixturesDir, name), 'utf8');
}

// The saved pages hold iframes (Stripe) and stylesheets that happy-dom refuses to load and
// reports on its console, asynchronously, which buries test output. A window of our own with a
// silent console parses them instead of the environment's DOMParser; it is the same happy-dom.
let quietWindow: Window | undefined;

/** Builds a Document from HTML without running its scripts. */
export function parseHtml(html: string): Document {
  const silent = new Proxy(console, { get: () => () => undefined });
  quietWindow ??= new Window({ console: silent, url: 'https://huggingface.co/papers' });
  const doc = new quietWindow.DOMParser().parseFromString(html, 'text/html');
  return doc as unknown as Document;
}

/** A fresh Document of a saved page. */
export function loadFixture(name: string): Document {
  return parseHtml(readFixture(name));
}
