/** Where things are, from the repository's root (this file lives in e2e/support/). */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
/** The shared fixtures, never copied into the repository (fixtures/hf/README.md). */
export const FIXTURES_DIR = resolve(REPO_ROOT, '../shared/fixtures/hf');
export const SEEDS_DIR = resolve(REPO_ROOT, '../shared/seeds');
export const EXTENSION_DIR = resolve(REPO_ROOT, '.output/chrome-mv3');
/** The content script's file in a build (declared in wxt.config.ts's manifest). */
export const CONTENT_SCRIPT = 'papers-page.js';
export const SCREENSHOTS_DIR = resolve(REPO_ROOT, 'test-results/screenshots');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const FIXTURE = {
  daily: resolve(FIXTURES_DIR, 'daily-2026-09-28.html'),
  paper: resolve(FIXTURES_DIR, 'paper-2509.24002.html'),
  trending: resolve(FIXTURES_DIR, 'trending-card-fragment-2026-10.html'),
} as const;

/** A path under test-results/screenshots/ (git-ignored; created on demand). */
export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  return join(SCREENSHOTS_DIR, name);
}
