// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startLifetime, type LifetimeDeps } from './lifetime';

function deps(overrides: Partial<LifetimeDeps> = {}) {
  let id: string | undefined = 'extension-a';
  let href = 'https://huggingface.co/papers';
  const all = {
    doc: document,
    runtimeId: () => id,
    location: () => href,
    ...overrides,
  };
  return {
    deps: all,
    unload: () => (id = undefined),
    goTo: (next: string) => (href = next),
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('content script lifetime', () => {
  it('stops once the extension is gone (reloaded, updated or removed)', () => {
    const { deps: d, unload } = deps();
    const lifetime = startLifetime(d);
    expect(lifetime.alive()).toBe(true);
    expect(lifetime.signal.aborted).toBe(false);

    unload();
    expect(lifetime.alive()).toBe(false);
    expect(lifetime.signal.aborted).toBe(true);
  });

  it('stops when a newer copy starts in the same document, and only the older one', () => {
    const older = startLifetime(deps().deps);
    const newer = startLifetime(deps().deps);
    expect(older.alive()).toBe(false);
    expect(newer.alive()).toBe(true);
  });

  it("ignores another extension's copy and a page's look-alike event", () => {
    const ours = startLifetime(deps().deps);
    startLifetime(deps({ runtimeId: () => 'extension-b' }).deps);
    document.dispatchEvent(new Event('papers-radar-started:'));
    document.dispatchEvent(new Event('papers-radar-started'));
    expect(ours.alive()).toBe(true);
  });

  it("follows the site's client-side navigation through the Navigation API", () => {
    const navigation = new EventTarget();
    const { deps: d, unload } = deps({ navigation });
    const lifetime = startLifetime(d);
    const onChange = vi.fn();
    lifetime.onNavigation(onChange);

    navigation.dispatchEvent(new Event('navigate'));
    expect(onChange).toHaveBeenCalledTimes(1);

    // Gone: the next navigation finds it out and calls nothing.
    unload();
    navigation.dispatchEvent(new Event('navigate'));
    navigation.dispatchEvent(new Event('navigate'));
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('polls the location every second without the Navigation API, until stopped', () => {
    vi.useFakeTimers();
    const { deps: d, goTo, unload } = deps();
    const lifetime = startLifetime(d);
    const onChange = vi.fn();
    lifetime.onNavigation(onChange);

    vi.advanceTimersByTime(3000);
    expect(onChange).not.toHaveBeenCalled();
    goTo('https://huggingface.co/papers/week/2026-W47');
    vi.advanceTimersByTime(1000);
    expect(onChange).toHaveBeenCalledTimes(1);

    // Gone: the next tick finds it out, even with the location unchanged, and polls no more.
    unload();
    vi.advanceTimersByTime(1000);
    expect(vi.getTimerCount()).toBe(0);
    goTo('https://huggingface.co/papers/month/2026-11');
    vi.advanceTimersByTime(3000);
    expect(onChange).toHaveBeenCalledTimes(1);
  });
});
