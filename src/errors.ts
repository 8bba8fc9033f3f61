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

/** A broken assumption inside rfckit: a bug to report. Exit code 3. */
export class InternalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InternalError";
  }
}
