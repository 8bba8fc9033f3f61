/** A problem the user can fix: bad configuration, a missing template, an unreadable path. Exit code 2. */
export class UserError extends Error {
  /** Path relative to the repository root (or as the user gave it), when the problem is in a file. */
  readonly file: string | undefined;
  readonly line: number | undefined;
  /** What to do about it, in one line. */
  readonly hint: string;

  constructor(message: string, options: { hint: string; file?: string; line?: number }) {
    super(message);
    this.name = "UserError";
    this.file = options.file;
    this.line = options.line;
    this.hint = options.hint;
  }
}

/** What a system error code means, in words a message can end with; the code itself when it has none. */
const systemReasons: Record<string, string> = {
  ENOENT: "it does not exist",
  ENOSPC: "no space left on the device",
  EDQUOT: "the disk quota is used up",
  EACCES: "permission denied",
  EPERM: "permission denied",
  EROFS: "the file system is read-only",
  ENOTDIR: "a part of the path is a file, not a folder",
  EISDIR: "it is a folder",
  ENAMETOOLONG: "the name is too long for the file system",
  EMFILE: "too many files are open",
};

/** The reason a file operation failed with `code`, or null for a code with none to say. */
export function describeSystemCode(code: string | undefined): string | null {
  return code === undefined ? null : (systemReasons[code] ?? null);
}

/** A broken assumption inside rfckit: a bug to report. Exit code 3. */
export class InternalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InternalError";
  }
}
