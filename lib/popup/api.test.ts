// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OPENING_PAGE_KEY } from '../messages/protocol';
import type { PaperState } from '../model/paper';
import { createBrowserPopupApi } from './api';
import { startEarlyRead } from './early-read';

const sender = { id: fakeBrowser.runtime.id };

describe('createBrowserPopupApi', () => {
  it('sends typed requests and unwraps the replies', async () => {
    fakeBrowser.runtime.onMessage.addListener(() =>
      Promise.resolve({ ok: true, data: { imported: 4 } }),
    );
    await expect(createBrowserPopupApi().importLibrary({ backup: {} })).resolves.toEqual({
      imported: 4,
    });
  });

  it("turns the background's refusal into an error with its message", async () => {
    fakeBrowser.runtime.onMessage.addListener(() =>
      Promise.resolve({ ok: false, error: 'Storage is full' }),
    );
    await expect(createBrowserPopupApi().getStatus({})).rejects.toThrow('Storage is full');
  });

  it('hears statesChanged, ignores other messages, and answers none', async () => {
    const listener = vi.fn<(states: PaperState[]) => void>();
    const unsubscribe = createBrowserPopupApi().onStatesChanged(listener);
    const states: PaperState[] = [
      { id: '2509.00001', state: 'new', starred: true, hidden: false, firstSeenAt: 1 },
    ];
    const replies = await fakeBrowser.runtime.onMessage.trigger(
      { type: 'statesChanged', states },
      sender,
    );
    await fakeBrowser.runtime.onMessage.trigger({ type: 'reportPage', data: {} }, sender);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenCalledWith(states);
    expect(replies).toEqual([undefined]);
    unsubscribe();
    await fakeBrowser.runtime.onMessage.trigger({ type: 'statesChanged', states }, sender);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('reads the kept first page from session storage, and ignores anything malformed', async () => {
    const api = createBrowserPopupApi();
    expect(await api.openingPage()).toBeNull();
    const paper = { id: '2509.00001', title: 'A', authors: [], firstSeenAt: 1, state: 'new' };
    const page = { view: 'new', papers: [paper], total: 1, hasMore: false };
    await fakeBrowser.storage.session.set({ [OPENING_PAGE_KEY]: page });
    expect(await api.openingPage()).toEqual(page);
    for (const bad of [
      'rows',
      { ...page, view: 'starred' },
      { ...page, total: '1' },
      { ...page, papers: [{ ...paper, title: 3 }] },
      { ...page, papers: [null] },
    ]) {
      await fakeBrowser.storage.session.set({ [OPENING_PAGE_KEY]: bad });
      expect(await api.openingPage()).toBeNull();
    }
  });

  it("takes the read the popup's head started, once, and reads afresh after it", async () => {
    const api = createBrowserPopupApi();
    const paper = { id: '2509.00001', title: 'A', authors: [], firstSeenAt: 1, state: 'new' };
    const page = { view: 'all', papers: [paper], total: 1, hasMore: false };
    startEarlyRead(() => Promise.resolve({ [OPENING_PAGE_KEY]: page }));
    expect(await api.openingPage()).toEqual(page);
    // Session storage holds nothing: a second call reads it instead of the early answer.
    expect(await api.openingPage()).toBeNull();

    startEarlyRead(() => Promise.reject(new Error('storage.session is unavailable')));
    expect(await api.openingPage()).toBeNull();
    startEarlyRead(() => {
      throw new TypeError("Cannot read properties of undefined (reading 'get')");
    });
    await fakeBrowser.storage.session.set({ [OPENING_PAGE_KEY]: page });
    expect(await api.openingPage()).toEqual(page);
  });
});
