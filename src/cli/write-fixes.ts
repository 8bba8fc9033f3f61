import { constants } from "node:fs";
import { access, readFile, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { fixRepository, type FixedFile, type FixOptions } from "../check/fix-repository.ts";
import { UserError } from "../errors.ts";
import type { Repository } from "../model/repository.ts";
import { writeFileAtomic } from "../repository/write-file.ts";
import type { Io } from "./command.ts";
import { renderAppliedFixes, renderFixDiff } from "./render-fixes.ts";

/** How `rfc fix` and `rfc check --fix` fix. */
export interface WriteFixesOptions extends FixOptions {
  /** Print a diff and write nothing. */
  dryRun: boolean;
  /** The report format: anything but `pretty` keeps stdout for the report, so fixes are told on stderr. */
  format: string;
  /** Colour what is printed. */
  color: boolean;
}

/**
 * Fixes what the rules can fix, writes the changed files (unless a dry run), and tells what
 * changed. Returns the repository as it reads after the fixes, for the check that follows.
 */
export async function writeFixes(repo: Repository, options: WriteFixesOptions, io: Io): Promise<Repository> {
  const result = fixRepository(repo, options);
  const out = options.format === "pretty" ? io.stdout : io.stderr;
  const { color } = options;
  if (options.dryRun) {
    out.write(renderFixDiff(result, { color }));
  } else {
    // Every file is verified before any is written, so a refusal leaves the whole tree as it was.
    const targets = await Promise.all(result.files.map((file) => toWriteTarget(repo.root, file)));
    for (const { target, file } of targets) {
      // The atomic write keeps the file's permissions and owner.
      await writeFileAtomic(target, file.after);
    }
  }
  // A blank line parts what was fixed from the report of what is left.
  out.write(`${renderAppliedFixes(result, { dryRun: options.dryRun, color })}\n`);
  return result.repo;
}

/**
 * Where to write a fixed file: through a symlink to the file it names (so the link stays a
 * link), and only when the file still holds the bytes that were fixed: an edit made since it was
 * read is never overwritten.
 */
async function toWriteTarget(root: string, file: FixedFile): Promise<{ target: string; file: FixedFile }> {
  const target = await realpath(path.join(root, file.path));
  const [current, info] = await Promise.all([readFile(target), stat(target)]);
  if (!current.equals(Buffer.from(file.before, "utf8"))) {
    throw new UserError(`${file.path} changed while it was being fixed; nothing was written.`, { file: file.path, hint: "run the command again." });
  }
  if ((info.mode & 0o222) === 0) {
    throw new UserError(`${file.path} cannot be fixed: it is read-only; nothing was written.`, {
      file: file.path,
      hint: `make it writable (chmod u+w ${path.relative(root, target)}) if it should change, or run \`rfc fix --dry-run\` to see the changes.`,
    });
  }
  // The atomic write creates a file beside the target, so it is the folder that must be writable.
  await access(path.dirname(target), constants.W_OK).catch(() => {
    throw new UserError(`${file.path} cannot be fixed: its folder is not writable; nothing was written.`, {
      file: file.path,
      hint: `make ${path.dirname(path.relative(root, target)) || "the folder"} writable, or run \`rfc fix --dry-run\` to see the changes.`,
    });
  });
  return { target, file };
}
