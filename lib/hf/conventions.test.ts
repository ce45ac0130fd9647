/**
 * Keeps the parser's conventions (style.md, item 12): every saved page is tested, every module
 * of lib/hf is tested, and no test is switched off.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import * as fixtures from './test-fixtures';

const dir = path.join(fixtures.repoRoot, 'lib/hf');
const files = readdirSync(dir).filter((name) => name.endsWith('.ts'));
const tests = files.filter((name) => name.endsWith('.test.ts'));
const modules = files.filter((name) => !name.endsWith('.test.ts') && name !== 'test-fixtures.ts');
const testSources = tests
  .filter((name) => name !== 'conventions.test.ts')
  .map((name) => readFileSync(path.join(dir, name), 'utf8'));

test('every saved page has a test', () => {
  const names = fixtures.fixtureNames();
  expect(names.length).toBeGreaterThanOrEqual(4);
  for (const name of names) {
    const constant = Object.entries(fixtures).find(([, value]) => value === name)?.[0];
    expect(constant, `test-fixtures.ts names no constant for ${name}`).toBeDefined();
    const used = testSources.some((source) => new RegExp(`\\b${constant}\\b`).test(source));
    expect(used, `no test uses ${name}`).toBe(true);
  }
});

test('every module of lib/hf is imported by a test', () => {
  expect(modules).toContain('parse-page.ts');
  for (const module of modules) {
    const specifier = `'./${module.replace(/\.ts$/, '')}'`;
    expect(
      testSources.some((source) => source.includes(specifier)),
      `no test imports ${module}`,
    ).toBe(true);
  }
});

test('no test is switched off', () => {
  for (const source of testSources) expect(source).not.toMatch(/\.(only|skip|todo)\(/);
});
