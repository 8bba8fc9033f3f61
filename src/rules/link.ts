import { posix } from "node:path";
import { distance } from "fastest-levenshtein";
import { allSections, type Link, type RfcDocument } from "../model/document.ts";
import type { Repository } from "../model/repository.ts";
import { normalisePath } from "../model/repository-path.ts";
import { defineRule, type Finding } from "./define-rule.ts";

/** What a broken link gets reported with; the place comes from the link. */
type Problem = Omit<Finding, "line" | "column" | "endColumn" | "file">;

/** One file whose links are checked: its path, for resolving relative links, and its document. */
interface Source {
  path: string;
  doc: RfcDocument;
}

export default defineRule({
  id: "link",
  description: "Relative links and images resolve; anchors exist in the RFC or the RFC linked to",
  severity: "error",
  tags: ["links"],
  fixable: false,
  check({ repo, rfc, doc, report, memo }) {
    const documents = memo(documentsByPath, repo);
    const sources: Source[] = [{ path: rfc.path, doc }];
    for (const sub of rfc.subChapters) if (sub.document) sources.push({ path: sub.path, doc: sub.document });
    for (const source of sources) {
      for (const { link, kind } of linksToCheck(source.doc)) {
        const problem = checkLink(repo, documents, source, link.href, kind);
        if (!problem) continue;
        report({
          ...problem,
          line: link.line,
          column: link.column,
          endColumn: link.endColumn,
          ...(source.path === rfc.path ? {} : { file: source.path }),
        });
      }
    }
  },
});

/**
 * The links a reader can follow, each once. A reference link (`[text][ref]`) is reported at its
 * definition, where its target is written; a definition nothing uses renders nothing (like the
 * template's `[summary]: #summary` lines) and is skipped.
 */
function linksToCheck(doc: RfcDocument): { link: Link; kind: "link" | "image" }[] {
  const definitions = doc.links.filter((l) => l.kind === "definition");
  const defined = new Set(definitions.map((d) => d.href));
  const out: { link: Link; kind: "link" | "image" }[] = [];
  const byReference = new Map<string, Link[]>();
  for (const use of doc.links) {
    if (use.kind === "definition") continue;
    const written = doc.source.startsWith(use.href, (doc.lineStarts[use.line - 1] ?? 0) + use.column - 1);
    if (!written && defined.has(use.href)) byReference.set(use.href, [...(byReference.get(use.href) ?? []), use]);
    else out.push({ link: use, kind: use.kind === "image" ? "image" : "link" });
  }
  for (const definition of definitions) {
    const uses = byReference.get(definition.href);
    if (!uses) continue;
    byReference.delete(definition.href);
    out.push({ link: definition, kind: uses.every((u) => u.kind === "image") ? "image" : "link" });
  }
  return out;
}

/** Checks one target as written; returns what is wrong with it, or null. */
function checkLink(repo: Repository, documents: DocumentsByPath, source: Source, href: string, kind: "link" | "image"): Problem | null {
  const written = href.trim();
  const what = kind === "image" ? "Image" : "Link target";
  if (written === "") {
    return { message: `${what} is empty.`, hint: "write the path or URL between the parentheses, or remove the link." };
  }
  // Anything with a scheme (https:, mailto:) or a host (//host/…) lives outside the repository.
  if (/^[a-z][a-z0-9+.-]*:/i.test(written) || written.startsWith("//")) return null;

  const address = describeAddress(written, what);
  if (address) return address;

  const hashAt = written.indexOf("#");
  const pathPart = (hashAt === -1 ? written : written.slice(0, hashAt)).replace(/\?.*$/, "");
  const fragment = hashAt === -1 ? null : written.slice(hashAt + 1);
  if (pathPart === "") return fragment === null ? null : checkAnchor(fragment, { doc: source.doc, name: "this file" }, publishesBook(repo));

  const folder = dirname(source.path);
  const decoded = decode(pathPart);
  const target = normalisePath(decoded.startsWith("/") ? decoded.slice(1) : join(folder, decoded));
  if (target === null) {
    return {
      message: `${what} "${pathPart}" leaves the repository.`,
      hint: "link to a file inside the repository, or use the file's full URL.",
    };
  }
  const page = kind === "link" ? toBookSource(repo, documents, target) : null;
  if (page !== null) {
    // The name the book publishes the RFC under: the link works there, not on GitHub or in an editor.
    const pageDoc = documents.get(page)?.document ?? null;
    const anchorProblem = fragment === null || pageDoc === null ? null : checkAnchor(fragment, { doc: pageDoc, name: page }, publishesBook(repo));
    const source = posix.relative(folder, page);
    const hint = `link to "${source}${fragment === null ? "" : `#${fragment}`}": the book turns links to .md files into links to their pages.`;
    // A missing anchor is broken everywhere; the page's name alone only outside the book.
    if (anchorProblem) return { message: `${anchorProblem.message} ("${pathPart}" is the book's page of ${page}.)`, hint: anchorProblem.hint ?? hint };
    return { severity: "warning", message: `Link "${pathPart}" is the book's page of ${page}: it works in the book only.`, hint };
  }
  if (!exists(repo, target)) {
    if (looksLikeHost(written)) {
      return { message: `${what} "${written}" has no scheme, so it is read as a file path.`, hint: 'add "https://" in front.' };
    }
    return {
      message: kind === "image" ? `Image "${target}" does not exist.` : `Link target "${target}" does not exist.`,
      hint: hintForMissing(repo, source, { written: pathPart, target }),
    };
  }
  if (fragment === null || kind === "image") return null;
  const doc = documents.get(target)?.document ?? null;
  return doc ? checkAnchor(fragment, { doc, name: target }, publishesBook(repo)) : null;
}

