import type MarkdownIt from "markdown-it";
import { toMdBookId, toPlainHeading, toSlug } from "../../markdown/slug.ts";
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
      if (state.tokens[i]!.type !== "heading_open" || inline?.type !== "inline") continue;
      // mdBook takes an id written as an attribute as it is, outside its numbering of repeats.
      if (headingAttributes.test(inline.content)) state.tokens[i]!.meta = { ownId: true };
      inline.content = inline.content.replace(headingAttributes, "");
    }
  });
  md.core.ruler.push("rfckit-heading-ids", (state) => {
    const env = readEnv(state.env);
    for (let i = 0; i < state.tokens.length; i++) {
      const token = state.tokens[i]!;
      if (token.type !== "heading_open") continue;
      const line = token.map ? token.map[0] + 1 : 0;
      const text = toPlainHeading(state.tokens[i + 1]?.content ?? "");
      const id = env.slugByLine.get(line) ?? toSlug(text, env.seen);
      if (id !== "") token.attrSet("id", id);
      if ((token.meta as { ownId?: boolean } | null)?.ownId) continue;
      // Where mdBook's id differs (`Über` is `über` on GitHub, `Über` in mdBook), both lead here.
      const mdBookId = toMdBookId(text, env.mdBookSeen);
      if (mdBookId !== id && mdBookId !== "" && !env.pageIds.has(mdBookId)) token.meta = { mdBookId };
    }
  });
  md.renderer.rules.heading_close = (tokens, index, options, _env, self) => {
    let open = index - 1;
    while (open > 0 && tokens[open]!.type !== "heading_open") open--;
    const id = tokens[open]?.attrGet("id");
    const mdBookId = (tokens[open]?.meta as { mdBookId?: string } | null)?.mdBookId;
    const second = mdBookId ? `<span id="${escapeAttr(mdBookId)}"></span>` : "";
    // A pointer's shortcut to the section's address, hidden from assistive technology and kept
    // out of the tab order (a hidden element that takes focus is announced as nothing).
    const anchor = id ? `<a class="anchor" href="#${escapeAttr(id)}" aria-hidden="true" tabindex="-1">#</a>` : "";
    return second + anchor + self.renderToken(tokens, index, options);
  };
}
