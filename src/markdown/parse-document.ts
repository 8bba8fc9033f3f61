import markdownit from "markdown-it";
import type { MarkdownIt, StateCore, Token } from "markdown-it";

type Env = StateCore["env"];
import { allSections, type CodeBlock, type DocumentHeader, type Link, type RawHtml, type RfcDocument, type Section } from "../model/document.ts";
import { createBlockState } from "./block-state.ts";
import { type LineList, toLineList, toLineStarts } from "./lines.ts";
import { lazyParagraphs } from "./lazy-paragraphs.ts";
import { mayHoldLinkOrHtml } from "./may-hold-link.ts";
import { parseMetadata } from "./parse-metadata.ts";
import { plainTextRule } from "./plain-text-rule.ts";
import { toPlainHeading, toSlug } from "./slug.ts";

/** The parser's settings: GitHub-like Markdown, with link targets kept exactly as written. */
function createParser(): MarkdownIt {
  const md = markdownit({ html: true, linkify: false });
  // The checker wants hrefs as the author wrote them, including ones a renderer would refuse.
  md.normalizeLink = (url) => url;
  md.validateLink = () => true;
  // The model keeps no tables or emphasis: a table's rows parse as paragraphs, which finds the
  // same links, and emphasis markers stay text. Skipping both saves a tenth of the parse.
  md.disable(["table", "strikethrough", "emphasis"]);
  // Nor line breaks, entities or text merging, which only shape the text between links; inline
  // parsing finds the same links, images and HTML without them, about a third faster.
  md.disable(["linkify", "newline", "entity", "balance_pairs", "fragments_join"]);
  md.inline.ruler.at("text", plainTextRule);
  md.use(lazyParagraphs);
  return md;
}

interface Heading {
  level: number;
  text: string;
  /** An explicit id from a heading attribute, used instead of the slug. */
  id: string | null;
  line: number;
  column: number;
}

/**
 * The text markdown-it reads: `\r\n` made `\n`, and front matter (which is not Markdown) blanked
 * out, keeping the line count so positions stay true.
 */
function toMarkdownText(source: string, metadata: RfcDocument["metadata"]): string {
  const text = source.includes("\r") ? source.replace(/\r\n/g, "\n") : source;
  if (metadata.form !== "front-matter" || metadata.endLine <= 0) return text;
  let offset = 0;
  for (let line = 0; line < metadata.endLine && offset < text.length; line++) {
    const newline = text.indexOf("\n", offset);
    offset = newline === -1 ? text.length : newline + 1;
  }
  return "\n".repeat(metadata.endLine) + text.slice(offset);
}

/**
 * Parses one Markdown file into the model: metadata, title, sections, links, code blocks and raw
 * HTML, each with its line and column. Block structure comes from markdown-it; inline parsing runs
 * only on the paragraphs that can hold a link or HTML, since nothing else in the model needs it.
 */
export function parseDocument(text: string): RfcDocument {
  return parseWith(text, createParser(), parseHeader(text));
}

