/**
 * Cleanup of page-derived values before they leave the parser. Every string is capped to the
 * protocol's LIMITS here, so the parser's output always validates against `PaperInfoSchema`.
 */

/** Largest count the protocol accepts (`count` in lib/messages/protocol.ts). */
export const MAX_COUNT = 1e12;

// The entities that survive as literal text in the saved pages: daily-2026-09-28.html has the
// author "Christopher D&#39;Mello" in its (already un-escaped) JSON.
const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};
const ENTITY = /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z]+));/gi;

export function decodeEntities(text: string): string {
  // Most text has no entity: no regular expression run over a whole abstract for nothing.
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, dec?: string, hex?: string, name?: string) => {
    if (name !== undefined) return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
    const code = dec !== undefined ? Number(dec) : parseInt(hex ?? '', 16);
    // Lone surrogates and out-of-range code points would make an invalid string.
    const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
    return valid ? String.fromCodePoint(code) : whole;
  });
}

/**
 * Cuts a string to at most `max` UTF-16 units (what valibot's maxLength counts) without leaving
 * half of a surrogate pair at the end.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

/**
 * Whitespace runs other than a lone space. Replacing them with a space collapses every run as
 * `/\s+/g` did, but without matching and copying each of the ~250 single spaces of an abstract:
 * with `/\s+/g`, building the papers took 51 of the content script's ~100 ms parse of the
 * 50-card bench page, 11 ms without (instrumented build, loaded 2-core machine, 2026-11-23).
 */
const WHITESPACE_RUN = /\s{2,}|[^\S ]/g;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * One line of text: entities decoded, whitespace runs (including the newline inside the title
 * "MCPMark: … MCP\n  Use" of paper-2509.24002.html) collapsed, trimmed, capped. Empty → undefined.
 */
export function cleanText(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string') return undefined;
  const decoded = decodeEntities(value);
  // Lone surrogates come from fuzzed or broken input; they are not text. `isWellFormed` (Chrome
  // 111, Firefox 119) answers natively for the usual well-formed string.
  // Optional call: older Firefox versions lack it and then take the regular expression.
  const wellFormed = decoded.isWellFormed?.() ? decoded : decoded.replace(LONE_SURROGATE, '');
  const text = wellFormed.replace(WHITESPACE_RUN, ' ').trim();
  const capped = truncate(text, max).trim();
  return capped === '' ? undefined : capped;
}

const COUNT_TEXT = /^(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*([km])?$/i;

/**
 * A count as the pages print it: "-" is zero (upvotes in daily-2026-09-28.html), "104k" (GitHub
 * stars in trending-card-fragment-2026-10.html), "1.2M", "1,234". Anything else → undefined.
 */
export function parseCount(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '-') return 0;
  const match = COUNT_TEXT.exec(trimmed);
  if (!match?.[1]) return undefined;
  const scale = { k: 1e3, m: 1e6 }[match[2]?.toLowerCase() ?? ''] ?? 1;
  return toCount(Number(match[1].replace(/,/g, '')) * scale);
}

/** A JSON count (number or printed text) as a non-negative integer within the protocol's cap. */
export function toCount(value: unknown): number | undefined {
  if (typeof value === 'string') return parseCount(value);
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return undefined;
  const rounded = Math.round(value);
  return rounded <= MAX_COUNT ? rounded : undefined;
}

/** The last count printed in a control's text, e.g. "Upvote 13" → 13, "110" → 110, "-" → 0. */
export function lastCount(text: string | null | undefined): number | undefined {
  const tokens = (text ?? '').trim().split(/\s+/);
  return parseCount(tokens[tokens.length - 1] ?? '');
}

/**
 * An absolute http(s) URL, resolved against the page, or undefined: `javascript:` and other
 * schemes are dropped, and so are URLs too long to store whole (a cut URL is a wrong URL).
 */
export function safeUrl(value: unknown, base: URL, max: number): string | undefined {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') return undefined;
  if (isPlainUrl(text)) return text.length <= max ? text : undefined;
  try {
    // An absolute URL is parsed alone: with a base, the base is parsed again on every call (8 of
    // the 19 ms of building the papers of a 500-card page, CPU profile, Chromium 150).
    const url = /^https?:\/\//i.test(text) ? new URL(text) : new URL(text, base);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    return url.href.length <= max ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * An http(s) URL that the URL parser would give back unchanged: lowercase scheme and host (no
 * port, no credentials, no punycode, a name rather than an IP address), then a path, query and
 * fragment of characters that no parser escapes or rewrites. The site's thumbnails and GitHub
 * links are all like this. Parsing each with `new URL` in the content script took 9 % of a
 * 500-card page (CPU profile, 2026-11-24); the property test in normalize.test.ts holds this check
 * to `new URL(text).href === text`.
 */
const PLAIN_URL =
  /^https?:\/\/(?:[a-z0-9][a-z0-9-]*\.)*[a-z][a-z0-9-]*\/[A-Za-z0-9\-._~!$&()*+,;=:@/?#]*$/;
/**
 * Path segments "." and ".." are resolved away, and "xn--" labels are checked. No "%" at all:
 * Chrome's parser unescapes some escapes in paths (`%41` → `A`), which the standard keeps.
 */
const REWRITTEN = /\/\.{1,2}(?:[/?#]|$)|xn--/i;

function isPlainUrl(text: string): boolean {
  return PLAIN_URL.test(text) && !REWRITTEN.test(text);
}

/** An ISO 8601 date-time that Date can read, within the protocol's 64 characters. */
export function cleanDate(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 64) return undefined;
  return /^\d{4}-\d{2}-\d{2}/.test(value) && Number.isFinite(Date.parse(value)) ? value : undefined;
}
