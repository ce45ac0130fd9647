/**
 * Storage failures as errors a reader can act on. The background keeps the last message and the
 * popup shows it (`getStatus.storageError`, design.md "Bad input and failures").
 */
export class StorageError extends Error {
  override name = 'StorageError';
}

const ADVICE: Record<string, string> = {
  QuotaExceededError:
    'the browser refused to store more data (quota exceeded). Free disk space or export and trim the library.',
  VersionError:
    'the database was written by a newer version of Papers Radar. Update or reload the extension.',
  InvalidStateError: 'the database connection was closed. Try again.',
  UnknownError: 'the browser could not read or write the database (disk or profile problem).',
  AbortError: 'the write was aborted; nothing was saved.',
  DataCloneError: 'a record could not be stored; nothing was saved.',
};

/** Whether `error` came from the browser's storage (IndexedDB reports DOMExceptions). */
export function isStorageFailure(error: unknown): boolean {
  return error instanceof StorageError || isDomException(error);
}

/** Wraps any failure of IndexedDB in a `StorageError` whose message names the cause. */
export function toStorageError(error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  const name = error instanceof Error || isDomException(error) ? error.name : 'Error';
  const detail = error instanceof Error || isDomException(error) ? error.message : String(error);
  const advice = ADVICE[name] ?? `${name}: ${detail}`;
  return new StorageError(`Storage error: ${advice}`, { cause: error });
}

function isDomException(error: unknown): error is DOMException {
  return typeof DOMException !== 'undefined' && error instanceof DOMException;
}
