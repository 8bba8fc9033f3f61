import { QuoteType, Tokenizer } from "htmlparser2";
import { hasUnsafeText, squeeze, toSafeDeclarations, toSafeStylesheet } from "./sanitize-css.ts";

/** The sanitised drawing, or why it is not published. */
export type SanitizedSvg = { svg: string } | { error: string };

const svgNs = "http://www.w3.org/2000/svg";
const xhtmlNs = "http://www.w3.org/1999/xhtml";
const xlinkNs = "http://www.w3.org/1999/xlink";

/**
 * SVG elements kept (names are case-sensitive in XML). Left out: `script`, the animation elements
 * (`animate`, `set`, `animateMotion`, `animateTransform` can set `href` to `javascript:`), and
 * anything that embeds or fetches (`iframe`, `embed`, `object`, `cursor`, fonts).
 */
const svgElements = new Set([
  ...["svg", "g", "defs", "symbol", "use", "title", "desc", "metadata", "switch", "a", "view", "style"],
  ...["path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan", "textPath", "image", "foreignObject"],
  ...["linearGradient", "radialGradient", "stop", "pattern", "clipPath", "mask", "marker", "filter"],
  ...["feBlend", "feColorMatrix", "feComponentTransfer", "feComposite", "feConvolveMatrix", "feDiffuseLighting", "feDisplacementMap"],
  ...["feDistantLight", "feDropShadow", "feFlood", "feFuncA", "feFuncB", "feFuncG", "feFuncR", "feGaussianBlur", "feImage", "feMerge"],
  ...["feMergeNode", "feMorphology", "feOffset", "fePointLight", "feSpecularLighting", "feSpotLight", "feTile", "feTurbulence"],
]);

