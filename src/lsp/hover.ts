import { readFileSync } from "node:fs";
import { lineText, type RfcDocument, type Section } from "../model/document.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import type { Position } from "../model/position.ts";
import type { Repository } from "../model/repository.ts";
import { toKnownRow } from "../authoring/list-rfcs.ts";
import { titleKey } from "../model/title-key.ts";
import { ruleDocPath, ruleDocUrl } from "../rules/define-rule.ts";
import { linkAt, type ResolvedLink } from "./resolve-link.ts";

/** Lines of a Summary shown under a link's title. */
const summaryLines = 4;

/**
 * What hovering at `at` shows, as Markdown: for a link to an RFC, its title, status and the
 * first lines of its Summary (or of the section the link names); for a place with diagnostics,
 * each rule's page up to its first subheading. Null where there is nothing to say.
 */
export function toHover(repo: Repository, path: string, doc: RfcDocument, at: Position, diagnostics: readonly Diagnostic[]): string | null {
  const parts: string[] = [];
  const link = linkAt(repo, path, doc, at);
  if (link && link.rfc && (link.target !== path || link.section)) parts.push(describeLinkTarget(repo, link));
  const rules = new Set(diagnostics.filter((d) => covers(d, at)).map((d) => d.rule));
  for (const rule of rules) {
    const page = readRulePage(rule);
    if (page) parts.push(page);
  }
  return parts.length === 0 ? null : parts.join("\n\n---\n\n");
}

function describeLinkTarget(repo: Repository, link: ResolvedLink): string {
  const rfc = link.rfc!;
  const row = toKnownRow(repo, rfc);
  const heading = `**${row.title}** · ${rfc.path} · ${row.status}`;
  const doc = rfc.document;
  if (!doc) return heading;
  const section = link.section ?? findSummary(doc);
  if (!section) return heading;
  const text = firstLines(doc, section);
  const title = link.section ? `*${section.title}*\n\n` : "";
  return text ? `${heading}\n\n${title}${text}` : heading;
}

function findSummary(doc: RfcDocument): Section | null {
  const queue = [...doc.sections];
  for (let section = queue.shift(); section; section = queue.shift()) {
    if (titleKey(section.title) === titleKey("Summary")) return section;
    queue.push(...section.children);
  }
  return null;
}

/** The first lines of a section's own text, its anchor line and comments left out. */
function firstLines(doc: RfcDocument, section: Section): string {
  const lines: string[] = [];
  for (let line = section.bodyStart; line <= section.bodyEnd && lines.length < summaryLines; line++) {
    if (section.anchor?.line === line) continue;
    const text = lineText(doc, line);
    if (text.trim() === "" && lines.length === 0) continue;
    if (text.trim().startsWith("<!--")) continue;
    lines.push(text);
  }
  while (lines.length > 0 && lines.at(-1)!.trim() === "") lines.pop();
  return lines.join("\n");
}

function covers(d: Diagnostic, at: Position): boolean {
  if (at.line < d.line || at.line > d.endLine) return false;
  if (d.line === d.endLine && d.endColumn <= d.column) return true; // a point: the whole line
  if (at.line === d.line && at.column < d.column) return false;
  return !(at.line === d.endLine && at.column > d.endColumn);
}

const pages = new Map<string, string | null>();

/** A rule's page (installed with the package) up to its first subheading, with a link to all of it. */
function readRulePage(rule: string): string | null {
  if (!pages.has(rule)) {
    let text: string | null = null;
    try {
      const page = readFileSync(new URL(`../../${ruleDocPath(rule)}`, import.meta.url), "utf8");
      const intro = page.split(/\n## /)[0]!.trim();
      text = `${intro.replace(/^# (.+)$/m, "**rfckit: `$1`**")}\n\n[The rule's page](${ruleDocUrl(rule)})`;
    } catch {
      text = null;
    }
    pages.set(rule, text);
  }
  return pages.get(rule)!;
}
