import { distance } from "fastest-levenshtein";
import type { Config, Stage } from "../model/config.ts";
import type { RfcDocument, Section } from "../model/document.ts";
import type { Schema, SchemaSection } from "../model/schema.ts";
import { titleKey } from "../model/title-key.ts";
import { maxOf } from "../model/extremes.ts";

export { titleKey };

/** Other titles an RFC may give a template section, keyed by the template's title. */
export type SectionAliases = Readonly<Record<string, readonly string[]>>;

/**
 * Other titles of template sections, keyed by the current title. `Detailed design` and
 * `Alternatives` are what the Rust template called these sections before 2017, in the same place;
 * `Downsides`, `Disadvantages` and `Risks` are what RFCs call their drawbacks, `Proposal`,
 * `Proposed solution`, `Specification`, `Implementation` and the changes they make (`Proposed
 * changes`, `Core changes`: NixOS 0080) their design, `Related work` their prior art;
 * `Resolved questions` is what an accepted RFC makes of its unresolved ones (Amaranth's do),
 * which no spelling fix should undo, and `Bikeshedding` what some call the naming questions they
 * leave open (Amaranth 0001); `Design`, `Problem statement` and `Future work` are what
 * NixOS's and Amaranth's RFCs write for the template's sections, in the same place. `How we teach this` is deliberately absent: the
 * old template put it after `Detailed design`, so reading it as `Guide-level explanation` would
 * make every RFC of that era out of order, and it asked for a teaching plan, not a guide.
 */
export const sectionAliases: SectionAliases = {
  "Reference-level explanation": ["Detailed design"],
  "Detailed design": ["Design", "Proposed design", "Proposed solution", "Proposal", "Specification", "Implementation", "Changes", "Proposed changes", "Core changes"],
  "Rationale and alternatives": ["Alternatives"],
  Alternatives: ["Alternatives considered", "Considered alternatives"],
  Drawbacks: ["Downsides", "Disadvantages", "Risks"],
  Motivation: ["Problem statement"],
  "Prior art": ["Related work"],
  "Unresolved questions": ["Resolved questions", "Open questions", "Bikeshedding"],
  "Future possibilities": ["Future work"],
  "Future work": ["Future possibilities"],
};

/** One template section and the RFC section that stands for it, if any. */
export interface SectionMatch<S = Section> {
  wanted: SchemaSection;
  /** Position of `wanted` in the template. */
  index: number;
  section: S | null;
  /**
   * How the RFC's section was recognised: by the template's title or slug, by a title from the
   * aliases, as one part of a combined heading (`Drawbacks and alternatives`), or as a near miss
   * of the title (`Future possiblities`, `Motivations`), which `section-missing` reports as a
   * spelling to correct, or by its place: the one heading in the template section's place between
   * two matched neighbours (`# Implementation` between `Motivation` and `Drawbacks`), or as a
   * subsection of another section under the title or an alias (`### Risks`), which is where the
   * author put it, so `section-order` leaves it be.
   */
  via: "title" | "alias" | "combined" | "near" | "place" | "nested" | null;
}

interface TitleKeys {
  own: string;
  others: Set<string>;
}

/** The title keys of a template section's aliases (`sectionAliases`), or undefined when it has none. */
export function aliasKeys(title: string, aliases: SectionAliases = sectionAliases): string[] | undefined {
  const others = keysOf(title, aliases).others;
  return others.size === 0 ? undefined : [...others];
}

/** The keys a template section answers to: its title's, then its aliases'. */
function keysOf(title: string, aliases: SectionAliases): TitleKeys {
  let byTitle = keysByAliases.get(aliases);
  if (!byTitle) keysByAliases.set(aliases, (byTitle = new Map()));
  let keys = byTitle.get(title);
  if (!keys) {
    const own = titleKey(title);
    const entry = Object.entries(aliases).find(([current]) => titleKey(current) === own);
    keys = { own, others: new Set((entry?.[1] ?? []).map(titleKey)) };
    byTitle.set(title, keys);
  }
  return keys;
}

