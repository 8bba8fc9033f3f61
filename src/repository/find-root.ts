import { readdir } from "node:fs/promises";
import path from "node:path";
import { UserError } from "../errors.ts";
import { isRfcNamed, isTemplateName } from "../model/layout.ts";
import { configFile } from "./read-config.ts";

/**
 * The repository root, from `start` upwards: the nearest folder that holds a `book.toml`, a
 * template (`0000-template.md`, `template*.md`, `*-template.md`), or a `.git` (the top of a git
 * work tree, where the walk stops) with RFCs or a template in it or one folder down. Where none
 * does, the start folder itself when it or a folder in it holds files named as RFCs (`NNNN-*.md`).
 */
export async function findRoot(start: string): Promise<string> {
  const from = path.resolve(start);
  for (let dir = from; ; dir = path.dirname(dir)) {
    const names = await listNames(dir);
    if (names.includes(configFile) || names.some(isTemplateName)) return dir;
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

async function listNames(dir: string): Promise<string[]> {
  return readdir(dir).catch(() => []);
}
