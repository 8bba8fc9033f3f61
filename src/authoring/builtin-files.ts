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
 * The GitHub Actions workflows rfckit ships in `templates/github/`, by file name: `rfc init
 * --github` copies each to `.github/workflows/<name>` unchanged. The `rfc-` prefix keeps them
 * apart from workflows a repository already has.
 */
export const builtinWorkflows = {
  "rfc-check.yml": "checks the RFCs each pull request changes",
  "rfc-book.yml": "publishes the book from main to GitHub Pages (gh-pages branch)",
  "rfc-preview.yml": "publishes each pull request's book under pr-preview/",
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

/** Reads one of the workflows rfckit ships in `templates/github/`. */
export async function readBuiltinWorkflow(name: BuiltinWorkflow): Promise<string> {
  return readFile(new URL(`../../templates/github/${name}`, import.meta.url), "utf8");
}
