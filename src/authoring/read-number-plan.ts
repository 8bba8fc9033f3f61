import path from "node:path";
import { UserError } from "../errors.ts";
import { describeNaming, describeRfcDirs, folderOf, joinFolder, toExampleDraftPath, toFileName } from "../model/layout.ts";
import { findEntry } from "../model/metadata.ts";
import type { Repository, Rfc } from "../model/repository.ts";
import { readMarkdownFiles } from "../repository/read-markdown.ts";
import { readTrackedPaths } from "../repository/read-git-tree.ts";
import { toPrLinkFill, toPrRepository } from "./fill-pr-link.ts";
import { readTakenNumbers, toNextNumber, type TakenNumbers } from "./next-number.ts";
import { toNumberPlan, type NumberPlan, type NumberSource } from "./number-plan.ts";

/** What to number, and how. */
export interface NumberOptions {
  /** The draft's path, relative to the repository root. */
  rfc: string;
  /** The number to give it; by default the next free one (or the PR's, where RFCs are numbered by PR). */
  number?: number | undefined;
  /** The RFC's pull request: fills the `RFC PR` link, and is the number where RFCs are numbered by PR. */
  pr?: number | undefined;
  /** The branch the RFC will merge into, whose numbers are taken (default: the remote's default branch). */
  base?: string | undefined;
}

/**
 * Works out everything numbering a draft involves and returns it as a plan, without changing a
 * file. Refuses, with a `UserError`, a file that is not a draft, a number already taken (here or
 * on the base branch), and a new name that already exists.
 */
export async function readNumberPlan(repo: Repository, options: NumberOptions): Promise<NumberPlan> {
  if (repo.numbering === "none") {
    throw new UserError("This repository names its RFCs without numbers, so there is nothing to number.", {
      hint: 'to number RFCs, set numbering = "sequence" and a file-pattern with a number in book.toml\'s [rfckit] table.',
    });
  }
  const rfc = findDraft(repo, options.rfc);
  const taken = await readTakenNumbers(repo, { base: options.base });
  const { number, source } = chooseNumber(repo, rfc, options, taken);
  const holder = taken.taken.find((t) => t.number === number);
  // A naming without padding (Bevy's `45-stageless.md`) writes the number as it is.
  const pad = (n: number) => (repo.layout.naming.digits === 0 ? String(n) : String(n).padStart(rfc.numberText!.length, "0"));
  const numberText = pad(number);
  if (holder) {
    throw new UserError(`Number ${numberText} is taken by ${holder.path}${holder.ref ? ` on ${holder.ref}` : ""}.`, {
      hint:
        source.kind === "given"
          ? `leave --number out to take the next free number (${pad(toNextNumber(taken))}).`
          : "another RFC already has this pull request's number: check the number given to --pr, or the RFC PR link.",
    });
  }
  const to = renameNumber(repo, rfc, numberText);
  const toFolder = to.slice(0, -".md".length);
  for (const target of rfc.assetFolder ? [to, toFolder] : [to]) {
    if (repo.files.has(target) || repo.folders.includes(target)) {
      throw new UserError(`${target} already exists, so ${rfc.path} cannot be renamed to it.`, { hint: "move that file or folder away, or pass another --number." });
    }
  }

  const notes: string[] = [];
  let prFill = null;
  if (options.pr !== undefined) {
    const fill = toPrLinkFill(rfc.document!, rfc.schema, toPrRepository(repo.schema, repo.book.gitRepositoryUrl), options.pr);
    if (fill.kind === "conflict") {
      throw new UserError(`"${rfc.schema.prKey}" already links to pull request #${fill.existing}, not #${options.pr}.`, {
        file: rfc.path,
        line: fill.line,
        hint: `pass --pr ${fill.existing}, or correct the link by hand first.`,
      });
    }
    if (fill.kind === "not-filled") notes.push(`"${rfc.schema.prKey ?? "RFC PR"}" not filled: ${fill.reason}.`);
    if (fill.kind === "edit") prFill = { edit: fill.edit, key: rfc.schema.prKey!, link: fill.link };
  }

  const rootPaths = [...repo.files].filter((f) => !f.includes("/") && f.toLowerCase().endsWith(".md"));
  const rootFiles = readMarkdownFiles(repo.root, rootPaths, { maxBytes: repo.config.maxFileBytes });
  const tracked = await readTrackedPaths(repo.root, rfc.assetFolder ? [rfc.path, rfc.assetFolder] : [rfc.path]);
  return toNumberPlan({ repo, rfc, number, numberText, to, source, rootFiles, tracked, prFill, notes });
}

