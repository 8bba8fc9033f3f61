/**
 * The titles of a Markdown text's ATX headings (`## Title`, any level), outside fenced code: a
 * quick read, without parsing, of which sections a file has. A line is looked at only when its
 * first character past up to three spaces can open a heading or a fence. Setext headings
 * (`Title` over `===`) and headings inside HTML blocks are not seen, which errs towards a section
 * missing.
 */
export function scanHeadingTitles(text: string): string[] {
  const titles: string[] = [];
  let fence: string | null = null;
  for (let start = 0; start < text.length; ) {
    const newline = text.indexOf("\n", start);
    const end = newline === -1 ? text.length : newline;
    let at = start;
    while (at < end && at - start < 3 && text.charCodeAt(at) === 32) at++;
    const first = text[at];
    if (first === "#" || first === "`" || first === "~") {
      const line = text.slice(at, end).replace(/\r$/, "");
      const opening = /^(`{3,}|~{3,})(.*)$/.exec(line);
      if (opening) {
        const marker = opening[1]!;
        if (fence === null) fence = marker;
        else if (marker[0] === fence[0] && marker.length >= fence.length && opening[2]!.trim() === "") fence = null;
      } else if (fence === null) {
        const heading = /^#{1,6}[ \t]+(.*)$/.exec(line);
        if (heading) titles.push(heading[1]!.replace(/[ \t]+#+[ \t]*$/, "").trim());
      }
    }
    start = end + 1;
  }
  return titles;
}
