import path from "node:path";
import { checkRepository, isHeldToTemplate, toSelection } from "../check/check-repository.ts";
import { withOpenTexts } from "../check/with-open-texts.ts";
import { isTouched, selectChanged } from "../check/select-changed.ts";
import { UserError } from "../errors.ts";
import { requireToken } from "../github/require-token.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import { lineText } from "../model/document.ts";
import { createDocumentParser } from "../markdown/parse-document.ts";
import { stages } from "../model/config.ts";
import type { Repository, Rfc } from "../model/repository.ts";
import { findRoot } from "../repository/find-root.ts";
import { loadRepository } from "../repository/load-repository.ts";
import { refuseUnknownRules } from "../repository/read-config.ts";
import { readChangedFiles, readDefaultBase, readGitPrefix } from "../repository/git.ts";
import { reportFormats, reporters } from "../report/index.ts";
import type { Rule } from "../rules/define-rule.ts";
import { rules } from "../rules/index.ts";
import { defineCommand, exitCodes, rootOption, type ParsedArgs } from "./command.ts";
import { describeSchemas } from "./describe-schemas.ts";
import { refuseUnknownSections } from "./refuse-unknown-sections.ts";
import { requireRfcs } from "./require-rfcs.ts";
import { readVersion } from "./run.ts";
import { settleSuppressions, suppressionOptions } from "./check-suppressions.ts";
import { isGiven, selectPaths, toRootRelative } from "./select-paths.ts";
import { colorOptions, useColor } from "./use-color.ts";