const keysByAliases = new WeakMap<SectionAliases, Map<string, TitleKeys>>();

/** The key of what a heading says before a colon or a dash (`Proposal: …`, `Drawbacks — …`), or null where it has neither. */
function titlePrefixKey(title: string): string | null {
  const m = /^(.+?)\s*(?::|\s[-–—]\s)\s*\S/.exec(title);
  return m ? titleKey(m[1]!) : null;
}

/** What a combined heading's title has between its parts (see `partsOf`). */
const joinsParts = /[,/&]|\band\b/i;

/** The parts of a combined heading (`Drawbacks / alternatives` → two keys); one key for a plain one. */
function partsOf(title: string): string[] {
  const bare = title.replace(/\{[^}]*\}\s*$/, "");
  // Most headings join nothing: their one part is their key.
  if (!joinsParts.test(bare)) return [titleKey(bare)].filter((k) => k !== "");
  const parts = bare.split(/\s*(?:,|\/|&|\band\b)\s*/i);
  // A suspended hyphen takes the next part's ending: `Guide- and reference-level explanation`.
  for (let i = parts.length - 2; i >= 0; i--) {
    const ending = /-(.+)$/.exec(parts[i + 1]!)?.[1];
    if (parts[i]!.endsWith("-") && ending) parts[i] = `${parts[i]}${ending}`;
  }
  const keys = parts.map(titleKey).filter((k) => k !== "");
  if (keys.length < 2) return keys;
  // A shared last word: `Guide-level and reference-level explanation` is both explanations; a
  // shared ending: `Guide and reference-level explanation` too.
  const last = keys.at(-1)!;
  const lastWord = / (\S+)$/.exec(last)?.[1];
  const ending = /^\S+( \S+ .+)$/.exec(last)?.[1];
  return keys.flatMap((k, i) => {
    if (i === keys.length - 1) return [k];
    const variants = [k];
    if (lastWord && !k.endsWith(` ${lastWord}`)) variants.push(`${k} ${lastWord}`);
    if (ending && !k.includes(" ")) variants.push(`${k}${ending}`);
    return variants;
  });
}

/**
 * The last word two or more template sections share (`explanation` of the guide-level and the
 * reference-level ones): a heading of that word alone (`## Explanation`) stands for all of them.
 */
function sharedLastWords(schema: Schema): Set<string> {
  const counts = new Map<string, number>();
  for (const s of schema.sections) {
    const word = / (\S+)$/.exec(titleKey(s.title))?.[1];
    if (word) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, n]) => n >= 2).map(([word]) => word));
}

/**
 * The RFC's top-level headings: the roots of the section tree, at whatever level the author wrote
 * them (old RFCs use `# Summary` where the template has `## Summary`). When one root is shallower
 * than the others (a stray `# Drawbacks` among `##` sections), the parser nests the sections that
 * follow it inside it; its children at the others' level are the author's top level too.
 */
export function topLevelSections(doc: RfcDocument): Section[] {
  const deepest = maxOf(doc.sections.map((s) => s.level), 0);
  const out: Section[] = [];
  for (const root of doc.sections) {
    out.push(root);
    if (root.level < deepest) out.push(...root.children.filter((c) => c.level <= deepest));
  }
  return out;
}

/**
 * Pairs each template section with the RFC's top-level section of the same title, at any level.
 * Passes go from strict to loose, so a looser reading never takes a section a stricter one wants:
 * the template's title (or slug), then `aliases`, then one part of a combined heading, which may
 * stand for several template sections. Otherwise each RFC section stands for one template section.
 */
export function matchSections(schema: Schema, doc: RfcDocument, aliases: SectionAliases = sectionAliases): SectionMatch[] {
  if (aliases !== sectionAliases) return matchHeadings(schema, topLevelSections(doc), aliases);
  // Loading matches an RFC to pick its template revision, and the rules match it again.
  let bySchema = matchesByDocument.get(doc);
  if (!bySchema) matchesByDocument.set(doc, (bySchema = new WeakMap()));
  let matches = bySchema.get(schema);
  if (!matches) {
    const top = topLevelSections(doc);
    matches = matchHeadings(schema, top, aliases);
    matchNested(matches, top, aliases);
    bySchema.set(schema, matches);
  }
  return matches;
}

