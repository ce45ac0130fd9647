// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import * as selectors from './selectors';
import type { SelectorExpectation } from './selectors';
import { fixtureNames, loadFixture } from './test-fixtures';

const exported = selectors as unknown as Record<string, unknown>;
const names = Object.keys(exported).filter((name) => !name.endsWith('_'));

test('every selector has expectations on the saved pages', () => {
  expect(names.length).toBeGreaterThan(10);
  for (const name of names) {
    expect(typeof exported[name], name).toBe('string');
    const expectations = exported[`${name}_`];
    expect(Array.isArray(expectations) && expectations.length > 0, `${name}_ is missing`).toBe(
      true,
    );
  }
  // And no expectation without its selector.
  for (const key of Object.keys(exported).filter((k) => k.endsWith('_'))) {
    expect(names, key).toContain(key.slice(0, -1));
  }
});

const docs = new Map<string, Document>();
const load = (fixture: string) => {
  if (!docs.has(fixture)) docs.set(fixture, loadFixture(fixture));
  return docs.get(fixture) as Document;
};

function count(doc: Document, selector: string, within?: 'article'): number {
  if (!within) return doc.querySelectorAll(selector).length;
  return Array.from(doc.querySelectorAll(within)).reduce(
    (sum, article) => sum + article.querySelectorAll(selector).length,
    0,
  );
}

describe('each selector matches what it should in the saved pages', () => {
  for (const name of names) {
    test(name, () => {
      const selector = exported[name] as string;
      for (const { fixture, count: expected, within } of exported[
        `${name}_`
      ] as SelectorExpectation[]) {
        expect(fixtureNames(), fixture).toContain(fixture);
        expect(count(load(fixture), selector, within), `${fixture} ${within ?? ''}`).toBe(expected);
      }
    });
  }
});
