import type MarkdownIt from "markdown-it";

// One comment or more and only white space between: each ends at its first `-->` or `--!>`, as a
// browser ends it, and `<!-->` / `<!--->` (comments a browser closes at once) do not count.
const commentsOnly = /^\s*(?:<!--(?!-?>)(?:(?!--!?>)[\s\S])*--!?>\s*)+$/;

/** Whether raw HTML is HTML comments and nothing else: a browser shows none of it. */
export function isCommentOnly(html: string): boolean {
  return html.includes("<!--") && commentsOnly.test(html);
}

/**
 * Renders raw HTML that is only comments as nothing, which is what the sanitiser makes of it: a
 * page whose only raw HTML is comments (a template's guidance left in, on 11 of Rust's RFCs) then
 * needs no sanitising.
 */
export function htmlComments(md: MarkdownIt): void {
  for (const type of ["html_block", "html_inline"] as const) {
    const rule = md.renderer.rules[type]!;
    md.renderer.rules[type] = (tokens, index, options, env, self) => (isCommentOnly(tokens[index]!.content) ? "" : rule(tokens, index, options, env, self));
  }
}
