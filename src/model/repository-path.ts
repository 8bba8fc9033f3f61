/**
 * A repository path with its `.` and `..` segments resolved and empty segments dropped (`""` is
 * the root); null when it climbs above the root. Paths are repository-relative and `/`-separated.
 */
export function normalisePath(p: string): string | null {
  const out: string[] = [];
  for (const segment of p.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") {
      if (out.length === 0) return null;
      out.pop();
    } else out.push(segment);
  }
  return out.join("/");
}
