/** `papers-radar-backup-2025-10-01.json`, dated by the export time (UTC). */
export function backupFileName(exportedAt: number): string {
  const date = Number.isFinite(exportedAt) ? new Date(exportedAt) : new Date();
  return `papers-radar-backup-${date.toISOString().slice(0, 10)}.json`;
}

/** Saves `value` as a JSON file through a Blob URL and a temporary anchor. */
export function downloadJson(filename: string, value: unknown, doc: Document = document): void {
  const blob = new Blob([JSON.stringify(value, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const anchor = doc.createElement('a');
  anchor.href = url;
  anchor.download = filename;
  anchor.hidden = true;
  doc.body.append(anchor);
  anchor.click();
  anchor.remove();
  // Revoking in the same task can cancel the download (Firefox); the next task is late enough.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export type ParsedFile = { ok: true; value: unknown } | { ok: false; error: string };

/** Reads a chosen file as JSON; anything else becomes a message the reader can act on. */
export async function readJsonFile(file: Blob & { name: string }): Promise<ParsedFile> {
  try {
    return { ok: true, value: JSON.parse(await file.text()) as unknown };
  } catch {
    return {
      ok: false,
      error: `"${file.name}" is not a JSON file. Choose a backup exported by Papers Radar.`,
    };
  }
}

/** "1 paper", "12 papers". */
export function countPapers(count: number): string {
  return `${count} ${count === 1 ? 'paper' : 'papers'}`;
}
