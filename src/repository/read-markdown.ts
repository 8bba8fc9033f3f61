import path from "node:path";
import { createDocumentParser } from "../markdown/parse-document.ts";
import type { RfcDocument } from "../model/document.ts";
import type { MarkdownFile } from "../model/repository.ts";
import { readText } from "./read-text.ts";

/** Limits on what is read. */
export interface ReadOptions {
  maxBytes: number;
}

/** Reads and parses one Markdown file; an unreadable file gives its problem instead of a document. */
export async function readMarkdownFile(root: string, relative: string, options: ReadOptions, parse: (text: string) => RfcDocument): Promise<MarkdownFile> {
  const result = await readText(path.join(root, relative), { root, maxBytes: options.maxBytes });
  if (result.text === null) return { path: relative, document: null, problem: result.problem };
  return { path: relative, document: parse(result.text), problem: null };
}

/**
 * Reads and parses many Markdown files, in the order given, with one parser. Parsing stays on this
 * thread: see docs/architecture.md for why worker threads were measured and dropped.
 */
export async function readMarkdownFiles(root: string, paths: readonly string[], options: ReadOptions): Promise<MarkdownFile[]> {
  const parse = createDocumentParser();
  return Promise.all(paths.map((p) => readMarkdownFile(root, p, options, parse)));
}
