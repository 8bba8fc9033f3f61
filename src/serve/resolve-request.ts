/**
 * The output path a request asks for (`/text/0001-x.html` → `text/0001-x.html`, `/` →
 * `index.html`), or null when it is not a plain path inside the book: a `..` or `.` segment
 * (written or percent-encoded), a backslash, a NUL, a bad escape, or an absolute or
 * drive-letter path. The result is only ever looked up in the in-memory map of pages and
 * assets, never joined to a folder on disk.
 */
export function toRequestPath(url: string): string | null {
  const pathname = url.replace(/[?#].*$/s, "");
  if (!pathname.startsWith("/") || pathname.startsWith("//")) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (/[\0\\]/.test(decoded) || /^\/[a-z]:/i.test(decoded)) return null;
  const segments = decoded.slice(1).split("/");
  if (segments.some((s, i) => s === "." || s === ".." || (s === "" && i !== segments.length - 1))) return null;
  const joined = segments.join("/");
  return joined === "" || joined.endsWith("/") ? `${joined}index.html` : joined;
}
