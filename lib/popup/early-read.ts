/**
 * The popup's first read, started before its bundle runs. The popup's module takes ~80 ms here
 * to load and compile after the document arrives; a tiny classic script in the document's head
 * (entrypoints/popup-early.ts) starts reading the first page the background keeps ready at once,
 * and the popup's api takes that read instead of starting its own.
 */
const EARLY_READ = '__papersRadarOpeningPage';

type Read = Promise<Record<string, unknown>>;
type Holder = { [EARLY_READ]?: Read };

/** Starts `read` and leaves it for `takeEarlyRead`; a failed read counts as nothing kept. */
export function startEarlyRead(read: () => Read, holder: object = globalThis): void {
  let started: Read;
  try {
    started = read().catch(() => ({}));
  } catch {
    return; // No storage API here: the popup reads on its own.
  }
  (holder as Holder)[EARLY_READ] = started;
}

/** The early read, once: later calls (a reopened list) read afresh. */
export function takeEarlyRead(holder: object = globalThis): Read | undefined {
  const read = (holder as Holder)[EARLY_READ];
  delete (holder as Holder)[EARLY_READ];
  return read;
}
