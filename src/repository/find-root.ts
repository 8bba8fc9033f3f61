import { access } from "node:fs/promises";
import path from "node:path";
import { UserError } from "../errors.ts";
import { defaultConfig } from "../model/config.ts";
import { configFile } from "./read-config.ts";

/**
 * The repository root: the nearest folder, from `start` upwards, that holds the default template
 * or a `book.toml`. Configuration can move the template, but it always lives in `book.toml`.
 */
export async function findRoot(start: string): Promise<string> {
  const from = path.resolve(start);
  let dir = from;
  for (;;) {
    if ((await exists(path.join(dir, configFile))) || (await exists(path.join(dir, defaultConfig.template)))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new UserError(`No RFC repository found in ${from} or any folder above it.`, {
    hint: `run inside a repository that has ${defaultConfig.template} or ${configFile}, pass --root <dir>, or create one with \`rfc init\`.`,
  });
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}
