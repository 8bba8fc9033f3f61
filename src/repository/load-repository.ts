import path from "node:path";
import { UserError } from "../errors.ts";
import { createDocumentParser } from "../markdown/parse-document.ts";
import picomatch from "picomatch";
import type { BookSettings, Numbering } from "../model/config.ts";
import { allSections, type RfcDocument } from "../model/document.ts";
import { folderOf, toNameStatus, type Layout, type TemplateFile } from "../model/layout.ts";
import { findEntry } from "../model/metadata.ts";
import type { LoadedTemplate, MarkdownFile, Repository, Rfc, SpecialFile } from "../model/repository.ts";
import type { Schema } from "../model/schema.ts";
import { findRoot } from "./find-root.ts";
import { hasGitHistory } from "./git.ts";
import { listTree } from "./list-files.ts";
import { detectLayout, listRfcPaths, listRfcSubfolders, type LayoutSignals } from "./detect-layout.ts";
import { readConfig, refuseOutsideRoot } from "./read-config.ts";
import { readMarkdownFiles } from "./read-markdown.ts";
import { readText } from "./read-text.ts";
import { toSchema } from "./to-schema.ts";
import { readTemplateHistory, type TemplateHistory } from "./template-history.ts";
import { readGitFacts } from "./read-git-facts.ts";
import { readFileDates } from "./read-file-dates.ts";

/** How to load a repository. */
export interface LoadOptions {
  /** The repository root; found from `cwd` upwards when not given. */
  root?: string;
  /** Where to start looking for the root (default: the process's working folder). */
  cwd?: string;
  /** Today's date as `YYYY-MM-DD` (default: the local date), so checks are reproducible. */
  today?: string;
  /** Use git history to pick each RFC's template revision (default: true). */
  history?: boolean;
}

/** Loads an RFC repository: configuration, layout, templates and schemas, and every RFC, parsed once. */
export async function loadRepository(options: LoadOptions = {}): Promise<Repository> {
  const root = options.root ? path.resolve(options.cwd ?? process.cwd(), options.root) : await findRoot(options.cwd ?? process.cwd());
  const historyWanted = options.history === false ? Promise.resolve(false) : hasGitHistory(root);
  const { config, book } = await readConfig(root);
  const parse = createDocumentParser();

  const bookDir = "book";
  const tree = await listTree(root, [bookDir]);
  const layout = detectLayout(readLayoutSignals(root, tree, book), config);
  await refuseOutsideRoot(root, { templates: layout.templates.map((t) => t.path), rfcDirs: [] }, null);
  const templates = layout.templates.map((template) => loadTemplate(root, template, config.maxFileBytes, parse));
  if (templates.length === 0) throw noTemplate(layout);
  const main = templates[0]!;

  // git runs in its own processes while this one parses the files.
  const rfcDirs = layout.rfcDirs.map((d) => d.path);
  const gitReading = readGit(historyWanted, () => {
    const dates = readFileDates(root, rfcDirs);
    return Promise.all([
      Promise.all(templates.map((t) => readTemplateHistory({ root, templatePath: t.path, current: t.schema, parse }))),
      readGitFacts(root, rfcDirs, dates),
      dates,
    ]);
  });
  const rfcPaths = listRfcPaths(layout, tree.files);
  const folders = listRfcSubfolders(layout, tree.folders);
  const folderSet = new Set(folders);
  const assetFolderOf = (rfcPath: string) => {
    const folder = rfcPath.slice(0, -".md".length);
    return folderSet.has(folder) ? folder : null;
  };
  const subChapterPaths = new Map(
    rfcPaths.map((p) => {
      const folder = assetFolderOf(p);
      return [p, folder ? tree.files.filter((f) => f.startsWith(`${folder}/`) && f.toLowerCase().endsWith(".md")) : []];
    }),
  );
  const allPaths = [...rfcPaths, ...[...subChapterPaths.values()].flat()];
  const parsed = readMarkdownFiles(root, allPaths, { maxBytes: config.maxFileBytes });
  const { useHistory, history, gitFacts, dates } = await gitReading;
  const fileByPath = new Map(parsed.map((f) => [f.path, f]));
  const folderByPath = new Map(layout.rfcDirs.map((d) => [d.path, d]));
  const chooseTemplate = toTemplateChooser(templates);

  const rfcs = rfcPaths.map((rfcPath) => {
    const file = fileByPath.get(rfcPath)!;
    const name = path.posix.basename(rfcPath);
    const assetFolder = assetFolderOf(rfcPath);
    const subChapters = subChapterPaths.get(rfcPath)!.map((p) => fileByPath.get(p)!);
    const match = layout.naming.pattern.exec(name);
    const nameStatus = toNameStatus(name);
    const numberText = match?.groups?.["number"] ?? null;
    const number = numberText === null ? null : Number(numberText);
    const templateIndex = chooseTemplate(rfcPath, file.document);
    const { schema: rfcSchema, basis } = pickSchema(file, templates[templateIndex]!.schema, history === null ? undefined : (history[templateIndex] ?? null), dates?.get(rfcPath)?.firstCommitDate);
    const rfc: Rfc = {
      ...file,
      number,
      numberText,
      slug: toSlug(match?.groups?.["slug"] ?? name.replace(/\.md$/i, ""), nameStatus),
      folder: folderByPath.get(folderOf(rfcPath))!,
      nameStatus,
      template: templates[templateIndex]!.path,
      isDraft: number === 0,
      assetFolder,
      subChapters,
      schema: rfcSchema,
      schemaBasis: basis,
      git: gitFacts ? (gitFacts.get(rfcPath) ?? { lastCommitDate: null, uncommitted: false, changedLines: [] }) : null,
    };
    return rfc;
  });

  return {
    root,
    config,
    book,
    layout,
    template: main,
    schema: main.schema,
    templates,
    rfcs,
    folders,
    files: new Set(tree.files),
    special: tree.special,
    numbering: !layout.naming.numbered ? "none" : config.numbering === "auto" ? detectNumbering(rfcs, main.schema) : config.numbering,
    hasHistory: useHistory,
    today: options.today ?? localDate(new Date()),
  };
}

