import { stat } from "node:fs/promises";
import path from "node:path";
import { describeSystemCode, UserError } from "../errors.ts";
import { createDocumentParser } from "../markdown/parse-document.ts";
import { readListedStatuses } from "../markdown/read-listed-statuses.ts";
import picomatch from "picomatch";
import type { BookSettings, Numbering } from "../model/config.ts";
import { allSections, type RfcDocument } from "../model/document.ts";
import { toLinkedFile } from "../model/asset-policy.ts";
import { folderOf, isMarkdownName, isTemplateName, toNameStatus, type Layout, type TemplateFile } from "../model/layout.ts";
import { findEntry } from "../model/metadata.ts";
import { readPrRef } from "../model/rfc-pr.ts";
import { titleKey } from "../model/title-key.ts";
import type { LoadedTemplate, MarkdownFile, Repository, Rfc, RfcGitFacts, SpecialFile } from "../model/repository.ts";
import type { Schema } from "../model/schema.ts";
import { findRoot } from "./find-root.ts";
import { hasGitHistory, isShallowClone } from "./git.ts";
import { listTree } from "./list-files.ts";
import { detectLayout, listRfcPaths, listRfcSubfolders, toExcluder, type LayoutSignals } from "./detect-layout.ts";
import { readConfig, refuseOutsideRoot } from "./read-config.ts";
import { readMarkdownFiles } from "./read-markdown.ts";
import { readText } from "./read-text.ts";
import { isValidDate, pickSchema, readStartDate, shiftYears } from "./pick-schema.ts";
import { toSchema } from "./to-schema.ts";
import { readTemplateHistory } from "./template-history.ts";
import { readGitFacts } from "./read-git-facts.ts";
import { readFileDates, type DatesWanted } from "./read-file-dates.ts";
import { readAddingPullRequests } from "./read-adding-pull-requests.ts";
import { maxOf } from "../model/extremes.ts";

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
  /**
   * The RFCs the caller will read in full (default: all): they are parsed while git runs, and
   * only theirs of the commit dates are read. The others are parsed when first read, and an RFC
   * without a `Start Date` among them is held to the current template.
   */
  reading?: (rfcPath: string) => boolean;
  /**
   * Parse the RFCs being read while git runs (default: true). A long-running caller that reads few
   * documents at a time (the language server) leaves them to be parsed when first read.
   */
  parseAhead?: boolean;
}

