import { describe, expect, it } from 'vitest';
import { SEED_TEXTS, syntheticId } from './pages';
import { RECORDS_JS } from './records';

// The browser-side source of the synthetic library, evaluated here as the bench's pages see it.
const library = new Function(`${RECORDS_JS}; return { idFor, recordFor };`)() as {
  idFor: (i: number) => string;
  recordFor: (i: number, seeds: unknown) => { id: string; title: string; upvotes: number };
};

describe('the synthetic library', () => {
  it('has the ids the bench pages of its papers show', () => {
    for (const i of [0, 1, 11, 12, 999, 10_000, 99_999]) {
      expect(syntheticId(i)).toBe(library.idFor(i));
      expect(library.recordFor(i, SEED_TEXTS).id).toBe(syntheticId(i));
    }
  });
});
