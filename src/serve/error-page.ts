import { escapeText } from "../book/render/escape.ts";
import { UserError } from "../errors.ts";

/**
 * The page shown in place of the book while it cannot be built (the template deleted,
 * `book.toml` broken): the problem and its hint, escaped. The server keeps running, and the
 * reload script on this page brings the book back once the file is fixed.
 */
export function renderErrorPage(error: unknown): string {
  const user = error instanceof UserError;
  const where = user && error.file ? `${error.file}${error.line ? `:${error.line}` : ""}: ` : "";
  const message = error instanceof Error ? error.message : String(error);
  const hint = user ? `<p class="hint">hint: ${escapeText(error.hint)}</p>` : "<p class=\"hint\">This is a bug in rfckit; the details are printed where <code>rfc serve</code> runs.</p>";
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Build failed · rfc serve</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem}pre{white-space:pre-wrap;background:#fdd;padding:1rem;border-radius:4px}</style>
</head>
<body>
<h1>The book could not be built</h1>
<pre>${escapeText(where + message)}</pre>
${hint}
<p>Fix the file and save it: this page reloads by itself.</p>
</body>
</html>
`;
}
