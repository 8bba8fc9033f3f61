import { lstat, mkdir, readdir, readFile, rm, rmdir } from "node:fs/promises";
import path from "node:path";
import { UserError } from "../errors.ts";
import { parseDocument } from "../markdown/parse-document.ts";
import { defaultRfcDir, defaultTemplatePath } from "../model/config.ts";
import { isTemplateName } from "../model/layout.ts";
import { configFile, readConfig } from "../repository/read-config.ts";
import { toSchema } from "../repository/to-schema.ts";
import { createFileExclusive } from "../repository/write-file.ts";
import {
  builtinTemplates,
  builtinWorkflows,
  placeholderRepository,
  readBuiltinFile,
  readBuiltinWorkflow,
  type BuiltinTemplate,
  type BuiltinWorkflow,
  type PublishingMode,
} from "./builtin-files.ts";
import { readPublishingWorkflows, type ExistingWorkflow } from "./existing-workflows.ts";
import { readOriginRepository } from "./github-remote.ts";

/** What `rfc init` was asked to do. */
export interface InitOptions {
  /** The folder to create the repository in, absolute or relative to `cwd`; created if missing. */
  dir: string;
  cwd: string;
  /** `metalbear` (default), `rust`, or the path of a template file (relative to `cwd`). */
  template?: string;
  /** `owner/name` of the GitHub repository the RFC PR links point at (default: from `origin`, else a placeholder). */
  repository?: string;
  /** The book's title (default "RFCs"). */
  title?: string;
  /**
   * Also plan the GitHub Actions workflows (check, publish, preview) in `.github/workflows/`. In a
   * folder that already is an RFC repository (its template exists), only the workflows are planned.
   */
  github?: boolean;
  /** With `github`: how the book reaches GitHub Pages (default `actions`). */
  pages?: PublishingMode;
  /**
   * With `github`: add the book and preview workflows even where the repository already has a
   * workflow that publishes the book or previews it (by default those are left out, and said).
   */
  force?: boolean;
}

/** One file `rfc init` creates, relative to the new repository's root. */
export interface PlannedFile {
  path: string;
  content: string | Uint8Array;
  /** What the file is for, in a few words. */
  purpose: string;
}

/** Where the repository name in the links came from. */
export type RepositorySource = "option" | "origin" | "placeholder";

/** Everything `rfc init` will write; nothing is written until `writeInitPlan`. */
export interface InitPlan {
  /** Absolute path of the new repository's root. */
  dir: string;
  /** The root relative to the working folder, for messages; "" when it is the working folder. */
  shownDir: string;
  /** `existing`: the folder already is an RFC repository with this template, and only workflows are planned. */
  template: { kind: "builtin"; name: BuiltinTemplate } | { kind: "file"; path: string } | { kind: "existing"; path: string };
  repository: { name: string; source: RepositorySource };
  title: string;
  files: PlannedFile[];
  /** rfckit's workflows left out because the repository's own already do their work. */
  skippedWorkflows: { name: BuiltinWorkflow; because: ExistingWorkflow[] }[];
}

/** The texts a plan is made from, read by `readInitPlan`. */
export interface InitSources {
  template: { kind: "builtin"; name: BuiltinTemplate; text: string } | { kind: "file"; path: string; bytes: Uint8Array };
  readme: string;
  checklist: string;
  repository: { name: string; source: RepositorySource };
  title: string;
  /** The workflows to add under `.github/workflows/`; empty without `--github`. */
  workflows: { name: BuiltinWorkflow; text: string; purpose: string }[];
}

/** Where `rfc init --github` puts the workflows, relative to the repository's root. */
export const workflowsDir = ".github/workflows";

const defaultTitle = "RFCs";
const repositoryPattern = /^[\w.-]+\/[\w.-]+$/;

