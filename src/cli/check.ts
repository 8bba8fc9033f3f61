import path from "node:path";
import { checkRepository, isHeldToTemplate } from "../check/check-repository.ts";
import { isTouched, selectChanged } from "../check/select-changed.ts";
import { UserError } from "../errors.ts";
import { requireToken } from "../github/require-token.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import { lineText } from "../model/document.ts";
import { stages } from "../model/config.ts";
import { describeRfcDirs, toExampleDraftPath } from "../model/layout.ts";
import type { Repository, Rfc } from "../model/repository.ts";
import { findRoot } from "../repository/find-root.ts";
import { loadRepository } from "../repository/load-repository.ts";
import { refuseUnknownRules } from "../repository/read-config.ts";
import { readChangedFiles, readDefaultBase, readGitPrefix } from "../repository/git.ts";
import { reportFormats, reporters } from "../report/index.ts";
import type { Rule } from "../rules/define-rule.ts";
import { rules } from "../rules/index.ts";
import { defineCommand, exitCodes, rootOption } from "./command.ts";
import { describeSchemas } from "./describe-schemas.ts";
import { refuseUnknownSections } from "./refuse-unknown-sections.ts";
import { requireRfcs } from "./require-rfcs.ts";
import { readVersion } from "./run.ts";

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
  },
  async run({ values, positionals }, io) {
    const format = oneOf(values["format"], reportFormats, "format") ?? "pretty";
    const stage = oneOf(values["stage"], stages, "stage");
    const pr = prNumber(values["pr"]);
    if (pr !== undefined) requireToken(io.env, pr);
    const rootOption = typeof values["root"] === "string" ? values["root"] : undefined;
    const root = rootOption ? path.resolve(io.cwd, rootOption) : await findRoot(positionals[0] ? path.resolve(io.cwd, dirOf(positionals[0])) : io.cwd);
    // Only the RFCs to check are parsed up front and have their commit dates read.
    const given = positionals.map((p) => toRootRelative(root, io.cwd, p));
    const changed = values["changed"] ? await readChanged(root, typeof values["base"] === "string" ? values["base"] : undefined) : null;
    const reading = (rfcPath: string) => (given.length === 0 || given.some((g) => isGiven(rfcPath, g))) && (changed === null || isTouched(rfcPath, changed));
    if (values["base"] !== undefined && !values["changed"]) throw new UserError("--base only makes sense with --changed.", { hint: "run `rfc check --changed --base <git-ref>`." });
    let repo = await loadRepository({ root, reading });
    await refuseUnknownRules(repo.root, repo.config.rules, rules.map((r) => r.id));
    await refuseUnknownSections(repo);
    const notYet = requireRfcs(repo);
    if (notYet !== null && format === "pretty") {
      io.stdout.write(notYet);
      return exitCodes.ok;
    }
    let only = positionals.length > 0 ? selectPaths(repo, positionals, given) : undefined;
    const changedRfcs = changed === null ? undefined : selectChanged(repo, changed);
    if (changedRfcs) only = only ? new Set([...changedRfcs].filter((p) => only!.has(p))) : changedRfcs;
    // What the author names or changed on the branch is what they are writing.
    const beingWritten = only;
    if (values["dry-run"] && !values["fix"]) throw new UserError("--dry-run only makes sense with --fix.", { hint: "run `rfc check --fix --dry-run`, or `rfc fix --dry-run`." });
    // The GitHub client and the fixer are loaded only when asked for: most runs need neither.
    const pullRequest =
      pr === undefined
        ? undefined
        : await (await import("../github/read-pull-request.ts")).readPullRequest(repo, { number: pr, only, env: io.env, userAgent: `rfckit/${readVersion()}` });
    if (values["all"] && !values["fix"]) throw new UserError("--all only makes sense with --fix.", { hint: "run `rfc fix --all`, or `rfc check --fix --all`." });
    // Named files and --changed are what the author asks to fix; otherwise drafts and RFCs with changes not committed yet.
    const rewrites = values["all"] || only ? () => true : (rfc: Rfc) => rfc.isDraft || rfc.git?.uncommitted === true;
    if (values["fix"]) repo = await (await import("./write-fixes.ts")).writeFixes(repo, { rules, rewrites, ...(only ? { only } : {}), ...(beingWritten ? { beingWritten } : {}), ...(stage ? { stage } : {}), ...(pullRequest ? { pullRequest } : {}), dryRun: values["dry-run"] === true, format }, io);
    const diagnostics = checkRepository(repo, { rules, ...(only ? { only } : {}), ...(beingWritten ? { beingWritten } : {}), ...(stage ? { stage } : {}), ...(pullRequest ? { pullRequest } : {}) });
    const checked = only ? repo.rfcs.filter((r) => only.has(r.path)) : repo.rfcs;
    const output = reporters[format](diagnostics, {
      root: repo.root,
      lineOf: (file, line) => {
        const doc = repo.rfcs.find((r) => r.path === file)?.document;
        return doc ? lineText(doc, line) : undefined;
      },
      color: Boolean(io.stdout.isTTY) && io.env["NO_COLOR"] === undefined,
      fileCount: checked.length,
      notes: describeSchemas(repo, checked, isSoftened(diagnostics, repo, rules, beingWritten)),
      toolVersion: readVersion(),
      pathPrefix: format === "github" || format === "sarif" ? await readGitPrefix(repo.root) : "",
      ruleDescriptions: Object.fromEntries(rules.map((rule) => [rule.id, rule.description])),
    });
    io.stdout.write(output);
    return diagnostics.some((d) => d.severity === "error") ? exitCodes.problems : exitCodes.ok;
  },
});

function oneOf<T extends string>(value: unknown, allowed: readonly T[], name: string): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "string" && (allowed as readonly string[]).includes(value)) return value as T;
  throw new UserError(`--${name} must be one of ${allowed.join(", ")}, not "${String(value)}".`, { hint: `run \`rfc check --help\` for the options.` });
}

function dirOf(p: string): string {
  return p.endsWith(".md") ? path.dirname(p) : p;
}

/** A path given on the command line, relative to the root and `/`-separated. */
function toRootRelative(root: string, cwd: string, given: string): string {
  return path.relative(root, path.resolve(cwd, given)).split(path.sep).join("/");
}

/** Whether a path given on the command line (relative to the root) names the RFC: the file itself, or a folder it is in. */
function isGiven(rfcPath: string, relative: string): boolean {
  return rfcPath === relative || relative === "" || rfcPath.startsWith(`${relative}/`);
}

/** Turns paths given on the command line into the RFC paths they name, relative to the root (`relatives`, in the same order). */
function selectPaths(repo: Repository, paths: readonly string[], relatives: readonly string[]): Set<string> {
  const selected = new Set<string>();
  for (const [i, given] of paths.entries()) {
    const relative = relatives[i]!;
    const matches = repo.rfcs.filter((r) => isGiven(r.path, relative));
    if (matches.length === 0) {
      throw new UserError(`${given} is not an RFC of this repository (RFCs are the .md files in ${describeRfcDirs(repo.layout)}).`, {
        hint: `give the path of an RFC file such as ${repo.rfcs[0]?.path ?? toExampleDraftPath(repo.layout)}, or no path to check them all.`,
      });
    }
    for (const rfc of matches) selected.add(rfc.path);
  }
  return selected;
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
