// @vitest-environment happy-dom
import { expect, test } from 'vitest';
import { listCards } from './find-cards';
import { parseCard } from './parse-card';
import { DAILY, loadFixture, parseHtml, TRENDING } from './test-fixtures';

const base = new URL('https://huggingface.co/papers');

test(`${DAILY}: a card with an organization chip and GitHub stars`, () => {
  const first = listCards(loadFixture(DAILY))[0];
  expect(first?.id).toBe('2609.31620');
  // On daily cards the stars link points to the paper page, not to GitHub: not read here.
  expect(parseCard(first?.card as Element, '2609.31620', 'daily', base)).toEqual({
    id: '2609.31620',
    title:
      'FuseReg: Regularizing Layer Fusion Mitigates the Reconstruction-Generation Gap in Representation Autoencoders',
    authors: [],
    organization: 'USC Physical Superintelligence (PSI) Lab',
    thumbnail: 'https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2609.31620.png',
    upvotes: 110,
    numComments: 2,
  });
});

test(`${TRENDING}: the card text is the AI summary on trending, a summary elsewhere`, () => {
  const card = loadFixture(TRENDING).querySelector('article') as Element;
  const trending = parseCard(card, '2006.15704', 'trending', base);
  const search = parseCard(card, '2006.15704', 'search', base);
  expect(trending?.aiSummary).toMatch(/^The PyTorch distributed data parallel module optimizes/);
  expect(trending).not.toHaveProperty('summary');
  expect(search?.summary).toBe(trending?.aiSummary);
});

test('a card whose title link names another paper has no title', () => {
  const doc = parseHtml('<article><h3><a href="/papers/2601.00002">Other</a></h3></article>');
  expect(parseCard(doc.querySelector('article') as Element, '2601.00001', 'daily', base)).toBe(
    undefined,
  );
});
