// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { makePaper, NOW } from '../lib/popup/fake-popup-api';
import { listedTitles, renderPopup, rowOf } from './testing/render-popup';

afterEach(cleanup);

const papers = [
  makePaper('2509.00001', { title: 'Alpha', state: 'new', firstSeenAt: NOW - 1000 }),
  makePaper('2509.00002', { title: 'Beta', state: 'new', firstSeenAt: NOW - 2000 }),
  makePaper('2509.00003', { title: 'Gamma', state: 'new', firstSeenAt: NOW - 3000 }),
  makePaper('2509.00004', { title: 'Delta', hiddenAt: NOW }),
];

const button = (title: string, name: string) => within(rowOf(title)).getByRole('button', { name });

describe('starring', () => {
  it('shows the star at once, then keeps what the background confirms', async () => {
    const { fake } = renderPopup({ papers });
    await screen.findByRole('link', { name: 'Beta' });
    fireEvent.click(button('Beta', 'Star'));
    // Before the reply: already pressed.
    expect(button('Beta', 'Unstar').getAttribute('aria-pressed')).toBe('true');
    expect(fake.calls.at(-1)).toEqual({
      type: 'setStarred',
      data: { id: '2509.00002', starred: true },
    });
    expect(await screen.findByRole('tab', { name: 'Starred 1' })).toBeTruthy();
    expect(button('Beta', 'Unstar').getAttribute('aria-pressed')).toBe('true');
    expect(fake.library.get('2509.00002')?.starredAt).toBe(NOW);
  });

  it('rolls back and says why when the background refuses', async () => {
    const { fake } = renderPopup({ papers });
    await screen.findByRole('link', { name: 'Beta' });
    fake.failNext('setStarred', 'QuotaExceededError: the disk is full');
    fireEvent.click(button('Beta', 'Star'));
    expect(button('Beta', 'Unstar').getAttribute('aria-pressed')).toBe('true');

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Could not star "Beta": QuotaExceededError: the disk is full');
    expect(button('Beta', 'Star').getAttribute('aria-pressed')).toBe('false');
  });
});

describe('hiding', () => {
  it('removes the row at once, with an Undo that puts it back in place', async () => {
    const { fake } = renderPopup({ papers });
    await screen.findByRole('link', { name: 'Beta' });
    fireEvent.click(button('Beta', 'Hide'));
    expect(listedTitles()).toEqual(['Alpha', 'Gamma']);
    expect(screen.getByText('Hidden:').textContent).toBe('Hidden: Beta');
    // The keyboard focus lands on Undo rather than being lost with the row.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByRole('tab', { name: 'Hidden 2' })).toBeTruthy();
    expect(fake.library.get('2509.00002')?.hiddenAt).toBe(NOW);

    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(listedTitles()).toEqual(['Alpha', 'Beta', 'Gamma']);
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
    expect(await screen.findByRole('tab', { name: 'Hidden 1' })).toBeTruthy();
    expect(fake.library.get('2509.00002')?.hiddenAt).toBeUndefined();
  });

  it('puts the row back and says why when hiding fails', async () => {
    const { fake } = renderPopup({ papers });
    await screen.findByRole('link', { name: 'Gamma' });
    fake.failNext('setHidden', 'Storage is blocked by an upgrade');
    fireEvent.click(button('Gamma', 'Hide'));
    expect(listedTitles()).toEqual(['Alpha', 'Beta']);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Could not hide "Gamma": Storage is blocked by an upgrade');
    expect(listedTitles()).toEqual(['Alpha', 'Beta', 'Gamma']);
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  });

  it('unhiding in Hidden removes the paper from that list', async () => {
    renderPopup({ papers });
    await screen.findByRole('link', { name: 'Alpha' });
    fireEvent.click(screen.getByRole('tab', { name: /^Hidden/ }));
    await screen.findByRole('link', { name: 'Delta' });
    expect(rowOf('Delta').className).toContain('is-hidden');

    fireEvent.click(button('Delta', 'Unhide'));
    expect(listedTitles()).toEqual([]);
    expect(screen.getByText('Unhidden:').textContent).toBe('Unhidden: Delta');
    expect(await screen.findByRole('tab', { name: 'Hidden 0' })).toBeTruthy();
  });

  it('follows changes made in another window', async () => {
    const { fake } = renderPopup({ papers });
    await screen.findByRole('link', { name: 'Alpha' });
    const state = { state: 'new' as const, firstSeenAt: NOW - 1000 };
    fake.emitStatesChanged([
      { id: '2509.00001', starred: true, hidden: false, ...state },
      { id: '2509.00003', starred: false, hidden: true, ...state },
    ]);
    expect(await screen.findByRole('button', { name: 'Unstar' })).toBeTruthy();
    expect(listedTitles()).toEqual(['Alpha', 'Beta']);
  });
});
