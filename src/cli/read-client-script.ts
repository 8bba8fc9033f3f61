import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

/** How the scripts of `src/client/` are bundled, here and in `scripts/bundle.mjs`, so both give the same bytes. */
export const clientBundleOptions = { bundle: true, format: "iife", target: "es2020", minify: true, legalComments: "none", write: false } as const;

/**
 * The browser scripts: `book` (every page's, `_rfckit/book.js`), `highlighter` (highlight.js, which
 * book.js loads on pages with code, `_rfckit/highlighter.js`) and `live-reload` (what `rfc serve`
 * adds to pages). The published package has them bundled beside the command (`dist/client/`); run
 * from source (tests, development), each is bundled now with esbuild, a development dependency,
 * named through a variable so the command's bundle does not pull it in.
 */
export async function readClientScript(name: "book" | "highlighter" | "live-reload" = "book"): Promise<string> {
  try {
    return await readFile(new URL(`../client/${name}.js`, import.meta.url), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const bundler = "esbuild";
  const esbuild = (await import(bundler)) as typeof import("esbuild");
  const result = await esbuild.build({ ...clientBundleOptions, entryPoints: [fileURLToPath(new URL(`../client/${name}.ts`, import.meta.url))] });
  return result.outputFiles[0]!.text;
}
