import type { Book } from "../types.ts";
import { toScriptJson } from "./escape.ts";

/** One sidebar line: output path, number label (may be ""), title, and nesting depth. */
export type TocItem = [out: string, label: string, title: string, depth: number];

/**
 * `toc.js`: the sidebar's list of pages, written once for the whole book so each page stays the
 * same size however many RFCs there are. A script file (not JSON fetched at run time) because
 * browsers refuse `fetch` on `file://`. Titles pass `toScriptJson`, so none can end the script.
 */
export function renderTocScript(book: Book): string {
  const items: TocItem[] = book.chapters.map((c) => {
    const label = c.entry.kind === "rfc" ? (/^(\d+)-/.exec(c.entry.source.split("/").pop() ?? "")?.[1] ?? "") : "";
    return [c.entry.out, label, c.title, c.entry.kind === "sub-chapter" ? 1 : 0];
  });
  return `self.rfckitToc = ${toScriptJson({ list: book.places.list, pages: items })};\n`;
}