/** Reads what the plan needs (the shipped files, a template file, the `origin` remote) and plans the files. */
export async function readInitPlan(options: InitOptions): Promise<InitPlan> {
  const dir = path.resolve(options.cwd, options.dir);
  const all = options.github ? await readWorkflows(options.pages ?? "actions") : [];
  const skippedWorkflows = options.github && !options.force ? await findDoneAlready(dir) : [];
  const workflows = all.filter((w) => !skippedWorkflows.some((s) => s.name === w.name));
  const existingTemplate = options.github ? await readExistingTemplate(dir) : null;
  if (existingTemplate !== null) return planWorkflowsOnly(options, dir, existingTemplate, workflows, skippedWorkflows);
  const title = (options.title ?? defaultTitle).replace(/\s+/g, " ").trim();
  if (title === "") throw new UserError("--title is empty.", { hint: 'give the book a title, e.g. --title "Acme RFCs", or leave --title out for "RFCs".' });
  const sources: InitSources = {
    template: await readTemplateSource(options.template ?? "metalbear", options.cwd),
    readme: await readBuiltinFile("readme"),
    checklist: await readBuiltinFile("checklist"),
    repository: await readRepositoryName(options.repository, dir),
    title,
    workflows,
  };
  return {
    dir,
    shownDir: path.relative(options.cwd, dir),
    template: sources.template.kind === "builtin" ? { kind: "builtin", name: sources.template.name } : { kind: "file", path: sources.template.path },
    repository: sources.repository,
    title,
    files: renderInitFiles(sources),
    skippedWorkflows,
  };
}

/** rfckit's book and preview workflows whose work one of the repository's own already does. */
async function findDoneAlready(dir: string): Promise<InitPlan["skippedWorkflows"]> {
  const existing = await readPublishingWorkflows(dir, workflowsDir);
  const skipped: InitPlan["skippedWorkflows"] = [];
  for (const [name, role] of [["rfc-book.yml", "book"], ["rfc-preview.yml", "preview"]] as const) {
    const because = existing.filter((w) => w.role === role);
    if (because.length > 0) skipped.push({ name, because });
  }
  return skipped;
}

