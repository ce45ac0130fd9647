// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { PaperState } from '../model/paper';
import { decorateCard } from './decorate-card';
import { MARK, UI } from './marks';

const NOW = Date.UTC(2026, 9, 1);
const DAY = 24 * 3600_000;
const actions = { onUndoHide: vi.fn() };

function state(id: string, extra: Partial<PaperState> = {}): PaperState {
  return { id, state: 'new', starred: false, hidden: false, firstSeenAt: NOW, ...extra };
}

function page(ids: string[]): HTMLElement[] {
  const cards = ids.map((id) => {
    const card = document.createElement('article');
    card.append(Object.assign(document.createElement('h3'), { textContent: id }));
    return card;
  });
  document.body.replaceChildren(...cards);
  return cards;
}

const badgesOf = (card: HTMLElement) =>
  [...card.querySelectorAll(`[${MARK.ui}="${UI.badges}"] > span`)].map((el) => [
    el.getAttribute(MARK.ui),
    el.textContent,
  ]);

describe('decorateCard: badge rows copied from rows built before', () => {
  it('gives each card a row of its own: changing one card leaves the others as they were', () => {
    const cards = page(['2601.00001', '2601.00002', '2601.00003']);
    cards.forEach((card, i) => decorateCard(card, state(`2601.0000${i + 1}`), 'T', NOW, actions));
    decorateCard(cards[1]!, state('2601.00002', { starred: true }), 'T', NOW, actions);

    expect(badgesOf(cards[0]!)).toEqual([['new', 'NEW']]);
    expect(badgesOf(cards[1]!)).toEqual([
      ['new', 'NEW'],
      ['star', '★ Starred'],
    ]);
    expect(badgesOf(cards[2]!)).toEqual([['new', 'NEW']]);
    const rows = cards.map((card) => card.querySelector(`[${MARK.ui}="${UI.badges}"]`));
    expect(new Set(rows).size).toBe(3);
    cards.forEach((card) =>
      expect(card.querySelectorAll(`[${MARK.ui}="${UI.badges}"]`)).toHaveLength(1),
    );
  });

  it('writes each card its own "seen" age, however many ages a long visit shows', () => {
    const ids = Array.from({ length: 100 }, (_, i) => `2601.${String(10000 + i)}`);
    const cards = page(ids);
    cards.forEach((card, i) =>
      decorateCard(
        card,
        state(ids[i]!, { state: 'seen', firstSeenAt: NOW - i * DAY }),
        'T',
        NOW,
        actions,
      ),
    );
    expect(badgesOf(cards[0]!)).toEqual([['seen', 'seen just now']]);
    expect(badgesOf(cards[3]!)).toEqual([['seen', 'seen 3 d ago']]);
    expect(badgesOf(cards[99]!)).toEqual([['seen', 'seen 3 mo ago']]);
    decorateCard(cards[3]!, state(ids[3]!), 'T', NOW, actions);
    expect(badgesOf(cards[3]!)).toEqual([['new', 'NEW']]);
    expect(badgesOf(cards[4]!)).toEqual([['seen', 'seen 4 d ago']]);
  });
});
