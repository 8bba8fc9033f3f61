import { toOrigin } from "../url-policy.ts";

/**
 * The page's Content-Security-Policy, written into its `<head>`: a second wall behind the
 * sanitiser. Scripts, styles, fonts and everything fetched come from the book itself; no inline
 * script, event handler or `javascript:` URL runs; no form is sent; no plugin loads. Images come
 * from the book or `data:`, and from the hosts of the page's click-to-load images (which load
 * only when clicked) and of `[rfckit] image-hosts`; frames only from the players of the page's click-to-play videos. Inline
 * styles stay allowed: Mermaid draws its diagrams with them, and without a way to fetch anything
 * they can send nothing. GitHub Pages sets no headers, so this `<meta>` is the policy there.
 */
export function toContentSecurityPolicy(content: string, imageHosts: readonly string[]): string {
  const images = [...new Set([...originsOf(content, "data-image"), ...imageHosts.map((host) => `https://${host}`)])].sort();
  const frames = originsOf(content, "data-embed");
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    ["img-src 'self' data:", ...images].join(" "),
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'self'",
    ...(frames.length > 0 ? [`frame-src ${frames.join(" ")}`] : []),
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

/** The distinct origins of the given attribute's URLs in already-escaped HTML, sorted so pages are the same bytes each build. */
function originsOf(html: string, attribute: string): string[] {
  const origins = new Set<string>();
  const marker = ` ${attribute}="`;
  for (let at = html.indexOf(marker); at !== -1; at = html.indexOf(marker, at + marker.length)) {
    const start = at + marker.length;
    const end = html.indexOf('"', start);
    if (end === -1) break;
    const origin = toOrigin(html.slice(start, end).replace(/&amp;/g, "&"));
    // An origin is a scheme, a host and a port: nothing in it can end the policy's directive.
    if (origin && /^https?:\/\/[a-z0-9.:[\]-]+$/i.test(origin)) origins.add(origin);
  }
  return [...origins].sort();
}
