/**
 * One change to the repository's files, as data. A plan is made of these, so it can be shown
 * before it is applied and undone step by step if applying fails.
 */
export type FileStep =
  /** Move a file or folder; `git` says whether to use `git mv` (the path is tracked) or a plain rename. */
  | { kind: "rename"; from: string; to: string; git: boolean }
  /** Replace a file's content; `before` is what it holds now, for undoing. */
  | { kind: "write"; path: string; before: string; after: string };

/** Changes to make under `root` (paths relative to it), in order. */
export interface FilePlan {
  root: string;
  steps: FileStep[];
}
