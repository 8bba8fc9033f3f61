import path from "node:path";
import { introSource } from "../book/page-places.ts";
import { createDocumentParser } from "../markdown/parse-document.ts";
import type { MarkdownFile, Repository } from "../model/repository.ts";
import { toParsedFile } from "./read-markdown.ts";
import { readText } from "./read-text.ts";

/**
 * The README as the book's introduction, parsed like an RFC; null when there is none or it cannot
 * be read. `previous` is kept when the text is the same, so `rfc serve` does not render it again.
 */
export function readIntro(repo: Repository, previous: MarkdownFile | null = null): MarkdownFile | null {
  if (!repo.files.has(introSource)) return null;
  const read = readText(path.join(repo.root, introSource), { root: repo.root, maxBytes: repo.config.maxFileBytes });
  if (read.text === null) return null;
  if (previous?.document?.source === read.text) return previous;
  return toParsedFile(introSource, createDocumentParser()(read.text));
}
