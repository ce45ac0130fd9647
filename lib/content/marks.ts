/**
 * The marks Papers Radar leaves on the page. A contract (design.md, "Contract of the marks"):
 * the end-to-end tests and the injected styles rely on these exact names.
 */
export const MARK = {
  kind: 'data-papers-radar-kind',
  count: 'data-papers-radar-count',
  id: 'data-papers-radar-id',
  state: 'data-papers-radar-state',
  starred: 'data-papers-radar-starred',
  hidden: 'data-papers-radar-hidden',
  ui: 'data-papers-radar-ui',
} as const;

/** Values of `data-papers-radar-ui`, one per kind of injected element. */
export const UI = {
  badges: 'badges',
  hiddenStrip: 'hidden-strip',
} as const;
