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

/** The repository name the shipped files use where the real one goes. */
export const placeholderRepository = "your-org/rfcs";

/**
 * Reads one of the files rfckit ships in `templates/`. The folder is two levels above both
 * `src/authoring/` and the bundled `dist/bin/rfc.js`, so one relative URL serves both.
 */
export async function readBuiltinFile(name: keyof typeof files): Promise<string> {
  return readFile(new URL(`../../templates/${files[name]}`, import.meta.url), "utf8");
}
