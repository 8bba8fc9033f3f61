/** Where in a value the template's placeholder text still stands, and that text. */
export interface PlaceholderMarker {
  /** Offset of the marker in the value as written. */
  index: number;
  text: string;
}

// The markers RFC templates leave for authors: "(fill me in …)", links to pull request or issue
// 0000, an HTML comment (`<!-- your name -->`), and a whole value in braces (`{YYYY-MM-DD}`; a
// YAML flow map such as `{accepted: …}` has a colon and is a value).
const markerPatterns = [/\(\s*fill me in\b[^)]*\)/i, /[\w.-]+\/[\w.-]+#0000(?!\d)/, /#0000(?!\d)/, /\/(?:pull|issues)\/0000(?!\d)/, /<!--[\s\S]*?-->/, /^\{[^{}:]+\}$/];

/**
 * Whether a template's value is a placeholder for the author to replace, rather than a value to
 * keep: an instruction in parentheses (`(name of the main author)`), a marker (see
 * `markerPatterns`), angle brackets (`<your name>`), or words such as `TBD`, `TODO`, `YYYY`.
 * A value the template means to be kept is none of these: `accepted` (with a YAML comment
 * `# Leave as is`), a list of team names to prune, or an instruction to keep it
 * (`(leave this empty)`).
 */
export function isPlaceholderValue(templateValue: string): boolean {
  const value = templateValue.trim();
  if (value === "") return false;
  if (asksToBeLeftAlone(value)) return false;
  if (/^\(.*\)$/s.test(value) || /^<(?!https?:|mailto:)[^<>]+>$/i.test(value)) return true;
  if (/\b(?:TBD|TODO|XXX|YYYY|fill (?:me )?in|your name)\b/i.test(value) || /^(?:…|\.\.\.)$/.test(value)) return true;
  return findPlaceholderMarker(value) !== null;
}

/**
 * Whether a template's value asks the author to leave it as it is (`(leave this empty)`, `(keep
 * as is)`): the maintainers fill it in when the RFC is accepted (Rust's `Rust Issue`).
 */
export function asksToBeLeftAlone(templateValue: string): boolean {
  return /^\(\s*(?:leave|keep)\b[^)]*\)$/i.test(templateValue.trim());
}

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
 * True when a value is still the template's placeholder: equal to it after trimming (when the
 * template's value is a placeholder, see `isPlaceholderValue`), or still carrying a placeholder
 * marker. An empty placeholder never matches: the template asks for nothing.
 */
export function isPlaceholder(raw: string, placeholder: string | undefined): boolean {
  const value = raw.trim();
  if (value === "") return false;
  if (placeholder !== undefined && isPlaceholderValue(placeholder) && value === placeholder.trim()) return true;
  return findPlaceholderMarker(value) !== null;
}
