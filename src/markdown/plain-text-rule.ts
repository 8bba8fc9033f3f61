import type { StateInline } from "markdown-it";

/**
 * markdown-it's `text` inline rule for a parser that looks only for links, images and HTML. The
 * original stops at every character some rule or plugin might start at (`-`, `:`, `*`, `=`…),
 * and at each stop every rule is asked in turn; with only escapes, code spans, links, images,
 * autolinks and HTML enabled, text can run on to the next `\`, `` ` ``, `[`, `]`, `!` or `<`
 * (`]` ends a link's label).
 */
export function plainTextRule(state: StateInline, silent: boolean): boolean {
  let pos = state.pos;
  const max = state.posMax;
  while (pos < max && !mayStartInline(state.src.charCodeAt(pos))) pos++;
  if (pos === state.pos) return false;
  if (!silent) state.pending += state.src.slice(state.pos, pos);
  state.pos = pos;
  return true;
}

function mayStartInline(c: number): boolean {
  return c === 0x5c || c === 0x60 || c === 0x5b || c === 0x5d || c === 0x21 || c === 0x3c;
}
