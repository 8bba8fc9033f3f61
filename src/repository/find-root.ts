import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { UserError } from "../errors.ts";
import { isMarkdownName, isRfcNamed, isTemplateName } from "../model/layout.ts";
import { readCopyInstruction } from "./detect-layout.ts";
import { configFile } from "./read-config.ts";

/**
 * The repository root, from `start` upwards: the nearest folder that holds a `book.toml`, a
 * template (`0000-template.md`, `template*.md`, `*-template.md`; its parent where the template is
 * in the RFC folder, see `templateFolderRoot`), or a `.git` (the top of a git
 * work tree, where the walk stops) with RFCs or a template in it or one folder down. Where none
 * does, the start folder itself when it or a folder in it holds files named as RFCs (`NNNN-*.md`).
 */
export async function findRoot(start: string): Promise<string> {
  const from = path.resolve(start);
  for (let dir = from; ; dir = path.dirname(dir)) {
    const names = await listNames(dir);
    if (names.includes(configFile)) return dir;
    if (names.some(isTemplateName)) return names.includes(".git") ? dir : await templateFolderRoot(dir);
    if (names.includes(".git")) {
      if (await holdsRfcs(dir, names)) return dir;
      break;
    }
    if (path.dirname(dir) === dir) break;
  }
  if (await holdsRfcs(from, await listNames(from))) return from;
  throw new UserError(`No RFC repository found in ${from} or any folder above it.`, {
    hint: `run inside a repository that has a template (0000-template.md) or ${configFile}, pass --root <dir>, or create one with \`rfc init\`.`,
  });
}

/**
 * The root for a folder that holds a template: the folder itself, or its parent where the
 * template sits in the RFC folder (`rfcs/0000-template.md`) and the parent is the repository: it
 * has a `.git` or `book.toml`, or its README says to copy the template into this folder. A folder
 * whose own subfolders hold the RFCs (`rfcs/text/`) is a root of its own, inside a larger project.
 */
async function templateFolderRoot(dir: string): Promise<string> {
  const parent = path.dirname(dir);
  if (parent === dir || (await subfolderHoldsRfcs(dir))) return dir;
  const names = await listNames(parent);
  if (names.includes(".git") || names.includes(configFile)) return parent;
  const readme = names.find((n) => /^readme\.md$/i.test(n));
  const text = readme === undefined ? null : await readFile(path.join(parent, readme), "utf8").catch(() => null);
  const target = text === null ? null : readCopyInstruction(text);
  return target !== null && target.folder.split("/")[0] === path.basename(dir) ? parent : dir;
}

/** True when `dir` or one of its folders holds a template or a file named as an RFC. */
async function holdsRfcs(dir: string, names: readonly string[]): Promise<boolean> {
  const signals = (list: readonly string[]) => list.some((n) => isRfcNamed(n) || isTemplateName(n));
  if (signals(names)) return true;
  for (const name of names) {
    if (name.startsWith(".") || name === "node_modules") continue;
    if (signals(await listNames(path.join(dir, name)))) return true;
  }
  return false;
}

/** True when the RFCs are not beside the template in `dir` but in a folder of it. */
async function subfolderHoldsRfcs(dir: string): Promise<boolean> {
  const names = await listNames(dir);
  if (names.some(isRfcNamed)) return false;
  for (const name of names) {
    if (name.startsWith(".") || name === "node_modules" || isMarkdownName(name)) continue;
    if ((await listNames(path.join(dir, name))).some(isRfcNamed)) return true;
  }
  return false;
}

async function listNames(dir: string): Promise<string[]> {
  return readdir(dir).catch(() => []);
}
