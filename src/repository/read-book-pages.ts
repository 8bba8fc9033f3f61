import path from "node:path";
import { introSource } from "../book/page-places.ts";
import { listSummaryFiles, parseSummaryFile } from "../book/summary-file.ts";
import { toSafeStylesheet } from "../book/sanitize-css.ts";
import type { BookPages, Page } from "../book/types.ts";
import { createDocumentParser } from "../markdown/parse-document.ts";
import { toLinkedFile } from "../model/asset-policy.ts";
import { isMarkdownName, isNeverRfc } from "../model/layout.ts";
import type { MarkdownFile, Repository } from "../model/repository.ts";
import { toParsedFile } from "./read-markdown.ts";
import { readText } from "./read-text.ts";

/**
 * Reads the book's pages besides the RFCs. A file of `previous` (the pages of the book before an
 * edit) is kept when its text is the same, so `rfc serve` does not render it again. A `SUMMARY.md`
 * mdBook would refuse is a `UserError` naming its line.
 */
export function readBookPages(repo: Repository, previous: ReadonlyMap<string, MarkdownFile> = new Map()): BookPages {
  const read = (source: string): MarkdownFile | null => readPage(repo, source, previous.get(source) ?? null);
  const intro = repo.files.has(introSource) ? read(introSource) : null;
  const summaryPath = repo.layout.book.summary;
  const summaryText = summaryPath === null ? null : readText(path.join(repo.root, summaryPath), { root: repo.root, maxBytes: repo.config.maxFileBytes }).text;
  const summaryFile = summaryPath !== null && summaryText !== null ? { path: summaryPath, items: parseSummaryFile(summaryText, summaryPath) } : null;
  const rfcFiles = new Set(repo.rfcs.flatMap((rfc) => [rfc.path, ...rfc.subChapters.map((sub) => sub.path)]));
  const isPage = (source: string | null): source is string => source !== null && source !== introSource && isMarkdownName(source) && repo.files.has(source) && !rfcFiles.has(source);
  const sources = summaryFile ? listSummaryFiles(summaryFile.path, summaryFile.items).filter(isPage) : guidelineFiles(intro).filter((source): source is string => isPage(source) && !isNeverRfc(source));
  const pages = [...new Set(sources)].flatMap((source) => read(source) ?? []);
  const warnings: string[] = [];
  const stylesheets = repo.book.additionalCss.flatMap((file) => readStylesheet(repo, file, warnings));
  return { intro, summaryFile, pages, stylesheets, warnings };
}

/**
 * One stylesheet of `additional-css`, published at its path as mdBook does, without what could
 * fetch or run something (`@import`, `url(…)` but `url(#id)`, `expression(`): the stylesheet of
 * a pull request's preview applies to the book's site, and the book publishes no CSS of its own
 * otherwise. What cannot be published is said in `warnings` and left out.
 */
function readStylesheet(repo: Repository, file: string, warnings: string[]): Page[] {
  const skip = (why: string): Page[] => {
    warnings.push(`book.toml: additional-css "${file}" is left out of the book: ${why}.`);
    return [];
  };
  const normal = path.posix.normalize(file);
  if (path.posix.isAbsolute(normal) || normal.startsWith("../") || !normal.toLowerCase().endsWith(".css")) return skip("it must be a .css file inside the repository");
  if (!repo.files.has(normal)) return skip("no such file in the repository");
  const read = readText(path.join(repo.root, normal), { root: repo.root, maxBytes: repo.config.maxFileBytes });
  if (read.text === null) return read.problem.kind === "empty" ? [{ path: normal, html: "" }] : skip(`it cannot be read (${read.problem.kind})`);
  const css = toSafeStylesheet(read.text);
  if (css === null) return skip("a string, comment or block in it is not closed, so it cannot be made safe");
  return [{ path: normal, html: css }];
}

function readPage(repo: Repository, source: string, previous: MarkdownFile | null): MarkdownFile | null {
  const read = readText(path.join(repo.root, source), { root: repo.root, maxBytes: repo.config.maxFileBytes });
  if (read.text === null) return null;
  if (previous?.document?.source === read.text) return previous;
  return toParsedFile(source, createDocumentParser()(read.text));
}

/** The root files the README links to, in its order. */
function guidelineFiles(intro: MarkdownFile | null): (string | null)[] {
  const links = intro?.document?.links ?? [];
  return links.filter((link) => link.kind !== "image").map((link) => toLinkedFile(introSource, link.href)).filter((file) => file === null || !file.includes("/"));
}
