import { describe, expect, test } from 'vitest';
import { PAGE_KINDS, type PageKind } from '../model/paper';
import * as pageKind from './page-kind';
import { parseCount } from './normalize';
import { readFixture, SEARCH_MD } from './test-fixtures';

const tables: Record<Exclude<PageKind, 'unknown'>, [(url: URL) => boolean, string[]]> = {
  daily: [pageKind.isDaily, pageKind.dailyUrls],
  weekly: [pageKind.isWeekly, pageKind.weeklyUrls],
  monthly: [pageKind.isMonthly, pageKind.monthlyUrls],
  trending: [pageKind.isTrending, pageKind.trendingUrls],
  search: [pageKind.isSearch, pageKind.searchUrls],
  paper: [pageKind.isPaperPage, pageKind.paperPageUrls],
};

const unknownUrls = [
  'https://huggingface.co/',
  'https://huggingface.co/models',
  'https://huggingface.co/papers/date/2026-9-28',
  'https://huggingface.co/papers?date=yesterday',
  'https://huggingface.co/papers/week/2026-39',
  'https://huggingface.co/papers/2509.24002v2',
  'https://huggingface.co/papers/2509.24002/discussion',
  'https://huggingface.co/papers/submit',
  'https://huggingface.co/papers/trending/extra',
  'https://hf.co/papers',
  'https://huggingface.co.evil.example/papers',
  'https://evil.example/huggingface.co/papers',
  'ftp://huggingface.co/papers',
];

describe('each predicate accepts its own table and rejects every other one', () => {
  for (const [kind, [predicate, urls]] of Object.entries(tables)) {
    test(kind, () => {
      expect(urls.length).toBeGreaterThan(0);
      for (const url of urls) expect(predicate(new URL(url)), url).toBe(true);
      for (const [other, [, otherUrls]] of Object.entries(tables)) {
        if (other === kind) continue;
        for (const url of otherUrls) expect(predicate(new URL(url)), url).toBe(false);
      }
      for (const url of unknownUrls) expect(predicate(new URL(url)), url).toBe(false);
    });
  }
});

test('detectPageKind names the table a URL comes from, else unknown', () => {
  for (const [kind, [, urls]] of Object.entries(tables)) {
    for (const url of urls) expect(pageKind.detectPageKind(new URL(url)), url).toBe(kind);
  }
  for (const url of unknownUrls) expect(pageKind.detectPageKind(new URL(url)), url).toBe('unknown');
  expect(Object.keys(tables).sort()).toEqual(PAGE_KINDS.filter((k) => k !== 'unknown').sort());
});

test('paperIdOfUrl', () => {
  expect(pageKind.paperIdOfUrl(new URL('https://huggingface.co/papers/2509.24002/#x'))).toBe(
    '2509.24002',
  );
  expect(pageKind.paperIdOfUrl(new URL('https://huggingface.co/papers/trending'))).toBeUndefined();
});

// The search fixture is firecrawl markdown, not HTML: parsePage cannot run on it. What it can
// honestly check: its URL is a search, its result links are paper pages, and its "-" upvotes
// (zero) read as counts.
describe(SEARCH_MD, () => {
  const md = readFixture(SEARCH_MD);

  test('its URL is a search page', () => {
    const url = /^url: (\S+)$/m.exec(md)?.[1];
    expect(url).toBe('https://huggingface.co/papers?q=source%20citations');
    expect(pageKind.detectPageKind(new URL(url ?? ''))).toBe('search');
  });

  test('its result titles link to paper pages', () => {
    const links = [...md.matchAll(/^### \[[^\]]*\]\((\S+)\)$/gm)].map((m) => m[1] ?? '');
    expect(links.slice(0, 2)).toEqual([
      'https://huggingface.co/papers/2606.00683',
      'https://huggingface.co/papers/2609.11115',
    ]);
    for (const link of links) expect(pageKind.detectPageKind(new URL(link))).toBe('paper');
  });

  test('its upvote counts, "-" included, read as counts', () => {
    const upvotes = [
      ...md.matchAll(/^\[([^\]]*)\]\(https:\/\/huggingface\.co\/login\?next=%2Fpapers%2F/gm),
    ];
    const texts = upvotes.map((m) => m[1] ?? '');
    expect(texts.slice(0, 3)).toEqual(['101', '173', '-']);
    expect(texts.map(parseCount).slice(0, 3)).toEqual([101, 173, 0]);
  });
});
