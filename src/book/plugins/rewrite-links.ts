import type MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import { readEnv } from "./env.ts";

/**
 * Rewrites link and image targets through the page's `resolveLink`: `0002-x.md` becomes
 * `0002-x.html`, a file outside the book becomes a link to the repository, the rest stay.
 */
export function rewriteLinks(md: MarkdownIt): void {
  md.core.ruler.push("rfckit-rewrite-links", (state) => {
    const env = readEnv(state.env);
    const visit = (tokens: Token[]) => {
      for (const token of tokens) {
        if (token.type === "link_open") {
          const href = token.attrGet("href");
          if (href !== null) token.attrSet("href", env.resolveLink(href, "link"));
        } else if (token.type === "image") {
          const src = token.attrGet("src");
          if (src !== null) token.attrSet("src", env.resolveLink(src, "image"));
        }
        if (token.children) visit(token.children);
      }
    };
    visit(state.tokens);
  });
}
