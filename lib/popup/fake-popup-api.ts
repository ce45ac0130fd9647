import type {
  ListedPaper,
  OpeningPage,
  PopupView,
  Request,
  Responses,
  TabPage,
} from '../messages/protocol';
import type { PaperState } from '../model/paper';
import type { PopupApi, PopupCall } from './api';
import { listedInView } from './rows';

/** Test double of the background: an in-memory library that lists, filters and pages like it. */

const DAY = 86_400_000;
export const NOW = Date.UTC(2025, 9, 1, 12);

/** A listed paper, with the abstract the fake's search looks in (lists leave it out). */
type FakePaper = ListedPaper & { summary?: string };

export function makePaper(id: string, overrides: Partial<FakePaper> = {}): FakePaper {
  return {
    id,
    title: `Paper ${id}`,
    authors: ['Ada Lovelace'],
    firstSeenAt: NOW - 3 * DAY,
    lastSeenAt: NOW - DAY,
    state: 'seen',
    ...overrides,
  };
}

function matches(paper: FakePaper, query: string): boolean {
  const needle = query.trim().toLowerCase();
  const haystack = [paper.title, ...paper.authors, paper.summary ?? ''].join('\n').toLowerCase();
  return haystack.includes(needle);
}

const byNewest = (a: ListedPaper, b: ListedPaper) =>
  Number(b.state === 'new') - Number(a.state === 'new') || b.firstSeenAt - a.firstSeenAt;

export interface FakeOptions {
  papers?: ListedPaper[];
  tab?: TabPage | null;
  storageError?: string | null;
  /** The page the background keeps ready, and the milliseconds before it is read. */
  openingPage?: { page: OpeningPage; latency: number };
  /** Milliseconds before a listPapers reply (0: the next microtask). */
  latency?: (request: Request<'listPapers'>) => number;
}

export function createFakePopupApi(options: FakeOptions = {}) {
  const library = new Map((options.papers ?? []).map((paper) => [paper.id, paper]));
  const calls: { type: PopupCall; data: unknown }[] = [];
  const failures = new Map<PopupCall, string>();
  const listeners = new Set<(states: PaperState[]) => void>();
  const fake = { tab: options.tab ?? null, storageError: options.storageError ?? null };

  function answer<T>(type: PopupCall, data: unknown, compute: () => T, delay = 0): Promise<T> {
    calls.push({ type, data });
    const failure = failures.get(type);
    failures.delete(type);
    const settle = () => {
      if (failure !== undefined) throw new Error(failure);
      return compute();
    };
    if (delay <= 0) return Promise.resolve().then(settle);
    return new Promise((resolve, reject) => {
      setTimeout(() => {
        try {
          resolve(settle());
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      }, delay);
    });
  }

  const list = (view: PopupView, query = '') =>
    [...library.values()].filter((p) => listedInView(view, p) && matches(p, query)).sort(byNewest);

  function update(id: string, change: (paper: ListedPaper) => ListedPaper): { paper: ListedPaper } {
    const paper = library.get(id);
    if (!paper) throw new Error(`Unknown paper ${id}`);
    library.set(id, change(paper));
    return { paper: library.get(id) ?? paper };
  }

  const api: PopupApi = {
    listPapers: (data) => {
      const compute = () => {
        const all = list(data.view, data.query);
        const papers = all.slice(data.offset, data.offset + data.limit);
        return { papers, total: all.length, hasMore: data.offset + papers.length < all.length };
      };
      return answer('listPapers', data, compute, options.latency?.(data));
    },
    setStarred: (data) =>
      answer('setStarred', data, () =>
        update(data.id, (p) => ({ ...p, starredAt: data.starred ? NOW : undefined })),
      ),
    setHidden: (data) =>
      answer('setHidden', data, () =>
        update(data.id, (p) => ({ ...p, hiddenAt: data.hidden ? NOW : undefined })),
      ),
    getStatus: (data) =>
      answer('getStatus', data, (): Responses['getStatus'] => ({
        tab: fake.tab,
        visit: null,
        counts: {
          all: list('all').length,
          new: list('new').length,
          starred: list('starred').length,
          hidden: list('hidden').length,
        },
        storageError: fake.storageError,
      })),
    exportLibrary: (data) =>
      answer('exportLibrary', data, () => ({
        backup: {
          format: 'papers-radar-backup' as const,
          version: 1 as const,
          exportedAt: NOW,
          papers: [...library.values()],
          visits: [],
        },
      })),
    importLibrary: (data) =>
      answer('importLibrary', data, () => {
        const backup = data.backup as { format?: unknown; papers?: ListedPaper[] };
        if (backup?.format !== 'papers-radar-backup') throw new Error('Not a Papers Radar backup');
        for (const paper of backup.papers ?? []) library.set(paper.id, paper);
        return { imported: backup.papers?.length ?? 0 };
      }),
    async openingPage() {
      const kept = options.openingPage;
      if (!kept) return null;
      await new Promise((resolve) => setTimeout(resolve, kept.latency));
      return kept.page;
    },
    onStatesChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };

  return {
    api,
    library,
    calls,
    fake,
    /** The next call of `type` fails with `message`. */
    failNext(type: PopupCall, message: string) {
      failures.set(type, message);
    },
    listCalls: () =>
      calls
        .filter((call) => call.type === 'listPapers')
        .map((c) => c.data as Request<'listPapers'>),
    emitStatesChanged(states: PaperState[]) {
      for (const listener of listeners) listener(states);
    },
  };
}
