/**
 * The titles of a Markdown text's ATX headings (`## Title`, any level), outside fenced code: a
 * quick read, without parsing, of which sections a file has. Setext headings (`Title` over
 * `===`) and headings inside HTML blocks are not seen, which errs towards a section missing.
 */
export function scanHeadingTitles(text: string): string[] {
  const titles: string[] = [];
  let fence: string | null = null;
  for (const line of text.split("\n")) {
    const opening = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (opening) {
      const marker = opening[1]!;
      if (fence === null) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = null;
      continue;
    }
    if (fence !== null) continue;
    const heading = /^ {0,3}#{1,6}[ \t]+(.*)$/.exec(line.replace(/\r$/, ""));
    if (heading) titles.push(heading[1]!.replace(/[ \t]+#+[ \t]*$/, "").trim());
  }
  return titles;
}
