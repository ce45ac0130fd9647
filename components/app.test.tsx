// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makePaper, NOW } from '../lib/popup/fake-popup-api';
import { NEW_FALLBACK_NOTICE } from '../lib/popup/model';
import { FIRST_ROWS } from './paper-list';
import { listedTitles, renderPopup, rowOf } from './testing/render-popup';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const library = () => [
  makePaper('2509.00001', { title: 'Fresh diffusion', state: 'new', firstSeenAt: NOW - 60_000 }),
  makePaper('2509.00002', { title: 'Fresh agents', state: 'new', firstSeenAt: NOW - 120_000 }),
  makePaper('2509.00003', { title: 'Old transformers', authors: ['Grace Hopper'] }),
  makePaper('2509.00004', { title: 'Starred scaling', starredAt: NOW }),
  makePaper('2509.00005', { title: 'Hidden hype', hiddenAt: NOW }),
];

describe('the popup', () => {
  it('opens on New, listing exactly the new papers, highlighted', async () => {
    renderPopup({ papers: library() });
    await screen.findByRole('link', { name: 'Fresh diffusion' });
    expect(listedTitles()).toEqual(['Fresh diffusion', 'Fresh agents']);
    // The counts come with the status, asked for once the first page is in.
    await waitFor(() =>
      expect(screen.getByRole('tab', { selected: true })).toHaveProperty('textContent', 'New 2'),
    );
    for (const title of ['Fresh diffusion', 'Fresh agents']) {
      expect(within(rowOf(title)).getByText('NEW')).toBeTruthy();
      expect(rowOf(title).className).toContain('is-new');
    }
  });

  it('shows the counts per view', async () => {
    renderPopup({ papers: library() });
    for (const name of ['New 2', 'Starred 1', 'All 4', 'Hidden 1']) {
      expect(await screen.findByRole('tab', { name })).toBeTruthy();
    }
    expect(screen.getByRole('tab', { name: 'New 2' }).querySelector('.tab-count-new')).toBeTruthy();
    expect(screen.getByText('4 papers · 1 hidden')).toBeTruthy();
  });

  it('switches views by click and by arrow keys', async () => {
    renderPopup({ papers: library() });
    await screen.findByRole('link', { name: 'Fresh diffusion' });

    fireEvent.click(screen.getByRole('tab', { name: /^Starred/ }));
    await screen.findByRole('link', { name: 'Starred scaling' });
    expect(listedTitles()).toEqual(['Starred scaling']);
    expect(screen.getByRole('tab', { name: /^Starred/ }).getAttribute('aria-selected')).toBe(
      'true',
    );

    fireEvent.keyDown(screen.getByRole('tab', { name: /^Starred/ }), { key: 'ArrowRight' });
    await screen.findByRole('link', { name: 'Old transformers' });
    expect(listedTitles()).toHaveLength(4);
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: /^All/ }));

    fireEvent.keyDown(screen.getByRole('tab', { name: /^All/ }), { key: 'End' });
    await screen.findByRole('link', { name: 'Hidden hype' });
    expect(listedTitles()).toEqual(['Hidden hype']);
    expect(within(rowOf('Hidden hype')).getByRole('button', { name: 'Unhide' })).toBeTruthy();
  });

  it('falls back to All, and says so, when nothing is new', async () => {
    renderPopup({ papers: [makePaper('2509.00003', { title: 'Old transformers' })] });
    await screen.findByRole('link', { name: 'Old transformers' });
    expect(screen.getByRole('tab', { selected: true }).textContent).toBe('All 1');
    expect(screen.getByText(NEW_FALLBACK_NOTICE)).toBeTruthy();
  });

  it('links each title to its Hugging Face page in a new tab', async () => {
    renderPopup({ papers: library() });
    const link = await screen.findByRole('link', { name: 'Fresh diffusion' });
    expect(link.getAttribute('href')).toBe('https://huggingface.co/papers/2509.00001');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('pages through a large view with "Show more"', async () => {
    const many = Array.from({ length: 120 }, (_, i) =>
      makePaper(`2509.${String(10000 + i)}`, { title: `Paper ${i}`, firstSeenAt: NOW - i * 1000 }),
    );
    const { fake } = renderPopup({ papers: many });
    await waitFor(() => expect(listedTitles()).toHaveLength(50));

    fireEvent.click(screen.getByRole('button', { name: 'Show more (70 left)' }));
    await waitFor(() => expect(listedTitles()).toHaveLength(100));
    expect(listedTitles()[50]).toBe('Paper 50');

    fireEvent.click(screen.getByRole('button', { name: /Show more/ }));
    await waitFor(() => expect(listedTitles()).toHaveLength(120));
    expect(screen.queryByRole('button', { name: /Show more/ })).toBeNull();
    const offsets = fake
      .listCalls()
      .filter((c) => c.view === 'all')
      .map((c) => c.offset);
    expect(offsets).toEqual([0, 50, 100]);
  });

  it('paints the first rows of a new list first, the rest after that frame; a star keeps them', async () => {
    const many = Array.from({ length: 50 }, (_, i) =>
      makePaper(`2509.${String(10000 + i)}`, { title: `Paper ${i}`, firstSeenAt: NOW - i * 1000 }),
    );
    const frames: FrameRequestCallback[] = [];
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => {
      frames.push(callback);
      return frames.length;
    });
    const { model } = renderPopup({ papers: many });
    await waitFor(() => expect(listedTitles()).toHaveLength(FIRST_ROWS));
    expect(screen.queryByRole('button', { name: /Show more/ })).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(listedTitles()).toHaveLength(FIRST_ROWS); // Not before the frame.
    const list = document.querySelector('.paper-list');
    expect(list?.getAttribute('data-rows-pending')).toBe(String(50 - FIRST_ROWS));
    act(() => frames.splice(0).forEach((frame) => frame(performance.now())));
    await waitFor(() => expect(listedTitles()).toHaveLength(50));
    expect(list?.hasAttribute('data-rows-pending')).toBe(false);
    await act(() => model.toggleStar('2509.10003'));
    expect(listedTitles()).toHaveLength(50);
    // A search's results are a new list: its first rows first again.
    act(() => model.setQuery('paper'));
    await waitFor(() => expect(listedTitles()).toHaveLength(FIRST_ROWS));
  });

  it('reports what the background refuses when loading', async () => {
    renderPopup({ papers: library() }, (fake) =>
      fake.failNext('listPapers', 'The library is being upgraded; close other tabs.'),
    );
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The library is being upgraded; close other tabs.',
    );
  });
});
