import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { clampVisitGapMinutes, getSettings, getVisitGapMs, updateSettings } from './settings';

describe('settings', () => {
  it('falls back to a 30-minute visit gap', async () => {
    expect(await getSettings()).toEqual({ visitGapMinutes: 30 });
    expect(await getVisitGapMs()).toBe(30 * 60_000);
  });

  it('stores the gap in extension storage, clamped to [1, 1440]', async () => {
    expect(await updateSettings({ visitGapMinutes: 5000 })).toEqual({ visitGapMinutes: 1440 });
    expect(await fakeBrowser.storage.local.get('settings')).toEqual({
      settings: { visitGapMinutes: 1440 },
    });
    expect(await updateSettings({ visitGapMinutes: 0 })).toEqual({ visitGapMinutes: 1 });
  });

  it('sanitises whatever storage holds', async () => {
    await fakeBrowser.storage.local.set({ settings: { visitGapMinutes: 'ten' } });
    expect(await getSettings()).toEqual({ visitGapMinutes: 30 });
    expect(clampVisitGapMinutes(12.6)).toBe(13);
    expect(clampVisitGapMinutes(Number.NaN)).toBe(30);
    expect(clampVisitGapMinutes(-Infinity)).toBe(1);
  });
});
