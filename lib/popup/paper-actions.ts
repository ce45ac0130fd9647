import { batch } from '@preact/signals';
import type { ListedPaper } from '../messages/protocol';
import type { PaperState } from '../model/paper';
import type { PopupApi } from './api';
import { describeError, type PopupState } from './popup-state';
import * as rows from './rows';

/**
 * Star, hide and undo: each updates the row at once, then takes the background's reply as the
 * truth, or rolls back and says why. `onChanged` runs after every change the background accepted.
 */
export function createPaperActions(state: PopupState, api: PopupApi, onChanged: () => void) {
  /** The latest change in flight per paper: only it may reconcile or roll back the row. */
  const latest = new Map<string, number>();
  /** The row as the background last confirmed it, for a rollback over several quick toggles. */
  const confirmed = new Map<string, ListedPaper>();
  let sequence = 0;

  function begin(row: ListedPaper): () => boolean {
    if (!latest.has(row.id)) confirmed.set(row.id, row);
    const op = ++sequence;
    latest.set(row.id, op);
    return () => latest.get(row.id) === op;
  }
  function finish(id: string, isLatest: () => boolean): void {
    if (!isLatest()) return;
    latest.delete(id);
    confirmed.delete(id);
  }
  const find = (id: string) => state.papers.peek().find((row) => row.id === id);
  const patch = (paper: ListedPaper) =>
    (state.papers.value = rows.replaceRow(state.papers.peek(), paper));

  async function toggleStar(id: string): Promise<void> {
    const row = find(id);
    if (!row) return;
    const starred = row.starredAt === undefined;
    const isLatest = begin(row);
    batch(() => {
      state.error.value = null;
      patch(rows.withStarred(row, starred, Date.now()));
    });
    try {
      const { paper } = await api.setStarred({ id, starred });
      confirmed.set(id, paper);
      if (isLatest()) patch(paper);
      onChanged();
    } catch (error) {
      const before = confirmed.get(id);
      if (isLatest() && before) patch(before);
      const verb = starred ? 'star' : 'unstar';
      state.error.value = `Could not ${verb} "${row.title}": ${describeError(error)}`;
    } finally {
      finish(id, isLatest);
    }
  }

  /** Hides or unhides `row`; a row that no longer belongs to the view leaves it, with an Undo. */
  async function changeHidden(row: ListedPaper, hidden: boolean, index: number): Promise<boolean> {
    const leaves = !rows.staysInView(state.view.peek(), hidden);
    const optimistic = rows.withHidden(row, hidden, Date.now());
    const isLatest = begin(row);
    batch(() => {
      state.error.value = null;
      if (!leaves) return patch(optimistic);
      state.papers.value = rows.removeRow(state.papers.peek(), row.id);
      state.total.value = Math.max(0, state.total.peek() - 1);
      state.removed.value = { paper: optimistic, index, hidden };
    });
    try {
      const { paper } = await api.setHidden({ id: row.id, hidden });
      const removed = state.removed.peek();
      if (removed?.paper.id === row.id) state.removed.value = { ...removed, paper };
      else if (isLatest() && !leaves) patch(paper);
      onChanged();
      return true;
    } catch (error) {
      batch(() => {
        const listed = state.papers.peek().some((candidate) => candidate.id === row.id);
        if (leaves && !listed) {
          state.papers.value = rows.insertRow(state.papers.peek(), row, index);
          state.total.value = state.total.peek() + 1;
          if (state.removed.peek()?.paper.id === row.id) state.removed.value = null;
        } else if (!leaves && isLatest()) patch(row);
        const verb = hidden ? 'hide' : 'unhide';
        state.error.value = `Could not ${verb} "${row.title}": ${describeError(error)}`;
      });
      return false;
    } finally {
      finish(row.id, isLatest);
    }
  }

  async function toggleHidden(id: string): Promise<void> {
    const index = state.papers.peek().findIndex((row) => row.id === id);
    const row = state.papers.peek()[index];
    if (row) await changeHidden(row, row.hiddenAt === undefined, index);
  }

  /** Puts the last removed row back where it was and reverts its change. */
  async function undoRemove(): Promise<void> {
    const removed = state.removed.peek();
    if (!removed) return;
    const restored = rows.withHidden(removed.paper, !removed.hidden, Date.now());
    batch(() => {
      state.removed.value = null;
      state.papers.value = rows.insertRow(state.papers.peek(), restored, removed.index);
      state.total.value = state.total.peek() + 1;
    });
    const isLatest = begin(restored);
    try {
      const { paper } = await api.setHidden({ id: restored.id, hidden: !removed.hidden });
      if (isLatest()) patch(paper);
      onChanged();
    } catch (error) {
      batch(() => {
        state.papers.value = rows.removeRow(state.papers.peek(), restored.id);
        state.total.value = Math.max(0, state.total.peek() - 1);
        state.removed.value = removed;
        state.error.value = `Could not undo: ${describeError(error)}`;
      });
    } finally {
      finish(restored.id, isLatest);
    }
  }

  /** Changes made elsewhere (a tab, another window); rows with a change in flight keep theirs. */
  function applyStates(states: PaperState[]): void {
    const view = state.view.peek();
    const now = Date.now();
    let next = state.papers.peek();
    for (const paperState of states) {
      const row = next.find((candidate) => candidate.id === paperState.id);
      if (!row || latest.has(row.id)) continue;
      next = rows.staysInView(view, paperState.hidden)
        ? rows.replaceRow(next, rows.applyState(row, paperState, now))
        : rows.removeRow(next, row.id);
    }
    // The row this popup removed (with its Undo) was changed back elsewhere, e.g. by the Undo of
    // a page's hidden strip: it returns to its place and the popup's Undo, now moot, goes.
    const removed = state.removed.peek();
    const reverted = states.find(
      (s) => s.id === removed?.paper.id && s.hidden !== removed.hidden && !latest.has(s.id),
    );
    // insertRow leaves a row that is listed again meanwhile as it is.
    if (removed && reverted) {
      next = rows.insertRow(next, rows.applyState(removed.paper, reverted, now), removed.index);
    }
    const left = state.papers.peek().length - next.length;
    batch(() => {
      if (removed && reverted) state.removed.value = null;
      state.papers.value = next;
      state.total.value = Math.max(0, state.total.peek() - left);
    });
    if (states.length > 0) onChanged();
  }

  return { toggleStar, toggleHidden, undoRemove, applyStates };
}