/** The RFC at `given` (relative to the root), which must be a readable draft. */
function findDraft(repo: Repository, given: string): Rfc {
  const wanted = given.split(path.sep).join("/").replace(/^\.\//, "");
  const rfc = repo.rfcs.find((r) => r.path === wanted);
  if (!rfc) {
    const drafts = repo.rfcs.filter((r) => r.isDraft).map((r) => r.path);
    throw new UserError(`${given} is not an RFC of this repository (RFCs are the .md files in ${describeRfcDirs(repo.layout)}).`, {
      hint: drafts.length > 0 ? `drafts here: ${drafts.join(", ")}.` : `a draft is named ${toExampleDraftPath(repo.layout)}; \`rfc new\` makes one.`,
    });
  }
  if (rfc.number === null || rfc.numberText === null) {
    throw new UserError(`The file is not named like an RFC (${describeNaming(repo.layout.naming)}), so it has no number to replace.`, {
      file: rfc.path,
      hint: `rename it to ${joinFolder(folderOf(rfc.path), toFileName(repo.layout.naming, rfc.slug))} first.`,
    });
  }
  if (!rfc.isDraft) {
    throw new UserError(`This RFC already has number ${rfc.numberText}: only drafts (${"0".repeat(rfc.numberText.length)}-….md) are numbered.`, {
      file: rfc.path,
      hint: "to change an RFC's number, rename it by hand.",
    });
  }
  if (!rfc.document) {
    throw new UserError("The file cannot be read as text, so it cannot be numbered.", { file: rfc.path, hint: "run `rfc check` to see why, and fix the file first." });
  }
  return rfc;
}

function chooseNumber(repo: Repository, rfc: Rfc, options: NumberOptions, taken: TakenNumbers): { number: number; source: NumberSource } {
  if (repo.numbering !== "pr") {
    if (options.number !== undefined) return { number: options.number, source: { kind: "given" } };
    const highest = Math.max(0, ...taken.taken.filter((t) => taken.base === null || t.ref !== null).map((t) => t.number));
    return { number: toNextNumber(taken), source: { kind: "next", base: taken.base, highest } };
  }
  // Numbered by pull request (as Rust's RFCs are): the file takes the PR's number.
  const fromLink = readPrNumber(rfc);
  const pr = options.pr ?? fromLink;
  if (options.number !== undefined && pr !== undefined && pr !== options.number) {
    throw new UserError(`--number ${options.number} is not the pull request's number (${pr}), and this repository numbers RFCs by pull request.`, {
      hint: `pass --pr ${options.number}, or leave --number out.`,
    });
  }
  if (options.number !== undefined) return { number: options.number, source: { kind: "given" } };
  if (pr === undefined) {
    throw new UserError("The RFC links no pull request yet, and this repository numbers RFCs by pull request.", {
      file: rfc.path,
      hint: "pass the pull request's number: rfc number --pr N " + rfc.path + ".",
    });
  }
  return { number: pr, source: { kind: "pull-request" } };
}

/** The pull request the RFC's `RFC PR` line already links, when it is filled in. */
function readPrNumber(rfc: Rfc): number | undefined {
  const key = rfc.schema.prKey;
  const shape = key && rfc.document ? findEntry(rfc.document.metadata, key)?.value.shape : undefined;
  const ref = shape?.kind === "link" ? (shape.urlRef ?? shape.textRef) : shape?.kind === "url" ? shape.urlRef : null;
  return ref && ref.number > 0 ? ref.number : undefined;
}

/** The draft's path with its number replaced, checked against the file pattern. */
function renameNumber(repo: Repository, rfc: Rfc, numberText: string): string {
  const name = path.posix.basename(rfc.path);
  const filePattern = repo.layout.naming.pattern;
  const pattern = new RegExp(filePattern.source, filePattern.flags.replace(/[gd]/g, "") + "d");
  const span = pattern.exec(name)?.indices?.groups?.["number"];
  const newName = span ? name.slice(0, span[0]) + numberText + name.slice(span[1]) : null;
  const check = newName === null ? null : filePattern.exec(newName);
  if (newName === null || check?.groups?.["number"] === undefined || Number(check.groups["number"]) !== Number(numberText)) {
    throw new UserError(`${numberText} does not fit the file names of this repository (${filePattern.source}).`, {
      hint: "pass a number with as many digits as the other RFCs' numbers.",
    });
  }
  return joinFolder(folderOf(rfc.path), newName);
}
