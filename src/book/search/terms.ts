// Shared by the build (src/book/search/) and the reader's browser (src/client/search.ts), so a
// query is cut into the same terms as the text was. Pure: no Node, no DOM.

/** Words too common to find anything; dropped from the index and from queries. */
const stopWords = new Set(
  "a an and are as at be but by can do for from has have if in into is it its not of on or so such that the their then there these they this to was we were will with would".split(" "),
);

/** A word of the text: letters and digits of any script. */
export const wordPattern = /[\p{L}\p{N}]+/gu;

/** The longest term kept: longer "words" are hashes and encoded data, not something a reader types. */
const maxTermLength = 30;

/** A word as the index keeps it: lower case, accents removed (`Café` → `cafe`). */
export function toTerm(word: string): string {
  const lower = word.toLowerCase();
  // Most words are ASCII, and normalising every one of them is most of the index's build time.
  return /^[ -~]*$/.test(lower) ? lower : lower.normalize("NFKD").replace(/\p{M}/gu, "");
}

/** Whether a term is indexed at all: two characters or more, not too long, not a stop word. */
export function isIndexed(term: string): boolean {
  return term.length >= 2 && term.length <= maxTermLength && !stopWords.has(term);
}

/** The indexed terms of a text, in order, repeats kept (their count is the term's weight). */
export function toTerms(text: string): string[] {
  const terms: string[] = [];
  for (const match of text.matchAll(wordPattern)) {
    const term = toTerm(match[0]);
    if (isIndexed(term)) terms.push(term);
  }
  return terms;
}
