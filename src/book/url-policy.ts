// The one URL check of the book. Every address an RFC or `book.toml` puts in a page (a Markdown
// link or image, raw HTML's href/src, a metadata link, "Edit this page") passes through here,
// whether or not the page goes through the sanitiser, so every page allows the same schemes.
// Pure and free of Node imports: the browser script uses it too.

/** The schemes a link may have; a link without a scheme (relative, `#fragment`) is allowed too. */
export const linkSchemes = ["http", "https", "mailto"] as const;

/** The schemes an image may have; `data:` only for the raster and SVG image types, which run nothing in an `<img>`. */
export const imageSchemes = ["http", "https", "data"] as const;

const dataImage = /^data:image\/(?:png|gif|jpeg|webp|avif|svg\+xml)[;,]/i;

/**
 * The URL as it may appear in the book, or null when it must not: a scheme other than the
 * allowed ones (`javascript:`, `vbscript:`, `ms-msdt:`, `a:`…), however it is spelt (browsers drop
 * tabs, newlines and other control characters before reading a scheme).
 */
export function toAllowedUrl(url: string, kind: "link" | "image"): string | null {
  const trimmed = url.trim();
  const scheme = toScheme(trimmed);
  if (scheme === null) return trimmed;
  if (kind === "link") return (linkSchemes as readonly string[]).includes(scheme) ? trimmed : null;
  if (scheme === "data") return dataImage.test(compact(trimmed)) ? trimmed : null;
  return (imageSchemes as readonly string[]).includes(scheme) ? trimmed : null;
}

/** The lower-case scheme of a URL as a browser reads it, or null for a relative URL. */
export function toScheme(url: string): string | null {
  return /^([a-z][a-z0-9+.-]*):/i.exec(compact(url))?.[1]?.toLowerCase() ?? null;
}

/**
 * Whether loading this address, from any page of the book, asks another host: an absolute
 * http(s) URL, or one a browser reads as such (`//host/x`, `\\host\x`, `/\host`).
 */
export function isRemoteUrl(url: string): boolean {
  const text = compact(url.trim());
  const scheme = toScheme(text);
  if (scheme !== null) return scheme !== "data";
  // Browsers read a backslash as a slash in http(s) URLs: `\\host` and `/\host` name a host too.
  return /^[/\\]{2}/.test(text);
}

/** The `https://host[:port]` of a remote URL, for the page's content security policy; null when it has none. */
export function toOrigin(url: string): string | null {
  try {
    const parsed = new URL(compact(url.trim()), "https://book.invalid/");
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.origin : null;
  } catch {
    return null;
  }
}

/** The host name a reader is shown for a remote URL. */
export function toHost(url: string): string {
  try {
    return new URL(compact(url.trim()), "https://book.invalid/").host;
  } catch {
    return "another site";
  }
}

/**
 * A book path (`text/0001-x.html`, `../x.html`) as a relative URL: each segment percent-encoded,
 * `:` too, so no file name can make a scheme (`javascript:x.html`), and `?` and `#` too, so none
 * can cut the path short. Every URL the book makes from a file name goes through here.
 */
export function encodePath(path: string): string {
  return path
    .split("/")
    .map((segment) => (segment === "." || segment === ".." ? segment : encodeURIComponent(segment)))
    .join("/");
}

// Browsers drop tabs and line breaks anywhere in a URL, and leading control characters and spaces.
function compact(url: string): string {
  let out = "";
  for (const char of url) if (char.charCodeAt(0) > 0x20) out += char;
  return out;
}
