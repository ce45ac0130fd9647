/**
 * The synthetic library, as plain JavaScript source. The service-worker helpers and the baseline
 * page both splice it in: code that runs in the browser goes in as strings, because tsx's
 * keepNames would wrap serialised named functions in a `__name` helper that does not exist there.
 *
 * Defines `idFor(i)` (arXiv-style ids with the prefix 23, unique for i < 1.2M; the seed pages'
 * ids start with 24, the bench's generated pages use 25 and 22) and `recordFor(i, seeds)`: a
 * realistic stored record (seed title and abstract, three authors, organisation, counts, dates).
 */
export const RECORDS_JS = String.raw`
  const pad = (n, w) => String(n).padStart(w, '0');
  const idFor = (i) => '23' + pad(1 + (i % 12), 2) + '.' + pad(Math.floor(i / 12), 5);
  const BASE = Date.UTC(2025, 0, 1);
  const recordFor = (i, seeds) => {
    const s = seeds[i % seeds.length];
    return {
      id: idFor(i), title: s.title + ' #' + i, summary: s.summary,
      authors: ['Ada Lovelace', 'Alan Turing', 'Grace Hopper'], organization: 'Example Lab',
      upvotes: i % 300, numComments: i % 7, publishedAt: new Date(BASE + i * 60000).toISOString(),
      firstSeenAt: BASE + i * 60000, lastSeenAt: BASE + i * 60000,
    };
  };
`;
