// @vitest-environment happy-dom
/**
 * Property-based fuzzing of parsePage over mutated real pages. The big daily page is parsed
 * once; each run mutates a small page made of some of its real cards and JSON entries, parses
 * it, and undoes the mutations (cloning whole pages per run would cost seconds).
 */
import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { PAGE_KINDS, isArxivId } from '../model/paper';
import { LIMITS, PaperInfoSchema } from '../messages/protocol';
import { parsePage, type ParsedPage } from './parse-page';
import { dailyPapersProps } from './selectors';
import { DAILY, loadFixture, parseHtml, TRENDING } from './test-fixtures';

/** What every parse must satisfy, whatever the input. */
function expectSound(parsed: ParsedPage): void {
  expect(PAGE_KINDS).toContain(parsed.kind);
  expect(['json', 'dom', 'none']).toContain(parsed.source);
  expect(Number.isInteger(parsed.skipped) && parsed.skipped >= 0).toBe(true);
  expect(parsed.papers.length).toBeLessThanOrEqual(LIMITS.papersPerReport);
  expect(new Set(parsed.papers.map((p) => p.id)).size).toBe(parsed.papers.length);
  for (const paper of parsed.papers) {
    expect(isArxivId(paper.id)).toBe(true);
    expect(paper.title.trim()).not.toBe('');
    // Every LIMITS cap, every type, no unknown key.
    expect(v.safeParse(PaperInfoSchema, paper).issues).toBeUndefined();
  }
  for (const warning of parsed.warnings) expect(typeof warning).toBe('string');
}

// The small page: real cards of each kind (organization + stars, video + avatars, avatars,
// "-" upvotes, the trending double layout) inside the real JSON holder, with their entries.
const daily = loadFixture(DAILY);
const realJson = JSON.parse(
  daily.querySelector(dailyPapersProps)?.getAttribute('data-props') ?? '',
);
const picked = [0, 3, 18, 26];
const page = parseHtml('<!DOCTYPE html><html><head></head><body></body></html>');
const holder = page.importNode(daily.querySelector(dailyPapersProps) as Element, false);
const articles = daily.querySelectorAll('article');
for (const i of picked) holder.append(page.importNode(articles[i] as Element, true));
holder.append(page.importNode(loadFixture(TRENDING).querySelector('article') as Element, true));
page.body.append(holder);
const baseJson = { ...realJson, dailyPapers: picked.map((i) => realJson.dailyPapers[i]) };
const baseProps = JSON.stringify(baseJson);
holder.setAttribute('data-props', baseProps);

const urls = [
  'https://huggingface.co/papers',
  'https://huggingface.co/papers/trending',
  'https://huggingface.co/papers?q=x',
  'https://huggingface.co/papers/2609.31620',
  'https://huggingface.co/papers/not-a-page',
  'https://example.com/',
];

const strings = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '/papers/2609.31620',
    '/papers/2609.31620#community',
    '/papers/2609.99999',
    '/papers/trending',
    'javascript:alert(1)',
    'https://github.com/x/y',
    '-',
    '104k',
    '1,234',
    '1e309',
    '&#39;&#xD800;',
    'checkbox',
    'flex-row-reverse',
    '{"dailyPapers":[{"paper":{"id":"2609.31620"}}]}',
  ),
  // Around the title cap (LIMITS.title = 1000), ending in an emoji that a cut could split.
  fc.integer({ min: 330, max: 370 }).map((n) => `${'Ab '.repeat(n)}😀`),
);

const op = fc.oneof(
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('shuffle' as const), at: fc.nat(), seed: fc.nat() }),
  fc.record({
    kind: fc.constant('attr' as const),
    at: fc.nat(),
    name: fc.constantFrom('href', 'title', 'role', 'src', 'alt', 'class', 'decoding', 'data-props'),
    value: strings,
  }),
  fc.record({ kind: fc.constant('text' as const), at: fc.nat(), value: strings }),
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

/** Applies one mutation to the small page and returns how to undo it. */
function apply(mutation: Op): () => void {
  const elements = [holder, ...holder.querySelectorAll('*')];
  const el = elements[mutation.at % elements.length] as Element;
  switch (mutation.kind) {
    case 'remove': {
      const [parent, next] = [el.parentNode, el.nextSibling];
      el.remove();
      return () => parent?.insertBefore(el, next);
    }
    case 'duplicate': {
      const copy = el.cloneNode(true) as Element;
      el.after(copy);
      return () => copy.remove();
    }
    case 'shuffle': {
      const children = [...el.children];
      let seed = mutation.seed;
      const shuffled = children
        .map((child) => ({ child, key: (seed = (seed * 1103515245 + 12345) % 2 ** 31) }))
        .sort((a, b) => a.key - b.key);
      el.append(...shuffled.map((s) => s.child));
      return () => el.append(...children);
    }
    case 'attr': {
      const old = el.getAttribute(mutation.name);
      el.setAttribute(mutation.name, mutation.value);
      return () =>
        old === null ? el.removeAttribute(mutation.name) : el.setAttribute(mutation.name, old);
    }
    case 'text': {
      const old = [...el.childNodes];
      el.replaceChildren(page.createTextNode(mutation.value));
      return () => el.replaceChildren(...old);
    }
  }
}

