import type MarkdownIt from "markdown-it";
import { markOwnHtml } from "./own-html.ts";

const marker = /^\[([ xX])\][ \t]/;

/**
 * GitHub's task lists: a list item starting with `[ ]` or `[x]` shows a disabled checkbox. Own
 * plugin because the maintained ones import markdown-it's CommonJS files, which markdown-it 14's
 * ES module build does not have.
 */
export function taskLists(md: MarkdownIt): void {
  md.core.ruler.after("inline", "rfckit-task-lists", (state) => {
    const tokens = state.tokens;
    for (let i = 2; i < tokens.length; i++) {
      const inline = tokens[i]!;
      if (inline.type !== "inline" || tokens[i - 1]!.type !== "paragraph_open" || tokens[i - 2]!.type !== "list_item_open") continue;
      const first = inline.children?.[0];
      const match = first?.type === "text" ? marker.exec(first.content) : null;
      if (!first || !match) continue;
      first.content = first.content.slice(match[0].length);
      const box = new state.Token("html_inline", "", 0);
      box.content = `<input type="checkbox" class="task-list-item-checkbox" disabled${match[1] === " " ? "" : " checked"}> `;
      inline.children!.unshift(markOwnHtml(box));
      tokens[i - 2]!.attrJoin("class", "task-list-item");
      // The list that holds the item: the nearest list opening before it at a lower nesting level.
      for (let j = i - 3; j >= 0; j--) {
        const t = tokens[j]!;
        if ((t.type === "bullet_list_open" || t.type === "ordered_list_open") && t.level === tokens[i - 2]!.level - 1) {
          if (!(t.attrGet("class") ?? "").includes("contains-task-list")) t.attrJoin("class", "contains-task-list");
          break;
        }
      }
    }
  });
}
