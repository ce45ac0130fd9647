/**
 * The test data itself, checked before any browser runs: the seed files read as the README says,
 * ids are collision-free, and generated pages carry the real markup.
 */
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import {
  buildListPage,
  buildUnrecognisedPage,
  closePageBuilder,
  fixtureDailyPapers,
} from './support/page-builder';
import { stripScripts } from './support/replay-server';
import { idForTitle, loadSeedVisits, newPerVisit, normaliseTitle } from './support/seeds';

afterAll(() => closePageBuilder());

describe('seed pages', () => {
  const visits = loadSeedVisits();

  it('hold five visits, 562 entries and 510 distinct titles (seeds/README.md)', () => {
    expect(visits).toHaveLength(5);
    const entries = visits.flatMap((v) => v.papers);
    expect(entries).toHaveLength(562);
    expect(new Set(entries.map((p) => normaliseTitle(p.title))).size).toBe(510);
    for (const paper of entries) {
      expect(paper.title.length).toBeGreaterThan(0);
      expect(paper.summary.length).toBeGreaterThan(paper.title.length / 4);
      expect(paper.title).not.toMatch(/^Subscribe/);
    }
  });

  it('give every distinct title its own arXiv-style id, the same for the same title', () => {
    const byTitle = new Map<string, string>();
    for (const { papers } of visits) {
      for (const p of papers) byTitle.set(normaliseTitle(p.title), p.id);
    }
    const ids = [...byTitle.values()];
    expect(new Set(ids).size).toBe(byTitle.size);
    for (const id of ids) expect(id).toMatch(/^24(0[1-9]|1[0-2])\.\d{5}$/);
    expect(idForTitle('  A  title\n with spaces ')).toBe(idForTitle('A title with spaces'));
  });

  it('count new papers per visit from the titles: all of the first, then only unmet ones', () => {
    const fresh = newPerVisit(visits);
    expect(fresh[0]).toHaveLength(new Set(visits[0]?.papers.map((p) => p.id)).size);
    expect(fresh.reduce((n, f) => n + f.length, 0)).toBe(510);
    fresh.forEach((f, i) => expect(f.length).toBeLessThanOrEqual(visits[i]?.papers.length ?? 0));
  });
});

describe('generated pages', () => {
  const parse = (html: string) => {
    const window = new Window({
      settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true },
    });
    window.document.write(html);
    return window;
  };

  it('use the saved daily page markup: JSON and cards agree on ids, titles, upvotes', async () => {
    const papers = loadSeedVisits()[0]?.papers.slice(0, 5) ?? [];
    const html = buildListPage(
      papers.map((p, i) => ({ ...p, upvotes: i })),
      { date: '2026-03-19' },
    );
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    const window = parse(html);
    const doc = window.document;
    const root = doc.querySelector('[data-target="DailyPapers"]');
    const props = JSON.parse(root?.getAttribute('data-props') ?? '{}') as {
      dateString: string;
      dailyPapers: { title: string; paper: { id: string; title: string; upvotes: number } }[];
    };
    expect(props.dateString).toBe('2026-03-19');
    expect(props.dailyPapers.map((e) => e.paper.id)).toEqual(papers.map((p) => p.id));
    const articles = [...doc.querySelectorAll('article')];
    expect(articles).toHaveLength(5);
    articles.forEach((article, i) => {
      const paper = papers[i];
      const link = article.querySelector('h3 a');
      expect(link?.getAttribute('href')).toBe(`/papers/${paper?.id}`);
      expect(link?.textContent).toBe(paper?.title);
      expect(article.querySelector('[role="checkbox"] .leading-none')?.textContent).toBe(
        i === 0 ? '-' : String(i),
      );
      // No trace of the fixture's first paper is left in the card.
      expect(article.outerHTML).not.toContain(fixtureDailyPapers()[0]?.id);
    });
    await window.happyDOM.close();
  });

  it('an unrecognised page has no papers list, no JSON and no cards', async () => {
    const window = parse(buildUnrecognisedPage());
    expect(window.document.querySelector('[data-target="DailyPapers"]')).toBeNull();
    expect(window.document.querySelectorAll('article')).toHaveLength(0);
    await window.happyDOM.close();
  });

  it('saved pages are served without scripts', () => {
    expect(stripScripts('<p>a</p><script src="x.js"></script><script>alert(1)</script><b>')).toBe(
      '<p>a</p><b>',
    );
  });
});