/**
 * A section still missing that the RFC has as a subsection under its own title or an alias
 * (`### Risks` inside `# Proposed Solution`): the author wrote it, inside another section.
 */
function matchNested(matches: SectionMatch[], top: readonly Section[], aliases: SectionAliases): void {
  if (matches.every((m) => m.section)) return;
  const topLevel = new Set(top);
  const nested: Section[] = [];
  const visit = (sections: readonly Section[]) => {
    for (const s of sections) {
      if (!topLevel.has(s)) nested.push(s);
      visit(s.children);
    }
  };
  visit(top);
  const nestedKeys = nested.map((s) => titleKey(s.title));
  for (const match of matches) {
    if (match.section) continue;
    const { own, others } = keysOf(match.wanted.title, aliases);
    const at = nestedKeys.findIndex((key) => key === own || others.has(key));
    if (at !== -1) [match.section, match.via] = [nested[at]!, "nested"];
  }
}

const matchesByDocument = new WeakMap<RfcDocument, WeakMap<Schema, SectionMatch[]>>();

/**
 * `matchSections` over any headings with a title and a slug, in their order in the file; without
 * the headings taken by their place where `byPlace` is false (they are not the section's title).
 */
export function matchHeadings<S extends { title: string; slug: string }>(schema: Schema, candidates: readonly S[], aliases: SectionAliases = sectionAliases, byPlace = true): SectionMatch<S>[] {
  const used = new Set<S>();
  const matches: SectionMatch<S>[] = schema.sections.map((wanted, index) => ({ wanted, index, section: null, via: null }));
  const keys = new Map(matches.map((m) => [m, keysOf(m.wanted.title, aliases)]));
  const keyOf = new Map(candidates.map((s) => [s, titleKey(s.title)]));
  const pass = (via: NonNullable<SectionMatch["via"]>, accepts: (s: S, m: SectionMatch<S>) => boolean) => {
    const takenNow = new Set<S>();
    for (const match of matches) {
      if (match.section) continue;
      // A combined heading may stand for several sections, even one matched by its slug (`## Alternatives and downsides { #alternatives }`).
      const found = candidates.find((s) => (via === "combined" || (!used.has(s) && !takenNow.has(s))) && accepts(s, match));
      if (!found) continue;
      takenNow.add(found);
      match.section = found;
      match.via = via;
    }
    for (const s of takenNow) used.add(s);
  };
  pass("title", (s, m) => keyOf.get(s) === keys.get(m)!.own || s.slug === m.wanted.slug);
  pass("alias", (s, m) => keys.get(m)!.others.has(keyOf.get(s)!));
  // `## Proposal: one cache per user`, `## Drawbacks — none known`: the title, then the author's words.
  const prefixes = new Map<S, string | null>();
  const prefixOf = (s: S) => {
    let prefix = prefixes.get(s);
    if (prefix === undefined) prefixes.set(s, (prefix = titlePrefixKey(s.title)));
    return prefix;
  };
  pass("title", (s, m) => prefixOf(s) === keys.get(m)!.own);
  pass("alias", (s, m) => keys.get(m)!.others.has(prefixOf(s) ?? ""));
  const partsOfCandidate = new Map<S, string[]>();
  const shared = sharedLastWords(schema);
  pass("combined", (s, m) => {
    let parts = partsOfCandidate.get(s);
    if (!parts) partsOfCandidate.set(s, (parts = partsOf(s.title)));
    const { own, others } = keys.get(m)!;
    if (parts.length === 1 && shared.has(parts[0]!) && own.endsWith(` ${parts[0]}`)) return true;
    return parts.length > 1 && parts.some((p) => p === own || others.has(p));
  });
  pass("near", (s, m) => {
    const { own, others } = keys.get(m)!;
    return [own, ...others].some((k) => isNearMiss(keyOf.get(s)!, k));
  });
  if (byPlace) matchByPlace(matches, candidates, used, keyOf);
  return matches;
}

