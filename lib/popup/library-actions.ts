import { batch } from '@preact/signals';
import type { PopupApi } from './api';
import { backupFileName, countPapers, downloadJson, readJsonFile } from './library-file';
import { describeError, type PopupState } from './popup-state';

/** Export to and import from a JSON backup file; `onImported` reloads what the popup shows. */
export function createLibraryActions(
  state: PopupState,
  api: PopupApi,
  onImported: () => Promise<void>,
) {
  async function exportLibrary(): Promise<void> {
    state.error.value = null;
    try {
      const { backup } = await api.exportLibrary({});
      downloadJson(backupFileName(backup.exportedAt), backup);
      state.notice.value = `Exported ${countPapers(backup.papers.length)}`;
    } catch (error) {
      state.error.value = `Export failed: ${describeError(error)}`;
    }
  }

  async function importLibrary(file: Blob & { name: string }): Promise<void> {
    batch(() => {
      state.error.value = null;
      state.notice.value = null;
    });
    const parsed = await readJsonFile(file);
    if (!parsed.ok) {
      state.error.value = parsed.error;
      return;
    }
    try {
      const { imported } = await api.importLibrary({ backup: parsed.value });
      state.notice.value = `Imported ${countPapers(imported)}`;
    } catch (error) {
      // The background says what is wrong with the backup; its words are shown as they are.
      state.error.value = describeError(error);
      return;
    }
    await onImported();
  }

  return { exportLibrary, importLibrary };
}