/** The files of a new repository, from their sources. Pure. */
export function renderInitFiles(sources: InitSources): PlannedFile[] {
  const { template, repository, title } = sources;
  const known = repository.source !== "placeholder";
  const templateFile: PlannedFile =
    template.kind === "builtin"
      ? { path: defaultTemplatePath, content: toRepository(template.text, repository.name), purpose: `the RFC template (${template.name === "rust" ? "Rust" : "MetalBear"} form)` }
      : { path: defaultTemplatePath, content: known ? retargetTemplate(template.bytes, repository.name) : template.bytes, purpose: `the RFC template (copied from ${template.path})` };
  const book = [`[book]`, `title = ${JSON.stringify(title)}`];
  // The book links each page to its source when it knows the repository; with a placeholder it would link nowhere.
  if (known) book.push("", "[output.html]", `git-repository-url = ${JSON.stringify(`https://github.com/${repository.name}`)}`);
  return [
    templateFile,
    { path: "README.md", content: sources.readme.replace(/^# .*/, () => `# ${title}`), purpose: "how the RFC process works" },
    { path: `${defaultRfcDir}/.gitkeep`, content: "", purpose: "keeps the empty RFC folder in git" },
    { path: ".github/PULL_REQUEST_TEMPLATE.md", content: sources.checklist, purpose: "the checklist of every RFC pull request" },
    { path: configFile, content: `${book.join("\n")}\n`, purpose: "the book's settings (rfckit needs none: its defaults fit)" },
    { path: ".gitignore", content: "book/\n", purpose: "keeps the built book out of git" },
    ...toWorkflowFiles(sources.workflows),
  ];
}

/** The shipped workflows as planned files, byte for byte as rfckit ships them. Pure. */
export function toWorkflowFiles(workflows: InitSources["workflows"]): PlannedFile[] {
  return workflows.map((w) => ({ path: `${workflowsDir}/${w.name}`, content: w.text, purpose: w.purpose }));
}

/**
 * Creates the planned files. Checks every path first and refuses, writing nothing, when any of
 * them exists: `rfc init` never overwrites. Should a file appear while writing, what this call
 * created is removed again.
 */
export async function writeInitPlan(plan: InitPlan): Promise<void> {
  const existing = await findExisting(plan);
  if (existing.length > 0) {
    const names = existing.map((p) => `  ${p}`).join("\n");
    throw new UserError(`rfc init would overwrite what is already in ${plan.shownDir || "this folder"}, so it wrote nothing:\n${names}`, {
      hint:
        plan.template.kind === "existing"
          ? "move or delete those files first, or keep yours: rfckit's own are in its templates/github/ folder to compare with."
          : "move or delete those files, or run rfc init in a new folder (rfc init <dir>).",
    });
  }
  const createdFiles: string[] = [];
  const createdDirs: string[] = [];
  try {
    for (const file of plan.files) {
      const target = path.join(plan.dir, file.path);
      const firstCreated = await mkdir(path.dirname(target), { recursive: true });
      if (firstCreated) createdDirs.push(firstCreated);
      await createFileExclusive(target, file.content);
      createdFiles.push(target);
    }
  } catch (error) {
    for (const file of createdFiles) await rm(file, { force: true });
    // Deepest first; a folder someone else put files in meanwhile stays.
    for (const dir of createdDirs.reverse()) await removeEmptyDirs(dir);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST" || code === "ENOTDIR") {
      throw new UserError(`${(error as NodeJS.ErrnoException).path ?? plan.dir} appeared or is not a folder while rfc init was writing; nothing was kept.`, {
        hint: "run rfc init again once nothing else writes to that folder.",
      });
    }
    throw error;
  }
}

/** Plans and writes a new RFC repository; returns the plan. */
export async function initRepository(options: InitOptions): Promise<InitPlan> {
  const plan = await readInitPlan(options);
  await writeInitPlan(plan);
  return plan;
}

/** The planned paths that exist, and the folders on the way that are files (relative to the plan's root). */
async function findExisting(plan: InitPlan): Promise<string[]> {
  const found = new Set<string>();
  const rootKind = await kindOf(plan.dir);
  if (rootKind === "file") found.add(`${plan.shownDir} (a file, not a folder)`);
  if (rootKind !== "dir") return [...found];
  for (const file of plan.files) {
    const parts = file.path.split("/");
    for (let i = 1; i < parts.length; i++) {
      const folder = parts.slice(0, i).join("/");
      if ((await kindOf(path.join(plan.dir, folder))) === "file") found.add(`${folder} (a file, where rfc init needs a folder)`);
    }
    if ((await kindOf(path.join(plan.dir, file.path))) !== null) found.add(file.path);
  }
  return [...found];
}

async function kindOf(p: string): Promise<"file" | "dir" | null> {
  try {
    // lstat: a symlink, even a dangling one, counts as there.
    return (await lstat(p)).isDirectory() ? "dir" : "file";
  } catch {
    return null;
  }
}

/** Removes `dir` and the folders under it, bottom up, where they are empty; a folder with anything in it stays. */
async function removeEmptyDirs(dir: string): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) if (entry.isDirectory()) await removeEmptyDirs(path.join(dir, entry.name));
  await rmdir(dir).catch(() => undefined);
}

async function readWorkflows(mode: PublishingMode): Promise<InitSources["workflows"]> {
  const names = Object.keys(builtinWorkflows) as BuiltinWorkflow[];
  return Promise.all(names.map(async (name) => ({ name, text: await readBuiltinWorkflow(name, mode), purpose: builtinWorkflows[name][mode] })));
}

/**
 * The template's path (relative to `dir`) when `dir` already is an RFC repository, else null. The
 * template may have been moved by `[rfckit] template` in `book.toml`, so that is read first.
 */
async function readExistingTemplate(dir: string): Promise<string | null> {
  if ((await kindOf(dir)) !== "dir") return null;
  const hasConfig = (await kindOf(path.join(dir, configFile))) === "file";
  const configured = hasConfig ? (await readConfig(dir)).config.templates?.[0]?.path : undefined;
  const candidates = configured !== undefined ? [configured] : (await readdir(dir)).filter(isTemplateName).sort((a, b) => Number(!/^0+[-_]/.test(a)) - Number(!/^0+[-_]/.test(b)) || (a < b ? -1 : 1));
  for (const template of candidates) if ((await kindOf(path.join(dir, template))) === "file") return template;
  return null;
}

