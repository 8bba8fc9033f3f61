// Which paragraphs the inline parser must see: the model keeps only their links, images and HTML.

/**
 * Whether inline parsing can find a link, image or HTML in `content`, from cheap tests that may
 * say yes wrongly (the parser then finds nothing) but never no wrongly. An inline link needs `](`.
 * HTML or an autolink needs `<` before what can start a tag or an address, outside a code span:
 * `Vec<T>` is mostly written in one. A reference link needs a bracketed label the file defines.
 */
export function mayHoldLinkOrHtml(content: string, references: Record<string, unknown> | undefined, normalize: (label: string) => string): boolean {
  if (content.includes("](")) return true;
  if (content.includes("<") && mayHoldHtml(content)) return true;
  if (references === undefined || !content.includes("[")) return false;
  // Escaped brackets can change where a label ends: leave those to the parser.
  if (content.includes("\\[") || content.includes("\\]")) return true;
  for (let open = content.indexOf("["); open !== -1; open = content.indexOf("[", open + 1)) {
    const close = content.indexOf("]", open + 1);
    if (close === -1) return false;
    if (references[normalize(content.slice(open + 1, close))] !== undefined) return true;
  }
  return false;
}

function mayHoldHtml(content: string): boolean {
  if (!htmlOrAutolinkStart.test(content)) return false;
  // A backtick inside `<…>` or an escaped one changes which wins, the tag or the code span.
  if (!content.includes("`") || backtickInsideAngle.test(content) || content.includes("\\`")) return true;
  return htmlOrAutolinkStart.test(maskCodeSpans(content));
}

// What may follow `<` in a tag (a letter, `/`, `!`, `?`) or an autolink (a scheme, an address).
const htmlOrAutolinkStart = /<[\w/!?.#$%&'*+=^`{|}~-]/;
const backtickInsideAngle = /<(?:`|[\w/!?.#$%&'*+=^{|}~-][^<>]*`)/;

/**
 * `content` with the text inside each code span made spaces, pairing backtick runs as CommonMark
 * does: a run opens a span that the next run of the same length closes; a run with no match is text.
 */
function maskCodeSpans(content: string): string {
  const parts: string[] = [];
  let from = 0;
  let at = content.indexOf("`");
  while (at !== -1) {
    const runEnd = endOfRun(content, at);
    let close = content.indexOf("`", runEnd);
    while (close !== -1 && endOfRun(content, close) - close !== runEnd - at) close = content.indexOf("`", endOfRun(content, close));
    if (close === -1) {
      at = content.indexOf("`", runEnd);
      continue;
    }
    parts.push(content.slice(from, runEnd), " ".repeat(close - runEnd));
    from = close;
    at = content.indexOf("`", close + (runEnd - at));
  }
  parts.push(content.slice(from));
  return parts.join("");
}

function endOfRun(text: string, start: number): number {
  let end = start;
  while (text.charCodeAt(end) === 0x60) end++;
  return end;
}
