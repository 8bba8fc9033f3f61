import type MarkdownIt from "markdown-it";
import type { StateCore } from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";

/** What markdown-it-footnote keeps in `env.footnotes` for the page's footnote list. */
interface FootnoteList {
  list?: { label?: string; content?: string; tokens?: Token[]; count?: number }[];
}

/**
 * markdown-it-footnote's `footnote_tail` rule, which moves each footnote's text to the list at
 * the end of the page, made linear: the plugin's own copies the page's whole token array once per
 * footnote (`tokens.concat`), so a page of 16,000 footnotes took 25 s to build. The tokens made
 * are the plugin's, in the same order, so its renderer rules print them unchanged.
 */
export function linearFootnoteTail(md: MarkdownIt): void {
  md.core.ruler.at("footnote_tail", footnoteTail);
}

function footnoteTail(state: StateCore): void {
  const footnotes = (state.env as { footnotes?: FootnoteList }).footnotes;
  if (!footnotes) return;
  // A reference-style footnote's text sits where it was written; it is taken out, by label.
  const byLabel = new Map<string, Token[]>();
  const kept: Token[] = [];
  let current: Token[] | null = null;
  for (const token of state.tokens) {
    if (token.type === "footnote_reference_open") {
      current = [];
      byLabel.set(String((token.meta as { label: string }).label), current);
    } else if (token.type === "footnote_reference_close") current = null;
    else if (current) current.push(token);
    else kept.push(token);
  }
  state.tokens = kept;
  const list = footnotes.list;
  if (!list) return;
  const out = state.tokens;
  out.push(new state.Token("footnote_block_open", "", 1));
  list.forEach((note, id) => {
    const open = new state.Token("footnote_open", "", 1);
    open.meta = { id, label: note.label };
    out.push(open);
    let body: Token[] | undefined;
    if (note.tokens) {
      // An inline footnote (`^[text]`): its text as a paragraph.
      const paragraphOpen = new state.Token("paragraph_open", "p", 1);
      paragraphOpen.block = true;
      const inline = new state.Token("inline", "", 0);
      inline.children = note.tokens;
      inline.content = note.content ?? "";
      const paragraphClose = new state.Token("paragraph_close", "p", -1);
      paragraphClose.block = true;
      body = [paragraphOpen, inline, paragraphClose];
    } else if (note.label) body = byLabel.get(note.label);
    if (body) for (const token of body) out.push(token);
    // The back links go inside the last paragraph, as the plugin puts them.
    const lastParagraph = out[out.length - 1]?.type === "paragraph_close" ? out.pop()! : null;
    // An inline footnote has no count: it is marked once.
    const marks = note.count !== undefined && note.count > 0 ? note.count : 1;
    for (let subId = 0; subId < marks; subId++) {
      const anchor = new state.Token("footnote_anchor", "", 0);
      anchor.meta = { id, subId, label: note.label };
      out.push(anchor);
    }
    if (lastParagraph) out.push(lastParagraph);
    out.push(new state.Token("footnote_close", "", -1));
  });
  out.push(new state.Token("footnote_block_close", "", -1));
}