export default defineCommand({
  name: "check",
  description: "Check RFCs (all, or the given files) against the repository's template and conventions.",
  usage: "check [paths…] [options]",
  options: {
    root: rootOption,
    format: { type: "string", description: `output format: ${reportFormats.join(", ")} (default: pretty)`, valueName: "format" },
    stage: { type: "string", description: `check as at this stage: ${stages.join(", ")} (default: draft for 0000-… files, merge otherwise)`, valueName: "stage" },
    changed: { type: "boolean", description: "check only the RFCs changed on this branch (and uncommitted ones)" },
    base: { type: "string", description: "with --changed: the branch to compare with (default: the remote's default branch)", valueName: "git-ref" },
    pr: { type: "string", description: "also check this GitHub pull request's approving reviews (needs GITHUB_TOKEN)", valueName: "number" },
    fix: { type: "boolean", description: "first fix what can be fixed and write it (as rfc fix does), then check" },
    all: { type: "boolean", description: "with --fix: also fix RFCs that are neither drafts nor changed (accepted RFCs are left as written otherwise)" },
    "dry-run": { type: "boolean", description: "with --fix: print the fixes as a diff and write nothing" },
    stdin: { type: "boolean", description: "check the text on standard input, as the file --stdin-filename names" },
    "stdin-filename": { type: "string", description: "with --stdin: the RFC file the text is (it need not be saved)", valueName: "path" },
    quiet: { type: "boolean", description: "report errors only" },
    "max-warnings": { type: "string", description: "fail (exit 1) when there are more warnings than this", valueName: "count" },
    ...suppressionOptions,
    ...colorOptions,
  },
  async run({ values, positionals }, io) {
    const format = oneOf(values["format"], reportFormats, "format") ?? "pretty";
    const stage = oneOf(values["stage"], stages, "stage");
    const pr = prNumber(values["pr"]);
    const maxWarnings = wholeNumber(values["max-warnings"], "max-warnings");
    if (pr !== undefined) requireToken(io.env, pr);
    refuseLoneOptions(values, positionals);
    const paths = values["stdin"] ? [String(values["stdin-filename"])] : positionals;
    const rootOption = typeof values["root"] === "string" ? values["root"] : undefined;
    const root = rootOption ? path.resolve(io.cwd, rootOption) : await findRoot(paths[0] ? path.resolve(io.cwd, dirOf(paths[0])) : io.cwd);
    // Only the RFCs to check are parsed up front and have their commit dates read.
    const given = paths.map((p) => toRootRelative(root, io.cwd, p));
    const changed = values["changed"] ? await readChanged(root, typeof values["base"] === "string" ? values["base"] : undefined) : null;
    const reading = (rfcPath: string) => (given.length === 0 || given.some((g) => isGiven(rfcPath, g))) && (changed === null || isTouched(rfcPath, changed));
    let repo = await loadRepository({ root, reading });
    await refuseUnknownRules(repo.root, repo.config.rules, rules.map((r) => r.id));
    await refuseUnknownSections(repo);
    if (values["stdin"]) {
      const parse = createDocumentParser();
      repo = withOpenTexts(repo, new Map([[given[0]!, await readAll(io.stdin)]]), (_path, text) => parse(text));
    }
    const notYet = requireRfcs(repo);
    if (notYet !== null && format === "pretty") {
      io.stdout.write(notYet);
      return exitCodes.ok;
    }
    const selected = paths.length > 0 ? await selectPaths(repo, io.cwd, paths) : undefined;
    for (const note of selected?.skipped ?? []) io.stderr.write(`${note}\n`);
    let only = selected?.rfcs;
    const changedRfcs = changed === null ? undefined : selectChanged(repo, changed);
    if (changedRfcs) only = only ? new Set([...changedRfcs].filter((p) => only!.has(p))) : changedRfcs;
    // What the author names or changed on the branch is what they are writing.
    const beingWritten = only;
    // The GitHub client and the fixer are loaded only when asked for: most runs need neither.
    const pullRequest =
      pr === undefined
        ? undefined
        : await (await import("../github/read-pull-request.ts")).readPullRequest(repo, { number: pr, only, env: io.env, userAgent: `rfckit/${readVersion()}` });
    // Named files and --changed are what the author asks to fix; otherwise drafts and RFCs with changes not committed yet.
    const rewrites = values["all"] || only ? () => true : (rfc: Rfc) => rfc.isDraft || rfc.git?.uncommitted === true;
    if (values["fix"]) repo = await (await import("./write-fixes.ts")).writeFixes(repo, { rules, rewrites, ...(only ? { only } : {}), ...(beingWritten ? { beingWritten } : {}), ...(stage ? { stage } : {}), ...(pullRequest ? { pullRequest } : {}), dryRun: values["dry-run"] === true, format, color: useColor(values, io.env, format === "pretty" ? io.stdout : io.stderr) }, io);
    const found = checkRepository(repo, { rules, ...(only ? { only } : {}), ...(beingWritten ? { beingWritten } : {}), ...(stage ? { stage } : {}), ...(pullRequest ? { pullRequest } : {}) });
    const checked = only ? repo.rfcs.filter((r) => only.has(r.path)) : repo.rfcs;
    const settled = await settleSuppressions(repo.root, found, toSelection(only), values, new Set(rules.map((r) => r.id)));
    if (settled.written !== null) (format === "pretty" ? io.stdout : io.stderr).write(`${settled.written}\n`);
    const warnings = settled.kept.filter((d) => d.severity === "warning").length;
    const diagnostics = values["quiet"] ? settled.kept.filter((d) => d.severity === "error") : settled.kept;
    const output = reporters[format](diagnostics, {
      root: repo.root,
      cwd: io.cwd,
      lineOf: (file, line) => {
        const doc = repo.rfcs.find((r) => r.path === file)?.document;
        return doc ? lineText(doc, line) : undefined;
      },
      color: useColor(values, io.env, io.stdout),
      fileCount: checked.length,
      notes: [...describeSchemas(repo, checked, isSoftened(diagnostics, repo, rules, beingWritten)), ...settled.notes],
      toolVersion: readVersion(),
      pathPrefix: format === "github" || format === "sarif" ? await readGitPrefix(repo.root) : "",
      ruleDescriptions: Object.fromEntries(rules.map((rule) => [rule.id, rule.description])),
    });
    io.stdout.write(output);
    if (diagnostics.some((d) => d.severity === "error")) return exitCodes.problems;
    if (maxWarnings !== undefined && warnings > maxWarnings) {
      io.stderr.write(`rfc check: ${warnings} warnings, more than --max-warnings ${maxWarnings} allows.\n`);
      return exitCodes.problems;
    }
    return exitCodes.ok;
  },
});

