import type { Severity } from "./diagnostic.ts";
import type { StatusSource } from "./layout.ts";

/** The stages of an RFC's life, in order. */
export const stages = ["draft", "implement", "merge"] as const;
export type Stage = (typeof stages)[number];

/**
 * What a stage can require beyond written sections: a linked GitHub issue or pull request, a file
 * number of its own, and a filled `RFC PR` link.
 */
export const requirements = ["linked-issue", "number", "pr-link"] as const;
export type Requirement = (typeof requirements)[number];

/** What an RFC must have at one stage: sections with text, other requirements, approving reviews. */
export interface StageGate {
  /** Sections (by title) that must have text. */
  filled: string[];
  /** Requirements checked by the `stage-…` rules. */
  requires: Requirement[];
  /** Approving reviews the pull request needs (checked by `rfc check --pr N`); 0 for none. */
  approvals: number;
}

/** How a repository numbers its RFCs: by pull request (Rust), in sequence (MetalBear), or not at all (slug-only names). */
export type Numbering = "pr" | "sequence" | "none";

/** A rule's configured severity; `off` disables it. */
export type RuleSetting = Severity | "off";

/** The video hosts the book can embed as click-to-play players (see src/book/video-hosts.ts). */
export const videoHostNames = ["youtube", "vimeo", "loom"] as const;

export type VideoHostName = (typeof videoHostNames)[number];

/** The configuration as written in `book.toml`'s `[rfckit]` table: every key optional. */
export interface WrittenConfig {
  template?: string;
  templates?: Array<string | { path: string; name?: string; "applies-to"?: string | string[] }>;
  "rfc-dir"?: string | string[];
  exclude?: string[];
  "file-pattern"?: string;
  status?: string;
  numbering?: Numbering | "auto";
  "max-file-bytes"?: number;
  rules?: Record<string, RuleSetting>;
  stages?: Partial<Record<Stage, { filled?: string[]; requires?: Requirement[]; approvals?: number }>>;
  "video-hosts"?: VideoHostName[];
  "image-hosts"?: string[];
  "optional-sections"?: string[];
  "required-sections"?: string[];
  "book-pages"?: "mdbook" | "folders";
}

/** A template named in configuration: its path, the name `rfc new --template` takes, the RFCs it is for. */
export interface TemplateSetting {
  path: string;
  name: string | null;
  /** Globs of RFC paths; null: the RFCs that match it best. */
  appliesTo: string[] | null;
}

/**
 * The complete configuration, defaults applied. A null layout setting (templates, RFC folders, file
 * pattern) is detected from the repository's files (`repository/detect-layout.ts`).
 */
export interface Config {
  /** Templates, relative to the root, the main one first; null to detect. */
  templates: TemplateSetting[] | null;
  /** Which key set `templates`, for messages. */
  templateKey: "template" | "templates" | null;
  /** Folders holding the RFCs, relative to the root (`.` for the root); null to detect. */
  rfcDirs: string[] | null;
  /** Globs of files and folders that are never RFCs. */
  exclude: string[];
  /** Regular expression an RFC file name must match, with groups `slug` and (where RFCs are numbered) `number`; null to detect. */
  filePattern: RegExp | null;
  numbering: Numbering | "auto";
  status: StatusSource;
  maxFileBytes: number;
  rules: Record<string, RuleSetting>;
  /** What each stage requires: sections with text (others may stay empty), other requirements, approvals. */
  stages: Record<Stage, StageGate>;
  /** Hosts whose videos the book shows as players; links to others stay links. */
  videoHosts: VideoHostName[];
  /** Hosts (`assets.example.com`) whose images the book loads with the page; images from other hosts wait for a click. */
  imageHosts: string[];
  /** Template sections (by title) an RFC may leave out, whatever the template says. */
  optionalSections: string[];
  /** Template sections (by title) an RFC must have, whatever the template says. */
  requiredSections: string[];
  /** Where the book puts its pages; null to detect (mdBook's places where the book comes from mdBook). */
  bookPages: "mdbook" | "folders" | null;
}

