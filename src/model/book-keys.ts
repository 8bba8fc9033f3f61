/** What rfckit does with one setting of `book.toml` (mdBook's, not `[rfckit]`). */
export interface BookKeyUse {
  /** The dotted key, `output.html.site-url`; a table rfckit reads as a whole is one key (`output.html.redirect`). */
  key: string;
  used: boolean;
  why: string;
}

/** Each rule: the keys it covers (a key, or a table and everything under it), whether it is used, and why. */
const rules: { key: string; table?: boolean; used: boolean; why: string }[] = [
  { key: "book.title", used: true, why: "the book's title" },
  { key: "book.src", used: true, why: "where SUMMARY.md is read from, for the chapters and the RFC folders" },
  { key: "output.html.site-url", used: true, why: "canonical links, the feed's and 404.html's links" },
  { key: "output.html.git-repository-url", used: true, why: '"Edit this page" and links to files outside the book' },
  { key: "output.html.edit-url-template", used: true, why: '"Edit this page"' },
  { key: "output.html.redirect", table: true, used: true, why: "redirect pages, as mdBook writes them" },
  { key: "output.html.no-section-label", used: true, why: "no \"1.2.\" before the chapters SUMMARY.md numbers" },
  { key: "output.html.additional-js", used: false, why: "superseded: the book runs only its own scripts, and Mermaid is built in" },
  { key: "output.html.additional-css", used: true, why: "stylesheets added to every page, without what could fetch anything" },
  { key: "output.html.smart-punctuation", used: true, why: "typographic quotes and dashes (on unless false)" },
  { key: "output.html.curly-quotes", used: true, why: "mdBook's older name for smart-punctuation" },
  { key: "output.html.default-theme", used: true, why: "the theme of a reader whose system asks for light: light and rust are light, coal, navy and ayu dark" },
  { key: "output.html.preferred-dark-theme", used: true, why: "the theme of a reader whose system asks for dark: light and rust are light, coal, navy and ayu dark" },
  { key: "output.html.search.enable", used: true, why: "false leaves the search out" },
  { key: "output.html.search", table: true, used: false, why: "the book's search has an index of its own, split by heading" },
  { key: "output.html.playground", table: true, used: false, why: "no code runs in the book" },
  { key: "output.html.print.enable", used: true, why: "false leaves out print.html and its link" },
  { key: "output.html.print", table: true, used: false, why: "print.html gathers the chapters in the reader's browser, each on a new page" },
  { key: "output.html.fold", table: true, used: false, why: "the sidebar lists RFCs, which have no nesting to fold" },
  { key: "output.html", table: true, used: false, why: "an mdBook setting rfckit does not read" },
  { key: "output", table: true, used: false, why: "rfckit writes only the HTML book" },
  { key: "preprocessor.mermaid", table: true, used: false, why: "superseded: Mermaid is built in" },
  { key: "preprocessor", table: true, used: false, why: "rfckit runs no mdBook preprocessors" },
  { key: "build", table: true, used: false, why: "rfc build and rfc serve read the whole repository" },
  { key: "book.description", used: true, why: "each page's description" },
  { key: "book.language", used: true, why: "each page's lang" },
  { key: "book.authors", used: false, why: "RFCs name their own authors" },
  { key: "book", table: true, used: false, why: "an mdBook setting rfckit does not read" },
];

/**
 * What rfckit does with each mdBook setting a `book.toml` writes (`keys`: the dotted paths of its
 * values, `[rfckit]` left out), in the order written, a table read as a whole once.
 */
export function toBookKeyUses(keys: readonly string[]): BookKeyUse[] {
  const uses: BookKeyUse[] = [];
  const seen = new Set<string>();
  for (const written of keys) {
    const rule = rules.find((r) => written === r.key || (r.table === true && written.startsWith(`${r.key}.`)));
    const key = rule?.table && rule.used ? rule.key : written;
    if (seen.has(key)) continue;
    seen.add(key);
    uses.push({ key, used: rule?.used ?? false, why: rule?.why ?? "not an mdBook setting rfckit knows" });
  }
  return uses;
}
