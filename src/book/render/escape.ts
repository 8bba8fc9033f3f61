const textEntities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };
const attrEntities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text placed between tags: `&`, `<` and `>`. */
export function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (c) => textEntities[c]!);
}

/** Escapes a value placed inside a quoted attribute: also both quotes, so it cannot end the attribute. */
export function escapeAttr(text: string): string {
  return text.replace(/[&<>"']/g, (c) => attrEntities[c]!);
}

/**
 * Escapes text or a quoted attribute value for XML (the Atom feed), and drops the characters XML
 * 1.0 forbids (control characters other than tab and line breaks, lone surrogates, U+FFFE/U+FFFF):
 * an HTML page survives one, but an XML parser rejects the whole document.
 */
export function escapeXml(text: string): string {
  let allowed = "";
  // By code point: a pair of surrogates is one allowed character, a lone one is dropped.
  for (const char of text) {
    const code = char.codePointAt(0)!;
    const ok = code < 0x20 ? code === 0x09 || code === 0x0a || code === 0x0d : (code < 0xd800 || code > 0xdfff) && code !== 0xfffe && code !== 0xffff;
    if (ok) allowed += char;
  }
  return allowed.replace(/[&<>"']/g, (c) => attrEntities[c]!);
}

/**
 * JSON for a `<script>` file or element: `<` written as `\u003c`, so no value (an RFC title) can
 * close the script, and U+2028/U+2029 escaped for older JavaScript parsers.
 */
export function toScriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}
