import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchesQuery, queryWords, searchTerms, words } from './terms';

const paper = {
  title: 'Diffusion Transformers for Video: GPT-4o-style Reasoning',
  authors: ['Zoë Ünal', 'Jürgen Schmidhuber'],
  organization: 'DeepMind',
  summary: 'We scale   diffusion models; see https://example.org.',
};

describe('search words', () => {
  it('lower-cases, drops accents and splits on anything but letters and digits', () => {
    expect(words('GPT-4o, Zoë  Ünal!')).toEqual(['gpt', '4o', 'zoe', 'unal']);
    expect(words('  ')).toEqual([]);
    expect(words('多模态 模型')).toEqual(['多模态', '模型']);
  });

  it('indexes title, authors, organization and summary once per word', () => {
    const terms = searchTerms(paper);
    expect(terms.filter((t) => t === 'diffusion')).toHaveLength(1);
    expect(terms).toEqual(expect.arrayContaining(['schmidhuber', 'deepmind', 'scale', 'org']));
  });

  it('matches a query when every word starts a word of the paper', () => {
    const matches = (query: string) => matchesQuery(paper, queryWords(query));
    expect(matches('diff vid')).toBe(true);
    expect(matches('JURGEN')).toBe(true);
    expect(matches('gpt 4o')).toBe(true);
    expect(matches('deepmind scale')).toBe(true);
    expect(matches('')).toBe(true);
    // Inside a word is not a match, and every word must match.
    expect(matches('fusion')).toBe(false);
    expect(matches('diffusion audio')).toBe(false);
  });

  it('reads the same query the same way, whatever the punctuation and repeats', () => {
    expect(queryWords(' Video,  video: GPT-4o ')).toEqual(['video', 'gpt', '4o']);
  });
});

describe('the matcher of many papers', () => {
  // Letters and digits of several scripts, accents precomposed and combining, a dotted capital I
  // (lower-cased, it gains a combining mark), letters outside the BMP, and separators.
  const pieces = [
    'a',
    'b',
    'ab',
    'gr',
    'graph',
    'Graph',
    '4o',
    '9',
    'é',
    'e\u0301',
    'Ünal',
    'İs',
    'ß',
    'ﬁ',
    '多模',
    '𝐀',
    '𠀀x',
    ' ',
    '-',
    '\n',
    '.',
    '🙂',
    '\u0301',
    '$',
    '(',
  ];
  const text = fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((p) => p.join(''));

  it('agrees with the words of the paper on any text and query', () => {
    fc.assert(
      fc.property(
        fc.record({ title: text, authors: fc.array(text, { maxLength: 2 }), summary: text }),
        fc.array(text, { maxLength: 3 }),
        (paper, query) => {
          const words = queryWords(query.join(' '));
          const terms = searchTerms(paper);
          const expected = words.every((word) => terms.some((term) => term.startsWith(word)));
          expect(matchesQuery(paper, words)).toBe(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
