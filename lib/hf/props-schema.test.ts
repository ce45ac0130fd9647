// @vitest-environment happy-dom
import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import {
  DailyPapersPropsSchema,
  PaperContentPropsSchema,
  PaperEntrySchema,
  PropsPaperSchema,
} from './props-schema';
import { dailyPapersProps, paperContentProps } from './selectors';
import { DAILY, loadFixture, PAPER } from './test-fixtures';

function propsOf(fixture: string, selector: string): unknown {
  const attribute = loadFixture(fixture).querySelector(selector)?.getAttribute('data-props');
  return JSON.parse(attribute ?? 'null');
}

describe('the real JSON validates', () => {
  test(`${DAILY}: props and each of the 28 entries`, () => {
    const props = v.parse(DailyPapersPropsSchema, propsOf(DAILY, dailyPapersProps));
    expect(props.periodType).toBe('day');
    expect(props.dateString).toBe('2026-09-28');
    expect(props.dailyPapers).toHaveLength(28);
    for (const entry of props.dailyPapers ?? []) {
      expect(v.safeParse(PaperEntrySchema, entry).success).toBe(true);
    }
  });

  test(`${PAPER}: props and its paper`, () => {
    const props = v.parse(PaperContentPropsSchema, propsOf(PAPER, paperContentProps));
    expect(props.submitterOrganization?.fullname).toBe('National University of Singapore');
    const paper = v.parse(PropsPaperSchema, props.paper);
    expect(paper.id).toBe('2509.24002');
    expect(paper.upvotes).toBe(118);
  });
});

describe('tolerance', () => {
  test('a missing or non-arXiv id fails the entry', () => {
    expect(v.is(PaperEntrySchema, { paper: { title: 'x' } })).toBe(false);
    expect(v.is(PaperEntrySchema, { paper: { id: 'abc', title: 'x' } })).toBe(false);
    expect(v.is(PaperEntrySchema, { paper: { id: 2509.24002 } })).toBe(false);
    expect(v.is(PaperEntrySchema, { title: 'no paper' })).toBe(false);
  });

  test('an optional field of the wrong type is dropped, not fatal', () => {
    const entry = v.parse(PaperEntrySchema, {
      paper: { id: '2509.24002', upvotes: { n: 1 }, organization: 'x', authors: 'many', title: 3 },
      numComments: [],
      extra: true,
    });
    expect(entry.paper).toMatchObject({ id: '2509.24002', authors: [] });
    expect(entry.paper.upvotes).toBeUndefined();
    expect(entry.paper.organization).toBeUndefined();
    expect(entry.paper.title).toBeUndefined();
    expect(entry.numComments).toBeUndefined();
  });
});