const implementSections = ["Summary", "Motivation", "Guide-level explanation", "Drawbacks", "Rationale and alternatives"];

/** Where `rfc init` puts the template and the RFC folder, and what a repository with neither is taken to have. */
export const defaultTemplatePath = "0000-template.md";
export const defaultRfcDir = "text";

/** Defaults: every layout setting detected. */
export const defaultConfig: Config = {
  templates: null,
  templateKey: null,
  rfcDirs: null,
  exclude: [],
  optionalSections: [],
  requiredSections: [],
  filePattern: null,
  numbering: "auto",
  status: { kind: "auto" },
  maxFileBytes: 1_000_000,
  rules: {},
  // MetalBear's process: before implementing, the issue linked and two approvals; before merging,
  // also the file's own number and the pull request's link.
  stages: {
    draft: { filled: ["Summary"], requires: [], approvals: 0 },
    implement: { filled: implementSections, requires: ["linked-issue"], approvals: 2 },
    merge: { filled: [...implementSections, "Reference-level explanation"], requires: ["linked-issue", "number", "pr-link"], approvals: 2 },
  },
  videoHosts: [...videoHostNames],
  imageHosts: [],
  bookPages: null,
};

/** Settings of the book, read from `book.toml` where mdBook keeps them. */
export interface BookSettings {
  title: string | null;
  siteUrl: string | null;
  gitRepositoryUrl: string | null;
  /** mdBook's `edit-url-template` (`https://github.com/org/rfcs/edit/master/{path}`). */
  editUrlTemplate: string | null;
  /** mdBook's source folder (`[book] src`, default `src`). */
  source: string;
  /**
   * mdBook's `[output.html.redirect]`: a page at `from` (relative to the book root,
   * `old/bibliography.html`) that sends the reader to `to` (a URL, or a path as mdBook resolves it
   * from `from`'s page).
   */
  redirects: { from: string; to: string }[];
  /** `[book] description`, the pages' `<meta name="description">`. */
  description: string | null;
  /** `[book] language` (`en`, `ja`), the pages' `lang`; null for English. */
  language: string | null;
  /**
   * The theme for a reader who has chosen none, by what their system asks for: mdBook's
   * `default-theme` (system light) and `preferred-dark-theme` (system dark), its five themes mapped
   * onto the book's two; null where unset, so the system's choice is followed.
   */
  theme: { light: "light" | "dark" | null; dark: "light" | "dark" | null };
  /**
   * mdBook's theme class for each of the book's themes (`light`, `navy` unless book.toml names
   * another of that shade), set on `<html>` as mdBook does, so `additional-css` written for
   * mdBook's themes (`.coal img { … }`) still applies.
   */
  themeClasses: { light: string; dark: string };
  /** `smart-punctuation` (or mdBook's older `curly-quotes`): typographic quotes and dashes; on unless set to false, as in mdBook 0.5. */
  smartPunctuation: boolean;
  /** `additional-css`: stylesheets of the repository added to every page, after the book's own. */
  additionalCss: string[];
  /** `no-section-label`: no "1.2." before the chapters a `SUMMARY.md` numbers. */
  noSectionLabel: boolean;
  /** `[output.html.search] enable`: false leaves the search out. */
  search: boolean;
  /** `[output.html.print] enable`: false leaves the print page out. */
  print: boolean;
  /** The dotted keys of every mdBook setting written (`output.html.site-url`), `[rfckit]` left out, for `rfc doctor`. */
  writtenKeys: string[];
}

/** A problem with the configuration, found while parsing it. */
export interface ConfigProblem {
  key: string;
  message: string;
}