/** Every [container, key] of a JSON value, depth first. */
function slots(value: unknown, out: [Record<string, unknown>, string][] = []) {
  if (typeof value === 'object' && value !== null) {
    for (const key of Object.keys(value)) {
      out.push([value as Record<string, unknown>, key]);
      slots((value as Record<string, unknown>)[key], out);
    }
  }
  return out;
}

const DELETE = Symbol('delete');
const jsonEdit = fc.tuple(fc.nat(), fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constant(DELETE)));

function mutatedProps(edits: [number, unknown][]): string {
  const json = structuredClone(baseJson);
  for (const [at, value] of edits) {
    const all = slots(json);
    const [container, key] = all[at % all.length] ?? [json, 'dailyPapers'];
    if (value === DELETE) delete container[key];
    else container[key] = value;
  }
  return JSON.stringify(json);
}

function parseMutated(url: string, undo: (() => void)[]): ParsedPage {
  try {
    return parsePage(page, new URL(url));
  } finally {
    for (const restore of undo.reverse()) restore();
  }
}

// About 8 s in all on 2 cores; each property gets room beyond vitest's default 5 s.
describe('parsePage never breaks its promises', { timeout: 20_000 }, () => {
  test('mutated cards and JSON values (small real page)', () => {
    const elementCount = page.querySelectorAll('*').length;
    // Half the runs without usable JSON, so that the DOM fallback meets the mutations too.
    const json = fc.oneof(
      { arbitrary: fc.array(jsonEdit, { maxLength: 4 }).map(mutatedProps), weight: 2 },
      fc.constant(null),
      fc.constant('{"dailyPapers": ['),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...urls),
        json,
        fc.array(op, { maxLength: 6 }),
        (url, props, ops) => {
          if (props === null) holder.removeAttribute('data-props');
          else holder.setAttribute('data-props', props);
          const undo = [() => holder.setAttribute('data-props', baseProps), ...ops.map(apply)];
          expectSound(parseMutated(url, undo));
        },
      ),
      { numRuns: 800 },
    );
    // The undo left the page as it was.
    expect(page.querySelectorAll('*').length).toBe(elementCount);
    expect(parsePage(page, new URL(urls[0] ?? '')).papers).toHaveLength(5);
  });

  test('random JSON in data-props', () => {
    const paper = fc.record(
      {
        id: fc.oneof(
          fc.constantFrom('2609.31620', '2006.15704', '2601.00001'),
          fc.string(),
          fc.jsonValue(),
        ),
        title: fc.oneof(strings, fc.jsonValue()),
        summary: fc.oneof(strings, fc.constant('s'.repeat(LIMITS.summary + 5))),
        authors: fc.oneof(
          fc.array(fc.oneof(fc.record({ name: strings, hidden: fc.boolean() }), fc.jsonValue())),
          fc.jsonValue(),
        ),
        upvotes: fc.oneof(fc.integer(), fc.double(), strings),
        githubStars: fc.oneof(fc.double(), strings),
        githubRepo: strings,
        projectPage: strings,
        organization: fc.oneof(fc.record({ name: strings, fullname: strings }), fc.jsonValue()),
        publishedAt: fc.oneof(
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
          strings,
        ),
      },
      { requiredKeys: [] },
    );
    const entry = fc.oneof(
      fc.record({ paper, thumbnail: strings, numComments: fc.jsonValue() }, { requiredKeys: [] }),
      paper,
      fc.jsonValue(),
    );
    const props = fc.oneof(
      fc.jsonValue().map((value) => JSON.stringify(value)),
      fc.string({ unit: 'binary' }),
      fc
        .record(
          {
            dailyPapers: fc.array(entry, { maxLength: 8 }),
            searchResults: fc.array(entry, { maxLength: 8 }),
          },
          { requiredKeys: [] },
        )
        .map((value) => JSON.stringify(value)),
    );
    fc.assert(
      fc.property(fc.constantFrom(...urls), props, (url, text) => {
        holder.setAttribute('data-props', text);
        expectSound(parseMutated(url, [() => holder.setAttribute('data-props', baseProps)]));
      }),
      { numRuns: 1200 },
    );
  });

  test('the whole real daily page with JSON values replaced', () => {
    const real = daily.querySelector(dailyPapersProps) as Element;
    const original = real.getAttribute('data-props') ?? '';
    const json = JSON.parse(original);
    const all = slots(json).length;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: all - 1 }), fc.jsonValue({ maxDepth: 2 })), {
          minLength: 1,
          maxLength: 3,
        }),
        (edits) => {
          const copy = structuredClone(json);
          for (const [at, value] of edits) {
            const [container, key] = slots(copy)[at] ?? [copy, 'dailyPapers'];
            container[key] = value;
          }
          real.setAttribute('data-props', JSON.stringify(copy));
          try {
            const parsed = parsePage(daily, new URL('https://huggingface.co/papers'));
            expectSound(parsed);
            // Every card still recognised, from the JSON or the DOM.
            expect(parsed.papers.length).toBeGreaterThanOrEqual(28);
          } finally {
            real.setAttribute('data-props', original);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
