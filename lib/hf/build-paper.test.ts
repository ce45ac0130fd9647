import * as v from 'valibot';
import { expect, test } from 'vitest';
import { LIMITS, PaperInfoSchema } from '../messages/protocol';
import { buildPaper } from './build-paper';

const base = new URL('https://huggingface.co/papers');

test('no paper without an arXiv id and a title', () => {
  expect(buildPaper({ id: '2509.24002', title: ' \n ' }, base)).toBeUndefined();
  expect(buildPaper({ id: '2509.24002v2', title: 'T' }, base)).toBeUndefined();
  expect(buildPaper({ id: 2509.24002, title: 'T' }, base)).toBeUndefined();
  expect(buildPaper({ id: '2509.24002', title: 'T' }, base)).toEqual({
    id: '2509.24002',
    title: 'T',
    authors: [],
  });
});

test('absent fields are left out, not set to undefined', () => {
  const paper = buildPaper({ id: '2509.24002', title: 'T', upvotes: 'n/a', summary: '' }, base);
  expect(Object.keys(paper ?? {})).toEqual(['id', 'title', 'authors']);
});

test('everything is capped to the protocol LIMITS', () => {
  const long = 'x'.repeat(LIMITS.summary + 10);
  const paper = buildPaper(
    {
      id: '2509.24002',
      title: long,
      summary: long,
      aiSummary: long,
      organization: long,
      authors: Array.from({ length: LIMITS.authors + 10 }, (_, i) => `Author ${i} ${long}`),
      thumbnail: `https://a.example/${long}`,
      upvotes: 1e13,
    },
    base,
  );
  expect(paper?.title).toHaveLength(LIMITS.title);
  expect(paper?.summary).toHaveLength(LIMITS.summary);
  expect(paper?.authors).toHaveLength(LIMITS.authors);
  expect(paper?.authors[0]).toHaveLength(LIMITS.shortText);
  expect(paper).not.toHaveProperty('thumbnail');
  expect(paper).not.toHaveProperty('upvotes');
  expect(v.is(PaperInfoSchema, paper)).toBe(true);
});
