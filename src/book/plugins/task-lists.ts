import type MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
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
    // The lists open at each point, innermost last: an item's list is the last one opened.
    const lists: Token[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const inline = tokens[i]!;
      if (inline.type === "bullet_list_open" || inline.type === "ordered_list_open") lists.push(inline);
      else if (inline.type === "bullet_list_close" || inline.type === "ordered_list_close") lists.pop();
      if (i < 2 || inline.type !== "inline" || tokens[i - 1]!.type !== "paragraph_open" || tokens[i - 2]!.type !== "list_item_open") continue;
      const first = inline.children?.[0];
      const match = first?.type === "text" ? marker.exec(first.content) : null;
      if (!first || !match) continue;
      first.content = first.content.slice(match[0].length);
      const box = new state.Token("html_inline", "", 0);
      // Named, as a form control must be; its state says whether the task is done.
      box.content = `<input type="checkbox" class="task-list-item-checkbox" aria-label="Task" disabled${match[1] === " " ? "" : " checked"}> `;
      inline.children!.unshift(markOwnHtml(box));
      tokens[i - 2]!.attrJoin("class", "task-list-item");
      const list = lists.at(-1);
      if (list && !(list.attrGet("class") ?? "").includes("contains-task-list")) list.attrJoin("class", "contains-task-list");
    }
  });
}