/** The plan for an existing RFC repository: the workflows and nothing else. */
async function planWorkflowsOnly(options: InitOptions, dir: string, template: string, workflows: InitSources["workflows"], skippedWorkflows: InitPlan["skippedWorkflows"]): Promise<InitPlan> {
  // These options shape a new repository; silently ignoring one would leave the user thinking it applied.
  const given = (["template", "title", "repository"] as const).filter((key) => options[key] !== undefined);
  if (given.length > 0) {
    const flags = given.map((key) => (key === "repository" ? "--repo" : `--${key}`)).join(", ");
    throw new UserError(`${path.relative(options.cwd, dir) || "This folder"} is already an RFC repository (it has ${template}), so rfc init --github adds only the workflows; ${flags} would change nothing.`, {
      hint: "run rfc init --github without " + flags + ".",
    });
  }
  return {
    dir,
    shownDir: path.relative(options.cwd, dir),
    template: { kind: "existing", path: template },
    repository: await readRepositoryName(undefined, dir),
    title: defaultTitle,
    files: toWorkflowFiles(workflows),
    skippedWorkflows,
  };
}

async function readTemplateSource(choice: string, cwd: string): Promise<InitSources["template"]> {
  if ((builtinTemplates as readonly string[]).includes(choice)) {
    const name = choice as BuiltinTemplate;
    return { kind: "builtin", name, text: await readBuiltinFile(name) };
  }
  const file = path.resolve(cwd, choice);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new UserError(`--template ${choice}: ${(error as NodeJS.ErrnoException).code === "EISDIR" ? "is a folder" : "no such file"}.`, {
      hint: `use --template metalbear, --template rust, or the path of a Markdown template file.`,
    });
  }
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  try {
    if (decoder.decode(bytes).replace(/^\uFEFF/, "").trim() === "") throw new Error("empty");
  } catch {
    throw new UserError(`--template ${choice} is empty or not UTF-8 text.`, { hint: "give the path of a Markdown template saved as UTF-8." });
  }
  return { kind: "file", path: choice, bytes };
}

async function readRepositoryName(option: string | undefined, dir: string): Promise<InitPlan["repository"]> {
  if (option !== undefined) {
    if (!repositoryPattern.test(option)) {
      throw new UserError(`--repo must be a GitHub repository as owner/name, not "${option}".`, { hint: "e.g. --repo acme/rfcs." });
    }
    return { name: option, source: "option" };
  }
  const origin = await readOriginRepository(dir);
  return origin ? { name: origin, source: "origin" } : { name: placeholderRepository, source: "placeholder" };
}

/** A shipped file with `repository` in place of the placeholder (`your-org/rfcs`, and `your-org` elsewhere). */
function toRepository(text: string, repository: string): string {
  const owner = repository.split("/")[0]!;
  return text.replaceAll(placeholderRepository, repository).replaceAll("your-org/", `${owner}/`);
}

/**
 * A custom template with its RFC PR repository replaced by `repository` in the metadata lines, so
 * a template copied from another organisation's repository links to this one. Other bytes stay.
 */
function retargetTemplate(bytes: Uint8Array, repository: string): Uint8Array {
  const text = Buffer.from(bytes).toString("utf8");
  const doc = parseDocument(text);
  const from = toSchema(doc, { path: defaultTemplatePath, revision: null }).repository;
  if (!from || doc.metadata.endLine === 0) return bytes;
  const old = `${from.owner}/${from.repo}`;
  const bom = doc.hasBom ? "\uFEFF" : "";
  const start = doc.lineStarts[doc.metadata.startLine - 1] ?? 0;
  const end = doc.lineStarts[doc.metadata.endLine] ?? doc.source.length;
  const header = doc.source.slice(start, end).replace(new RegExp(`(?<![\\w.-])${escapeRegExp(old)}(?=[#/])`, "gi"), repository);
  return Buffer.from(bom + doc.source.slice(0, start) + header + doc.source.slice(end), "utf8");
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
