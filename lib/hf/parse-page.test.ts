// @vitest-environment happy-dom
/**
 * parsePage on every saved page, as saved. Expected values were read from the raw files (python
 * over the un-escaped data-props, grep over the cards), not from the parser's output.
 */
import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { PaperInfoSchema, requestSchemas } from '../messages/protocol';
import { listCards } from './find-cards';
import { parseCardTitles, parsePage, type ParsedPage } from './parse-page';
import { DAILY, DAILY_IDS, loadFixture, PAPER, TRENDING } from './test-fixtures';

/** Every paper validates against the protocol, and so does the report built from the page. */
function expectValid(parsed: ParsedPage, url: URL): void {
  for (const paper of parsed.papers) {
    const result = v.safeParse(PaperInfoSchema, paper);
    expect(
      result.issues?.map((i) => i.message),
      paper.id,
    ).toBeUndefined();
  }
  const report = {
    url: url.href,
    kind: parsed.kind,
    papers: parsed.papers,
    skipped: parsed.skipped,
  };
  expect(v.safeParse(requestSchemas.reportPage, report).success).toBe(true);
}

const byId = (parsed: ParsedPage, id: string) => parsed.papers.find((p) => p.id === id);

describe(DAILY, () => {
  const url = new URL('https://huggingface.co/papers');
  const parsed = parsePage(loadFixture(DAILY), url);

  test('28 papers from the JSON, in page order, nothing skipped', () => {
    expect(parsed.kind).toBe('daily');
    expect(parsed.source).toBe('json');
    expect(parsed.papers.map((p) => p.id)).toEqual(DAILY_IDS);
    expect(parsed.skipped).toBe(0);
    expect(parsed.warnings).toEqual([]);
    expectValid(parsed, url);
  });

  test('the first paper, every field', () => {
    expect(byId(parsed, '2609.31620')).toMatchObject({
      title:
        'FuseReg: Regularizing Layer Fusion Mitigates the Reconstruction-Generation Gap in Representation Autoencoders',
      upvotes: 110,
      numComments: 2,
      organization: 'USC Physical Superintelligence (PSI) Lab',
      githubRepo: 'https://github.com/Hongyang-Du/FuseReg',
      githubStars: 12,
      projectPage: 'https://hongyang-du.github.io/FuseReg/',
      thumbnail: 'https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2609.31620.png',
      publishedAt: '2026-09-25T00:00:00.000Z',
    });
    const paper = byId(parsed, '2609.31620');
    expect(paper?.authors).toHaveLength(16);
    expect(paper?.authors.slice(0, 2)).toEqual(['Hongyang Du', 'Yunfei Xie']);
    expect(paper?.summary).toMatch(
      /^Representation autoencoders \(RAEs\) reuse features from a pre/,
    );
    expect(paper?.aiSummary).toBeUndefined();
  });

  test('optional fields absent when the JSON lacks them (2609.31394: video card, no org)', () => {
    const paper = byId(parsed, '2609.31394');
    expect(paper?.title).toBe(
      'InternW0-Δ: A World Action Model Bridging Predictive Dynamics and Actions with 20K+ Hours of Open Data',
    );
    expect(paper?.authors).toHaveLength(48);
    expect(paper?.authors.slice(0, 2)).toEqual(['Xingyu Miao', 'Zizun Li']);
    expect(paper).toMatchObject({ upvotes: 17, numComments: 0 });
    expect(paper?.projectPage).toBe('https://internrobotics.github.io/InternW0-Delta/');
    for (const key of ['organization', 'githubRepo', 'githubStars'] as const) {
      expect(paper && key in paper, key).toBe(false);
    }
  });

  test('leftover entities in author names are decoded (2609.31473)', () => {
    const paper = byId(parsed, '2609.31473');
    expect(paper?.authors).toHaveLength(62);
    expect(paper?.authors[0]).toBe('Bovard Doerschuk-Tiberi');
    expect(paper?.authors).toContain("Christopher D'Mello");
    expect(paper?.authors).toContain("Meghan O'Connell");
    expect(paper).toMatchObject({ upvotes: 4, organization: 'Kaggle' });
  });

  test('TeX in summaries kept, double spaces in names collapsed (2609.04355)', () => {
    const paper = byId(parsed, '2609.04355');
    expect(paper?.summary).toContain('98.3\\% mean success rate');
    expect(paper).toMatchObject({
      organization: 'university of science and technology of china',
      githubStars: 81,
      upvotes: 2,
    });
  });

  test('zero upvotes ("-" on the card) is 0 (2609.31291)', () => {
    expect(byId(parsed, '2609.31291')).toMatchObject({ upvotes: 0, organization: 'Adobe' });
  });

  test('the same page under its dated URL', () => {
    const dated = parsePage(
      loadFixture(DAILY),
      new URL('https://huggingface.co/papers/date/2026-09-28'),
    );
    expect(dated.kind).toBe('daily');
    expect(dated.papers.map((p) => p.id)).toEqual(DAILY_IDS);
  });
});

