/**
 * The anchor id GitHub and mdBook give a heading: lower case, punctuation other than `-` and `_`
 * dropped, spaces turned into `-`. `seen` counts earlier uses so repeats get `-1`, `-2`.
 */
export function toSlug(text: string, seen?: Map<string, number>): string {
  const lower = text.toLowerCase();
  // The Unicode-aware pattern is several times slower; most headings are plain ASCII.
  const base = (asciiOnly.test(lower) ? lower.replace(/[^a-z0-9 _-]/g, "") : lower.replace(/[^\p{L}\p{N}\p{M} _-]/gu, "")).replace(/ /g, "-");
  if (!seen) return base;
  const count = seen.get(base) ?? 0;
  seen.set(base, count + 1);
  return count === 0 ? base : `${base}-${count}`;
}

const asciiOnly = /^[ -~]*$/;

/**
 * The id mdBook gives a heading (its `normalize_id`): letters and digits (lower-cased in ASCII
 * only), `_` and `-` kept, any white space turned into `-`, the rest dropped; `seen` numbers
 * repeats. It equals `toSlug`'s but for headings with capitals outside ASCII (`Über`), combining
 * marks or white space other than spaces, where the book gives both.
 */
export function toMdBookId(text: string, seen: Map<string, number>): string {
  let base = "";
  if (asciiOnly.test(text)) base = text.toLowerCase().replace(/[^a-z0-9 _-]/g, "").replace(/ /g, "-");
  else {
    for (const char of text) {
      if (/[\p{Alphabetic}\p{N}_-]/u.test(char)) base += char <= "\u007f" ? char.toLowerCase() : char;
      else if (/\s/u.test(char)) base += "-";
    }
  }
  const count = seen.get(base) ?? 0;
  seen.set(base, count + 1);
  return count === 0 ? base : `${base}-${count}`;
}

const markup = /[`*~_[<\\]/;

const codeSpan = /(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g;
const placeholder = /\uE000(\d+)\uE000/g;

/** Heading text as a reader sees it: link targets, emphasis and code markers removed. */
export function toPlainHeading(markdown: string): string {
  if (!markup.test(markdown)) return markdown.trim();
  // Code spans are literal: `Vec<T>` and `_x` inside one are text, not HTML or emphasis, and
  // GitHub and mdBook build the anchor from that text. Set them aside while markup is removed.
  const spans: string[] = [];
  const masked = markdown
    .replace(codeSpan, (_match, _ticks: string, content: string) => {
      spans.push(/^ .*[^ ].* $/s.test(content) ? content.slice(1, -1) : content);
      return `\uE000${spans.length - 1}\uE000`;
    })
    // A backslash escape is its character, as written: `\[Optional\]` reads `[Optional]`.
    .replace(/\\([!-/:-@[-`{-~])/g, (_match, char: string) => {
      spans.push(char);
      return `\uE000${spans.length - 1}\uE000`;
    });
  return masked
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/!?\[([^\]]*)\]\[[^\]]*\]/g, "$1")
    .replace(/<[^>]+>/g, "")
    .replace(/[`*~]/g, "")
    .replace(/(^|\s)_+|_+(\s|$)/g, "$1$2")
    .replace(placeholder, (_match, index: string) => spans[Number(index)] ?? "")
    .trim();
}
