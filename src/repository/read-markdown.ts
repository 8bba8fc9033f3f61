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
    const read = () => readText(path.join(root, p), { root, maxBytes: options.maxBytes });
    const result = read();
    return result.text === null ? { path: p, document: null, header: null, problem: result.problem } : toLazyFile(p, result.text, parse, () => read().text);
  });
}

function toLazyFile(filePath: string, text: string, parse: (text: string, header: DocumentHeader) => RfcDocument, readAgain: () => string | null): MarkdownFile {
  let current: string | null | undefined = text;
  let header: DocumentHeader | null | undefined;
  let document: RfcDocument | null | undefined;
  // After a release the file is read again; one that has since become unreadable reads as empty of text.
  const textNow = () => (current === undefined ? (current = readAgain()) : current);
  return {
    path: filePath,
    problem: null,
    get header() {
      if (header === undefined) {
        const source = textNow();
        header = document ?? (source === null ? null : parseHeader(source));
      }
      return header;
    },
    get document() {
      if (document === undefined) {
        const source = textNow();
        const head = this.header;
        document = source === null || head === null ? null : parse(source, head);
      }
      return document;
    },
    release() {
      current = header = document = undefined;
    },
  };
}

/** A file whose document is parsed already. */
export function toParsedFile(filePath: string, document: RfcDocument): MarkdownFile {
  return { path: filePath, document, header: document, problem: null };
}
