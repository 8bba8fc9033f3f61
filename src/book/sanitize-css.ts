/**
 * CSS that can only draw. Used by `sanitizeSvg` on `<style>` text, `style` attributes and every
 * other attribute value (presentation attributes such as `fill` are read as CSS).
 */

// Read with white space and control characters removed and in lower case, so that `URL (`,
// `java\tscript:` and `@IMPORT` are found too. A backslash is refused outright: CSS escapes
// (`\75 rl(`) can spell any of these, and real drawings have no use for them.
const forbidden = /\\|@import|javascript:|vbscript:|expression\(|image-set\(|cross-fade\(|src\(|-moz-binding|behavior:/;

/**
 * True when the text could make a browser fetch something or run script: a `url(` other than
 * `url(#id)`, `@import`, `javascript:`, `expression(`, a function that takes an image address, or a
 * backslash. Read both as written and with comments removed (`u/**\/rl(`), so that neither reading
 * hides a match.
 */
export function hasUnsafeText(text: string): boolean {
  for (const variant of [text, text.replace(/\/\*[\s\S]*?(?:\*\/|$)/g, "")]) {
    const squeezed = squeeze(variant).toLowerCase();
    if (forbidden.test(squeezed)) return true;
    for (const match of squeezed.matchAll(/url\(/g)) {
      if (!/^["']?#/.test(squeezed.slice(match.index + 4))) return true;
    }
  }
  return false;
}

/** The text without white space and control characters, which browsers skip or drop inside a URL's scheme and CSS's tokens. */
export function squeeze(text: string): string {
  let out = "";
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code > 0x20 && code !== 0x7f && !/\s/.test(char)) out += char;
  }
  return out;
}

/**
 * A stylesheet with each unsafe declaration, statement (`@import …;`) or block (a rule whose
 * selector or an at-rule whose prelude is unsafe) removed; the text unchanged when nothing is
 * unsafe. Null when the text cannot be split with certainty (an unclosed string, comment or
 * block): the caller then drops the whole stylesheet.
 */
export function toSafeStylesheet(css: string): string | null {
  return toSafeCss(css, { blocks: true });
}

/** The declarations of a `style` attribute with the unsafe ones removed; see `toSafeStylesheet`. */
export function toSafeDeclarations(css: string): string | null {
  return toSafeCss(css, { blocks: false });
}

type Item = { kind: "leaf"; text: string } | { kind: "block"; prelude: string; items: Item[] };

function toSafeCss(css: string, options: { blocks: boolean }): string | null {
  if (!hasUnsafeText(css)) return css;
  const items = parseItems(css, options.blocks);
  if (items === null) return null;
  const out = serialize(keepSafe(items));
  // The result is read again as a whole: whatever the splitting missed, nothing unsafe is left.
  return hasUnsafeText(out) ? null : out;
}

function keepSafe(items: readonly Item[]): Item[] {
  return items.flatMap((item): Item[] => {
    if (item.kind === "leaf") return hasUnsafeText(item.text) ? [] : [item];
    return hasUnsafeText(item.prelude) ? [] : [{ kind: "block", prelude: item.prelude, items: keepSafe(item.items) }];
  });
}

function serialize(items: readonly Item[]): string {
  return items.map((item) => (item.kind === "leaf" ? `${item.text.trim()};` : `${item.prelude.trim()} {${serialize(item.items)}}`)).join(" ");
}

/**
 * Splits CSS into declarations or statements (ended by `;` or `}`) and blocks (`prelude { … }`),
 * with strings, comments and parentheses taken into account (`url(data:a;b)` is one item).
 * Comments are dropped. Null when a string, comment, parenthesis or block is left open.
 */
function parseItems(css: string, allowBlocks: boolean): Item[] | null {
  let i = 0;
  const parse = (nested: boolean): Item[] | null => {
    const items: Item[] = [];
    let text = "";
    let parens = 0;
    const flush = () => {
      if (text.trim() !== "") items.push({ kind: "leaf", text });
      text = "";
    };
    while (i < css.length) {
      const c = css[i]!;
      if (c === "/" && css[i + 1] === "*") {
        const end = css.indexOf("*/", i + 2);
        if (end === -1) return null;
        text += " ";
        i = end + 2;
        continue;
      }
      if (c === '"' || c === "'") {
        const start = i++;
        while (i < css.length && css[i] !== c) {
          if (css[i] === "\n" || css[i] === "\r" || css[i] === "\f") return null;
          i += css[i] === "\\" ? 2 : 1;
        }
        if (i >= css.length) return null;
        text += css.slice(start, ++i);
        continue;
      }
      i++;
      if (c === "(") parens++;
      else if (c === ")" && --parens < 0) return null;
      if (parens > 0 || (c !== ";" && c !== "{" && c !== "}")) {
        text += c;
        continue;
      }
      if (c === ";") flush();
      else if (c === "{") {
        if (!allowBlocks) return null;
        const prelude = text;
        text = "";
        const inner = parse(true);
        if (inner === null) return null;
        items.push({ kind: "block", prelude, items: inner });
      } else {
        if (!nested) return null;
        flush();
        return items;
      }
    }
    if (nested || parens !== 0) return null;
    flush();
    return items;
  };
  return parse(false);
}
