// @vitest-environment happy-dom
/**
 * The saved pages with their JSON removed or corrupted, and with their layout gone: made at test
 * time from the real files (never edited on disk).
 */
import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { LIMITS, PaperInfoSchema } from '../messages/protocol';
import { parsePage } from './parse-page';
import { dailyPapersProps, paperContentProps } from './selectors';
import { DAILY, DAILY_IDS, loadFixture, PAPER, readFixture, parseHtml } from './test-fixtures';

const dailyUrl = new URL('https://huggingface.co/papers');
const dailyHtml = readFixture(DAILY);
const reference = parsePage(parseHtml(dailyHtml), dailyUrl);

/** A fresh daily page whose data-props is `props` (removed when null). */
function dailyWith(props: string | null): Document {
  const doc = parseHtml(dailyHtml);
  const holder = doc.querySelector(dailyPapersProps);
  if (props === null) holder?.removeAttribute('data-props');
  else holder?.setAttribute('data-props', props);
  return doc;
}

function realProps(): { dailyPapers: Record<string, unknown>[] } {
  const doc = parseHtml(dailyHtml);
  return JSON.parse(doc.querySelector(dailyPapersProps)?.getAttribute('data-props') ?? '');
}

const pick = (p: { id: string; title: string; upvotes?: number }) => [p.id, p.title, p.upvotes];

describe('daily page without its JSON: the DOM fallback', () => {
  const parsed = parsePage(dailyWith(null), dailyUrl);

  test('same ids, titles and upvotes as from the JSON', () => {
    expect(parsed.source).toBe('dom');
    expect(parsed.papers.map((p) => p.id)).toEqual(DAILY_IDS);
    expect(parsed.papers.map(pick)).toEqual(reference.papers.map(pick));
    expect(parsed.warnings.join('\n')).toContain('no [data-target="DailyPapers"]');
    for (const paper of parsed.papers) expect(v.is(PaperInfoSchema, paper), paper.id).toBe(true);
  });

  test('what a daily card shows', () => {
    const paper = (id: string) => parsed.papers.find((p) => p.id === id);
    expect(paper('2609.31620')).toMatchObject({
      organization: 'USC Physical Superintelligence (PSI) Lab',
      numComments: 2,
      thumbnail: 'https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2609.31620.png',
    });
    expect(paper('2609.31291')?.upvotes).toBe(0); // "-" on the card
    // A video preview: no thumbnail; no comments link: comments unknown, not 0.
    expect(paper('2609.31394')).not.toHaveProperty('thumbnail');
    expect(paper('2609.31394')).not.toHaveProperty('numComments');
    // Avatars in reading order: the JSON lists Siqiao Xue, Shuxuan Liu, Ning Hu.
    expect(paper('2609.31002')?.authors).toEqual(['Siqiao Xue', 'Shuxuan Liu', 'Ning Hu']);
  });
});

describe('daily page with corrupted JSON', () => {
  test.each([
    ['invalid JSON', '{"dailyPapers": [', 'not valid JSON'],
    ['an empty attribute', '', 'not valid JSON'],
    ['an array', '[1, 2, 3]', 'not an object'],
    ['null', 'null', 'not an object'],
    ['dailyPapers of the wrong type', '{"dailyPapers": "many"}', 'no papers in the JSON'],
    ['no entries', '{"dailyPapers": []}', 'no papers in the JSON'],
  ])('%s: falls back to the DOM', (_, props, warning) => {
    const parsed = parsePage(dailyWith(props), dailyUrl);
    expect(parsed.source).toBe('dom');
    expect(parsed.papers.map(pick)).toEqual(reference.papers.map(pick));
    expect(parsed.warnings.join('\n')).toContain(warning);
  });

  test('entries of the wrong shape are skipped and counted; their cards still recognised', () => {
    const props = realProps();
    const entries = props.dailyPapers;
    delete (entries[5]?.paper as Record<string, unknown>).id;
    entries[6] = { paper: 'not an object' };
    entries.push(42 as never, { paper: { id: '2609.99999' } });
    const parsed = parsePage(dailyWith(JSON.stringify(props)), dailyUrl);
    expect(parsed.source).toBe('json');
    expect(parsed.skipped).toBe(4);
    expect(parsed.warnings).toContain('4 JSON entries skipped (no arXiv id or no title)');
    expect(parsed.papers.map((p) => p.id)).toEqual(DAILY_IDS);
    // From the DOM: no summary on a daily card; the others keep theirs.
    expect(parsed.papers[5]?.summary).toBeUndefined();
    expect(parsed.papers[4]?.summary).toBe(reference.papers[4]?.summary);
  });

  test('fields of the wrong type or scheme are dropped, not the paper', () => {
    const props = realProps();
    const paper = props.dailyPapers[0]?.paper as Record<string, unknown>;
    Object.assign(paper, {
      upvotes: 'lots',
      githubStars: -3,
      projectPage: 'javascript:alert(1)',
      githubRepo: 'data:text/html,<script>',
      organization: 7,
      authors: [{ name: 'Kept' }, { nom: 'x' }, null, { name: 'Hidden', hidden: true }],
      title: `  ${'T'.repeat(5000)}\n`,
    });
    props.dailyPapers[0] = { ...props.dailyPapers[0], thumbnail: 'javascript:void 0' };
    const first = parsePage(dailyWith(JSON.stringify(props)), dailyUrl).papers[0];
    expect(first?.id).toBe('2609.31620');
    expect(first?.title).toHaveLength(1000);
    expect(first?.authors).toEqual(['Kept']);
    for (const key of ['upvotes', 'githubStars', 'projectPage', 'githubRepo']) {
      expect(first, key).not.toHaveProperty(key);
    }
    // The paper's organization is broken; the entry's own copy stands in.
    expect(first?.organization).toBe('USC Physical Superintelligence (PSI) Lab');
    expect(first).not.toHaveProperty('thumbnail');
    expect(v.is(PaperInfoSchema, first)).toBe(true);
  });

  test('papers without a card stay in their JSON position', () => {
    const original = loadFixture(DAILY);
    original.querySelectorAll('article')[1]?.remove();
    original.querySelectorAll('article')[2]?.remove();
    const parsed = parsePage(original, dailyUrl);
    expect(parsed.source).toBe('json');
    expect(parsed.papers.map((p) => p.id)).toEqual(DAILY_IDS);
  });
});

