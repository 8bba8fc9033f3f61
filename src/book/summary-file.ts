import markdownit from "markdown-it";
import type { Token } from "markdown-it";
import { UserError } from "../errors.ts";
import { toLinkedFile } from "../model/asset-policy.ts";

/** One line of a `SUMMARY.md`, as mdBook reads it (its `SummaryItem`). */
export type SummaryFileItem =
  | {
      kind: "link";
      /** The link's text, as plain text. */
      title: string;
      /** The link's target as written (`%20` read as a space); null for a draft, `[Title]()`. */
      target: string | null;
      /** mdBook's section number (`[1, 2]` is "1.2."); null for a prefix or suffix chapter. */
      section: number[] | null;
      line: number;
      children: SummaryFileItem[];
    }
  | { kind: "part"; title: string }
  | { kind: "separator" };

type LinkItem = Extract<SummaryFileItem, { kind: "link" }>;

const md = markdownit("commonmark");
md.validateLink = () => true;

/**
 * Reads a `SUMMARY.md` by mdBook's grammar: an optional `# Title`; prefix chapters (links outside
 * a list) and `---` separators; then numbered chapters in lists, nested lists as sub-chapters,
 * split into parts by `# Part` headings, numbered on across parts and separators; then suffix
 * chapters. Other Markdown is skipped, as mdBook skips it. What mdBook refuses (a list after the
 * suffix chapters, a list item that is not a link, a file listed twice) is a `UserError` naming
 * `file` and the line.
 */
export function parseSummaryFile(text: string, file: string): SummaryFileItem[] {
  const tokens = md.parse(text, {});
  const items: SummaryFileItem[] = [];
  let phase: "title" | "prefix" | "numbered" | "suffix" = "title";
  const counter = { top: 0 };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type === "html_block") continue;
    if (token.type === "heading_open" && token.tag === "h1") {
      const title = toPlainText(tokens[i + 1]?.children ?? []);
      i = skipTo(tokens, i);
      if (phase === "title") {
        phase = "prefix";
        continue;
      }
      if (phase === "suffix") throw refuse(file, token, "a part title cannot come after the suffix chapters");
      items.push({ kind: "part", title });
      phase = "numbered";
      continue;
    }
    if (phase === "title") phase = "prefix";
    if (token.type === "hr") {
      items.push({ kind: "separator" });
    } else if (token.type === "bullet_list_open" || token.type === "ordered_list_open") {
      if (phase === "suffix") throw refuse(file, token, "suffix chapters cannot be followed by a list");
      phase = "numbered";
      const end = skipTo(tokens, i);
      items.push(...readList(tokens.slice(i + 1, end), [], counter, file));
      i = end;
    } else if (token.type === "paragraph_open") {
      if (phase === "numbered") phase = "suffix";
      const inline = tokens[i + 1];
      for (const link of readLinks(inline?.children ?? [], lineOf(token))) items.push({ ...link, section: null, children: [] });
      i = skipTo(tokens, i);
    } else if (token.nesting === 1) {
      i = skipTo(tokens, i);
    }
  }
  refuseDuplicates(items, file, new Map());
  return items;
}

/** The items of one list's tokens (its open and close left out): each item a link, its nested list its children. */
function readList(tokens: Token[], parent: number[], counter: { top: number }, file: string): LinkItem[] {
  const items: LinkItem[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type !== "list_item_open") continue;
    const end = skipTo(tokens, i);
    const inner = tokens.slice(i + 1, end);
    const inline = inner.find((t) => t.type === "inline" && t.level === token.level + 2);
    const link = inline ? readLinks(inline.children ?? [], lineOf(token))[0] : undefined;
    if (!link || !startsWithLink(inline!.children ?? [])) throw refuse(file, token, "a numbered chapter's list item must hold only a link, such as - [Title](file.md), or - [Title]() for a draft");
    const section = parent.length === 0 ? [++counter.top] : [...parent, items.length + 1];
    const item: LinkItem = { ...link, section, children: [] };
    const nested = inner.findIndex((t) => (t.type === "bullet_list_open" || t.type === "ordered_list_open") && t.level === token.level + 1);
    if (nested !== -1) item.children = readList(inner.slice(nested + 1, skipTo(inner, nested)), section, counter, file);
    items.push(item);
    i = end;
  }
  return items;
}

/** The links of an inline run, each with its plain-text title. */
function readLinks(children: readonly Token[], line: number): Omit<LinkItem, "section" | "children">[] {
  const links: Omit<LinkItem, "section" | "children">[] = [];
  let lineNow = line;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.type === "softbreak" || child.type === "hardbreak") lineNow++;
    if (child.type !== "link_open") continue;
    const close = children.findIndex((c, j) => j > i && c.type === "link_close");
    const href = (child.attrGet("href") ?? "").replace(/%20/g, " ");
    links.push({ kind: "link", title: toPlainText(children.slice(i + 1, close === -1 ? undefined : close)), target: href === "" ? null : href, line: lineNow });
    if (close !== -1) i = close;
  }
  return links;
}

function startsWithLink(children: readonly Token[]): boolean {
  const first = children.find((c) => !(c.type === "text" && c.content.trim() === ""));
  return first?.type === "link_open";
}

/** Text and code, as mdBook's `stringify_events` keeps them: styling dropped, line breaks as spaces. */
function toPlainText(children: readonly Token[]): string {
  return children
    .map((c) => (c.type === "text" || c.type === "code_inline" ? c.content : c.type === "softbreak" ? " " : ""))
    .join("")
    .trim();
}

/** The index of the token that closes the one opened at `open` (itself when it closes nothing). */
function skipTo(tokens: readonly Token[], open: number): number {
  const first = tokens[open]!;
  if (first.nesting !== 1) return open;
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    depth += tokens[i]!.nesting;
    if (depth === 0) return i;
  }
  return tokens.length - 1;
}

function lineOf(token: Token): number {
  return (token.map?.[0] ?? 0) + 1;
}

function refuseDuplicates(items: readonly SummaryFileItem[], file: string, seen: Map<string, number>): void {
  for (const item of items) {
    if (item.kind !== "link") continue;
    if (item.target !== null) {
      const first = seen.get(item.target);
      if (first !== undefined) {
        throw new UserError(`${item.target} is listed twice, on lines ${first} and ${item.line}; mdBook refuses a book with one file in two places.`, {
          file,
          line: item.line,
          hint: "keep one of the two lines: mdBook builds each file once.",
        });
      }
      seen.set(item.target, item.line);
    }
    refuseDuplicates(item.children, file, seen);
  }
}

function refuse(file: string, token: Token, why: string): UserError {
  const sentence = `${why[0]!.toUpperCase()}${why.slice(1)}`;
  return new UserError(`${sentence}.`, { file, line: lineOf(token), hint: "write it as mdBook's SUMMARY.md format has it: https://rust-lang.github.io/mdBook/format/summary.html" });
}

/** Every file a `SUMMARY.md` at `summaryPath` links to, as a path from the root, in its order. */
export function listSummaryFiles(summaryPath: string, items: readonly SummaryFileItem[]): string[] {
  return items.flatMap((item) => {
    if (item.kind !== "link") return [];
    const own = item.target === null ? null : toLinkedFile(summaryPath, item.target);
    return [...(own === null ? [] : [own]), ...listSummaryFiles(summaryPath, item.children)];
  });
}
