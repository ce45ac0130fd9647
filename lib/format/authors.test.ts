// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { formatByline } from './authors';

describe('formatByline', () => {
  it('lists up to three authors', () => {
    expect(formatByline(['Ada'])).toBe('Ada');
    expect(formatByline(['Ada', 'Bo', 'Cy'])).toBe('Ada, Bo, Cy');
  });

  it('shortens longer lists with "et al."', () => {
    expect(formatByline(['Ada', 'Bo', 'Cy', 'Di'])).toBe('Ada, Bo, Cy et al.');
  });

  it('falls back to the organization, then to nothing', () => {
    expect(formatByline([], 'Hugging Face')).toBe('Hugging Face');
    expect(formatByline(['  '], ' Meta ')).toBe('Meta');
    expect(formatByline([])).toBe('');
  });

  it('prefers authors over the organization', () => {
    expect(formatByline(['Ada'], 'Hugging Face')).toBe('Ada');
  });
});
