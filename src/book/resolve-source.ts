import path from "node:path";

/**
 * The repository path a relative link in `source` points to, without its `#fragment` or query,
 * URL-decoded; a path starting with `/` is taken from the root. Null when it leaves the repository.
 */
export function resolveSource(source: string, href: string): string | null {
  const target = href.replace(/[?#].*$/, "");
  let decoded: string;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    decoded = target;
  }
  const joined = decoded.startsWith("/") ? path.posix.normalize(decoded.slice(1)) : path.posix.join(path.posix.dirname(source), decoded);
  return joined.startsWith("../") || joined === ".." ? null : joined;
}