/** Turns the written configuration into a complete one; problems are returned, not thrown. */
export function parseConfig(written: unknown): { config: Config; errors: ConfigProblem[] } {
  const errors: ConfigProblem[] = [];
  const config: Config = structuredClone(defaultConfig);
  config.filePattern = defaultConfig.filePattern;
  if (written === undefined) return { config, errors };
  if (!isRecord(written)) {
    errors.push({ key: "rfckit", message: "must be a table" });
    return { config, errors };
  }
  const known = new Set(["template", "templates", "rfc-dir", "exclude", "file-pattern", "numbering", "status", "max-file-bytes", "rules", "stages", "video-hosts", "image-hosts", "optional-sections", "required-sections", "book-pages"]);
  for (const key of Object.keys(written)) {
    if (!known.has(key)) errors.push({ key, message: `is not a setting rfckit knows (known: ${[...known].join(", ")})` });
  }
  const str = (key: string): string | undefined => {
    const v = written[key];
    if (v === undefined) return undefined;
    if (typeof v === "string" && v.trim() !== "") return v;
    errors.push({ key, message: "must be a non-empty string" });
    return undefined;
  };
  parseLayoutSettings(written, config, errors);
  const pattern = str("file-pattern");
  if (pattern !== undefined) {
    try {
      const re = new RegExp(pattern);
      if (!/\(\?<slug>/.test(pattern)) {
        errors.push({ key: "file-pattern", message: "must have a named group (?<slug>…), and (?<number>…) where RFCs are numbered" });
      } else if (hasNestedRepeat(pattern)) {
        errors.push({ key: "file-pattern", message: "repeats a group that repeats itself, such as (a+)+, which can take hours on one file name; write each repeat once" });
      } else config.filePattern = re;
    } catch (e) {
      errors.push({ key: "file-pattern", message: `is not a valid regular expression: ${(e as Error).message}` });
    }
  }
  for (const [key, field] of [["optional-sections", "optionalSections"], ["required-sections", "requiredSections"]] as const) {
    const titles = written[key];
    if (titles === undefined) continue;
    if (Array.isArray(titles) && titles.every((t) => typeof t === "string" && t.trim() !== "")) config[field] = titles as string[];
    else errors.push({ key, message: 'must be a list of template section titles, such as ["Prior art", "Future possibilities"]' });
  }
  const bookPages = written["book-pages"];
  if (bookPages !== undefined) {
    if (bookPages === "mdbook" || bookPages === "folders") config.bookPages = bookPages;
    else errors.push({ key: "book-pages", message: 'must be "mdbook" (0001-x.html at the book\'s root, introduction.html) or "folders" (text/0001-x.html, index.html)' });
  }
  const numbering = written["numbering"];
  if (numbering !== undefined) {
    if (numbering === "pr" || numbering === "sequence" || numbering === "none" || numbering === "auto") config.numbering = numbering;
    else errors.push({ key: "numbering", message: 'must be "pr", "sequence", "none" or "auto"' });
  }
  const maxBytes = written["max-file-bytes"];
  if (maxBytes !== undefined) {
    if (typeof maxBytes === "number" && Number.isInteger(maxBytes) && maxBytes > 0) config.maxFileBytes = maxBytes;
    else errors.push({ key: "max-file-bytes", message: "must be a positive whole number" });
  }
  const rules = written["rules"];
  if (rules !== undefined) {
    if (!isRecord(rules)) errors.push({ key: "rules", message: "must be a table of rule id = severity" });
    else {
      for (const [id, setting] of Object.entries(rules)) {
        if (setting === "error" || setting === "warning" || setting === "off") config.rules[id] = setting;
        else errors.push({ key: `rules.${id}`, message: 'must be "error", "warning" or "off"' });
      }
    }
  }
  const videoHosts = written["video-hosts"];
  if (videoHosts !== undefined) {
    const known = videoHostNames.map((h) => `"${h}"`).join(", ");
    if (Array.isArray(videoHosts) && videoHosts.every((h) => (videoHostNames as readonly unknown[]).includes(h))) config.videoHosts = [...new Set(videoHosts as VideoHostName[])];
    else errors.push({ key: "video-hosts", message: `must be a list of video hosts, from ${known} ([] for none)` });
  }
  const imageHosts = written["image-hosts"];
  if (imageHosts !== undefined) {
    // A host name and nothing else: it goes into each page's content security policy.
    if (Array.isArray(imageHosts) && imageHosts.every((h) => typeof h === "string" && /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i.test(h))) config.imageHosts = [...new Set(imageHosts.map((h) => (h as string).toLowerCase()))];
    else errors.push({ key: "image-hosts", message: 'must be a list of host names, such as ["assets.example.com"] ([] for none)' });
  }
  const stageTable = written["stages"];
  if (stageTable !== undefined) {
    if (!isRecord(stageTable)) errors.push({ key: "stages", message: "must be a table" });
    else {
      for (const [name, value] of Object.entries(stageTable)) {
        if (!(stages as readonly string[]).includes(name)) {
          errors.push({ key: `stages.${name}`, message: `is not a stage (stages: ${stages.join(", ")})` });
          continue;
        }
        parseStageGate(value, name as Stage, config.stages[name as Stage], errors);
      }
    }
  }
  return { config, errors };
}

/** Reads `template`, `templates`, `rfc-dir`, `exclude` and `status` into `config`. */
function parseLayoutSettings(written: Record<string, unknown>, config: Config, errors: ConfigProblem[]): void {
  const isPath = (v: unknown): v is string => typeof v === "string" && v.trim() !== "";
  const template = written["template"];
  const templates = written["templates"];
  if (template !== undefined && templates !== undefined) errors.push({ key: "templates", message: "and template are both set: keep templates, and list the main template first" });
  else if (template !== undefined) {
    if (isPath(template)) {
      config.templates = [{ path: trimPath(template), name: null, appliesTo: null }];
      config.templateKey = "template";
    } else errors.push({ key: "template", message: "must be the path of the template, such as \"0000-template.md\"" });
  } else if (templates !== undefined) {
    const parsed = Array.isArray(templates) && templates.length > 0 ? templates.map(toTemplateSetting) : [null];
    if (parsed.every((t): t is TemplateSetting => t !== null)) {
      config.templates = parsed;
      config.templateKey = "templates";
    } else errors.push({ key: "templates", message: 'must be a list of template paths or tables, such as ["template-full.md", { path = "deprecation-template.md", applies-to = "text/*-deprecate-*.md" }]' });
  }
  const rfcDir = written["rfc-dir"];
  if (rfcDir !== undefined) {
    const list = Array.isArray(rfcDir) ? rfcDir : [rfcDir];
    if (list.length > 0 && list.every(isPath)) config.rfcDirs = [...new Set(list.map((d) => trimPath(d) || "."))];
    else errors.push({ key: "rfc-dir", message: 'must be a folder, or a list of folders, relative to the root, such as "text" or ["rfc", "specification"] ("." for the root)' });
  }
  const exclude = written["exclude"];
  if (exclude !== undefined) {
    if (Array.isArray(exclude) && exclude.every(isPath)) config.exclude = exclude.map(trimPath);
    else errors.push({ key: "exclude", message: 'must be a list of globs relative to the root, such as ["text/archive/**", "drafts/old-*.md"]' });
  }
  const status = written["status"];
  if (status !== undefined) {
    if (status === "auto" || status === "folder" || status === "file-name" || status === "none") config.status = { kind: status };
    else if (typeof status === "string" && /^metadata:\s*\S/.test(status)) config.status = { kind: "metadata", key: status.slice("metadata:".length).trim() };
    else errors.push({ key: "status", message: 'must be "auto", "folder", "file-name", "none" or "metadata:<key>", such as "metadata:stage"' });
  }
}

function toTemplateSetting(value: unknown): TemplateSetting | null {
  if (typeof value === "string") return value.trim() === "" ? null : { path: trimPath(value), name: null, appliesTo: null };
  if (!isRecord(value) || typeof value["path"] !== "string" || value["path"].trim() === "") return null;
  if (Object.keys(value).some((k) => !["path", "name", "applies-to"].includes(k))) return null;
  const name = value["name"];
  if (name !== undefined && (typeof name !== "string" || !/^[\w.-]+$/.test(name))) return null;
  const appliesTo = value["applies-to"];
  const globs = appliesTo === undefined ? null : Array.isArray(appliesTo) ? appliesTo : [appliesTo];
  if (globs !== null && (globs.length === 0 || !globs.every((g) => typeof g === "string" && g.trim() !== ""))) return null;
  return { path: trimPath(value["path"]), name: (name as string | undefined) ?? null, appliesTo: globs as string[] | null };
}

/** `./text/` → `text`. */
function trimPath(p: string): string {
  const trimmed = p.trim().replace(/^(?:\.\/)+/, "").replace(/\/+$/, "");
  return trimmed === "" ? "." : trimmed;
}

const stageKeys = ["filled", "requires", "approvals"];

/** Reads one `[rfckit.stages.<stage>]` table into `gate`; keys not written keep their defaults. */
function parseStageGate(value: unknown, stage: Stage, gate: StageGate, errors: ConfigProblem[]): void {
  const key = `stages.${stage}`;
  if (!isRecord(value)) {
    errors.push({ key, message: `must be a table with ${stageKeys.join(", ")}` });
    return;
  }
  for (const name of Object.keys(value)) {
    if (!stageKeys.includes(name)) errors.push({ key: `${key}.${name}`, message: `is not a stage setting rfckit knows (known: ${stageKeys.join(", ")})` });
  }
  const { filled, requires, approvals } = value;
  if (filled !== undefined) {
    if (Array.isArray(filled) && filled.every((s) => typeof s === "string")) gate.filled = filled as string[];
    else errors.push({ key: `${key}.filled`, message: "must be a list of section titles" });
  }
  if (requires !== undefined) {
    const known = requirements.map((r) => `"${r}"`).join(", ");
    const unknown = Array.isArray(requires) ? requires.find((r) => !(requirements as readonly unknown[]).includes(r)) : undefined;
    if (!Array.isArray(requires)) errors.push({ key: `${key}.requires`, message: `must be a list of requirements, from ${known}` });
    else if (unknown !== undefined) errors.push({ key: `${key}.requires`, message: `has ${JSON.stringify(unknown)}, which is not a requirement (requirements: ${known})` });
    else gate.requires = [...new Set(requires as Requirement[])];
  }
  if (approvals !== undefined) {
    if (typeof approvals === "number" && Number.isInteger(approvals) && approvals >= 0) gate.approvals = approvals;
    else errors.push({ key: `${key}.approvals`, message: "must be a whole number of approving reviews, 0 or more" });
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * True when a group holding a repeat (`+`, `*`, `{n,}`) is itself repeated, as in `(\w+)+` or
 * `(?:-[a-z]*)*`: on a name that almost matches, such a pattern backtracks exponentially.
 */
export function hasNestedRepeat(pattern: string): boolean {
  const repeats: boolean[] = [];
  let escaped = false;
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (escaped) {
      escaped = false;
      continue;
    }
    if (c === "\\") escaped = true;
    else if (inClass) inClass = c !== "]";
    else if (c === "[") inClass = true;
    else if (c === "(") repeats.push(false);
    else if (c === ")") {
      const inner = repeats.pop() ?? false;
      const next = pattern[i + 1];
      const repeated = next === "+" || next === "*" || (next === "{" && /^\{\d*,\d*\}/.test(pattern.slice(i + 1)) && !/^\{\d+\}/.test(pattern.slice(i + 1)));
      if (inner && repeated) return true;
      if (inner && repeats.length > 0) repeats[repeats.length - 1] = true;
    } else if ((c === "+" || c === "*" || (c === "{" && /^\{\d*,\d*\}/.test(pattern.slice(i)))) && repeats.length > 0) repeats[repeats.length - 1] = true;
  }
  return false;
}
