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
export async function readMarkdownFiles(root: string, paths: readonly string[], options: ReadOptions): Promise<MarkdownFile[]> {
  const parse = createDocumentParser();
  // All reads first, then all parsing: parsing inside each read's callback measured slower.
  const texts = await Promise.all(paths.map((p) => readText(path.join(root, p), { root, maxBytes: options.maxBytes })));
  return texts.map((result, i) =>
    result.text === null ? { path: paths[i]!, document: null, problem: result.problem } : { path: paths[i]!, document: parse(result.text), problem: null },
  );
}
