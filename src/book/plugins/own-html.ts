import type Token from "markdown-it/lib/token.mjs";

// A mark on the HTML tokens rfckit's plugins write (a task's checkbox, a video's placeholder),
// whose every value is escaped: unlike an RFC's own raw HTML, they need no sanitiser.
const own = Symbol("rfckit-own-html");

/** Marks an `html_inline` or `html_block` token as written by a plugin from escaped values. */
export function markOwnHtml(token: Token): Token {
  (token.meta as Record<symbol, boolean> | null) = { ...(token.meta as object | null), [own]: true };
  return token;
}

/** Whether a plugin wrote this HTML token (see `markOwnHtml`), rather than the RFC. */
export function isOwnHtml(token: Token): boolean {
  return (token.meta as Record<symbol, boolean> | null)?.[own] === true;
}
