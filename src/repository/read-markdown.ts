import path from "node:path";
import { createDocumentParser } from "../markdown/parse-document.ts";
import type { MarkdownFile } from "../model/repository.ts";
import { readText } from "./read-text.ts";

/** Limits on what is read. */
export interface ReadOptions {
  maxBytes: number;
}

/**
 * Reads and parses many Markdown files, in the order given, with one parser. Parsing stays on this
 * thread: see docs/architecture.md for why worker threads were measured and dropped.
 */
export function readMarkdownFiles(root: string, paths: readonly string[], options: ReadOptions): MarkdownFile[] {
  const parse = createDocumentParser();
  return paths.map((p) => {
    const result = readText(path.join(root, p), { root, maxBytes: options.maxBytes });
    return result.text === null ? { path: p, document: null, problem: result.problem } : { path: p, document: parse(result.text), problem: null };
  });
}