/** XHTML elements kept inside `<foreignObject>`: the text formatting of draw.io's labels. No images, media, forms or frames. */
const xhtmlElements = new Set([
  ...["div", "span", "p", "br", "hr", "b", "i", "u", "s", "em", "strong", "font", "sub", "sup", "small", "big", "strike", "mark", "del", "ins"],
  ...["code", "pre", "kbd", "samp", "var", "abbr", "q", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd"],
  ...["table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td", "a", "style"],
]);

/** Attributes that fetch or embed something, or name a base address: dropped on every element. */
const droppedAttributes = new Set(["src", "srcset", "action", "formaction", "data", "poster", "background", "ping", "lowsrc", "dynsrc", "codebase", "archive", "srcdoc"]);

/** Prefixed attributes kept; every other one (`inkscape:label`, `xml:base`, `xlink:arcrole`…) is dropped. */
const prefixedAttributes = new Set(["xlink:href", "xlink:title", "xml:space", "xml:lang"]);

/**
 * Makes an SVG file safe to open from the book's site, keeping what draws it: parses it as XML
 * and writes back only allowed elements and attributes, everything else as it was written (a
 * clean drawing comes out byte for byte). Dropped: elements not in the allow-lists (with their
 * content), `on*` attributes, `href`s other than `#fragment` (an `<image>` may also load a
 * relative path or a PNG, JPEG, GIF or WebP `data:` URL), any attribute or CSS declaration with a
 * `url(` other than `url(#…)`, `@import`, `javascript:`, `expression(` or a backslash, namespaces
 * other than SVG, XHTML (inside `<foreignObject>`) and XLink, the DOCTYPE, and processing
 * instructions other than the XML declaration. Input that is not well-formed XML, is not UTF-8
 * (as declared), has an internal DTD subset (entity definitions) or whose root is not `<svg>`
 * gives an error: such a file is not published.
 */
export function sanitizeSvg(source: string): SanitizedSvg {
  try {
    return { svg: new SvgSanitizer(source.replace(/^\uFEFF/, "")).run() };
  } catch (error) {
    return { error: error instanceof NotWellFormed ? error.message : `it could not be sanitised (${String(error)})` };
  }
}

class NotWellFormed extends Error {}

interface Attribute {
  name: string;
  /** As written between the quotes. */
  raw: string;
  /** With character references decoded. */
  value: string;
  quote: QuoteType;
}

interface Frame {
  name: string;
  /** False when the element is left out, with everything in it. */
  kept: boolean;
  ns: "svg" | "xhtml";
  /** True inside a `<foreignObject>`, where XHTML is allowed. */
  inForeignObject: boolean;
  /** For a kept `<style>`: its start tag and text, written when it closes, once its CSS is known. */
  style: { startTag: string; pieces: { raw: string; text: string }[] } | null;
}

class SvgSanitizer {
  private readonly out: string[] = [];
  private readonly stack: Frame[] = [];
  private root: "before" | "open" | "closed" = "before";
  private rootTag: { index: number; head: string; tail: string; declaresXlink: boolean } | null = null;
  private usesXlink = false;
  private tag: { name: string; start: number; attributes: Attribute[] } | null = null;
  private attribute: { name: string; raw: string } | null = null;

  constructor(private readonly src: string) {}

  run(): string {
    const tokenizer = new Tokenizer(
      { xmlMode: true, decodeEntities: false },
      {
        onattribdata: (start, end) => {
          this.attribute!.raw += this.src.slice(start, end);
        },
        onattribentity: () => {},
        onattribend: (quote) => this.endAttribute(quote),
        onattribname: (start, end) => {
          this.attribute = { name: this.src.slice(start, end), raw: "" };
        },
        oncdata: (start, end, offset) => this.onCdata(start, end, offset),
        onclosetag: (start, end) => this.onCloseTag(start, end),
        oncomment: (start, end, offset) => this.onComment(start, end, offset),
        ondeclaration: (start, end) => this.onDeclaration(start, end),
        onend: () => {},
        onopentagend: () => this.openElement(false),
        onopentagname: (start, end) => {
          this.tag = { name: this.src.slice(start, end), start, attributes: [] };
        },
        onprocessinginstruction: (start, end) => this.onProcessingInstruction(start, end),
        onselfclosingtag: () => this.openElement(true),
        ontext: (start, end) => this.onText(start, end),
        ontextentity: () => {},
      },
    );
    tokenizer.write(this.src);
    tokenizer.end();
    if (this.tag !== null) this.fail(this.tag.start, `the tag <${this.tag.name}> is never closed with ">"`);
    const open = this.stack.at(-1);
    if (open) this.fail(this.src.length, `<${open.name}> is never closed`);
    if (this.root !== "closed" || this.rootTag === null) this.fail(0, "there is no <svg> element");
    const { index, head, tail, declaresXlink } = this.rootTag;
    this.out[index] = head + (this.usesXlink && !declaresXlink ? ` xmlns:xlink="${xlinkNs}"` : "") + tail;
    return this.out.join("");
  }

  private fail(at: number, message: string): never {
    const line = this.src.slice(0, at).split("\n").length;
    throw new NotWellFormed(`it is not well-formed XML (line ${line}: ${message})`);
  }

  private endAttribute(quote: QuoteType): void {
    const { name, raw } = this.attribute!;
    this.attribute = null;
    const tag = this.tag!;
    if (quote === QuoteType.NoValue || quote === QuoteType.Unquoted) this.fail(tag.start, `the attribute ${name} has no quoted value`);
    if (!isName(name)) this.fail(tag.start, `"${name}" is not an attribute name`);
    if (tag.attributes.some((a) => a.name === name)) this.fail(tag.start, `the attribute ${name} is given twice`);
    if (raw.includes("<")) this.fail(tag.start, `the value of ${name} holds a "<"`);
    tag.attributes.push({ name, raw, value: this.decode(raw, tag.start), quote });
  }

  private openElement(selfClosing: boolean): void {
    const tag = this.tag!;
    this.tag = null;
    if (!isName(tag.name)) this.fail(tag.start, `"${tag.name}" is not an element name`);
    const parent = this.stack.at(-1) ?? null;
    if (parent === null) {
      if (this.root !== "before") this.fail(tag.start, `<${tag.name}> is a second root element`);
      if (tag.name !== "svg") this.fail(tag.start, `the root element is <${tag.name}>, not <svg>`);
      this.root = "open";
    }
    const xmlns = tag.attributes.find((a) => a.name === "xmlns")?.value;
    if (parent === null && xmlns !== undefined && xmlns !== svgNs) this.fail(tag.start, `the root element's namespace is ${xmlns}, not SVG's`);
    const ns = xmlns === undefined ? (parent?.ns ?? "svg") : xmlns === svgNs ? "svg" : xmlns === xhtmlNs ? "xhtml" : null;
    const inForeignObject = parent !== null && (parent.inForeignObject || (parent.ns === "svg" && parent.name === "foreignObject"));
    const allowed = ns === "svg" ? svgElements.has(tag.name) : ns === "xhtml" && inForeignObject && xhtmlElements.has(tag.name);
    const kept = (parent === null || (parent.kept && parent.style === null)) && allowed;
    const frame: Frame = { name: tag.name, kept, ns: ns ?? "svg", inForeignObject, style: null };
    if (kept) {
      const head = `<${tag.name}${parent === null && xmlns === undefined ? ` xmlns="${svgNs}"` : ""}${this.toAttributes(tag.name, frame.ns, tag.attributes)}`;
      const tail = selfClosing ? "/>" : ">";
      if (parent === null) {
        this.rootTag = { index: this.out.length, head, tail, declaresXlink: tag.attributes.some((a) => a.name === "xmlns:xlink" && a.value === xlinkNs) };
        this.out.push("");
      } else if (tag.name === "style" && !selfClosing) frame.style = { startTag: head + tail, pieces: [] };
      else this.out.push(head + tail);
    }
    if (selfClosing) {
      if (parent === null) this.root = "closed";
    } else this.stack.push(frame);
  }

  /** The attributes kept, each as ` name="value"`. */
  private toAttributes(element: string, ns: "svg" | "xhtml", attributes: readonly Attribute[]): string {
    let out = "";
    for (const attribute of attributes) {
      const { name, value } = attribute;
      const lower = name.toLowerCase();
      if (name === "xmlns") {
        out += ` ${name}="${value}"`; // one of the two namespaces allowed, checked by the caller
        continue;
      }
      if (name.startsWith("xmlns:")) {
        // Only XLink's prefix is declared, and only to XLink: no other prefix is kept anywhere.
        if (name === "xmlns:xlink" && value === xlinkNs) out += ` ${name}="${xlinkNs}"`;
        continue;
      }
      if (lower.startsWith("on") || droppedAttributes.has(lower)) continue;
      if (name.includes(":") && !prefixedAttributes.has(name)) continue;
      if ((name === "href" || name === "xlink:href") && !isAllowedHref(value, { image: ns === "svg" && element === "image" })) continue;
      if (name === "style") {
        const safe = hasUnsafeText(value) ? toSafeDeclarations(value) : value;
        if (safe === null || safe.trim() === "") continue;
        out += ` style="${safe === value ? toDoubleQuoted(attribute) : escapeAttribute(safe)}"`;
        continue;
      }
      if (hasUnsafeText(value)) continue;
      if (name.startsWith("xlink:")) this.usesXlink = true;
      out += ` ${name}="${toDoubleQuoted(attribute)}"`;
    }
    return out;
  }

  private onText(start: number, end: number): void {
    const raw = this.src.slice(start, end);
    const top = this.stack.at(-1);
    if (!top) {
      if (raw.trim() !== "") this.fail(start, "there is text outside the <svg> element");
      this.out.push(raw);
      return;
    }
    if (raw.includes("<")) this.fail(start, 'a "<" starts no tag');
    if (raw.includes("]]>")) this.fail(start, '"]]>" in text');
    const text = this.decode(raw, start);
    if (!top.kept) return;
    if (top.style) top.style.pieces.push({ raw, text });
    else this.out.push(raw);
  }

  private onCdata(start: number, end: number, offset: number): void {
    const text = this.src.slice(start, end - offset);
    const top = this.stack.at(-1);
    if (!top) this.fail(start, "a CDATA section outside the <svg> element");
    if (this.src.slice(end - offset, end + 1) !== "]]>") this.fail(start, "a CDATA section is never closed");
    this.checkChars(text, start);
    if (!top.kept) return;
    const raw = `<![CDATA[${text}]]>`;
    if (top.style) top.style.pieces.push({ raw, text });
    else this.out.push(raw);
  }

  private onComment(start: number, end: number, offset: number): void {
    const text = this.src.slice(start, end - offset);
    if (this.src.slice(end - offset, end + 1) !== "-->") this.fail(start, "a comment is never closed");
    if (text.includes("--") || text.endsWith("-")) this.fail(start, 'a comment holds "--"');
    this.checkChars(text, start);
    const top = this.stack.at(-1);
    // Comments are kept where they are harmless; inside a <style> the CSS is the text alone.
    if (!top || (top.kept && top.style === null)) this.out.push(`<!--${text}-->`);
  }

  private onDeclaration(start: number, end: number): void {
    const text = this.src.slice(start, end);
    if (!/^DOCTYPE\s/.test(text)) this.fail(start, `<!${text.split(/\s/)[0]}> is not allowed here`);
    if (this.root !== "before") this.fail(start, "the DOCTYPE comes after the root element");
    // An internal subset can define entities (`<!ENTITY x "<script>…">`); a drawing needs none.
    if (text.includes("[")) this.fail(start, "the DOCTYPE defines entities or elements (an internal subset)");
  }

  private onProcessingInstruction(start: number, end: number): void {
    const text = this.src.slice(start, end);
    if (!text.endsWith("?")) this.fail(start, "a processing instruction does not end with ?>");
    if (!/^xml\s/i.test(text)) return; // <?xml-stylesheet?> and the like are dropped
    if (start !== 2 || !text.startsWith("xml")) this.fail(start, "the XML declaration is not at the start of the file");
    const encoding = /\sencoding\s*=\s*["']([^"']*)["']/.exec(text)?.[1];
    if (encoding !== undefined && encoding.toLowerCase() !== "utf-8") throw new NotWellFormed(`it declares the encoding ${encoding}; save it as UTF-8`);
    this.out.push(`<?${text}>`);
  }

  private onCloseTag(start: number, end: number): void {
    const name = this.src.slice(start, end);
    const close = this.src.indexOf(">", end);
    if (close === -1 || this.src.slice(end, close).trim() !== "") this.fail(start, `the end tag </${name}> is malformed`);
    const top = this.stack.pop();
    if (!top) this.fail(start, `</${name}> closes no element`);
    if (top.name !== name) this.fail(start, `</${name}> closes <${top.name}>`);
    if (this.stack.length === 0) this.root = "closed";
    if (!top.kept) return;
    if (top.style) {
      const text = top.style.pieces.map((p) => p.text).join("");
      const safe = toSafeStylesheet(text);
      if (safe === null) return; // the whole <style> is left out
      this.out.push(top.style.startTag, safe === text ? top.style.pieces.map((p) => p.raw).join("") : escapeText(safe), `</${name}>`);
      return;
    }
    this.out.push(`</${name}>`);
  }

  /** Text or an attribute value with its character references decoded; fails on a reference XML does not define. */
  private decode(raw: string, at: number): string {
    this.checkChars(raw, at);
    if (!raw.includes("&")) return raw;
    return raw.replace(/&([^;&]*);?/g, (whole, body: string) => {
      const named = namedReferences.get(body);
      const code = named ?? (/^#[0-9]+$/.test(body) ? Number(body.slice(1)) : /^#x[0-9a-fA-F]+$/.test(body) ? Number.parseInt(body.slice(2), 16) : null);
      if (!whole.endsWith(";") || code === null) this.fail(at, `"${whole.slice(0, 12)}" is not a character reference XML knows (entities need a DTD)`);
      if (!isXmlChar(code)) this.fail(at, `${whole} is not a character XML allows`);
      return String.fromCodePoint(code);
    });
  }

  private checkChars(text: string, at: number): void {
    if (invalidChar.test(text)) this.fail(at, "a character XML does not allow (a control character, or half a surrogate pair)");
  }
}

const namedReferences = new Map([
  ["amp", 0x26],
  ["lt", 0x3c],
  ["gt", 0x3e],
  ["quot", 0x22],
  ["apos", 0x27],
]);

const invalidChar = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

function isXmlChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

function isName(name: string): boolean {
  return /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?$/.test(name);
}

/**
 * An `href` a drawing may keep: a `#fragment` (a gradient, a marker, a `<use>`d shape); on an
 * `<image>`, also a relative path or a raster `data:` URL. Browsers drop tabs, newlines and
 * leading control characters from a URL before reading its scheme, so they are dropped here too.
 */
function isAllowedHref(value: string, options: { image: boolean }): boolean {
  const url = squeeze(value);
  if (url.startsWith("#")) return true;
  if (!options.image || url === "") return false;
  if (/^data:image\/(?:png|jpeg|gif|webp)[;,]/i.test(url)) return true;
  return !/^[a-z][a-z0-9+.-]*:/i.test(url) && !url.startsWith("//") && !url.includes("\\");
}

/** The attribute's value as written, fit for double quotes. */
function toDoubleQuoted(attribute: Attribute): string {
  return attribute.quote === QuoteType.Double ? attribute.raw : attribute.raw.replace(/"/g, "&quot;");
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;").replace(/\t/g, "&#9;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;");
}

function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r/g, "&#13;");
}