/** Refuses options that mean nothing without another. */
function refuseLoneOptions(values: ParsedArgs["values"], positionals: readonly string[]): void {
  const needs = (option: string, other: string, hint: string) => {
    if (values[option] !== undefined && !values[other]) throw new UserError(`--${option} only makes sense with --${other}.`, { hint });
  };
  needs("base", "changed", "run `rfc check --changed --base <git-ref>`.");
  needs("dry-run", "fix", "run `rfc check --fix --dry-run`, or `rfc fix --dry-run`.");
  needs("all", "fix", "run `rfc fix --all`, or `rfc check --fix --all`.");
  needs("stdin-filename", "stdin", "run `rfc check --stdin --stdin-filename <path> < file`.");
  if (!values["stdin"]) return;
  if (typeof values["stdin-filename"] !== "string") throw new UserError("--stdin needs --stdin-filename: which RFC the text is.", { hint: "run `rfc check --stdin --stdin-filename text/0001-my-feature.md < text`." });
  if (positionals.length > 0) throw new UserError("--stdin checks one text: give no paths with it.", { hint: "name the file with --stdin-filename only." });
  if (values["fix"]) throw new UserError("--fix with --stdin would write the file on disk, not the text given.", { hint: "run `rfc fix <path>` on the saved file, or use the editor's quick fixes (rfc lsp)." });
}

/** The text on standard input, whole. */
async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

/** A whole number given to an option, such as `--max-warnings 0`. */
function wholeNumber(value: unknown, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "string" && /^\d+$/.test(value)) return Number(value);
  throw new UserError(`--${name} must be a whole number such as 0, not "${String(value)}".`, { hint: `e.g. --${name} 0 fails on any warning.` });
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], name: string): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "string" && (allowed as readonly string[]).includes(value)) return value as T;
  throw new UserError(`--${name} must be one of ${allowed.join(", ")}, not "${String(value)}".`, { hint: `run \`rfc check --help\` for the options.` });
}

function dirOf(p: string): string {
  return p.endsWith(".md") ? path.dirname(p) : p;
}

/** Whether template rules gave an accepted RFC a warning that would be an error while it is written. */
function isSoftened(diagnostics: readonly Diagnostic[], repo: Repository, rules: readonly Rule[], beingWritten: ReadonlySet<string> | undefined): boolean {
  const templateRules = new Set(rules.filter((r) => r.templateBound && repo.config.rules[r.id] === undefined).map((r) => r.id));
  const accepted = new Set(repo.rfcs.filter((r) => !isHeldToTemplate(r, beingWritten)).map((r) => r.path));
  return diagnostics.some((d) => d.severity === "warning" && templateRules.has(d.rule) && accepted.has(d.file));
}

/** The files changed on this branch (relative to the root), for `--changed`. */
async function readChanged(root: string, base: string | undefined): Promise<string[]> {
  const ref = base ?? (await readDefaultBase(root));
  if (!ref) {
    throw new UserError("--changed needs a branch to compare with, and none was found (no origin/HEAD, main or master).", {
      hint: "pass --base <git-ref>, e.g. --base origin/main.",
    });
  }
  const files = await readChangedFiles(root, ref);
  if (files === null) {
    throw new UserError(`--changed could not compare with "${ref}": not a git repository, or no such ref.`, {
      hint: "run inside a git clone and pass --base with a branch or commit that exists (fetch it first in CI).",
    });
  }
  return files;
}

/** The pull request number given with `--pr`, checked to be a positive whole number. */
function prNumber(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value).replace(/^#/, "");
  if (/^\d+$/.test(text) && Number(text) > 0) return Number(text);
  throw new UserError(`--pr must be a pull request number such as 12, not "${String(value)}".`, { hint: "give the number of the pull request that proposes the RFC, e.g. --pr 12." });
}
