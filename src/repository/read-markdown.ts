import path from "node:path";
import { createDocumentParser, parseHeader } from "../markdown/parse-document.ts";
import type { DocumentHeader, RfcDocument } from "../model/document.ts";
import type { MarkdownFile } from "../model/repository.ts";
import { readText } from "./read-text.ts";

/** Limits on what is read. */
export interface ReadOptions {
  maxBytes: number;
}

/**
 * Reads many Markdown files, in the order given, with one parser. Each file's header is read when
 * first asked for and its Markdown parsed when its document is: a command pays only for what it
 * looks at. Parsing stays on this thread: see docs/architecture.md for why worker threads were
 * measured and dropped.
 */
export function readMarkdownFiles(root: string, paths: readonly string[], options: ReadOptions): MarkdownFile[] {
  const parse = createDocumentParser();
  return paths.map((p) => {
    const result = readText(path.join(root, p), { root, maxBytes: options.maxBytes });
    return result.text === null ? { path: p, document: null, header: null, problem: result.problem } : toLazyFile(p, result.text, parse);
  });
}

function toLazyFile(filePath: string, text: string, parse: (text: string, header: DocumentHeader) => RfcDocument): MarkdownFile {
  let header: DocumentHeader | undefined;
  let document: RfcDocument | undefined;
  return {
    path: filePath,
    problem: null,
    get header() {
      return (header ??= document ?? parseHeader(text));
    },
    get document() {
      return (document ??= parse(text, this.header!));
    },
  };
}

/** A file whose document is parsed already. */
export function toParsedFile(filePath: string, document: RfcDocument): MarkdownFile {
  return { path: filePath, document, header: document, problem: null };
}