function parseWith(text: string, parser: MarkdownIt, header: DocumentHeader): RfcDocument {
  const { source, lineStarts, hasBom, lineEnding, metadata } = header;
  const lines = toLineList(source, lineStarts);
  const markdown = toMarkdownText(source, metadata);

  const env: Env = {};
  const state = createBlockState(parser, markdown, env, markdown === source ? lineStarts : undefined);
  parser.block.tokenize(state, 0, state.lineMax);
  const tokens = state.tokens;
  const references = env["references"] as Record<string, unknown> | undefined;

  const headings: Heading[] = [];
  const links: Link[] = [];
  const codeBlocks: CodeBlock[] = [];
  const html: RawHtml[] = [];
  // Code and HTML blocks, as [first, end) line ranges in document order: no definitions there.
  const skipped: [number, number][] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const map = token.map;
    if (token.type === "heading_open" && map) {
      const written = tokens[i + 1]?.content ?? "";
      // mdBook's heading attributes, `## Title { #custom-id }`, give the heading its id.
      const attributes = headingAttributes.exec(written);
      const lineText = lines.at(map[0]) ?? "";
      headings.push({
        level: Number(token.tag.slice(1)),
        text: toPlainHeading(attributes ? written.slice(0, attributes.index) : written),
        id: attributes?.[1] ?? null,
        line: map[0] + 1,
        column: lineText.length - lineText.trimStart().length + 1,
      });
    } else if ((token.type === "fence" || token.type === "code_block") && map) {
      codeBlocks.push({ lang: token.info.trim().split(/\s+/)[0] ?? "", content: token.content, line: map[0] + 1, endLine: map[1] });
      skipped.push(map);
    } else if (token.type === "html_block" && map) {
      const lineText = lines.at(map[0]) ?? "";
      html.push({ html: token.content, inline: false, line: map[0] + 1, column: lineText.length - lineText.trimStart().length + 1 });
      skipped.push(map);
    } else if (token.type === "inline" && map && mayHoldLinkOrHtml(token.content, references, parser.utils.normalizeReference)) {
      collectInline(parser, token, env, lines, map, links, html);
    }
  }
  collectDefinitions(source, lineStarts, lines, skipped, links);

  const title = findTitle(headings);
  const sectionHeadings = title ? headings.filter((h) => h.line !== title.line) : headings;
  // Ids are numbered in document order, as GitHub and mdBook number them: the title's comes first.
  const seen = new Map<string, number>();
  const titleSlug = title ? (title.id ?? toSlug(title.text, seen)) : null;
  const sections = toSectionTree(sectionHeadings, lines, seen);
  const anchors = new Set<string>();
  if (titleSlug !== null) anchors.add(titleSlug);
  for (const s of allSections(sections)) anchors.add(s.slug);
  for (const h of html) for (const m of h.html.matchAll(/\b(?:id|name)\s*=\s*["']([^"']+)["']/g)) anchors.add(m[1]!);

  return {
    source,
    lineStarts,
    hasBom,
    lineEnding,
    metadata,
    title: title ? { text: title.text, line: title.line, slug: titleSlug! } : null,
    sections,
    anchors,
    links,
    codeBlocks,
    html,
  };
}

function collectInline(
  parser: MarkdownIt,
  token: Token,
  env: Env,
  lines: LineList,
  map: [number, number],
  links: Link[],
  html: RawHtml[],
): void {
  const children: Token[] = [];
  parser.inline.parse(token.content, parser, env, children);
  // Inline tokens carry no positions: find each target in the source, moving forward as we go.
  let cursorLine = map[0];
  let cursorColumn = 0;
  const here = () => ({ line: cursorLine + 1, column: cursorColumn + 1 });
  const locate = (needle: string): { line: number; column: number } | null => {
    if (needle !== "") {
      for (let l = cursorLine; l < map[1]; l++) {
        const at = (lines.at(l) ?? "").indexOf(needle, l === cursorLine ? cursorColumn : 0);
        if (at !== -1) {
          cursorLine = l;
          cursorColumn = at + needle.length;
          return { line: l + 1, column: at + 1 };
        }
      }
    }
    return null;
  };
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.type === "link_open") {
      const href = String(child.attrGet("href") ?? "");
      let text = "";
      for (let j = i + 1; j < children.length && children[j]!.type !== "link_close"; j++) text += children[j]!.content;
      text = text.replace(lineBreak, " ");
      // A reference link's target is written elsewhere: point at its text instead.
      const at = locate(href) ?? locate(`[${text}]`) ?? here();
      links.push({ kind: "link", href, text, line: at.line, column: at.column, endColumn: at.column + href.length });
    } else if (child.type === "image") {
      const href = String(child.attrGet("src") ?? "");
      const at = locate(href) ?? here();
      links.push({ kind: "image", href, text: child.content, line: at.line, column: at.column, endColumn: at.column + href.length });
    } else if (child.type === "html_inline") {
      const at = locate(child.content) ?? here();
      html.push({ html: child.content, inline: true, line: at.line, column: at.column });
    }
  }
}

/** A line break in link text, with the spaces around it: the text reads as one line. */
const lineBreak = /[ \t]*\r?\n[ \t]*/g;

