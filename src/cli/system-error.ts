import path from "node:path";
import { UserError } from "../errors.ts";

/** What each condition of the system means for the user, and what to do about it. */
const conditions: Record<string, { reason: string; hint: (file: string) => string }> = {
  ENOSPC: { reason: "no space left on the device", hint: () => "free some space and run the command again: nothing was left half-written." },
  EDQUOT: { reason: "the disk quota is used up", hint: () => "free some space and run the command again: nothing was left half-written." },
  EACCES: { reason: "permission denied", hint: (file) => `check the permissions of ${file} and of its folder, or run as a user who may write there.` },
  EPERM: { reason: "operation not permitted", hint: (file) => `check the permissions of ${file} and of its folder.` },
  EROFS: { reason: "the file system is read-only", hint: () => "run the command in a copy on a writable disk, or mount this one writable." },
  ENOTDIR: { reason: "a part of the path is a file, not a folder", hint: (file) => `move the file that stands where a folder of ${file} should be.` },
  EISDIR: { reason: "it is a folder, where a file was expected", hint: (file) => `rename or remove the folder ${file}.` },
  ENAMETOOLONG: { reason: "the name is too long for the file system", hint: () => "use a shorter name (a shorter title, for rfc new)." },
  EMFILE: { reason: "too many files are open", hint: () => "raise the limit of open files (ulimit -n) and run the command again." },
};

/**
 * A failed file operation as the user's problem rather than rfckit's bug: a full disk, missing
 * permissions, a read-only or too-long path. Null for any other error, which stays a bug.
 */
export function toSystemUserError(error: unknown, cwd: string): UserError | null {
  if (!(error instanceof Error)) return null;
  const { code, path: file, syscall } = error as NodeJS.ErrnoException;
  const condition = code === undefined ? undefined : conditions[code];
  if (!condition || typeof file !== "string") return null;
  const shown = path.isAbsolute(file) && !path.relative(cwd, file).startsWith("..") ? path.relative(cwd, file) || "." : file;
  const action = syscall === "open" ? "open" : ["write", "rename", "mkdir", "copyfile", "unlink", "rmdir", "symlink", "chmod"].includes(syscall ?? "") ? "write" : "read";
  return new UserError(`Could not ${action} ${shown}: ${condition.reason} (${code}).`, { hint: condition.hint(shown) });
}