/** The slug without a status suffix: `radar-feed.expired` → `radar-feed`. */
function toSlug(named: string, nameStatus: string | null): string {
  const slug = named.replace(/\.md$/i, "");
  return nameStatus !== null && slug.toLowerCase().endsWith(`.${nameStatus}`) ? slug.slice(0, -nameStatus.length - 1) : slug;
}

/** The signals detection reads beside the listing: the root README, and whether mdBook's source folder is generated. */
function readLayoutSignals(root: string, tree: { files: string[]; folders: string[]; special: Map<string, SpecialFile> }, book: BookSettings): LayoutSignals {
  const readmePath = tree.files.find((f) => /^readme\.md$/i.test(f)) ?? null;
  const readme = readmePath === null ? null : readText(path.join(root, readmePath), { root, maxBytes: 1_000_000 }).text;
  const generated = tree.files.some((f) => /^generate[-_]book\.(?:py|sh|js|ts|mjs)$/i.test(f));
  return {
    files: tree.files,
    folders: tree.folders,
    special: tree.special,
    readme: readmePath !== null && readme !== null ? { path: readmePath, text: readme } : null,
    generatedBookSource: generated && book.source !== "." ? book.source : null,
  };
}

function loadTemplate(root: string, template: TemplateFile, maxBytes: number, parse: (text: string) => RfcDocument): LoadedTemplate {
  const read = readText(path.join(root, template.path), { root, maxBytes });
  if (read.text === null) {
    const missing = read.problem.kind === "unreadable";
    throw new UserError(missing ? `The template ${template.path} does not exist in ${root}.` : `The template ${template.path} cannot be read (${read.problem.kind}).`, {
      file: template.path,
      hint: missing
        ? "create it (copy an RFC template there), pass --root <dir> for the right repository, or correct template in book.toml's [rfckit] table."
        : "save the template as a non-empty UTF-8 text file.",
    });
  }
  const document = parse(read.text);
  return { ...template, document, schema: toSchema(document, { path: template.path, revision: null }) };
}

