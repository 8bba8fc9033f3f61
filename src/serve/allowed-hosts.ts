import type { IncomingHttpHeaders } from "node:http";

/**
 * The `Host` values the server answers (`127.0.0.1:3000`, `localhost:3000`, `[::1]:3000`, the
 * host it was asked to listen on, and `also`: the machine's addresses when it listens on all of
 * them), lower-case. A page on another site can point its own name at
 * 127.0.0.1 (DNS rebinding) and then read the book as same-origin; its requests still name that
 * site in `Host`, so answering only these names keeps drafts on the author's machine.
 */
export function toAllowedHosts(listenHost: string, port: number, also: readonly string[] = []): ReadonlySet<string> {
  const names = new Set(["127.0.0.1", "localhost", "[::1]"]);
  for (const address of [listenHost, ...also]) {
    const given = address.toLowerCase();
    names.add(given.includes(":") && !given.startsWith("[") ? `[${given}]` : given);
  }
  const hosts = new Set<string>();
  for (const name of names) {
    hosts.add(`${name}:${port}`);
    // Browsers leave the default port out of Host and Origin.
    if (port === 80) hosts.add(name);
  }
  return hosts;
}

/**
 * Why a request is refused, or null to answer it: its `Host` is missing or not one of `allowed`,
 * or it carries an `Origin` (a page's script asking, or an `EventSource` from another page) that
 * is not `http://` one of them. A page of the book itself sends no `Origin` for a plain GET, or
 * its own.
 */
export function toHostRefusal(headers: IncomingHttpHeaders, allowed: ReadonlySet<string>): string | null {
  const names = [...allowed].filter((h) => /:\d+$/.test(h)).join(", ");
  const host = headers.host?.toLowerCase();
  if (host === undefined || !allowed.has(host)) {
    return `Forbidden: rfc serve answers only requests addressed to ${names}, so that pages of other sites cannot read the book.\n`;
  }
  const origin = headers.origin?.toLowerCase();
  if (origin !== undefined && !(origin.startsWith("http://") && allowed.has(origin.slice("http://".length)))) {
    return `Forbidden: rfc serve answers scripts only from its own pages (http://${names.split(", ").join(", http://")}).\n`;
  }
  return null;
}