/**
 * Whether the repository publishes a book (it has a `book.toml`): where it does not, its RFCs are
 * read on GitHub, and what works there only is not a problem.
 */
function publishesBook(repo: Repository): boolean {
  return repo.files.has("book.toml");
}

function checkAnchor(fragment: string, target: { doc: RfcDocument; name: string }, withBook: boolean): Problem | null {
  // GitHub prefixes heading ids with `user-content-` and accepts links written either way.
  const wanted = decode(fragment).replace(/^user-content-/, "");
  // `#top` (any case) is the top of the page in every browser, and `#` alone goes nowhere.
  if (wanted === "" || wanted.toLowerCase() === "top") return null;
  const anchors = target.doc.anchors;
  if (anchors.has(wanted)) return null;
  const sameButCase = [...anchors].find((a) => a.toLowerCase() === wanted.toLowerCase());
  if (sameButCase !== undefined) {
    if (!withBook) return null;
    return {
      severity: "warning",
      message: `Anchor "#${wanted}" differs in case from "#${sameButCase}" in ${target.name}: GitHub finds it, the book does not.`,
      hint: `write "#${sameButCase}".`,
    };
  }
  // Rust's template puts `[summary]: #summary` under each heading; authors copy the pattern
  // for their own headings and expect it to make `#summary` an anchor, which it does not.
  const marked = allSections(target.doc.sections).find((s) => s.anchor?.target === `#${wanted}`);
  if (marked?.anchor) {
    return {
      message: `Anchor "#${wanted}" does not exist in ${target.name}.`,
      hint: `the line "[${marked.anchor.name}]: #${wanted}" under "${marked.title}" makes no anchor; link to "#${marked.slug}".`,
    };
  }
  const near = suggestAnchor(wanted, anchors);
  return {
    message: `Anchor "#${wanted}" does not exist in ${target.name}.`,
    hint: near
      ? `did you mean "#${near}"?`
      : "link to a heading's anchor: its text in lower case, spaces as -, other punctuation dropped (`## Prior art` → #prior-art).",
  };
}

/**
 * The anchor the author probably meant: a near spelling, or one that contains the words written,
 * those that start with them first (`#caching` → `#caching-of-non-deterministic-paths` before
 * `#remote-caching`; `#semantics` → `#use-semantics`).
 */
function suggestAnchor(wanted: string, anchors: ReadonlySet<string>): string | null {
  const near = closest(wanted, [...anchors], Math.max(3, Math.floor(wanted.length / 3)));
  if (near !== null || wanted.length < 4) return near;
  const starts = (a: string) => (a.startsWith(`${wanted}-`) ? 0 : 1);
  const containing = [...anchors].filter((a) => a.includes(wanted)).sort((a, b) => starts(a) - starts(b) || a.length - b.length);
  return containing[0] ?? null;
}

/** A web address in parentheses, `[text]((https://…))`: never a file, though it reads as one. */
function describeAddress(written: string, what: string): Problem | null {
  if (!/^\([a-z][a-z0-9+.-]*:\/\/.*\)$/i.test(written)) return null;
  return { message: `${what} "${written}" is a web address in parentheses, so it is read as a file path.`, hint: "remove the parentheses." };
}