describe(PAPER, () => {
  const url = new URL('https://huggingface.co/papers/2509.24002');
  const parsed = parsePage(loadFixture(PAPER), url);

  test('the paper from PaperContent', () => {
    expect(parsed).toMatchObject({ kind: 'paper', source: 'json', skipped: 0, warnings: [] });
    expect(parsed.papers).toHaveLength(1);
    const paper = parsed.papers[0];
    expect(paper).toMatchObject({
      id: '2509.24002',
      // The JSON title holds "MCP\n  Use".
      title: 'MCPMark: A Benchmark for Stress-Testing Realistic and Comprehensive MCP Use',
      upvotes: 118,
      githubRepo: 'https://github.com/eval-sys/mcpmark',
      githubStars: 182,
      projectPage: 'https://mcpmark.ai/',
      publishedAt: '2025-09-28T17:53:27.000Z',
      organization: 'National University of Singapore',
      numComments: 2,
    });
    expect(paper?.authors).toHaveLength(15);
    expect(paper?.authors.slice(0, 2)).toEqual(['Zijian Wu', 'Xiangyan Liu']);
    expect(paper?.summary).toMatch(
      /^MCP standardizes how LLMs interact with external systems, forming the foundation/,
    );
    expect(paper?.summary).toContain('52.56\\% pass@1');
    expect(paper?.aiSummary).toMatch(
      /^MCPMark is a comprehensive benchmark for evaluating MCP use/,
    );
    expectValid(parsed, url);
  });
});

describe(TRENDING, () => {
  const url = new URL('https://huggingface.co/papers/trending');
  const parsed = parsePage(loadFixture(TRENDING), url);

  test('one paper from the DOM, counted once though laid out twice', () => {
    expect(parsed.kind).toBe('trending');
    expect(parsed.source).toBe('dom');
    expect(parsed.papers.map((p) => p.id)).toEqual(['2006.15704']);
    expect(parsed.skipped).toBe(0);
    expectValid(parsed, url);
  });

  test('what the card shows', () => {
    expect(parsed.papers[0]).toMatchObject({
      title: 'PyTorch Distributed: Experiences on Accelerating Data Parallel Training',
      upvotes: 13,
      githubRepo: 'https://github.com/pytorch/pytorch',
      githubStars: 104_000,
      thumbnail: 'https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2006.15704.png',
      // The avatars, in reading order (the list is drawn right to left), once though shown twice.
      authors: ['jeffreysmith', 'nairbv', 'soumithchintala', 'Shen Li', 'Yanli Zhao'],
    });
    expect(parsed.papers[0]?.aiSummary).toMatch(/^The PyTorch distributed data parallel module/);
  });
});

describe('parseCardTitles: a list page as its cards alone show it', () => {
  test.each([
    [DAILY, 'https://huggingface.co/papers/date/2026-09-28'],
    [TRENDING, 'https://huggingface.co/papers/trending'],
  ])('%s: every paper, with the title the full parse reads', (name, href) => {
    const doc = loadFixture(name);
    const url = new URL(href);
    const full = parsePage(doc, url);
    const fromCards = parseCardTitles(url, listCards(doc));
    expect(fromCards?.kind).toBe(full.kind);
    expect(fromCards?.papers).toEqual(full.papers.map(({ id, title }) => ({ id, title })));
    const report = {
      url: href,
      kind: full.kind,
      papers: fromCards?.papers,
      skipped: 0,
      titlesOnly: true,
    };
    expect(v.safeParse(requestSchemas.reportPage, report).success).toBe(true);
  });

  test('nothing where the cards are not enough: a paper page, a card without a title', () => {
    const paper = loadFixture(PAPER);
    expect(
      parseCardTitles(new URL('https://huggingface.co/papers/2509.24002'), listCards(paper)),
    ).toBeUndefined();
    const daily = loadFixture(DAILY);
    const link = daily.querySelector(`article h3 a[href="/papers/${DAILY_IDS[0]}"]`);
    if (link) link.textContent = '';
    expect(
      parseCardTitles(new URL('https://huggingface.co/papers'), listCards(daily)),
    ).toBeUndefined();
  });
});

describe('without the texts (what the content script reports)', () => {
  const withoutTexts = ({ summary, aiSummary, authors, ...rest }: ParsedPage['papers'][number]) => {
    void [summary, aiSummary, authors];
    return { ...rest, authors: [] };
  };
  const pages: [string, string][] = [
    [DAILY, 'https://huggingface.co/papers'],
    [TRENDING, 'https://huggingface.co/papers/trending'],
    [PAPER, 'https://huggingface.co/papers/2509.24002'],
  ];

  test.each(pages)(
    '%s: the same papers, less their abstract, AI summary and authors',
    (name, href) => {
      const url = new URL(href);
      const full = parsePage(loadFixture(name), url);
      const light = parsePage(loadFixture(name), url, undefined, { texts: false });
      expect(full.papers.some((p) => p.authors.length > 0 && (p.summary ?? p.aiSummary))).toBe(
        true,
      );
      expect(light.papers).toEqual(full.papers.map(withoutTexts));
      const { withTexts, ...rest } = light;
      expect({ ...rest, papers: [] }).toEqual({ ...full, papers: [] });
      // The texts afterwards, for the papers asked: as the full parse read them.
      const asked = full.papers.filter((_, i) => i % 2 === 0);
      expect(withTexts?.(new Set(asked.map((p) => p.id)))).toEqual(asked);
      expect(withTexts?.(new Set(['2501.00001']))).toEqual([]);
    },
  );

  test('the DOM fallback reads no texts either', () => {
    const doc = loadFixture(DAILY);
    doc.querySelector('[data-target="DailyPapers"]')?.removeAttribute('data-props');
    const url = new URL('https://huggingface.co/papers');
    const full = parsePage(doc, url);
    const light = parsePage(doc, url, undefined, { texts: false });
    expect(full.source).toBe('dom');
    expect(full.papers.some((p) => p.authors.length > 0)).toBe(true);
    expect(light.papers).toEqual(full.papers.map(withoutTexts));
    expect(light.withTexts?.(new Set(DAILY_IDS.slice(0, 2)))).toEqual(full.papers.slice(0, 2));
  });
});
