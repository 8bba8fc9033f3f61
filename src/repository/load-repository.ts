import path from "node:path";
import { UserError } from "../errors.ts";
import { createDocumentParser } from "../markdown/parse-document.ts";
import type { Numbering } from "../model/config.ts";
import { findEntry } from "../model/metadata.ts";
import type { MarkdownFile, Repository, Rfc } from "../model/repository.ts";
import type { Schema } from "../model/schema.ts";
import { findRoot } from "./find-root.ts";
import { hasGitHistory } from "./git.ts";
import { listTree } from "./list-files.ts";
import { readConfig } from "./read-config.ts";
import { readMarkdownFiles } from "./read-markdown.ts";
import { readText } from "./read-text.ts";
import { toSchema } from "./to-schema.ts";
import { readTemplateHistory, type TemplateHistory } from "./template-history.ts";
import { readGitFacts } from "./read-git-facts.ts";

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

/** Loads an RFC repository: configuration, template and schema, and every RFC, parsed once. */
export async function loadRepository(options: LoadOptions = {}): Promise<Repository> {
  const root = options.root ? path.resolve(options.cwd ?? process.cwd(), options.root) : await findRoot(options.cwd ?? process.cwd());
  const { config, book } = await readConfig(root);
  const parse = createDocumentParser();

  const templatePath = config.template;
  const templateText = readText(path.join(root, templatePath), { root, maxBytes: config.maxFileBytes });
  if (templateText.text === null) {
    const missing = templateText.problem.kind === "unreadable";
    throw new UserError(
      missing ? `The template ${templatePath} does not exist in ${root}.` : `The template ${templatePath} cannot be read (${templateText.problem.kind}).`,
      {
        file: templatePath,
        hint: missing
          ? "create it (copy an RFC template there), pass --root <dir> for the right repository, or set template in book.toml's [rfckit] table."
          : "save the template as a non-empty UTF-8 text file.",
      },
    );
  }
  const templateDocument = parse(templateText.text);
  const schema = toSchema(templateDocument, { path: templatePath, revision: null });

  // git runs in its own processes while this one lists and parses the files.
  const gitReading = readGit(options.history !== false, root, () =>
    Promise.all([readTemplateHistory({ root, templatePath, rfcDir: config.rfcDir, current: schema, parse }), readGitFacts(root, config.rfcDir)]),
  );
  const bookDir = "book";
  const tree = await listTree(root, [bookDir]);
  const inRfcDir = (p: string) => path.posix.dirname(p) === config.rfcDir;
  const rfcPaths = tree.files.filter((f) => inRfcDir(f) && f.endsWith(".md"));
  const folders = tree.folders.filter(inRfcDir);

  const folderSet = new Set(folders);
  const assetFolderOf = (rfcPath: string) => {
    const folder = rfcPath.slice(0, -".md".length);
    return folderSet.has(folder) ? folder : null;
  };
  const subChapterPaths = new Map(
    rfcPaths.map((p) => {
      const folder = assetFolderOf(p);
      return [p, folder ? tree.files.filter((f) => f.startsWith(`${folder}/`) && f.endsWith(".md")) : []];
    }),
  );
  const allPaths = [...rfcPaths, ...[...subChapterPaths.values()].flat()];
  const parsed = readMarkdownFiles(root, allPaths, { maxBytes: config.maxFileBytes });
  const { useHistory, history, gitFacts } = await gitReading;
  const fileByPath = new Map(parsed.map((f) => [f.path, f]));

  const rfcs = rfcPaths.map((rfcPath) => {
    const file = fileByPath.get(rfcPath)!;
    const stem = path.posix.basename(rfcPath, ".md");
    const assetFolder = assetFolderOf(rfcPath);
    const subChapters = subChapterPaths.get(rfcPath)!.map((p) => fileByPath.get(p)!);
    const match = config.filePattern.exec(path.posix.basename(rfcPath));
    const numberText = match?.groups?.["number"] ?? null;
    const number = numberText === null ? null : Number(numberText);
    const { schema: rfcSchema, basis } = pickSchema(file, schema, history, useHistory);
    const rfc: Rfc = {
      ...file,
      number,
      numberText,
      slug: match?.groups?.["slug"] ?? stem,
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
    template: { path: templatePath, document: templateDocument },
    schema,
    rfcs,
    folders,
    files: new Set(tree.files),
    special: tree.special,
    numbering: config.numbering === "auto" ? detectNumbering(rfcs, schema) : config.numbering,
    hasHistory: useHistory,
    today: options.today ?? localDate(new Date()),
  };
}

type GitFacts = Awaited<ReturnType<typeof readGitFacts>>;

/** Whether the repository has git history to use, and what `read` finds in it. */
async function readGit(
  wanted: boolean,
  root: string,
  read: () => Promise<[TemplateHistory | null, GitFacts]>,
): Promise<{ useHistory: boolean; history: TemplateHistory | null; gitFacts: GitFacts | null }> {
  if (!wanted || !(await hasGitHistory(root))) return { useHistory: false, history: null, gitFacts: null };
  const [history, gitFacts] = await read();
  return { useHistory: true, history, gitFacts };
}

function pickSchema(
  file: MarkdownFile,
  current: Schema,
  history: TemplateHistory | null,
  useHistory: boolean,
): { schema: Schema; basis: Rfc["schemaBasis"] } {
  if (!useHistory) return { schema: current, basis: "no-history" };
  if (!history) return { schema: current, basis: "current" };
  const start = file.document ? findEntry(file.document.metadata, "Start Date")?.value : undefined;
  const startDate = start?.shape.kind === "date" && start.shape.valid ? start.raw.trim() : undefined;
  const date = startDate ?? history.firstCommitDates.get(file.path);
  return { schema: date ? history.schemaAt(date) : current, basis: "history" };
}

/** Rust names each RFC after its pull request; MetalBear numbers them in sequence. Most RFCs decide. */
function detectNumbering(rfcs: readonly Rfc[], schema: Schema): Numbering {
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
