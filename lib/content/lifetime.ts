/**
 * How long the content script keeps working on its tab, in place of WXT's ContentScriptContext.
 * That context announced every start to the page with `window.postMessage` (1.3–2.4 ms of the
 * page's main thread per page view in Chrome traces, about a tenth of design.md's 16 ms budget) and
 * set up timers and events the script never used: docs/performance.md, "WXT's ContentScriptContext
 * replaced by the script's own lifetime".
 *
 * The script stops (its `signal` aborts: observers, listeners and polling end) when:
 * - the extension is gone: reloaded, updated or removed, Chrome leaves the old script running
 *   with a dead runtime (`runtime.id` undefined), so `alive()` checks it before any work;
 * - a newer copy of the script starts in the same document (a reload or update that injects it
 *   again, as Firefox does): the newer one announces itself with a DOM event whose name holds the
 *   extension's id, which a page script cannot know.
 */
export interface Lifetime {
  readonly signal: AbortSignal;
  /** False once stopped; checks the runtime first, and stops when it is gone. */
  alive(): boolean;
  /** Calls `onChange` after each same-document navigation (the site's client-side routing). */
  onNavigation(onChange: () => void): void;
}

export interface LifetimeDeps {
  doc: Document;
  /** The extension's id, undefined once the extension is gone. */
  runtimeId(): string | undefined;
  /** The Navigation API of the window (Chrome); without it, `location` is polled every second. */
  navigation?: EventTarget;
  location(): string;
}

export function startLifetime(deps: LifetimeDeps): Lifetime {
  const controller = new AbortController();
  const { signal } = controller;
  const startedEvent = `papers-radar-started:${deps.runtimeId() ?? ''}`;
  // Announce first, listen after: the event is synchronous, so this copy never hears its own.
  deps.doc.dispatchEvent(new Event(startedEvent));
  deps.doc.addEventListener(startedEvent, () => controller.abort(), { signal });

  function alive(): boolean {
    if (!signal.aborted && deps.runtimeId() === undefined) controller.abort();
    return !signal.aborted;
  }

  function onNavigation(onChange: () => void): void {
    const run = () => alive() && onChange();
    if (deps.navigation) {
      // Fired before the URL changes; the pass it schedules runs in a microtask, once the page's
      // script that navigated (history.pushState) has returned and the URL is the new one.
      deps.navigation.addEventListener('navigate', run, { signal });
      return;
    }
    let last = deps.location();
    const timer = setInterval(() => {
      const now = deps.location();
      if (!alive() || now === last) return;
      last = now;
      onChange();
    }, 1000);
    signal.addEventListener('abort', () => clearInterval(timer));
  }

  return { signal, alive, onNavigation };
}
