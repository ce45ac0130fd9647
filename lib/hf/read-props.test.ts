// @vitest-environment happy-dom
import { expect, test } from 'vitest';
import { readListProps, readPaperProps } from './read-props';
import { dailyPapersProps } from './selectors';
import { DAILY, DAILY_IDS, loadFixture, PAPER, parseHtml } from './test-fixtures';

const base = new URL('https://huggingface.co/papers');

function holderWith(props: unknown): Document {
  const doc = parseHtml('<div data-target="DailyPapers"></div>');
  doc.querySelector('div')?.setAttribute('data-props', JSON.stringify(props));
  return doc;
}

test(`${DAILY}: every entry, in JSON order`, () => {
  const result = readListProps(loadFixture(DAILY), 'daily', base);
  expect(result.papers.map((p) => p.id)).toEqual(DAILY_IDS);
  expect(result).toMatchObject({ skipped: 0, warnings: [] });
});

test(`${PAPER}: the list reader finds no list, the paper reader its paper`, () => {
  const doc = loadFixture(PAPER);
  expect(readListProps(doc, 'daily', base).warnings).toEqual([`no ${dailyPapersProps} element`]);
  expect(readPaperProps(doc, base).papers.map((p) => p.title)).toEqual([
    'MCPMark: A Benchmark for Stress-Testing Realistic and Comprehensive MCP Use',
  ]);
});

test('a search reads searchResults first; results may be bare papers', () => {
  const doc = holderWith({
    dailyPapers: [{ paper: { id: '2601.00001', title: 'Of the day' } }],
    searchResults: [{ id: '2601.00002', title: 'Found', upvotes: 3 }],
  });
  expect(readListProps(doc, 'search', base).papers).toEqual([
    { id: '2601.00002', title: 'Found', authors: [], upvotes: 3 },
  ]);
  expect(readListProps(doc, 'daily', base).papers.map((p) => p.id)).toEqual(['2601.00001']);
});

test('duplicates count once; entry-level fields fill in for the paper', () => {
  const entry = {
    paper: { id: '2601.00001', authors: [{ name: 'A' }] },
    title: 'Entry title',
    organization: { name: 'org-handle' },
    numComments: 4,
  };
  const result = readListProps(holderWith({ dailyPapers: [entry, entry] }), 'daily', base);
  expect(result.papers).toEqual([
    {
      id: '2601.00001',
      title: 'Entry title',
      authors: ['A'],
      organization: 'org-handle',
      numComments: 4,
    },
  ]);
  expect(result.skipped).toBe(0);
});

test('a blank paper title or organization gives way to the entry copy', () => {
  const entry = {
    paper: { id: '2601.00001', title: ' \n ', organization: { fullname: ' ', name: 'handle' } },
    title: 'Entry title',
  };
  expect(readListProps(holderWith({ dailyPapers: [entry] }), 'daily', base).papers).toEqual([
    { id: '2601.00001', title: 'Entry title', authors: [], organization: 'handle' },
  ]);
});
