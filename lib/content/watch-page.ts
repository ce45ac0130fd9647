import { MARK } from './marks';

export interface PageWatch {
  /**
   * Runs `change` (Papers Radar's own edits of the page) unobserved. Ignoring our own records one
   * by one cost a record per decorated card, sifted in the callback (4 ms on a 500-card page, CPU
   * profile, 2026-11-24). Page changes made before it still count.
   */
  quietly(change: () => void): void;
}

/**
 * Calls `onChange` when the page's content changes, ignoring the changes Papers Radar makes
 * itself (its badges and strips), so decorating never triggers another pass.
 */
export function watchPage(doc: Document, onChange: () => void, signal: AbortSignal): PageWatch {
  const check = (records: MutationRecord[]) => {
    if (records.some((r) => !isOwnChange(r))) onChange();
  };
  const observer = new MutationObserver(check);
  const observe = () => observer.observe(doc.body, { childList: true, subtree: true });
  observe();
  signal.addEventListener('abort', () => observer.disconnect());
  return {
    quietly(change) {
      if (signal.aborted) return change();
      check(observer.takeRecords());
      observer.disconnect();
      try {
        change();
      } finally {
        observe();
      }
    },
  };
}

function isOwnChange(record: MutationRecord): boolean {
  const nodes = [...record.addedNodes, ...record.removedNodes];
  if (nodes.length === 0) return true;
  if (isOwn(record.target)) return true;
  return nodes.every(isOwn);
}

function isOwn(node: Node): boolean {
  return node instanceof Element && node.closest(`[${MARK.ui}]`) !== null;
}
