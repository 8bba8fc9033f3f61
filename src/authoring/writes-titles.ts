import type { Repository } from "../model/repository.ts";
import type { Schema } from "../model/schema.ts";
import { titleKey } from "../model/title-key.ts";

// The newest RFCs say what the repository does now; this many are enough to tell.
const sampled = 30;

/**
 * Whether the RFCs written from `template` give their title in the text, as a heading of their
 * own before the template's sections (Amaranth's `# Const-castable expressions` over `## Summary`),
 * though the template has no place for it. False for a repository with no such RFCs yet: its
 * template, which has no title, is all there is to follow. Reads headers only (no Markdown parse).
 */
export function writesTitles(repo: Repository, template: string, schema: Schema): boolean {
  const sections = new Set(schema.sections.map((s) => titleKey(s.title)));
  const rfcs = repo.rfcs
    .filter((r) => r.template === template && r.header)
    .sort((a, b) => (b.number ?? 0) - (a.number ?? 0))
    .slice(0, sampled);
  if (rfcs.length === 0) return false;
  const titled = rfcs.filter((r) => {
    const heading = /^ {0,3}#{1,6}[ \t]+(.+?)[ \t#]*$/m.exec(r.header!.source);
    return heading !== null && !sections.has(titleKey(heading[1]!));
  });
  return titled.length * 2 >= rfcs.length;
}