/** Loads an RFC repository: configuration, layout, templates and schemas, and every RFC, parsed once. */
export async function loadRepository(options: LoadOptions = {}): Promise<Repository> {
  const root = options.root ? await requireFolder(path.resolve(options.cwd ?? process.cwd(), options.root)) : await findRoot(options.cwd ?? process.cwd());
  const shallowClone = options.history === false ? Promise.resolve(false) : isShallowClone(root);
  const historyWanted = options.history === false ? Promise.resolve(false) : Promise.all([hasGitHistory(root), shallowClone]).then(([has, shallow]) => has && !shallow);
  const { config, book } = await readConfig(root);
  const parse = createDocumentParser();

  const bookDir = "book";
  const tree = await listTree(root, [bookDir]);
  const isExcluded = toExcluder(config.exclude);
  refuseUnreadable(tree.unreadable.filter((folder) => !isExcluded(folder.path)));
  const signals = readLayoutSignals(root, tree, book);
  const layout = detectLayout(signals, config);
  const listedStatuses = signals.readme ? readListedStatuses(signals.readme) : new Map<string, string>();
  await refuseOutsideRoot(root, { templates: layout.templates.map((t) => t.path), rfcDirs: [] }, null);
  const templates = layout.templates.map((template) => loadTemplate(root, template, config.maxFileBytes, parse));
  if (templates.length === 0) throw noTemplate(layout, tree.folders);
  const main = templates[0]!;

  // git runs in its own processes while this one reads the files.
  const rfcDirs = layout.rfcDirs.map((d) => d.path);
  const useHistory = await historyWanted;
  const histories = useHistory ? Promise.all(templates.map((t) => readTemplateHistory({ root, templatePath: t.path, current: t.schema, parse }))) : null;
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
  const fileByPath = new Map(parsed.map((f) => [f.path, f]));
  const reading = options.reading ?? (() => true);
  const read = rfcPaths.filter(reading);
  const datesReading = useHistory ? readFileDates(root, rfcDirs, toDatesWanted(read.map((p) => fileByPath.get(p)!))) : null;
  const prKey = main.schema.prKey;
  // Asked of accepted RFCs only: a draft (`0000-…`) has not been merged under its name. The walk
  // of the main line costs ~0.1 s on Rust's history, paid only where an RFC lacks the key.
  const isDraftName = (rfcPath: string) => Number(layout.naming.pattern.exec(path.posix.basename(rfcPath))?.groups?.["number"] ?? NaN) === 0;
  const withoutPullRequest = useHistory && prKey ? read.filter((p) => !isDraftName(p) && !linksItsPullRequest(fileByPath.get(p)!, prKey)) : [];
  const pullRequestsReading = withoutPullRequest.length > 0 ? readAddingPullRequests(root, rfcDirs, withoutPullRequest, aYearBeforeTheirStart(withoutPullRequest.map((p) => fileByPath.get(p)!))) : null;
  // Without git there is nothing to wait for: the documents are parsed when first read.
  if (useHistory && options.parseAhead !== false) await parseInTurns([...read, ...read.flatMap((p) => subChapterPaths.get(p)!)].map((p) => fileByPath.get(p)!));
  const [history, gitFacts, dates, addingPullRequests] = await Promise.all([histories, datesReading && readGitFacts(root, rfcDirs, datesReading), datesReading, pullRequestsReading]);
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
    const templateIndex = chooseTemplate(rfcPath, () => file.document);
    const { schema: rfcSchema, basis } = pickSchema(file, templates[templateIndex]!.schema, history === null ? undefined : (history[templateIndex] ?? null), dates?.get(rfcPath)?.firstCommitDate, reading(rfcPath), number !== null && number !== 0, ownPullRequest(file, main.schema));
    return withFile(file, {
      number,
      numberText,
      slug: toSlug(match?.groups?.["slug"] ?? name.replace(/\.md$/i, ""), nameStatus),
      folder: folderByPath.get(folderOf(rfcPath))!,
      nameStatus,
      listedStatus: listedStatuses.get(rfcPath) ?? null,
      template: templates[templateIndex]!.path,
      isDraft: number === 0,
      assetFolder,
      subChapters,
      schema: rfcSchema,
      schemaBasis: basis,
      git: gitFacts ? withCommitFacts(gitFacts.get(rfcPath) ?? { lastCommitDate: null, uncommitted: false, changedLines: [] }, { addedByPullRequest: addingPullRequests?.get(rfcPath), firstCommitDate: dates?.get(rfcPath)?.firstCommitDate }) : null,
    });
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
    shallowClone: await shallowClone,
    today: options.today ?? localDate(new Date()),
  };
}

/**
 * Parses the files' documents a few at a time, letting the event loop run in between: git's
 * output must be read as it comes, or git stops once the pipe is full (64 KiB) and waits for
 * the parse to end.
 */
