// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makePaper } from '../lib/popup/fake-popup-api';
import { SEARCH_DEBOUNCE_MS } from '../lib/popup/model';
import { listedTitles, renderPopup } from './testing/render-popup';

const papers = [
  makePaper('2509.00001', { title: 'Diffusion for video', authors: ['Yann'] }),
  makePaper('2509.00002', { title: 'Agents at scale', authors: ['Fei-Fei Li'] }),
  makePaper('2509.00003', { title: 'Sparse attention', summary: 'We make diffusion faster.' }),
];

/** Lets timers and the replies they release run, inside act() so the popup re-renders. */
const elapse = (ms: number) =>
  act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
const searchBox = () => screen.getByRole('searchbox', { name: /Search papers/ });
const type = (text: string) => fireEvent.input(searchBox(), { target: { value: text } });

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('search', () => {
  it('says what it searches', async () => {
    renderPopup({ papers });
    await elapse(0);
    expect(searchBox().getAttribute('placeholder')).toBe('Search title, authors, summary…');
  });

  it('sends the query once typing pauses and lists the matches', async () => {
    const { fake } = renderPopup({ papers });
    await elapse(0);
    expect(listedTitles()).toHaveLength(3);
    const before = fake.listCalls().length;

    type('d');
    type('di');
    type('diffusion');
    await elapse(SEARCH_DEBOUNCE_MS - 1);
    expect(fake.listCalls()).toHaveLength(before);
    await elapse(1);
    expect(fake.listCalls().slice(before)).toEqual([
      { view: 'all', query: 'diffusion', offset: 0, limit: 50 },
    ]);
    // Title and summary both match.
    expect(listedTitles()).toEqual(['Diffusion for video', 'Sparse attention']);

    type('fei-fei');
    await elapse(SEARCH_DEBOUNCE_MS);
    expect(listedTitles()).toEqual(['Agents at scale']);
  });

  it('never lets a late reply for an older query overwrite a newer one', async () => {
    // The first query's reply is slow, the second's fast: the slow one arrives last.
    const { fake } = renderPopup({
      papers,
      latency: ({ query }) => (query === 'agents' ? 500 : 10),
    });
    await elapse(10);
    type('agents');
    await elapse(SEARCH_DEBOUNCE_MS);
    type('sparse');
    await elapse(SEARCH_DEBOUNCE_MS + 10);
    expect(listedTitles()).toEqual(['Sparse attention']);
    await elapse(1000);
    expect(fake.listCalls().map((call) => call.query)).toContain('agents');
    expect(listedTitles()).toEqual(['Sparse attention']);
  });

  it('says when nothing matches, and Escape clears the search', async () => {
    renderPopup({ papers });
    await elapse(0);
    type('quantum gravity');
    await elapse(SEARCH_DEBOUNCE_MS);
    expect(screen.getByText('No papers match "quantum gravity"')).toBeTruthy();

    fireEvent.keyDown(searchBox(), { key: 'Escape' });
    expect(searchBox()).toHaveProperty('value', '');
    await elapse(SEARCH_DEBOUNCE_MS);
    expect(listedTitles()).toHaveLength(3);
  });
});
