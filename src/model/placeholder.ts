/** Where in a value the template's placeholder text still stands, and that text. */
export interface PlaceholderMarker {
  /** Offset of the marker in the value as written. */
  index: number;
  text: string;
}

// The markers RFC templates leave for authors: "(fill me in …)" and links to pull request or issue 0000.
const markerPatterns = [/\(\s*fill me in\b[^)]*\)/i, /[\w.-]+\/[\w.-]+#0000(?!\d)/, /#0000(?!\d)/, /\/(?:pull|issues)\/0000(?!\d)/];

/** The first placeholder marker in a value (`(fill me in …)`, `org/repo#0000`, `…/pull/0000`), or null. */
export function findPlaceholderMarker(raw: string): PlaceholderMarker | null {
  let found: PlaceholderMarker | null = null;
  for (const pattern of markerPatterns) {
    const m = pattern.exec(raw);
    if (m && (found === null || m.index < found.index)) found = { index: m.index, text: m[0] };
  }
  return found;
}

/**
 * True when a value is still the template's placeholder: equal to it after trimming, or still
 * carrying a placeholder marker. An empty placeholder never matches: the template asks for nothing.
 */
export function isPlaceholder(raw: string, placeholder: string | undefined): boolean {
  const value = raw.trim();
  if (value === "") return false;
  if (placeholder !== undefined && placeholder.trim() !== "" && value === placeholder.trim()) return true;
  return findPlaceholderMarker(value) !== null;
}
