// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import {
  readAuthor,
  readDailyPapersProps,
  readPaperContentProps,
  readPaperEntry,
  readPropsPaper,
} from './props-schema';
import { dailyPapersProps, paperContentProps } from './selectors';
import { DAILY, loadFixture, PAPER } from './test-fixtures';

function propsOf(fixture: string, selector: string): unknown {
  const attribute = loadFixture(fixture).querySelector(selector)?.getAttribute('data-props');
  return JSON.parse(attribute ?? 'null');
}

describe('the real JSON reads', () => {
  test(`${DAILY}: props and each of the 28 entries`, () => {
    const props = readDailyPapersProps(propsOf(DAILY, dailyPapersProps));
    expect(props?.periodType).toBe('day');
    expect(props?.dateString).toBe('2026-09-28');
    expect(props?.dailyPapers).toHaveLength(28);
    for (const entry of props?.dailyPapers ?? []) expect(readPaperEntry(entry)).toBeDefined();
  });

  test(`${PAPER}: props and its paper`, () => {
    const props = readPaperContentProps(propsOf(PAPER, paperContentProps));
    expect(props?.submitterOrganization?.fullname).toBe('National University of Singapore');
    const paper = readPropsPaper(props?.paper);
    expect(paper?.id).toBe('2509.24002');
    expect(paper?.upvotes).toBe(118);
    expect(paper?.authors.map(readAuthor).filter(Boolean).length).toBeGreaterThan(0);
  });
});

describe('tolerance', () => {
  test('a missing or non-arXiv id fails the entry', () => {
    expect(readPaperEntry({ paper: { title: 'x' } })).toBeUndefined();
    expect(readPaperEntry({ paper: { id: 'abc', title: 'x' } })).toBeUndefined();
    expect(readPaperEntry({ paper: { id: 2509.24002 } })).toBeUndefined();
    expect(readPaperEntry({ title: 'no paper' })).toBeUndefined();
    expect(readPaperEntry([{ paper: { id: '2509.24002' } }])).toBeUndefined();
  });

  test('props that are not an object are refused, arrays included', () => {
    for (const value of [null, 3, 'x', [], [{ dailyPapers: [] }]]) {
      expect(readDailyPapersProps(value)).toBeUndefined();
      expect(readPaperContentProps(value)).toBeUndefined();
    }
    expect(readDailyPapersProps({ dailyPapers: 'many', periodType: 7 })).toEqual({
      dailyPapers: undefined,
      searchResults: undefined,
      periodType: undefined,
      dateString: undefined,
    });
  });

  test('an author needs a name; a non-boolean hidden is dropped', () => {
    expect(readAuthor({ name: 'Ada', hidden: true })).toEqual({ name: 'Ada', hidden: true });
    expect(readAuthor({ name: 'Ada', hidden: 'yes' })).toEqual({ name: 'Ada', hidden: undefined });
    expect(readAuthor({ hidden: false })).toBeUndefined();
    expect(readAuthor('Ada')).toBeUndefined();
  });

  test('an optional field of the wrong type is dropped, not fatal', () => {
    const entry = readPaperEntry({
      paper: { id: '2509.24002', upvotes: { n: 1 }, organization: 'x', authors: 'many', title: 3 },
      numComments: [],
      extra: true,
    });
    if (!entry) throw new Error('the entry was refused');
    expect(entry.paper).toMatchObject({ id: '2509.24002', authors: [] });
    expect(entry.paper.upvotes).toBeUndefined();
    expect(entry.paper.organization).toBeUndefined();
    expect(entry.paper.title).toBeUndefined();
    expect(entry.numComments).toBeUndefined();
  });
});