function noTemplate(layout: Layout): UserError {
  const places = ["the root", ...layout.rfcDirs.filter((d) => d.path !== ".").map((d) => `${d.path}/`)];
  return new UserError(`No RFC template found: looked for 0000-template.md, template*.md and *-template.md in ${places.join(", ")}.`, {
    hint: 'add the template RFCs are written from (`rfc init` writes one), or name it in book.toml: [rfckit] template = "docs/rfc-template.md".',
  });
}

/**
 * Which template each RFC is held to: the first whose `applies-to` globs match its path; else, of
 * the templates without globs, the one whose section titles it shares most of (Jaccard: shared
 * titles over all titles of both), the main template on a tie.
 */
function toTemplateChooser(templates: readonly LoadedTemplate[]): (rfcPath: string, document: RfcDocument | null) => number {
  const matchers = templates.map((t) => (t.appliesTo ? picomatch(t.appliesTo, { dot: true }) : null));
  const open = templates.flatMap((t, i) => (t.appliesTo ? [] : [i]));
  const titleSets = templates.map((t) => new Set(t.schema.sections.map((s) => toTitleWords(s.title))));
  return (rfcPath, document) => {
    const bound = matchers.findIndex((m) => m !== null && m(rfcPath));
    if (bound !== -1) return bound;
    if (open.length <= 1 || !document) return open[0] ?? 0;
    const titles = new Set(allSections(document.sections).map((s) => toTitleWords(s.title)));
    let best = open[0]!;
    let bestScore = -1;
    for (const i of open) {
      const wanted = titleSets[i]!;
      let shared = 0;
      for (const t of wanted) if (titles.has(t)) shared++;
      const score = shared / (wanted.size + titles.size - shared || 1);
      if (score > bestScore) {
        best = i;
        bestScore = score;
      }
    }
    return best;
  };
}

/** A heading title as words: `## 2. Detailed Design` → `detailed design`. */
function toTitleWords(title: string): string {
  return title
    .toLowerCase()
    .replace(/^[\d.\s]+(?=\D)/, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

type GitFacts = Awaited<ReturnType<typeof readGitFacts>>;
type FileDateMap = Awaited<ReturnType<typeof readFileDates>>;

/** Whether the repository has git history to use, and what `read` finds in it. */
async function readGit(
  wanted: Promise<boolean>,
  read: () => Promise<[Array<TemplateHistory | null>, GitFacts, FileDateMap]>,
): Promise<{ useHistory: boolean; history: Array<TemplateHistory | null> | null; gitFacts: GitFacts | null; dates: FileDateMap | null }> {
  if (!(await wanted)) return { useHistory: false, history: null, gitFacts: null, dates: null };
  const [history, gitFacts, dates] = await read();
  return { useHistory: true, history, gitFacts, dates };
}

/**
 * The template revision an RFC is held to: the one that stood on its `Start Date`, or on the day
 * it was first committed. `history` is undefined when the repository has no history to read.
 */
function pickSchema(
  file: MarkdownFile,
  current: Schema,
  history: TemplateHistory | null | undefined,
  firstCommitDate: string | undefined,
): { schema: Schema; basis: Rfc["schemaBasis"] } {
  if (history === undefined) return { schema: current, basis: "no-history" };
  if (history === null) return { schema: current, basis: "current" };
  const start = file.document ? findEntry(file.document.metadata, "Start Date")?.value : undefined;
  const startDate = start?.shape.kind === "date" && start.shape.valid ? start.raw.trim() : undefined;
  const date = startDate ?? firstCommitDate;
  return { schema: date ? history.schemaAt(date) : current, basis: "history" };
}

/** Rust names each RFC after its pull request; MetalBear numbers them in sequence. Most RFCs decide. */
function detectNumbering(rfcs: readonly Rfc[], schema: Schema): Exclude<Numbering, "none"> {
  if (!schema.prKey) return "sequence";
  let agree = 0;
  let total = 0;
  for (const rfc of rfcs) {
    if (!rfc.document || !rfc.number) continue;
    const shape = findEntry(rfc.document.metadata, schema.prKey)?.value.shape;
    const pr = shape?.kind === "link" ? (shape.urlRef ?? shape.textRef) : shape?.kind === "url" ? shape.urlRef : null;
    if (!pr) continue;
    total++;
    if (pr.number === rfc.number) agree++;
  }
  return total > 0 && agree * 2 > total ? "pr" : "sequence";
}

function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
