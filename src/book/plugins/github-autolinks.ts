import type MarkdownIt from "markdown-it";

/** What every address GitHub links in prose holds: a scheme's `://`, `www.` or an email's `@`. */
const mayHoldAutolink = /:\/\/|www\.|@|mailto:/i;

/**
 * Links bare addresses in text as GitHub does: `https://…`, `www.…` and emails, where
 * linkify-it alone also links any word with a dot and a known top-level domain (`README.md`,
 * `lib.rs`, `crates.io` became `http://README.md`, `http://lib.rs`, `http://crates.io`). A
 * protocol-relative `//host` is not linked either. Texts with none of `://`, `www.`, `@` or
 * `mailto:` skip linkify-it's own pretest, a regular expression of every Unicode punctuation mark
 * that took a sixth of the Markdown parse of a book.
 */
export function githubAutolinks(md: MarkdownIt): void {
  const linkify = md.linkify;
  linkify.add("//", null);
  const matchAll = linkify.match.bind(linkify);
  let lastText: string | null = null;
  let lastMatches: ReturnType<typeof matchAll> = null;
  const match = (text: string) => {
    if (text !== lastText) {
      const found = matchAll(text)?.filter((link) => link.schema !== "" || /^www\./i.test(link.raw)) ?? [];
      lastText = text;
      lastMatches = found.length > 0 ? found : null;
    }
    return lastMatches;
  };
  linkify.pretest = (text) => mayHoldAutolink.test(text);
  // markdown-it asks `test` before `match` for each text: one filtered match answers both.
  linkify.test = (text) => match(text) !== null;
  linkify.match = match;
}