/** True for `www.example.com/page` and `play.example.org/`: a web address without its scheme. */
function looksLikeHost(written: string): boolean {
  return /^(?:www\.|(?:[a-z0-9-]+\.)+(?:com|org|net|io|dev|edu|gov|info)(?:[/:]|$))/i.test(written);
}

function hintForMissing(repo: Repository, source: Source, link: { written: string; target: string }): string {
  const candidate = suggestFile(repo, link.target);
  if (candidate !== null) return `did you mean ${candidate}? Write the link as "${relative(dirname(source.path), candidate)}".`;
  const anchor = /[./]/.test(link.written) ? null : suggestAnchor(link.written, source.doc.anchors);
  if (anchor !== null) return `did you mean "#${anchor}"? A link to a heading starts with #.`;
  const folder = dirname(source.path);
  return `fix the path; it is read from ${folder === "" ? "the repository root" : `${folder}/, the folder of this file`}.`;
}

/** A file the author probably meant: other case, same RFC slug or number, `.md` for `.html`, or a near name. */
function suggestFile(repo: Repository, target: string): string | null {
  const files = [...repo.files];
  const lower = target.toLowerCase();
  const byCase = files.find((f) => f.toLowerCase() === lower);
  if (byCase) return byCase;
  if (target.endsWith(".html") && repo.files.has(target.replace(/\.html$/, ".md"))) return target.replace(/\.html$/, ".md");
  const match = repo.layout.naming.pattern.exec(basename(target));
  if (match?.groups) {
    const { number, slug } = match.groups;
    const sameSlug = repo.rfcs.find((r) => r.slug === slug);
    if (sameSlug) return sameSlug.path;
    const sameNumber = repo.rfcs.filter((r) => r.numberText === number);
    if (sameNumber.length === 1) return sameNumber[0]!.path;
  }
  const folder = dirname(target);
  const siblings = files.filter((f) => dirname(f) === folder);
  const name = basename(target);
  const near = closest(name, siblings.map(basename), Math.max(2, Math.floor(name.length / 4)));
  return near === null ? null : join(folder, near);
}

/** The candidate nearest to `wanted`, if within `limit` edits. */
function closest(wanted: string, candidates: readonly string[], limit: number): string | null {
  let best: string | null = null;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    // Lengths that differ by more than the best so far rule a candidate out without the distance.
    if (Math.abs(candidate.length - wanted.length) >= bestDistance) continue;
    const d = distance(wanted, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

function exists(repo: Repository, target: string): boolean {
  if (target === "" || repo.files.has(target)) return true;
  const prefix = `${target}/`;
  for (const file of repo.files) if (file.startsWith(prefix)) return true;
  return false;
}

/** For `text/0002-x.html` that is no file of the tree: `text/0002-x.md`, the RFC (or sub-chapter) the book publishes there; else null. */
function toBookSource(repo: Repository, documents: DocumentsByPath, target: string): string | null {
  if (!target.endsWith(".html") || repo.files.has(target)) return null;
  const markdown = `${target.slice(0, -".html".length)}.md`;
  return documents.has(markdown) ? markdown : null;
}

/** The files whose documents a link can point into, by path; a document is parsed when a link needs its anchors. */
type DocumentsByPath = ReadonlyMap<string, { readonly document: RfcDocument | null }>;

/** The RFCs, their sub-chapters and the template, by path. */
function documentsByPath(repo: Repository): DocumentsByPath {
  const byPath = new Map<string, { readonly document: RfcDocument | null }>();
  for (const rfc of repo.rfcs) {
    byPath.set(rfc.path, rfc);
    for (const sub of rfc.subChapters) byPath.set(sub.path, sub);
  }
  byPath.set(repo.template.path, repo.template);
  return byPath;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text; // a stray `%` is just a character
  }
}

// Paths are repository-relative and `/`-separated; "" is the root. These helpers keep them so.

function dirname(p: string): string {
  const at = p.lastIndexOf("/");
  return at === -1 ? "" : p.slice(0, at);
}

function basename(p: string): string {
  return p.slice(p.lastIndexOf("/") + 1);
}

function join(folder: string, p: string): string {
  return folder === "" ? p : `${folder}/${p}`;
}


/** How to write `to` in a link from a file in `fromFolder`. */
function relative(fromFolder: string, to: string): string {
  const from = fromFolder === "" ? [] : fromFolder.split("/");
  const parts = to.split("/");
  let common = 0;
  while (common < from.length && common < parts.length - 1 && from[common] === parts[common]) common++;
  return [...Array<string>(from.length - common).fill(".."), ...parts.slice(common)].join("/");
}
