import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { clientBundleOptions } from "../cli/read-client-script.ts";

/**
 * The reload script added to pages while serving (`src/client/live-reload.ts`): bundled beside
 * the command in the package (`dist/client/live-reload.js`), bundled now with esbuild when run
 * from source, like the book's own script.
 */
export async function readLiveReloadScript(): Promise<string> {
  try {
    return await readFile(new URL("../client/live-reload.js", import.meta.url), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const name = "esbuild";
  const esbuild = (await import(name)) as typeof import("esbuild");
  const result = await esbuild.build({ ...clientBundleOptions, entryPoints: [fileURLToPath(new URL("../client/live-reload.ts", import.meta.url))] });
  return result.outputFiles[0]!.text;
}