test('a page listing more papers than a report takes keeps the first ones', () => {
  const dailyPapers = Array.from({ length: LIMITS.papersPerReport + 5 }, (_, i) => ({
    paper: { id: `2601.${String(i).padStart(5, '0')}`, title: `Paper ${i}` },
  }));
  const doc = parseHtml('<div data-target="DailyPapers"></div>');
  doc.querySelector('div')?.setAttribute('data-props', JSON.stringify({ dailyPapers }));
  const parsed = parsePage(doc, dailyUrl);
  expect(parsed.papers).toHaveLength(LIMITS.papersPerReport);
  expect(parsed.papers.at(-1)?.id).toBe('2601.02999');
  expect(parsed.warnings).toContain('3005 papers: kept the first 3000');
});

describe('unrecognised layouts', () => {
  test('daily page without articles and without JSON: no papers, a warning, no throw', () => {
    const doc = dailyWith(null);
    doc.querySelectorAll('article').forEach((article) => article.remove());
    const parsed = parsePage(doc, dailyUrl);
    expect(parsed).toMatchObject({ kind: 'daily', source: 'none', papers: [], skipped: 0 });
    expect(parsed.warnings.join('\n')).toContain('layout not recognised');
  });

  test('an empty document, a detached element, a root that throws', () => {
    const url = new URL('https://huggingface.co/papers/trending');
    expect(parsePage(parseHtml(''), url).papers).toEqual([]);
    expect(parsePage(parseHtml('<p>hi</p>').createElement('div'), url).source).toBe('none');
    const hostile = new Proxy({} as ParentNode, {
      get() {
        throw new Error('hostile DOM');
      },
    });
    expect(parsePage(hostile, url)).toEqual({
      kind: 'trending',
      source: 'none',
      papers: [],
      skipped: 0,
      warnings: ['parser failed: hostile DOM'],
    });
  });

  test('a list page under a URL that is not a papers list still reads its cards, with a warning', () => {
    const parsed = parsePage(dailyWith(null), new URL('https://huggingface.co/papers/year/2026'));
    expect(parsed.kind).toBe('unknown');
    expect(parsed.papers).toHaveLength(28);
    expect(parsed.warnings.join('\n')).toContain('not a papers list URL');
  });
});

describe('paper page fallbacks', () => {
  const url = new URL('https://huggingface.co/papers/2509.24002');
  const title = 'MCPMark: A Benchmark for Stress-Testing Realistic and Comprehensive MCP Use';

  test.each([
    ['without its JSON', null],
    ['with invalid JSON', '{"paper": '],
    ['with a paper without id', '{"paper": {"title": "x"}}'],
  ])('%s: h1 title and the URL id', (_, props) => {
    const doc = loadFixture(PAPER);
    const holder = doc.querySelector(paperContentProps);
    if (props === null) holder?.removeAttribute('data-props');
    else holder?.setAttribute('data-props', props);
    const parsed = parsePage(doc, url);
    expect(parsed).toMatchObject({ kind: 'paper', source: 'dom' });
    expect(parsed.papers).toEqual([{ id: '2509.24002', title, authors: [] }]);
  });

  test('JSON about another paper (stale after client-side navigation): the URL wins', () => {
    const parsed = parsePage(
      loadFixture(PAPER),
      new URL('https://huggingface.co/papers/2006.15704'),
    );
    expect(parsed.papers.map((p) => p.id)).toEqual(['2006.15704']);
    expect(parsed.source).toBe('dom');
    expect(parsed.warnings.join('\n')).toContain('about 2509.24002');
  });

  test('no title anywhere: nothing recognised', () => {
    const doc = loadFixture(PAPER);
    doc.querySelector(paperContentProps)?.remove();
    doc.querySelector('h1')?.remove();
    expect(parsePage(doc, url)).toMatchObject({ kind: 'paper', source: 'none', papers: [] });
  });
});
