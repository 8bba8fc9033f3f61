import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { mermaidDir, mermaidEntryName } from "../book/mermaid-files.ts";
import type { Page } from "../book/types.ts";


/**
 * Mermaid as it is published: its minified ES module and the chunks that module imports (one per
 * kind of diagram, loaded only when a page draws one), without source maps, plus its licence. The
 * book keeps what its diagrams need (`selectMermaidFiles`). The
 * published command has them copied beside it (`dist/client/mermaid/`, by scripts/bundle.mjs),
 * so that Mermaid is a development dependency and not installed with rfckit; run from source,
 * they are read from node_modules. Both are the same bytes.
 */
export async function readMermaidFiles(): Promise<Page[]> {
  const bundled = await readBundledDir();
  // The installed package keeps its licence at its root, beside `dist/`.
  const [dir, licence] = bundled ? [bundled, path.join(bundled, "LICENSE")] : readInstalledPaths();
  const chunkDir = "chunks/mermaid.esm.min";
  const chunks = (await readdir(path.join(dir, ...chunkDir.split("/")))).filter((name) => name.endsWith(".mjs"));
  const read = async (file: string, from: string): Promise<Page> => ({ path: `${mermaidDir}/${file}`, html: await readFile(from, "utf8") });
  const pages = await Promise.all([
    read(mermaidEntryName, path.join(dir, mermaidEntryName)),
    read("LICENSE", licence),
    ...chunks.map((name) => read(`${chunkDir}/${name}`, path.join(dir, ...chunkDir.split("/"), name))),
  ]);
  return pages.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function readInstalledPaths(): [dir: string, licence: string] {
  const manifest = createRequire(import.meta.url).resolve("mermaid/package.json");
  return [path.join(path.dirname(manifest), "dist"), path.join(path.dirname(manifest), "LICENSE")];
}

async function readBundledDir(): Promise<string | null> {
  const dir = fileURLToPath(new URL("../client/mermaid/", import.meta.url));
  try {
    await readdir(dir);
    return dir;
  } catch {
    return null;
  }
}
