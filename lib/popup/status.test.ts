// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { TabPage } from '../messages/protocol';
import { httpsUrl, paperUrl } from './links';
import { isLayoutUnrecognised, isPapersUrl } from './status';

const page = (overrides: Partial<TabPage>): TabPage => ({
  url: 'https://huggingface.co/papers',
  kind: 'daily',
  count: 0,
  newCount: 0,
  ids: [],
  ...overrides,
});

describe('isPapersUrl', () => {
  it.each([
    'https://huggingface.co/papers',
    'https://huggingface.co/papers/trending',
    'https://huggingface.co/papers/2509.24002',
    'https://huggingface.co/papers?q=diffusion',
    'http://huggingface.co/papers',
  ])('accepts %s', (url) => expect(isPapersUrl(url)).toBe(true));

  it.each([
    'https://huggingface.co/papersX',
    'https://huggingface.co/models',
    'https://huggingface.co.evil.example/papers',
    'ftp://huggingface.co/papers',
    'not a url',
  ])('rejects %s', (url) => expect(isPapersUrl(url)).toBe(false));
});

describe('isLayoutUnrecognised', () => {
  it('is true for a detected kind with no paper recognised', () => {
    expect(isLayoutUnrecognised(page({ kind: 'trending' }))).toBe(true);
    expect(
      isLayoutUnrecognised(page({ kind: 'paper', url: 'https://huggingface.co/papers/1' })),
    ).toBe(true);
  });

  it('is true for an unknown kind on a papers URL', () => {
    expect(isLayoutUnrecognised(page({ kind: 'unknown' }))).toBe(true);
  });

  it('is false for recognised pages, other sites and no tab', () => {
    expect(isLayoutUnrecognised(page({ count: 3 }))).toBe(false);
    expect(isLayoutUnrecognised(page({ kind: 'unknown', url: 'https://example.org/' }))).toBe(
      false,
    );
    expect(isLayoutUnrecognised(null)).toBe(false);
  });
});

describe('links', () => {
  it('builds paper links from arXiv ids only', () => {
    expect(paperUrl('2509.24002')).toBe('https://huggingface.co/papers/2509.24002');
    expect(paperUrl('2509.24002/../../x')).toBeNull();
    expect(paperUrl('javascript:alert(1)')).toBeNull();
  });

  it('keeps only https URLs', () => {
    expect(httpsUrl('https://github.com/a/b')).toBe('https://github.com/a/b');
    expect(httpsUrl('http://github.com/a/b')).toBeNull();
    expect(httpsUrl('javascript:alert(1)')).toBeNull();
    expect(httpsUrl('//github.com/a')).toBeNull();
    expect(httpsUrl(undefined)).toBeNull();
  });
});
