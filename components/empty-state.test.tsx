// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { makePaper } from '../lib/popup/fake-popup-api';
import { renderPopup } from './testing/render-popup';

afterEach(cleanup);

const openView = async (name: RegExp) => {
  fireEvent.click(await screen.findByRole('tab', { name }));
};

describe('empty views', () => {
  it('points to huggingface.co/papers when the library is empty', async () => {
    renderPopup({ papers: [] });
    const hint = await screen.findByText(/to start/);
    expect(hint.textContent).toBe('Open huggingface.co/papers to start.');
    const link = screen.getByRole('link', { name: 'huggingface.co/papers' });
    expect(link.getAttribute('href')).toBe('https://huggingface.co/papers');
  });

  it('says nothing is new in New', async () => {
    renderPopup({ papers: [makePaper('2509.00001')] });
    await screen.findByRole('tab', { name: 'All 1' });
    await openView(/^New/);
    expect(await screen.findByText('Nothing new since your last visit')).toBeTruthy();
    expect(screen.queryByText(/to start/)).toBeNull();
  });

  it('explains how to star in Starred, and what Hidden holds', async () => {
    renderPopup({ papers: [makePaper('2509.00001')] });
    await openView(/^Starred/);
    expect(await screen.findByText('No starred papers yet')).toBeTruthy();
    expect(screen.getByText('Press ☆ Star on a paper to keep it here.')).toBeTruthy();
    await openView(/^Hidden/);
    expect(await screen.findByText('No hidden papers')).toBeTruthy();
  });
});