/**
 * Sections an RFC names as such when it has them: a heading in the place of one of them under
 * other words is something else (`## Staging` where `Drawbacks` would be), and a heading with one
 * of these titles stands for that section, not for another.
 */
const namedSections = new Set(
  ["Summary", "Motivation", "Drawbacks", "Downsides", "Alternatives", "Rationale and alternatives", "Unresolved questions", "Open questions", "Resolved questions", "Prior art", "Future possibilities", "Future work", "How we teach this"].map(titleKey),
);

/**
 * Authors write the design under their own words, in its place: `# Implementation` or
 * `## Overview and examples` between the matched sections around a missing `Detailed design` or
 * `Guide-level explanation`. Between two matched neighbours, a heading stands for the one missing
 * section there that it rewords (`How do we teach this?`: every word of a title of three or more)
 * or whose last word it shares in two words (`Naming questions`); failing that, the first heading stands for
 * the one section missing there, and where several are missing and as many headings are there,
 * the headings stand for them in order (`## Proposed additions`, `## Full reference of …` for the
 * two explanations); never for a section an RFC names as such (`namedSections`). A heading after
 * the last match is left alone: appendices and acknowledgements go there.
 */
function matchByPlace<S>(matches: SectionMatch<S>[], candidates: readonly S[], used: Set<S>, keyOf: Map<S, string>): void {
  const placeOf = new Map(candidates.map((s, i) => [s, i]));
  let previous = -1;
  for (let next = 0; next < matches.length; next++) {
    if (!matches[next]!.section) continue;
    const run = matches.slice(previous + 1, next);
    const from = previous === -1 ? null : placeOf.get(matches[previous]!.section!)!;
    const to = placeOf.get(matches[next]!.section!)!;
    previous = next;
    if (run.length === 0 || from === null || to <= from) continue;
    const free = candidates.slice(from + 1, to).filter((s) => !used.has(s) && !namedSections.has(keyOf.get(s)!));
    if (free.length === 0) continue;
    for (const s of free) {
      const words = keyOf.get(s)!.split(" ");
      // Two words, one a qualifier: `Naming questions`, not `Frequently asked questions`.
      const last = words.length === 2 ? words[1] : undefined;
      const fits = run.filter((m) => {
        if (m.section) return false;
        const wanted = titleKey(m.wanted.title).split(" ");
        return (wanted.length >= 3 && wanted.every((w) => words.includes(w))) || (last !== undefined && wanted.length > 1 && wanted.at(-1) === last);
      });
      if (fits.length === 1) take(fits[0]!, s);
    }
    const missing = run.filter((m) => !m.section);
    if (missing.length === 0 || missing.some((m) => namedSections.has(titleKey(m.wanted.title)))) continue;
    const left = free.filter((s) => !used.has(s));
    if (run.length === 1 && left.length > 0) take(missing[0]!, left[0]!);
    else if (missing.length > 1 && left.length === missing.length) missing.forEach((m, i) => take(m, left[i]!));
  }
  function take(match: SectionMatch<S>, s: S): void {
    match.section = s;
    match.via = "place";
    used.add(s);
  }
}

/** A typo or a plural away (`Guilde-level explanation`, `Motivations`): about one edit per ten letters. */
function isNearMiss(written: string, wanted: string): boolean {
  const allowed = Math.floor(wanted.length / 10);
  if (allowed === 0 || Math.abs(written.length - wanted.length) > allowed) return false;
  return distance(written, wanted) <= allowed;
}

/** True when the stage's configuration asks for the template section to have text (by its title or an alias, either way round). */
export function isRequired(config: Config, stage: Stage, wanted: SchemaSection, aliases: SectionAliases = sectionAliases): boolean {
  const { own, others } = keysOf(wanted.title, aliases);
  return config.stages[stage].filled.some((title) => {
    const filled = keysOf(title, aliases);
    return filled.own === own || others.has(filled.own) || filled.others.has(own);
  });
}
