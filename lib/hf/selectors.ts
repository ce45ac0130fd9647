/**
 * Every CSS selector the parser uses, each followed (`name_`) by what it matches in the saved
 * pages of ../shared/fixtures/hf. selectors.test.ts fails for a selector without expectations and
 * checks each one on the real file. Counts are over the whole document unless `within: 'article'`
 * (summed over the `<article>` cards). Hrefs, roles, data-* and element names only, except where
 * noted: Tailwind class strings change with every redesign.
 */
export interface SelectorExpectation {
  fixture: string;
  count: number;
  within?: 'article';
}

const DAILY = 'daily-2026-09-28.html';
const PAPER = 'paper-2509.24002.html';
const TRENDING = 'trending-card-fragment-2026-10.html';

/** The list pages' embedded JSON (design.md, "Page kinds"). */
export const dailyPapersProps = '[data-target="DailyPapers"][data-props]';
export const dailyPapersProps_: SelectorExpectation[] = [
  { fixture: DAILY, count: 1 },
  { fixture: PAPER, count: 0 },
  // The fragment keeps the card only, not the wrapper that holds the JSON.
  { fixture: TRENDING, count: 0 },
];

/** The paper page's embedded JSON. */
export const paperContentProps = '[data-target="PaperContent"][data-props]';
export const paperContentProps_: SelectorExpectation[] = [
  { fixture: PAPER, count: 1 },
  { fixture: DAILY, count: 0 },
];

/** A paper card; only articles holding a paper link count (find-cards.ts). */
export const card = 'article';
export const card_: SelectorExpectation[] = [
  { fixture: DAILY, count: 28 },
  { fixture: TRENDING, count: 1 },
  // Collection cards ("AI-paper", 260 items): no paper link, so never taken for paper cards.
  { fixture: PAPER, count: 3 },
];

/** The card's title link: its href names the paper. Trending lays the card out twice. */
export const cardTitleLink = 'h3 a[href^="/papers/"]';
export const cardTitleLink_: SelectorExpectation[] = [
  { fixture: DAILY, count: 28 },
  { fixture: TRENDING, count: 2 },
  { fixture: PAPER, count: 0 },
];

/** Any link to a paper: thumbnail, title, authors, GitHub stars (daily) and comments. */
export const paperLink = 'a[href^="/papers/"]';
export const paperLink_: SelectorExpectation[] = [
  { fixture: DAILY, count: 106, within: 'article' },
  { fixture: TRENDING, count: 4, within: 'article' },
];

/** The upvote control; its last word is the count ("110", "Upvote 13", "-" for zero). */
export const upvoteControl = '[role="checkbox"]';
export const upvoteControl_: SelectorExpectation[] = [
  { fixture: DAILY, count: 28 },
  { fixture: TRENDING, count: 2 },
];

/** Author avatars: the title is the name, or the user name for claimed authors ("parohod"). */
export const authorAvatar = 'li[title]';
export const authorAvatar_: SelectorExpectation[] = [
  // 9 cards without an organization chip show up to 5 avatars each.
  { fixture: DAILY, count: 34, within: 'article' },
  { fixture: TRENDING, count: 10, within: 'article' },
];

/**
 * An avatar list drawn right to left: its DOM order is the reverse of the authors' order (JSON
 * of 2609.31002: Siqiao Xue, Shuxuan Liu, Ning Hu; DOM: Ning Hu, Shuxuan Liu, Siqiao Xue). A
 * class, for want of anything else: without it the DOM order is taken as is.
 */
export const reversedAuthorList = 'ul.flex-row-reverse';
export const reversedAuthorList_: SelectorExpectation[] = [
  { fixture: DAILY, count: 9, within: 'article' },
  { fixture: TRENDING, count: 2, within: 'article' },
];

/** The comments link; absent when a paper has no comments (3 cards of the daily page). */
export const commentsLink = 'a[href$="#community"]';
export const commentsLink_: SelectorExpectation[] = [
  { fixture: DAILY, count: 25, within: 'article' },
  { fixture: TRENDING, count: 0 },
];

/** The organization chip's logo: alt is the handle, the link's text the full name. */
export const organizationLogo = 'a[href^="/"] > img[alt]:not([alt=""])';
export const organizationLogo_: SelectorExpectation[] = [
  { fixture: DAILY, count: 19, within: 'article' },
  { fixture: TRENDING, count: 0 },
];

/** The trending card's GitHub button, with the stars ("104k"). */
export const githubLink = 'a[href^="https://github.com/"]';
export const githubLink_: SelectorExpectation[] = [
  { fixture: TRENDING, count: 2, within: 'article' },
  { fixture: DAILY, count: 0, within: 'article' },
];

/** The card's text: the one-sentence AI summary on trending; daily cards have none. */
export const cardText = 'p';
export const cardText_: SelectorExpectation[] = [
  { fixture: TRENDING, count: 2, within: 'article' },
  { fixture: DAILY, count: 0, within: 'article' },
];

/** The thumbnail (or image preview) inside the card's first paper link; video cards have none. */
export const thumbnailImage = 'img[src][decoding="async"]';
export const thumbnailImage_: SelectorExpectation[] = [
  // 28 cards less 3 with a <video> preview.
  { fixture: DAILY, count: 25, within: 'article' },
  { fixture: TRENDING, count: 2, within: 'article' },
];

/** The paper page's title. */
export const paperTitle = 'h1';
export const paperTitle_: SelectorExpectation[] = [{ fixture: PAPER, count: 1 }];

/** Where a saved page says which URL it is (scripts/parse.ts). */
export const ogUrl = 'meta[property="og:url"][content]';
export const ogUrl_: SelectorExpectation[] = [
  { fixture: DAILY, count: 1 },
  { fixture: PAPER, count: 1 },
  { fixture: TRENDING, count: 0 },
];

export const canonicalLink = 'link[rel="canonical"][href]';
export const canonicalLink_: SelectorExpectation[] = [
  { fixture: PAPER, count: 1 },
  { fixture: DAILY, count: 0 },
];
