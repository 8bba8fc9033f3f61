import sanitizeHtml from "sanitize-html";
import { toRemoteImageAttributes, waitsForClick } from "../plugins/remote-images.ts";
import { linkSchemes, toAllowedUrl } from "../url-policy.ts";

// SVG drawn inline in RFCs (diagrams, GitHub's alert icons). Elements that can load or run
// something (`script`, `use`, `foreignObject`, `animate`, `set`, `image`) are left out.
const svgTags = ["svg", "g", "path", "circle", "ellipse", "line", "polyline", "polygon", "rect", "text", "tspan", "defs", "marker", "lineargradient", "radialgradient", "stop", "title", "desc", "clippath", "mask", "symbol", "pattern"];
const svgAttributes = [
  "viewbox", "xmlns", "version", "width", "height", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "d", "points",
  "fill", "fill-rule", "fill-opacity", "clip-rule", "stroke", "stroke-width", "stroke-linecap", "stroke-linejoin", "stroke-dasharray", "stroke-opacity",
  "opacity", "transform", "text-anchor", "dominant-baseline", "font-size", "font-family", "font-weight", "offset", "stop-color", "stop-opacity",
  "marker-end", "marker-start", "markerwidth", "markerheight", "refx", "refy", "orient", "preserveaspectratio", "gradientunits", "dx", "dy",
];
const svgTagSet = new Set(svgTags);

// Client state of the book's script lives in window names starting so; an RFC's id or name may not.
const reservedName = /^rfckit/i;

type Attributes = Record<string, string>;

/** One tag as the book keeps it: see `createSanitizer`. */
function toKeptTag(tagName: string, attribs: Attributes, imageHosts: readonly string[]): sanitizeHtml.Tag {
  const kept: Attributes = {};
  for (const [name, value] of Object.entries(attribs)) {
    if ((name === "id" || name === "name") && reservedName.test(value)) continue;
    // SVG paint may name a server (`fill="url(https://…)"`), fetched with the page; only
    // references to the drawing's own parts (`url(#gradient)`) stay. A backslash would be a CSS escape.
    if (svgTagSet.has(tagName) && (value.includes("\\") || /url\s*\(/i.test(value.replace(/url\(\s*#[\w.:-]*\s*\)/gi, "")))) continue;
    kept[name] = value;
  }
  if (tagName === "input") {
    // The only input a page shows is a task list's checkbox, and it cannot be changed; it keeps
    // its class and the label a screen reader reads.
    const named = Object.fromEntries(["class", "aria-label"].flatMap((name) => (kept[name] === undefined ? [] : [[name, kept[name]!]])));
    return { tagName, attribs: { type: "checkbox", ...named, disabled: "", ...(kept["checked"] !== undefined ? { checked: "" } : {}) } };
  }
  if (tagName === "img") {
    const src = kept["src"] ?? "";
    if (waitsForClick(src, imageHosts)) return { tagName: "span", attribs: toRemoteImageAttributes(src, kept["alt"] ?? "") };
    if (toAllowedUrl(src, "image") === null) delete kept["src"];
  }
  return { tagName, attribs: kept };
}

const baseOptions: sanitizeHtml.IOptions = {
  allowedTags: [
    ...sanitizeHtml.defaults.allowedTags,
    "img", "details", "summary", "sup", "sub", "kbd", "input", "del", "s", "ins", "span", "div", "section", "hr", "br",
    "dl", "dt", "dd", "figure", "figcaption", "picture", "abbr", "mark", "small", "var", "samp", "u", "center",
    ...svgTags,
  ],
  allowedAttributes: {
    "*": ["id", "class", "title", "lang", "dir", "align", "aria-hidden", "aria-label", "role"],
    a: ["href", "name", "rel", "tabindex"],
    img: ["src", "alt", "width", "height", "loading"],
    input: ["type", "checked", "disabled"],
    td: ["colspan", "rowspan", "style"],
    th: ["colspan", "rowspan", "scope", "style"],
    ol: ["start", "type", "reversed"],
    li: ["value"],
    details: ["open"],
    // A video's player address, and a remote image's address, text and host: the client script
    // embeds only known players' addresses, and shows an image only when clicked.
    span: ["data-embed", "data-image", "data-alt", "data-host"],
    ...Object.fromEntries(svgTags.map((tag) => [tag, svgAttributes])),
  },
  // A table column's alignment, as Markdown tables write it.
  allowedStyles: { td: { "text-align": [/^(?:left|right|center)$/] }, th: { "text-align": [/^(?:left|right|center)$/] } },
  allowedSchemes: [...linkSchemes],
  // Images may also be data: images; `toKeptTag` holds them to the book's URL policy.
  allowedSchemesByTag: { img: ["http", "https", "data"] },
  allowedSchemesAppliedToAttributes: ["href", "src", "cite"],
  allowProtocolRelative: false,
  parser: { lowerCaseAttributeNames: true },
};

/**
 * A sanitiser that keeps the HTML an RFC may carry (inline SVG, `<details>`, images, tables,
 * `<kbd>`…) and drops what can run or send anything: scripts, event handlers, `javascript:` and
 * `data:` links, forms, frames, `style`, SVG paint from other servers; images from other hosts
 * than `imageHosts` become click-to-load placeholders. Runs on the rendered body, so raw HTML
 * and Markdown get one policy.
 */
export function createSanitizer(options: { imageHosts: readonly string[] }): (html: string) => string {
  const withHosts: sanitizeHtml.IOptions = { ...baseOptions, transformTags: { "*": (tagName, attribs) => toKeptTag(tagName, attribs, options.imageHosts) } };
  return (html) => sanitizeHtml(boundNesting(html), withHosts);
}

/** Deeper than any page needs: Rust's deepest raw HTML nests a few tens of elements. */
const maxDepth = 256;
const voidElements = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);
const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^<>]*?(\/?)>/g;

/**
 * The HTML with every tag that would open an element deeper than `maxDepth` shown as text: the
 * sanitiser's parser (htmlparser2) keeps its open elements in an array it grows at the front,
 * which costs the depth at each tag, so 160,000 unclosed `<span>`s took 25 s. The depth is counted
 * roughly (a stray closing tag lowers it), which only ever turns more tags into text, never less.
 */
function boundNesting(html: string): string {
  let depth = 0;
  let deep = false;
  const bounded = html.replace(tag, (whole: string, closing: string, name: string, selfClosing: string) => {
    if (closing) {
      if (depth > 0) depth--;
      return whole;
    }
    if (selfClosing || voidElements.has(name.toLowerCase())) return whole;
    if (depth < maxDepth) {
      depth++;
      return whole;
    }
    deep = true;
    return `&lt;${whole.slice(1)}`;
  });
  return deep ? bounded : html;
}
