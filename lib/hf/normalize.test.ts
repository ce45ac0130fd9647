import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  cleanDate,
  cleanText,
  decodeEntities,
  lastCount,
  parseCount,
  safeUrl,
  toCount,
  truncate,
} from './normalize';

const base = new URL('https://huggingface.co/papers');

describe('cleanText', () => {
  test('collapses the newline inside a title (paper-2509.24002.html)', () => {
    expect(
      cleanText(
        'MCPMark: A Benchmark for Stress-Testing Realistic and Comprehensive MCP\n  Use',
        99,
      ),
    ).toBe('MCPMark: A Benchmark for Stress-Testing Realistic and Comprehensive MCP Use');
  });

  test('decodes the literal entity left in an author name (daily-2026-09-28.html)', () => {
    expect(cleanText('Christopher D&#39;Mello', 99)).toBe("Christopher D'Mello");
    expect(decodeEntities('a &amp; b &lt;i&gt; &#x41; &quot;q&quot; &bogus; &#xD800;')).toBe(
      'a & b <i> A "q" &bogus; &#xD800;',
    );
  });

  test('keeps TeX backslashes, trims, caps, and turns blank into undefined', () => {
    expect(cleanText('achieves 98.3\\% mean', 99)).toBe('achieves 98.3\\% mean');
    expect(cleanText('  abc def  ', 5)).toBe('abc d');
    expect(cleanText('abcd efgh', 5)).toBe('abcd');
    expect(cleanText(' \n\t ', 5)).toBeUndefined();
    expect(cleanText(42, 5)).toBeUndefined();
  });

  test('collapses every whitespace run to one space, exactly as /\\s+/g would', () => {
    const text = fc.string({
      unit: fc.constantFrom('a', 'b', ' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u2028', '\ufeff'),
      maxLength: 30,
    });
    fc.assert(
      fc.property(text, (value) => {
        const expected = value.replace(/\s+/g, ' ').trim();
        expect(cleanText(value, 99)).toBe(expected === '' ? undefined : expected);
      }),
    );
    expect(cleanText('a \u00a0 b\tc\n\nd e', 99)).toBe('a b c d e');
  });

  test('never leaves half a surrogate pair', () => {
    expect(truncate('ab😀', 3)).toBe('ab');
    expect(cleanText('x\ud800y', 9)).toBe('xy');
  });
});

describe('counts', () => {
  test.each([
    ['-', 0],
    ['0', 0],
    ['110', 110],
    ['104k', 104_000],
    ['1.2M', 1_200_000],
    ['1,234', 1234],
    ['2.5K', 2500],
  ])('parseCount(%j) = %d', (text, count) => expect(parseCount(text)).toBe(count));

  test.each(['', 'abc', '1,23', '12 34', '-5', 'NaN', '1e5', '9999999999999'])(
    'parseCount(%j) is undefined',
    (text) => expect(parseCount(text)).toBeUndefined(),
  );

  test('toCount accepts numbers and printed counts within the protocol cap', () => {
    expect(toCount(12)).toBe(12);
    expect(toCount(2.6)).toBe(3);
    expect(toCount('104k')).toBe(104_000);
    expect(toCount(-1)).toBeUndefined();
    expect(toCount(Infinity)).toBeUndefined();
    expect(toCount(2e12)).toBeUndefined();
    expect(toCount(null)).toBeUndefined();
  });

  test('lastCount reads the number at the end of a control', () => {
    expect(lastCount('Upvote 13')).toBe(13);
    expect(lastCount('GitHub 104k')).toBe(104_000);
    expect(lastCount(' 2')).toBe(2);
    expect(lastCount('GitHub')).toBeUndefined();
    expect(lastCount(null)).toBeUndefined();
  });
});

describe('safeUrl', () => {
  test('keeps http(s), resolves relative, drops other schemes and overlong URLs', () => {
    expect(safeUrl('https://github.com/pytorch/pytorch', base, 99)).toBe(
      'https://github.com/pytorch/pytorch',
    );
    expect(safeUrl('/avatars/x.svg', base, 99)).toBe('https://huggingface.co/avatars/x.svg');
    expect(safeUrl('javascript:alert(1)', base, 99)).toBeUndefined();
    expect(safeUrl('data:text/html,x', base, 99)).toBeUndefined();
    expect(safeUrl('http://[bad', base, 99)).toBeUndefined();
    expect(safeUrl('https://a.example/' + 'x'.repeat(100), base, 50)).toBeUndefined();
    expect(safeUrl('', base, 99)).toBeUndefined();
  });

  test("gives the URL parser's answer for any string, plain URLs included", () => {
    const pieces = [
      'https://',
      'http://',
      'HTTPS://',
      'javascript:',
      'github.com',
      'cdn-thumbnails.huggingface.co',
      'a',
      'Z',
      '0',
      '-',
      '.',
      '..',
      '/',
      '//',
      '\\',
      '?',
      '#',
      '%',
      '%41',
      '%2e',
      ':',
      ':443',
      '@',
      'user@',
      'xn--',
      'xn--a',
      '~',
      "'",
      '"',
      '<',
      ' ',
      '\t',
      '0x7f',
      '127.0.0.1',
      '[::1]',
      'é',
      '!',
      '$&()*+,;=',
      '/./',
      '/../',
      '.png',
    ];
    const url = fc.array(fc.constantFrom(...pieces), { maxLength: 10 }).map((p) => p.join(''));
    const plain = fc
      .tuple(
        fc.constantFrom('https://', 'http://'),
        fc.array(fc.constantFrom('a', 'z9', 'b-c', 'xn--d', 'A', '0x1', '1'), {
          minLength: 1,
          maxLength: 3,
        }),
        fc.array(
          fc.constantFrom(
            '/',
            'x',
            '.',
            '..',
            '?',
            '#',
            '~',
            '@',
            ':',
            '%20',
            '<',
            '"',
            "'",
            ' ',
            '`',
            '{',
            '\\',
            '|',
            '^',
          ),
          {
            maxLength: 8,
          },
        ),
      )
      .map(([scheme, labels, path]) => `${scheme}${labels.join('.')}/${path.join('')}`);
    fc.assert(
      fc.property(fc.oneof(url, plain), (text) => {
        let parsed: string | undefined;
        try {
          const href = text.trim() === '' ? '' : new URL(text.trim(), base).href;
          parsed = /^https?:/.test(href) && href.length <= 60 ? href : undefined;
        } catch {
          parsed = undefined;
        }
        expect(safeUrl(text, base, 60)).toBe(parsed);
      }),
      { numRuns: 3000 },
    );
  });
});

test('cleanDate keeps ISO dates only', () => {
  expect(cleanDate('2026-09-25T00:00:00.000Z')).toBe('2026-09-25T00:00:00.000Z');
  expect(cleanDate('Jun 28, 2020')).toBeUndefined();
  expect(cleanDate('2026-99-99')).toBeUndefined();
  expect(cleanDate(`2026-09-25${' '.repeat(80)}`)).toBeUndefined();
});