const headingAttributes = /\s*\{\s*#([^\s}]+)[^}]*\}\s*$/;

const definitionStart = /^ {0,3}\[/gm;
const definitionLine = /^ {0,3}\[((?:[^\]\\]|\\.)+)\]:[ \t]*<?([^\s>]*)>?/;

/** Reference definitions (`[summary]: #summary`) leave no token in markdown-it: read them from the lines. */
function collectDefinitions(source: string, lineStarts: readonly number[], lines: LineList, skipped: readonly [number, number][], links: Link[]): void {
  let range = 0;
  let l = 0;
  let last = -1;
  // Candidate lines are found by one search of the whole text, not by visiting every line. (A
  // JavaScript `^` also starts a line after a lone `\r`: each line is looked at once, from its start.)
  for (const candidate of source.matchAll(definitionStart)) {
    while (l + 1 < lineStarts.length && lineStarts[l + 1]! <= candidate.index) l++;
    if (l === last) continue;
    last = l;
    if (!startsWithBracket(source, lineStarts[l]!)) continue;
    while (range < skipped.length && skipped[range]![1] <= l) range++;
    if (range < skipped.length && skipped[range]![0] <= l) continue;
    const text = lines.at(l)!;
    const m = definitionLine.exec(text);
    if (!m || m[2] === "" || m[1]!.startsWith("^")) continue; // `[^1]: …` is a footnote, not a link
    const column = text.indexOf(m[2]!, m[0].indexOf("]:")) + 1;
    links.push({ kind: "definition", href: m[2]!, text: m[1]!, line: l + 1, column, endColumn: column + m[2]!.length });
  }
}

/** Whether the line at `start` opens with `[` after at most three spaces, as a definition does. */
function startsWithBracket(source: string, start: number): boolean {
  let at = start;
  while (at < start + 3 && source.charCodeAt(at) === 0x20) at++;
  return source.charCodeAt(at) === 0x5b;
}

function findTitle(headings: readonly Heading[]): Heading | null {
  const first = headings[0];
  if (!first || first.level !== 1) return null;
  return headings.filter((h) => h.level === 1).length === 1 && headings.length > 1 ? first : null;
}

function toSectionTree(headings: readonly Heading[], lines: LineList, seen: Map<string, number>): Section[] {
  const lastLine = lines.length > 0 && lines.at(-1) === "" ? lines.length - 1 : lines.length;
  const roots: Section[] = [];
  const stack: Section[] = [];
  headings.forEach((h, index) => {
    const next = headings[index + 1];
    const anchor = readAnchorLine(lines, h.line);
    const section: Section = {
      title: h.text,
      level: h.level,
      slug: h.id ?? toSlug(h.text, seen),
      line: h.line,
      column: h.column,
      anchor,
      bodyStart: (anchor ? anchor.line : h.line) + 1,
      bodyEnd: (next ? next.line : lastLine + 1) - 1,
      endLine: lastLine,
      children: [],
    };
    while (stack.length > 0 && stack.at(-1)!.level >= h.level) {
      stack.pop()!.endLine = h.line - 1;
    }
    (stack.at(-1)?.children ?? roots).push(section);
    stack.push(section);
  });
  return roots;
}

const anchorLine = /^\[([^\]]+)\]:\s*(#\S*)\s*$/;

function readAnchorLine(lines: LineList, headingLine: number): Section["anchor"] {
  const m = anchorLine.exec(lines.at(headingLine) ?? "");
  return m ? { name: m[1]!, target: m[2]!, line: headingLine + 1 } : null;
}

/** The text without a leading byte-order mark: what a document's `source` holds. */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A file's lines and metadata, without parsing its Markdown. */
export function parseHeader(text: string): DocumentHeader {
  const source = withoutBom(text);
  const hasBom = source !== text;
  const lineStarts = toLineStarts(source);
  const metadata = parseMetadata(toLineList(source, lineStarts));
  return { source, lineStarts, hasBom, lineEnding: source.includes("\r\n") ? "\r\n" : "\n", metadata };
}

/** A parser to reuse across many files, so its rule chains are built once; it takes the header when one was read already. */
export function createDocumentParser(): (text: string, header?: DocumentHeader) => RfcDocument {
  const parser = createParser();
  return (text, header) => parseWith(text, parser, header ?? parseHeader(text));
}
