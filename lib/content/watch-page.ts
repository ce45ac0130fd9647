import { MARK } from './marks';

/**
 * Calls `onChange` when the page's content changes, ignoring the changes Papers Radar makes
 * itself (its badges and strips), so decorating never triggers another pass.
 */
export function watchPage(doc: Document, onChange: () => void, signal: AbortSignal): void {
  const observer = new MutationObserver((records) => {
    if (records.some((r) => !isOwnChange(r))) onChange();
  });
  observer.observe(doc.body, { childList: true, subtree: true });
  signal.addEventListener('abort', () => observer.disconnect());
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
