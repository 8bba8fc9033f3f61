import type { Book, OutlineItem } from "../types.ts";
import { toScriptJson } from "./escape.ts";

/**
 * One sidebar line: a page (output path, number label, title, nesting depth), a draft (a page
 * with no path, shown unlinked), a part's title, or a separator (`0`).
 */
export type TocLine = [out: string, label: string, title: string, depth: number] | { part: string } | 0;

/**
 * `toc.js`: the sidebar's list of pages, written once for the whole book so each page stays the
 * same size however many RFCs there are. A script file (not JSON fetched at run time) because
 * browsers refuse `fetch` on `file://`. Titles pass `toScriptJson`, so none can end the script.
 */
export function renderTocScript(book: Book): string {
  const titles = new Map(book.chapters.map((c) => [c.entry.out, c.title]));
  const lines: TocLine[] = [];
  const label = (section: number[] | null) => (section === null || book.settings.noSectionLabel ? "" : `${section.join(".")}.`);
  const visit = (items: readonly OutlineItem[], depth: number) => {
    for (const item of items) {
      if (item.kind === "separator") lines.push(0);
      else if (item.kind === "part") lines.push({ part: item.title });
      else if (item.kind === "draft") {
        lines.push(["", label(item.section), item.title, depth]);
        visit(item.children, depth + 1);
      } else {
        const { entry } = item;
        // An RFC is labelled with its number; mdBook's section numbers label the other chapters.
        const number = entry.kind === "rfc" ? (/^(\d+)-/.exec(entry.source.split("/").pop() ?? "")?.[1] ?? "") : entry.kind === "sub-chapter" ? "" : label(item.section);
        lines.push([entry.out, number, entry.kind === "page" && entry.title ? entry.title : (titles.get(entry.out) ?? entry.out), depth]);
        visit(item.children, depth + 1);
      }
    }
  };
  visit(book.outline, 0);
  return `self.rfckitToc = ${toScriptJson({ list: book.places.list, pages: lines })};\n`;
}
