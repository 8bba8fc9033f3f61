/**
 * A copy of `text` that does not keep the string it was cut from. V8 makes a slice of a long
 * string (a heading's title cut from the file's text) a view of it, so a book that keeps one
 * title of each page would keep every page's whole text; joining and cutting again makes a
 * string of its own. For what is kept once the text is let go of (`MarkdownFile.release`).
 */
export function ownCopy(text: string): string {
  return ` ${text}`.slice(1);
}
