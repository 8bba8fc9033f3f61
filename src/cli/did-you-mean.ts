import { distance } from "fastest-levenshtein";

/**
 * The candidate closest to what was typed, when it is close enough to be what was meant: at most
 * two edits away (one for words of four letters or fewer), or the only candidate it starts.
 */
export function didYouMean(typed: string, candidates: readonly string[]): string | undefined {
  const allowed = typed.length <= 4 ? 1 : 2;
  let best: { candidate: string; edits: number } | undefined;
  for (const candidate of candidates) {
    const edits = distance(typed, candidate);
    if (edits <= allowed && (best === undefined || edits < best.edits)) best = { candidate, edits };
  }
  if (best) return best.candidate;
  const started = candidates.filter((c) => typed.length >= 2 && c.startsWith(typed));
  return started.length === 1 ? started[0] : undefined;
}
