import { diffArrays } from "diff";

/**
 * The lines of `after` that differ from the committed file, given the lines of `before` that
 * already did (`changed`, as in `RfcGitFacts.changedLines`). Lines a change adds or rewrites count;
 * a pure deletion marks the lines on both sides of it; lines that stayed keep their mark, moved to
 * their new numbers. This lets the fix loop see a file as git will see it once written.
 */
export function toChangedLines(before: string, after: string, changed: readonly number[]): number[] {
  const out = new Set<number>();
  const moved = new Map<number, number>();
  let oldLine = 1;
  let newLine = 1;
  let added = 0;
  let removed = 0;
  // A run of removed and added parts is one change; it is closed when an unchanged part follows.
  const closeChange = () => {
    if (added > 0) for (let k = 0; k < added; k++) out.add(newLine - added + k);
    else if (removed > 0) out.add(newLine - 1).add(newLine);
    added = 0;
    removed = 0;
  };
  for (const part of diffArrays(before.split("\n"), after.split("\n"))) {
    const count = part.value.length;
    if (part.added) {
      added += count;
      newLine += count;
    } else if (part.removed) {
      removed += count;
      oldLine += count;
    } else {
      closeChange();
      for (let k = 0; k < count; k++) moved.set(oldLine + k, newLine + k);
      oldLine += count;
      newLine += count;
    }
  }
  closeChange();
  for (const line of changed) {
    const to = moved.get(line);
    if (to !== undefined) out.add(to);
  }
  return [...out].filter((line) => line >= 0).sort((a, b) => a - b);
}
