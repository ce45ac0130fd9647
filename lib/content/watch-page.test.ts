// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { MARK } from './marks';
import { watchPage } from './watch-page';

/** Lets the observer deliver what it has: its callback runs as a microtask. */
const delivered = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup() {
  document.body.replaceChildren();
  const onChange = vi.fn();
  const lifetime = new AbortController();
  const watch = watchPage(document, onChange, lifetime.signal);
  const add = (own = false) => {
    const el = document.createElement('div');
    if (own) el.setAttribute(MARK.ui, 'badges');
    document.body.append(el);
  };
  return { onChange, watch, add, lifetime };
}

describe('watchPage', () => {
  it("calls back for the page's changes, not for the badges Papers Radar adds", async () => {
    const { onChange, add } = setup();
    add(true);
    await delivered();
    expect(onChange).not.toHaveBeenCalled();
    add();
    await delivered();
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('leaves changes made quietly unobserved, and goes on observing after them', async () => {
    const { onChange, watch, add } = setup();
    watch.quietly(() => add());
    await delivered();
    expect(onChange).not.toHaveBeenCalled();
    add();
    await delivered();
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('still counts a page change made just before a quiet change', async () => {
    const { onChange, watch, add } = setup();
    add();
    watch.quietly(() => add(true));
    await delivered();
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it("observes nothing once the script's lifetime ends", async () => {
    const { onChange, watch, add, lifetime } = setup();
    lifetime.abort();
    watch.quietly(() => add());
    add();
    await delivered();
    expect(onChange).not.toHaveBeenCalled();
  });
});
