import type MarkdownIt from "markdown-it";
import { toPlainHeading, toSlug } from "../../markdown/slug.ts";
import { escapeAttr } from "../render/escape.ts";
import { readEnv } from "./env.ts";

// mdBook's heading attributes, `## Title { #custom-id .class }`: the id is taken by the model.
const headingAttributes = /\s*\{\s*#[^\s}]+[^}]*\}\s*$/;

/**
 * Gives every heading the id GitHub and mdBook give it, taken from the model when it knows the
 * heading, so a `#fragment` that `rfc check` resolves also works in the book, and drops mdBook's
 * `{ #id }` attribute text from the heading. Each heading ends with a `#` link to itself, to copy.
 */
export function headingIds(md: MarkdownIt): void {
  md.core.ruler.before("inline", "rfckit-heading-attributes", (state) => {
    for (let i = 0; i < state.tokens.length; i++) {
      const inline = state.tokens[i + 1];
      if (state.tokens[i]!.type === "heading_open" && inline?.type === "inline") inline.content = inline.content.replace(headingAttributes, "");
    }
  });
  md.core.ruler.push("rfckit-heading-ids", (state) => {
    const env = readEnv(state.env);
    for (let i = 0; i < state.tokens.length; i++) {
      const token = state.tokens[i]!;
      if (token.type !== "heading_open") continue;
      const line = token.map ? token.map[0] + 1 : 0;
      const id = env.slugByLine.get(line) ?? toSlug(toPlainHeading(state.tokens[i + 1]?.content ?? ""), env.seen);
      if (id !== "") token.attrSet("id", id);
    }
  });
  md.renderer.rules.heading_close = (tokens, index, options, _env, self) => {
    let open = index - 1;
    while (open > 0 && tokens[open]!.type !== "heading_open") open--;
    const id = tokens[open]?.attrGet("id");
    // A pointer's shortcut to the section's address, hidden from assistive technology and kept
    // out of the tab order (a hidden element that takes focus is announced as nothing).
    const anchor = id ? `<a class="anchor" href="#${escapeAttr(id)}" aria-hidden="true" tabindex="-1">#</a>` : "";
    return anchor + self.renderToken(tokens, index, options);
  };
}
