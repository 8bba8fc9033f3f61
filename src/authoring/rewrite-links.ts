import { lineText, type Link, type RfcDocument } from "../model/document.ts";
import type { Edit } from "../model/edit.ts";

/** A file or folder that moves, by paths relative to the repository root. */
export interface PathMove {
  from: string;
  to: string;
}

/** A link that points at a moved path but whose target could not be found in the text to rewrite. */
export interface StrandedLink {
  line: number;
  href: string;
}

/** The edits that make a file's links follow the moves, and links that need a hand. */
export interface LinkRewrite {
  edits: Edit[];
  stranded: StrandedLink[];
}

/**
 * The edits that keep the relative links of one Markdown file (at `source`, its path before the
 * moves) pointing where they pointed: Markdown links, images and reference definitions, and
 * `src`/`href` attributes in raw HTML. Only the moved path segment of each target changes, so
 * `./`, `../`, fragments and the author's other choices stay as written. Pure.
 */
export function toLinkEdits(doc: RfcDocument, source: string, moves: readonly PathMove[]): LinkRewrite {
  const edits: Edit[] = [];
  const stranded: StrandedLink[] = [];
  const definitions = new Set(doc.links.filter((l) => l.kind === "definition").map((l) => l.href));
  for (const link of doc.links) {
    const next = rewriteHref(link.href, source, moves);
    if (next === null) continue;
    const column = findWritten(doc, link);
    if (column !== null) {
      edits.push({ kind: "replace", from: { line: link.line, column }, to: { line: link.line, column: column + link.href.length }, text: next });
    } else if (link.kind === "definition" || !definitions.has(link.href)) {
      // A reference link's target lives in its definition, which gets its own edit.
      stranded.push({ line: link.line, href: link.href });
    }
  }
  for (const html of doc.html) {
    for (const attribute of html.html.matchAll(htmlTarget)) {
      const href = attribute[2]!;
      const next = rewriteHref(href, source, moves);
      if (next === null) continue;
      const line = html.line + countNewlines(html.html, attribute.index);
      const at = lineText(doc, line).indexOf(attribute[0]);
      if (at === -1) {
        stranded.push({ line, href });
        continue;
      }
      const column = at + 1 + attribute[0].indexOf(attribute[1]!) + 1;
      edits.push({ kind: "replace", from: { line, column }, to: { line, column: column + href.length }, text: next });
    }
  }
  return { edits, stranded };
}

const htmlTarget = /\b(?:src|href)\s*=\s*(["'])([^"'\n]*)\1/gi;

/**
 * The target rewritten for the moves, or null when it does not pass through a moved path (or
 * is not a relative path at all). Each segment is resolved from the source's folder; the one
 * that lands on a moved path is replaced by the new name.
 */
export function rewriteHref(href: string, source: string, moves: readonly PathMove[]): string | null {
  if (href === "" || href.startsWith("#") || href.startsWith("//") || /^[a-z][a-z0-9+.-]*:/i.test(href)) return null;
  const cut = href.search(/[?#]/);
  const pathPart = cut === -1 ? href : href.slice(0, cut);
  const rest = cut === -1 ? "" : href.slice(cut);
  const segments = pathPart.split("/");
  const resolved = pathPart.startsWith("/") ? [] : dirname(source).split("/").filter(Boolean);
  let changed = false;
  for (const [i, segment] of segments.entries()) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") {
      if (resolved.pop() === undefined) return null; // climbs out of the repository: not ours to mend
      continue;
    }
    const decoded = decode(segment);
    resolved.push(decoded);
    const move = moves.find((m) => m.from === resolved.join("/"));
    if (!move) continue;
    const name = basename(move.to);
    segments[i] = segment === decoded ? name : encodeURIComponent(name);
    changed = true;
  }
  return changed ? segments.join("/") + rest : null;
}

/**
 * The column where `link`'s target is written. The parser finds a target by searching its
 * paragraph, so link text equal to the target (`[0000-x.md](0000-x.md)`) can pull the position
 * onto the text: accept only a spot right after `(`, `<` or a definition's `]:`.
 */
function findWritten(doc: RfcDocument, link: Link): number | null {
  const text = lineText(doc, link.line);
  for (let at = text.indexOf(link.href, link.column - 1); at !== -1; at = text.indexOf(link.href, at + 1)) {
    const before = text.slice(0, at).trimEnd();
    const opener = link.kind === "definition" ? /(?:\]:|<)$/ : /[(<]$/;
    if (opener.test(before)) return at + 1;
  }
  return null;
}

function countNewlines(text: string, end: number): number {
  let count = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < end; i = text.indexOf("\n", i + 1)) count++;
  return count;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The folder of a root-relative path ("" at the root). */
export function dirname(p: string): string {
  const at = p.lastIndexOf("/");
  return at === -1 ? "" : p.slice(0, at);
}

/** The last segment of a root-relative path. */
export function basename(p: string): string {
  return p.slice(p.lastIndexOf("/") + 1);
}
