// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { cardPaperId, findCards, listCards, paperIdFromHref } from './find-cards';
import { DAILY, DAILY_IDS, loadFixture, PAPER, parseHtml, TRENDING } from './test-fixtures';

test.each([
  ['/papers/2609.31620', '2609.31620'],
  ['/papers/2609.31620/', '2609.31620'],
  ['/papers/2609.31620#community', '2609.31620'],
  ['/papers/2609.31620?ref=x#community', '2609.31620'],
  ['/papers/trending', undefined],
  ['/papers?q=MCP', undefined],
  ['/papers/2609.31620/discussion', undefined],
  ['/login?next=%2Fpapers%2F2609.31620', undefined],
  ['https://arxiv.org/abs/2006.15704', undefined],
  [null, undefined],
])('paperIdFromHref(%j) = %j', (href, id) => expect(paperIdFromHref(href)).toBe(id));

describe('findCards on the saved pages', () => {
  test(`${DAILY}: one article per paper, in page order`, () => {
    const cards = findCards(loadFixture(DAILY));
    expect([...cards.keys()]).toEqual(DAILY_IDS);
    for (const [id, card] of cards) {
      expect(card.tagName).toBe('ARTICLE');
      expect(card.querySelector(`h3 a[href="/papers/${id}"]`)).not.toBeNull();
    }
    // Its comments link names the same paper, not another one.
    expect(
      cards.get('2609.31620')?.querySelector('a[href="/papers/2609.31620#community"]'),
    ).not.toBeNull();
  });

  test(`${TRENDING}: the paper laid out twice is one card`, () => {
    const doc = loadFixture(TRENDING);
    const cards = findCards(doc);
    expect([...cards.keys()]).toEqual(['2006.15704']);
    expect(cards.get('2006.15704')).toBe(doc.querySelector('article'));
  });

  test(`${PAPER}: its collection articles are not paper cards`, () => {
    expect(findCards(loadFixture(PAPER)).size).toBe(0);
  });
});

describe('findCards on made-up layouts', () => {
  test('an article with only a comments link is that paper', () => {
    const doc = parseHtml('<article><a href="/papers/2609.31620#community">2</a></article>');
    expect([...findCards(doc).keys()]).toEqual(['2609.31620']);
  });

  test('the title link decides when an article links to two papers', () => {
    const doc = parseHtml(
      '<article><a href="/papers/2601.00001">x</a><h3><a href="/papers/2601.00002">T</a></h3></article>',
    );
    expect(cardPaperId(doc.querySelector('article') as Element)).toBe('2601.00002');
  });

  test('a wrapper article is not a card; the articles inside are', () => {
    const doc = parseHtml(
      '<article id="outer"><article id="a"><h3><a href="/papers/2601.00001">A</a></h3></article>' +
        '<article id="b"><h3><a href="/papers/2601.00002">B</a></h3></article></article>',
    );
    const cards = findCards(doc);
    expect([...cards].map(([id, card]) => [id, card.id])).toEqual([
      ['2601.00001', 'a'],
      ['2601.00002', 'b'],
    ]);
  });

  test('wrappers nest: only the innermost articles with a paper are cards, in page order', () => {
    const doc = parseHtml(
      '<article id="outer"><h3><a href="/papers/2601.00009">Outer</a></h3>' +
        '<div><article id="mid"><article id="a"><h3><a href="/papers/2601.00001">A</a></h3></article>' +
        '</article></div><article id="b"><a href="/papers/2601.00002#community">2</a></article>' +
        '</article><article id="c"><h3><a href="/papers/2601.00003">C</a></h3></article>',
    );
    expect(listCards(doc).map(({ id, card }) => [id, card.id])).toEqual([
      ['2601.00001', 'a'],
      ['2601.00002', 'b'],
      ['2601.00003', 'c'],
    ]);
  });

  test('an article around articles without a paper is still a card', () => {
    const doc = parseHtml(
      '<article id="card"><h3><a href="/papers/2601.00001">A</a></h3>' +
        '<article id="quote"><a href="/papers/trending">trending</a></article></article>',
    );
    expect([...findCards(doc)].map(([id, card]) => [id, card.id])).toEqual([
      ['2601.00001', 'card'],
    ]);
  });

  test('a paper shown twice keeps its first card; links that are not papers make no card', () => {
    const doc = parseHtml(
      '<article id="first"><a href="/papers/2601.00001">A</a></article>' +
        '<article id="second"><a href="/papers/2601.00001">A</a></article>' +
        '<article><a href="/papers/trending">T</a><a href="/papers/not-an-id">?</a></article>',
    );
    const cards = findCards(doc);
    expect(cards.size).toBe(1);
    expect(cards.get('2601.00001')?.id).toBe('first');
  });
});
