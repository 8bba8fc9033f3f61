/**
 * The Markdown files a text links to (`[x](./text/0042-x.md#y)`), in order, each as written
 * without its `./`, fragment or query, and percent-decoding undone where it can be.
 */
export function linkedMarkdownFiles(text: string): string[] {
  return [...text.matchAll(/\]\(\s*<?(?:\.\/)?([^)\s>#?]+\.md)/gi)].map((m) => decoded(m[1]!));
}

function decoded(target: string): string {
  try {
    return decodeURI(target);
  } catch {
    // A stray `%` is no encoding: the name is as written.
    return target;
  }
}
