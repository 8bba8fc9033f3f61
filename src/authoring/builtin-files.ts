import { readFile } from "node:fs/promises";

/** The RFC templates rfckit ships: the MetalBear form and the Rust form. */
export const builtinTemplates = ["metalbear", "rust"] as const;
export type BuiltinTemplate = (typeof builtinTemplates)[number];

/** The files under the package's `templates/` folder. */
const files = {
  metalbear: "metalbear-template.md",
  rust: "rust-template.md",
  readme: "repository-readme.md",
  checklist: "pull-request-template.md",
} as const;

/**
 * How the book reaches GitHub Pages: `actions` uploads it with GitHub's own actions (Pages source
 * "GitHub Actions"), `branch` pushes it to a `gh-pages` branch, which can also hold a preview of
 * every pull request.
 */
export const publishingModes = ["actions", "branch"] as const;
export type PublishingMode = (typeof publishingModes)[number];

/**
 * The GitHub Actions workflows rfckit ships in `templates/github/`, by the name `rfc init
 * --github` gives them in `.github/workflows/`, with what each does in each publishing mode. The
 * `rfc-` prefix keeps them apart from workflows a repository already has.
 */
export const builtinWorkflows = {
  "rfc-check.yml": { actions: "checks the RFCs each pull request changes", branch: "checks the RFCs each pull request changes" },
  "rfc-book.yml": { actions: "publishes the book from main to GitHub Pages", branch: "publishes the book from main to GitHub Pages (gh-pages branch)" },
  "rfc-preview.yml": { actions: "builds each pull request's book, kept as a download of the run", branch: "publishes each pull request's book under pr-preview/" },
} as const;
export type BuiltinWorkflow = keyof typeof builtinWorkflows;

/** The repository name the shipped files use where the real one goes. */
export const placeholderRepository = "your-org/rfcs";

/**
 * Reads one of the files rfckit ships in `templates/`. The folder is two levels above both
 * `src/authoring/` and the bundled `dist/bin/rfc.js`, so one relative URL serves both.
 */
export async function readBuiltinFile(name: keyof typeof files): Promise<string> {
  return readFile(new URL(`../../templates/${files[name]}`, import.meta.url), "utf8");
}

/** The word in the shipped workflows that stands for rfckit's version, so each runs the rfckit that wrote it. */
const versionPlaceholder = "RFCKIT_VERSION";

/**
 * One of the workflows rfckit ships in `templates/github/` (`rfc-book-branch.yml` for
 * `rfc-book.yml` in branch mode), with rfckit's exact version in its `npx` commands: a newer
 * rfckit, which may check more or rename a flag, waits until someone edits the workflow.
 */
export async function readBuiltinWorkflow(name: BuiltinWorkflow, mode: PublishingMode): Promise<string> {
  const file = mode === "branch" && name !== "rfc-check.yml" ? name.replace(/\.yml$/, "-branch.yml") : name;
  const text = await readFile(new URL(`../../templates/github/${file}`, import.meta.url), "utf8");
  return text.replaceAll(versionPlaceholder, await readPackageVersion());
}

/** rfckit's version, from its package.json (two folders up, as `templates/` is). */
async function readPackageVersion(): Promise<string> {
  return (JSON.parse(await readFile(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;
}
