import { UserError } from "../../errors.ts";
import type { Page } from "../types.ts";
import { escapeAttr, escapeText } from "./escape.ts";

/**
 * The pages of `[output.html.redirect]`, as mdBook writes them: each sends the reader on with a
 * `refresh` and says where, for browsers that do not follow it. A redirect that would write over
 * a page of the book is refused, naming both.
 */
export function renderRedirectPages(redirects: readonly { from: string; to: string }[], pages: readonly Page[]): Page[] {
  const taken = new Set(pages.map((p) => p.path));
  return redirects.map(({ from, to }) => {
    if (taken.has(from)) {
      throw new UserError(`[output.html.redirect] "/${from}" would write over the book's own page ${from}.`, {
        file: "book.toml",
        hint: "remove that redirect, or point it from a path the book does not use.",
      });
    }
    taken.add(from);
    const target = escapeAttr(to);
    return {
      path: from,
      html: `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'">
<title>Redirecting…</title>
<meta http-equiv="refresh" content="0; URL=${target}">
<link rel="canonical" href="${target}">
</head>
<body>
<p>Redirecting to <a href="${target}">${escapeText(to)}</a>…</p>
</body>
</html>
`,
    };
  });
}
