// @vitest-environment happy-dom
/**
 * Storage failures through the real background (router + handlers + IndexedDB): a quota error
 * while a page report is written leaves nothing partial behind, `getStatus.storageError` says so,
 * the popup's banner shows it, and the next report works again. Also a failed open (an upgrade
 * blocked by an old connection). design.md, "Bad input and failures".
 */
import { signal } from '@preact/signals';
import { cleanup, render, screen } from '@testing-library/preact';
import { h } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { StatusBanner } from '../../components/status-banner';
import type { Reply, Responses } from '../messages/protocol';
import { connectDb, DB_VERSION, openDb } from '../db/open-db';
import { GAP, paperId, T0 } from '../db/test-papers';
import { createHandlers } from './handlers';
import { createRouter } from './router';
import { setStorageError } from './session-state';
import { badge, contentSender, popup, report, setupBackground } from './test-background';

afterEach(cleanup);

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

/** Everything a report writes: both stores, the tab's page and its badge. */
async function snapshot(bg: ReturnType<typeof setupBackground>) {
  const db = await bg.db();
  return {
    papers: await db.getAll('papers'),
    visits: await db.getAll('visits'),
    tabPage: await fakeBrowser.storage.session.get('tab:1'),
    badge: await badge(1),
  };
}

/**
 * Makes the `nth` put into the papers store fail as Chromium fails a write over quota: the
 * request itself succeeds, then the transaction aborts with a QuotaExceededError (at commit).
 */
function quotaAtCommit(nth: number) {
  let puts = 0;
  const put = IDBObjectStore.prototype.put;
  return vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
    this: IDBObjectStore,
    ...args: Parameters<typeof put>
  ) {
    const request = put.apply(this, args);
    if (this.name === 'papers' && ++puts === nth) {
      const tx = this.transaction;
      request.addEventListener('success', () => {
        Object.defineProperty(tx, 'error', { get: quota, configurable: true });
        tx.abort();
      });
    }
    return request;
  });
}

/** Makes the `nth` put into the papers store throw a QuotaExceededError (earlier ones ran). */
function quotaOnPut(nth: number) {
  let puts = 0;
  const put = IDBObjectStore.prototype.put;
  return vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
    this: IDBObjectStore,
    ...args: Parameters<typeof put>
  ) {
    if (this.name === 'papers' && ++puts === nth) throw quota();
    return put.apply(this, args);
  });
}

describe('a quota error while a report is written', () => {
  it.each([
    ['when the transaction commits, after the last of 50 puts', quotaAtCommit, 50],
    ['on the 25th of 50 puts', quotaOnPut, 25],
  ] as const)(
    '%s: nothing partial, the popup says so, the next report works',
    async (_, fail, nth) => {
      const bg = setupBackground();
      // A library with a starred paper and a visit, and tab 1 showing papers 1…10.
      await bg.send('reportPage', report([1, 10]), contentSender(1));
      await bg.send('setStarred', { id: paperId(3), starred: true }, popup);
      bg.advance(GAP + 1); // The next report starts a new visit (and would prune and re-stamp).
      const before = await snapshot(bg);

      const failing = fail(nth);
      const reply = (await bg.sendRaw(
        { type: 'reportPage', data: report([1, 50]) },
        contentSender(1),
      )) as Reply<unknown>;
      expect(failing).toHaveBeenCalled();
      expect(reply).toEqual({
        ok: false,
        error: expect.stringMatching(/^Storage error: .*quota exceeded/),
      });
      // Not one paper of the 50, not the new visit, not the tab page, not the badge.
      expect(await snapshot(bg)).toEqual(before);

      const status = await bg.send('getStatus', { tabId: 1 }, popup);
      expect(status.storageError).toMatch(/quota exceeded/);
      // The latest visit is still the first one: its 10 papers are still new.
      expect(status.counts).toEqual({ all: 10, new: 10, starred: 1, hidden: 0 });
      // The popup's banner shows it, once, as text.
      render(h(StatusBanner, { status: signal<Responses['getStatus'] | null>(status) }));
      expect((await screen.findByRole('alert')).textContent).toMatch(
        /^Storage error: the browser refused to store more data \(quota exceeded\)/,
      );

      failing.mockRestore();
      const retry = await bg.send('reportPage', report([1, 50]), contentSender(1));
      expect(retry.states.filter((s) => s.state === 'new')).toHaveLength(40);
      expect(retry.states.find((s) => s.id === paperId(3))).toMatchObject({ starred: true });
      const after = await bg.send('getStatus', { tabId: 1 }, popup);
      expect(after.storageError).toBeNull();
      expect(after.counts.all).toBe(50);
      expect(after.visit).toEqual({ start: T0 + GAP + 1, end: T0 + GAP + 1, views: 1 });
      expect(await badge(1)).toBe('40');
    },
  );
});

describe('a database that cannot be opened', () => {
  it('refuses reports with the reason, and getStatus shows it', async () => {
    // A database at the current version, and an old connection to it that ignores the upgrade
    // request: it blocks the (simulated) next version this background needs.
    (await openDb('blocked-by-old-tab')).close();
    const old = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('blocked-by-old-tab', DB_VERSION);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const connection = connectDb('blocked-by-old-tab', {
      version: DB_VERSION + 1,
      blockedTimeoutMs: 20,
    });
    const deps = { db: connection.get, now: () => T0, visitGapMs: async () => GAP };
    const router = createRouter(createHandlers(deps), { onStorageError: setStorageError });

    const reply = await router.handle(
      { type: 'reportPage', data: report([1, 3]) },
      contentSender(),
    );
    expect(reply).toEqual({
      ok: false,
      error: expect.stringMatching(/upgrade is blocked by another open Papers Radar page/),
    });
    expect(await badge(1)).toBe('');
    const status = await router.handle({ type: 'getStatus', data: { tabId: 1 } }, popup);
    expect(status).toMatchObject({
      ok: true,
      data: { tab: null, storageError: expect.stringMatching(/upgrade is blocked/) },
    });

    // Once the old connection is gone, the next message opens the database and works.
    old.close();
    const retry = await router.handle(
      { type: 'reportPage', data: report([1, 3]) },
      contentSender(),
    );
    expect(retry).toMatchObject({ ok: true });
    expect(await badge(1)).toBe('3');
    connection.close();
  });
});
