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
