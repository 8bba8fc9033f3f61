import path from "node:path";
import { describeSystemCode, UserError } from "../errors.ts";

/** What to do about each condition of the system that is the user's to fix. */
const hints: Record<string, (file: string) => string> = {
  ENOSPC: () => "free some space and run the command again: nothing was left half-written.",
  EDQUOT: () => "free some space and run the command again: nothing was left half-written.",
  EACCES: (file) => `check the permissions of ${file} and of its folder, or run as a user who may write there.`,
  EPERM: (file) => `check the permissions of ${file} and of its folder.`,
  EROFS: () => "run the command in a copy on a writable disk, or mount this one writable.",
  ENOTDIR: (file) => `move the file that stands where a folder of ${file} should be.`,
  EISDIR: (file) => `rename or remove the folder ${file}.`,
  ENAMETOOLONG: () => "use a shorter name (a shorter title, for rfc new).",
  EMFILE: () => "raise the limit of open files (ulimit -n) and run the command again.",
};

/**
 * A failed file operation as the user's problem rather than rfckit's bug: a full disk, missing
 * permissions, a read-only or too-long path. Null for any other error, which stays a bug.
 */
export function toSystemUserError(error: unknown, cwd: string): UserError | null {
  if (!(error instanceof Error)) return null;
  const { code, path: file, syscall } = error as NodeJS.ErrnoException;
  const hint = code === undefined ? undefined : hints[code];
  const reason = describeSystemCode(code);
  if (!hint || reason === null || typeof file !== "string") return null;
  const shown = path.isAbsolute(file) && !path.relative(cwd, file).startsWith("..") ? path.relative(cwd, file) || "." : file;
  const action = syscall === "open" ? "open" : ["write", "rename", "mkdir", "copyfile", "unlink", "rmdir", "symlink", "chmod"].includes(syscall ?? "") ? "write" : "read";
  return new UserError(`Could not ${action} ${shown}: ${reason} (${code}).`, { hint: hint(shown) });
}
