const SHOWN_AUTHORS = 3;

/**
 * The byline of a paper: up to three authors then "et al.", or the organization when no author is
 * known; empty when neither is. Names are page-derived: render the result as text.
 */
export function formatByline(authors: readonly string[], organization?: string): string {
  const names = authors.map((name) => name.trim()).filter(Boolean);
  if (names.length === 0) return organization?.trim() ?? '';
  const shown = names.slice(0, SHOWN_AUTHORS).join(', ');
  return names.length > SHOWN_AUTHORS ? `${shown} et al.` : shown;
}
