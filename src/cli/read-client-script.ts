import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

/** How `src/client/book.ts` is bundled, here and in `scripts/bundle.mjs`, so both give the same bytes. */
export const clientBundleOptions = { bundle: true, format: "iife", target: "es2020", minify: true, legalComments: "none", write: false } as const;

/**
 * The book's browser script. The published package has it bundled beside the command
 * (`dist/client/book.js`); run from source (tests, development), it is bundled now with esbuild,
 * a development dependency, named through a variable so the command's bundle does not pull it in.
 */
export async function readClientScript(): Promise<string> {
  try {
    return await readFile(new URL("../client/book.js", import.meta.url), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const name = "esbuild";
  const esbuild = (await import(name)) as typeof import("esbuild");
  const result = await esbuild.build({ ...clientBundleOptions, entryPoints: [fileURLToPath(new URL("../client/book.ts", import.meta.url))] });
  return result.outputFiles[0]!.text;
}
