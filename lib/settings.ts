/**
 * Small settings in extension storage (not IndexedDB), versioned so later shapes can migrate:
 * bump `version` and add `migrations: { 2: (v1) => … }` (WXT storage runs them in order).
 */
import { storage } from 'wxt/utils/storage';
import { DEFAULT_VISIT_GAP_MINUTES, MINUTE_MS } from './visits/new-since-last-visit';

export interface Settings {
  /** A longer pause between two papers-page views starts a new visit. */
  visitGapMinutes: number;
}

export const VISIT_GAP_LIMITS = { min: 1, max: 1440 } as const;
export const DEFAULT_SETTINGS: Settings = { visitGapMinutes: DEFAULT_VISIT_GAP_MINUTES };

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

/** A gap in whole minutes within [1, 1440]; anything unusable becomes the default. */
export function clampVisitGapMinutes(value: unknown): number {
  if (typeof value !== 'number' || Number.isNaN(value)) return DEFAULT_VISIT_GAP_MINUTES;
  const { min, max } = VISIT_GAP_LIMITS;
  return Math.min(max, Math.max(min, Math.round(value)));
}

/** The settings, sanitised: storage can hold anything another version wrote. */
export async function getSettings(): Promise<Settings> {
  const stored: Partial<Settings> | null = await settingsItem.getValue();
  return { visitGapMinutes: clampVisitGapMinutes(stored?.visitGapMinutes) };
}

export async function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = { ...(await getSettings()), ...patch };
  const clean: Settings = { visitGapMinutes: clampVisitGapMinutes(next.visitGapMinutes) };
  await settingsItem.setValue(clean);
  return clean;
}

export async function getVisitGapMs(): Promise<number> {
  return (await getSettings()).visitGapMinutes * MINUTE_MS;
}