async function parseInTurns(files: readonly MarkdownFile[]): Promise<void> {
  const turn = 16;
  for (let i = 0; i < files.length; i += turn) {
    for (const file of files.slice(i, i + turn)) void file.document;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** An RFC made of its file and what the loader found out about it; the file's document stays unparsed until read. */
function withFile(file: MarkdownFile, facts: Omit<Rfc, keyof MarkdownFile>): Rfc {
  return Object.defineProperties(
    { path: file.path, problem: file.problem, ...(file.release ? { release: () => file.release!() } : {}), ...facts },
    {
      document: { get: () => file.document, enumerable: true },
      header: { get: () => file.header, enumerable: true },
    },
  ) as Rfc;
}

/**
 * A folder of the repository that cannot be read may hold RFCs: checking without them would pass
 * for the wrong reason, so it is an error naming the folder and the cause. `exclude` skips it.
 */
function refuseUnreadable(unreadable: readonly { path: string; code: string }[]): void {
  const first = unreadable[0];
  if (!first) return;
  const why = describeSystemCode(first.code) ?? first.code;
  throw new UserError(`The folder ${first.path === "." ? "of the repository" : first.path} cannot be read: ${why}.`, {
    file: first.path,
    hint: `give your user permission to read it (chmod u+rx ${first.path}), or leave it out with exclude = ["${first.path}"] in book.toml's [rfckit] table.`,
  });
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
  // A SUMMARY.md that generate-book.py writes into the source folder it fills is a copy, as the rest of that folder.
  const summaryPath = [...(generated ? [] : [`${book.source}/SUMMARY.md`]), "SUMMARY.md"].map((p) => path.posix.normalize(p)).find((p) => tree.files.includes(p)) ?? null;
  const summaryText = summaryPath === null ? null : readText(path.join(root, summaryPath), { root, maxBytes: 1_000_000 }).text;
  return {
    files: tree.files,
    folders: tree.folders,
    special: tree.special,
    readme: readmePath !== null && readme !== null ? { path: readmePath, text: readme } : null,
    generatedBookSource: generated && book.source !== "." ? book.source : null,
    summary: summaryPath !== null && summaryText !== null ? { path: summaryPath, chapters: readSummaryChapters(summaryPath, summaryText) } : null,
    mdBook: toMdBookSign(book, generated ? tree.files.find((f) => /^generate[-_]book\./i.test(f))! : null, summaryPath),
  };
}

/** What says the book is built with mdBook, as a phrase for `rfc doctor`; null when nothing does. */
function toMdBookSign(book: BookSettings, generator: string | null, summaryPath: string | null): string | null {
  const key = book.writtenKeys.find((k) => /^(?:book|build|output|preprocessor)\./.test(k));
  if (key !== undefined) {
    const parts = key.split(".");
    const table = parts[0] === "output" || parts[0] === "preprocessor" ? parts.slice(0, 2).join(".") : parts[0];
    return `book.toml has mdBook's [${table}] table`;
  }
  if (summaryPath !== null) return `${summaryPath} is mdBook's table of contents`;
  return generator === null ? null : `${generator} builds an mdBook book`;
}

/** The files a `SUMMARY.md` links to, as paths from the root: `[Title](../text/x.md)` in `src/SUMMARY.md` is `text/x.md`. */
function readSummaryChapters(summaryPath: string, text: string): string[] {
  return [...text.matchAll(/\]\(\s*<?([^)\s>]+)>?/g)].flatMap((m) => {
    const target = toLinkedFile(summaryPath, m[1]!);
    return target !== null && isMarkdownName(target) ? [target] : [];
  });
}

function loadTemplate(root: string, template: TemplateFile, maxBytes: number, parse: (text: string) => RfcDocument): LoadedTemplate {
  const read = readText(path.join(root, template.path), { root, maxBytes });
  if (read.text === null) {
    const reason = read.problem.kind === "unreadable" ? read.problem.reason : null;
    if (reason === "ENOENT") {
      throw new UserError(`The template ${template.path} does not exist in ${root}.`, {
        file: template.path,
        hint: "create it (copy an RFC template there), pass --root <dir> for the right repository, or correct template in book.toml's [rfckit] table.",
      });
    }
    const why = (reason === null ? null : describeSystemCode(reason)) ?? reason ?? read.problem.kind;
    throw new UserError(`The template ${template.path} cannot be read: ${why}.`, {
      file: template.path,
      hint: reason === "EISDIR" ? "put the template file there in place of the folder, or name the file in book.toml's [rfckit] template." : "make the template a readable, non-empty UTF-8 text file.",
    });
  }
  const document = parse(read.text);
  return { ...template, document, schema: toSchema(document, { path: template.path, revision: null }) };
}

function noTemplate(layout: Layout, folders: readonly string[]): UserError {
  // A folder with a template's name (`0000-template.md/`) is a file gone wrong, not no template.
  const folder = folders.find((f) => isTemplateName(f.slice(f.lastIndexOf("/") + 1)));
  if (folder !== undefined) {
    return new UserError(`The template ${folder} is a folder, not a file.`, { hint: "put the template file there in place of the folder, or name the file in book.toml's [rfckit] template." });
  }
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
function toTemplateChooser(templates: readonly LoadedTemplate[]): (rfcPath: string, readDocument: () => RfcDocument | null) => number {
  const matchers = templates.map((t) => (t.appliesTo ? picomatch(t.appliesTo, { dot: true }) : null));
  const open = templates.flatMap((t, i) => (t.appliesTo ? [] : [i]));
  const titleSets = templates.map((t) => new Set(t.schema.sections.map((s) => titleKey(s.title))));
  return (rfcPath, readDocument) => {
    const bound = matchers.findIndex((m) => m !== null && m(rfcPath));
    if (bound !== -1) return bound;
    const document = open.length <= 1 ? null : readDocument();
    if (!document) return open[0] ?? 0;
    const titles = new Set(allSections(document.sections).map((s) => titleKey(s.title)));
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

/** The number of the pull request the header links under the template's key, where it is one of the template's repository. */
function ownPullRequest(file: MarkdownFile, schema: Schema): number | undefined {
  const ref = file.header ? readPrRef({ header: file.header, schema }) : null;
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  if (!ref || ref.number <= 0 || (schema.repository && !(same(ref.owner, schema.repository.owner) && same(ref.repo, schema.repository.repo)))) return undefined;
  return ref.number;
}

/**
 * A year before the earliest `Start Date` of the files, as far back as the pull requests that
 * merged them need be looked for (a review rarely takes longer); undefined where one has no date.
 */
function aYearBeforeTheirStart(files: readonly MarkdownFile[]): string | undefined {
  let earliest: string | undefined;
  for (const file of files) {
    const day = readStartDate(file);
    if (day === undefined) return undefined;
    if (earliest === undefined || day < earliest) earliest = day;
  }
  return earliest === undefined ? undefined : shiftYears(earliest, -1);
}

/** Whether the file's header has the template's pull-request key (`RFC PR`), filled in or not. */
function linksItsPullRequest(file: MarkdownFile, prKey: string): boolean {
  return file.header === null || findEntry(file.header.metadata, prKey) !== undefined;
}

/** The facts with those read for some RFCs only, where they were read. */
function withCommitFacts(facts: RfcGitFacts, read: Pick<RfcGitFacts, "addedByPullRequest" | "firstCommitDate">): RfcGitFacts {
  const known = Object.entries(read).filter(([, value]) => value !== undefined);
  return known.length === 0 ? facts : { ...facts, ...Object.fromEntries(known) };
}

/**
 * The RFCs whose commit dates a check uses: the first commit of those without a `Start Date` (it
 * picks their template revision), the last commit of those with a `Last Updated` (the rule
 * compares them). Most RFCs need neither, and reading dates walks the whole history.
 */
function toDatesWanted(files: readonly MarkdownFile[]): DatesWanted {
  const first: string[] = [];
  const last: string[] = [];
  for (const file of files) {
    const metadata = file.header?.metadata;
    if (!metadata) continue;
    if (readStartDate(file) === undefined) first.push(file.path);
    if (isValidDate(findEntry(metadata, "Last Updated")?.value)) last.push(file.path);
  }
  return { first, last };
}


/**
 * Rust names each RFC after its pull request; MetalBear numbers them in sequence. Where RFCs link
 * their pull requests, most of them decide. Where none does (NixOS's template has no PR key), the
 * numbers do: a sequence is dense, while pull-request numbers leave gaps for every other pull
 * request (NixOS: 44 RFCs numbered up to 180), so numbers reaching past twice their count are
 * pull requests'.
 */
function detectNumbering(rfcs: readonly Rfc[], schema: Schema): Exclude<Numbering, "none"> {
  if (!schema.prKey || !rfcs.some((r) => r.number && r.header && findEntry(r.header.metadata, schema.prKey!))) return isSparse(rfcs) ? "pr" : "sequence";
  let agree = 0;
  let total = 0;
  for (const rfc of rfcs) {
    if (!rfc.header || !rfc.number) continue;
    const pr = readPrRef({ header: rfc.header, schema });
    if (!pr) continue;
    total++;
    if (pr.number === rfc.number) agree++;
  }
  return total > 0 && agree * 2 > total ? "pr" : "sequence";
}

function isSparse(rfcs: readonly Rfc[]): boolean {
  const numbers = rfcs.flatMap((r) => (r.number ? [r.number] : []));
  return numbers.length >= 3 && maxOf(numbers, 0) > 2 * numbers.length;
}

function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The root given with `--root`, once it is known to be a folder: a missing path or a file is named as such, not blamed on a template. */
async function requireFolder(root: string): Promise<string> {
  const info = await stat(root).catch((error: NodeJS.ErrnoException) => error);
  if (info instanceof Error) {
    const reason = info.code === "ENOENT" ? "does not exist" : `cannot be read (${describeSystemCode(info.code) ?? info.code ?? info.message})`;
    throw new UserError(`The repository root ${root} ${reason}.`, { hint: "pass --root with the folder of the RFC repository." });
  }
  if (!info.isDirectory()) throw new UserError(`The repository root ${root} is a file, not a folder.`, { hint: "pass --root with the folder of the RFC repository, not a file in it." });
  return root;
}
