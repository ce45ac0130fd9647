import { isArxivId } from '../model/paper';

/** The paper's page on Hugging Face, built from the id alone; null for an id that is not arXiv. */
export function paperUrl(id: string): string | null {
  return isArxivId(id) ? `https://huggingface.co/papers/${id}` : null;
}

/** A page-derived URL (GitHub repository, project page) only when it is well formed and https. */
export function httpsUrl(value: string | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
