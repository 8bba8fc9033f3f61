import sanitizeHtml from "sanitize-html";

// SVG drawn inline in RFCs (diagrams, GitHub's alert icons). Elements that can load or run
// something (`script`, `use`, `foreignObject`, `animate`, `set`, `image`) are left out.
const svgTags = ["svg", "g", "path", "circle", "ellipse", "line", "polyline", "polygon", "rect", "text", "tspan", "defs", "marker", "lineargradient", "radialgradient", "stop", "title", "desc", "clippath", "mask", "symbol", "pattern"];
const svgAttributes = [
  "viewbox", "xmlns", "version", "width", "height", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "d", "points",
  "fill", "fill-rule", "fill-opacity", "clip-rule", "stroke", "stroke-width", "stroke-linecap", "stroke-linejoin", "stroke-dasharray", "stroke-opacity",
  "opacity", "transform", "text-anchor", "dominant-baseline", "font-size", "font-family", "font-weight", "offset", "stop-color", "stop-opacity",
  "marker-end", "marker-start", "markerwidth", "markerheight", "refx", "refy", "orient", "preserveaspectratio", "gradientunits", "dx", "dy",
];

const options: sanitizeHtml.IOptions = {
  allowedTags: [
    ...sanitizeHtml.defaults.allowedTags,
    "img", "details", "summary", "sup", "sub", "kbd", "input", "del", "s", "ins", "span", "div", "section", "hr", "br",
    "dl", "dt", "dd", "figure", "figcaption", "picture", "abbr", "mark", "small", "var", "samp", "u", "center",
    ...svgTags,
  ],
  allowedAttributes: {
    "*": ["id", "class", "title", "lang", "dir", "align", "aria-hidden", "aria-label", "role"],
    a: ["href", "name", "rel"],
    img: ["src", "alt", "width", "height", "loading"],
    input: ["type", "checked", "disabled"],
    td: ["colspan", "rowspan"],
    th: ["colspan", "rowspan", "scope"],
    ol: ["start", "type", "reversed"],
    li: ["value"],
    details: ["open"],
    // A video placeholder's player address; the client script embeds only known players' addresses.
    span: ["data-embed"],
    ...Object.fromEntries(svgTags.map((tag) => [tag, svgAttributes])),
  },
  allowedSchemes: ["http", "https", "mailto"],
  // An image from a data: URL cannot run script (browsers never run script in an <img>).
  allowedSchemesByTag: { img: ["http", "https", "data"] },
  allowedSchemesAppliedToAttributes: ["href", "src", "cite"],
  allowProtocolRelative: false,
  // The only input a page shows is a task list's checkbox, and it cannot be changed.
  transformTags: {
    input: (tagName, attribs) => ({ tagName, attribs: { type: "checkbox", disabled: "", ...(attribs["checked"] !== undefined ? { checked: "" } : {}) } }),
  },
  parser: { lowerCaseAttributeNames: true },
};

/**
 * Keeps the HTML an RFC may carry (inline SVG, `<details>`, images, tables, `<kbd>`…) and drops
 * what can run or send anything: scripts, event handlers, `javascript:` and `data:` links,
 * forms, frames, `style`. Runs on the rendered body, so raw HTML and Markdown get one policy.
 */
export function sanitizeBody(html: string): string {
  return sanitizeHtml(html, options);
}
