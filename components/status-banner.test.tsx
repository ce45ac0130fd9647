// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { TabPage } from '../lib/messages/protocol';
import { makePaper } from '../lib/popup/fake-popup-api';
import { renderPopup } from './testing/render-popup';

afterEach(cleanup);

const tab = (overrides: Partial<TabPage>): TabPage => ({
  url: 'https://huggingface.co/papers/trending',
  kind: 'trending',
  count: 0,
  newCount: 0,
  ids: [],
  ...overrides,
});
const papers = [makePaper('2509.00001')];
const NOT_RECOGNISED = /This page's layout was not recognised/;

describe('the status banner', () => {
  it('says when a papers page was not recognised', async () => {
    renderPopup({ papers, tab: tab({ kind: 'daily', count: 0 }) });
    expect((await screen.findByText(NOT_RECOGNISED)).getAttribute('role')).toBe('status');
  });

  it('says so too for a papers URL whose kind is unknown', async () => {
    renderPopup({ papers, tab: tab({ kind: 'unknown', url: 'https://huggingface.co/papers/x' }) });
    expect(await screen.findByText(NOT_RECOGNISED)).toBeTruthy();
  });

  it('stays quiet for other pages and for recognised ones', async () => {
    renderPopup({ papers, tab: tab({ kind: 'unknown', url: 'https://huggingface.co/models' }) });
    await screen.findByRole('tab', { name: 'All 1' });
    expect(screen.queryByText(NOT_RECOGNISED)).toBeNull();
    cleanup();

    renderPopup({ papers, tab: tab({ count: 30, newCount: 4 }) });
    expect(await screen.findByText('This page: 30 papers, 4 new')).toBeTruthy();
    expect(screen.queryByText(NOT_RECOGNISED)).toBeNull();
  });

  it('shows a storage error', async () => {
    renderPopup({ papers, storageError: 'QuotaExceededError: storage is full' });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Storage error: QuotaExceededError: storage is full');
  });
});
