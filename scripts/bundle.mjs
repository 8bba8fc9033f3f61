// Bundles the `rfc` command. Node loads a few files much faster than the ~150 modules of rfckit
// and its dependencies (about 70 ms of every run); the library stays tsc's output. Each command
// is a chunk of its own, loaded when it runs, so `rfc check` does not load the book's renderer.
import { copyFile, mkdir, readdir, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { build } from "esbuild";

// Chunk names change with their content: files of an earlier build must not stay beside the new ones.
await rm("dist/bin", { recursive: true, force: true });
await build({
  // The search index's worker thread is an entry of its own, beside rfc.js (write-search-index.ts).
  entryPoints: { rfc: "src/cli/main.ts", "search-worker": "src/cli/search-worker.ts" },
  outdir: "dist/bin",
  splitting: true,
  // Chunks sit beside rfc.js, two levels below the package root like every compiled file, so paths
  // found from import.meta.url (package.json, templates/, dist/client/) hold in the bundle too.
  chunkNames: "[name]-[hash]",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // sanitize-html's CommonJS dependencies (postcss) `require` Node's built-ins, which an ES module
  // bundle can only do through a real `require`.
  banner: { js: 'import { createRequire as __rfckitCreateRequire } from "node:module"; const require = __rfckitCreateRequire(import.meta.url);' },
  logLevel: "warning",
});

// The browser scripts (src/client/): `book.js`, copied into every book as `_rfckit/book.js`,
// `highlighter.js` (highlight.js, which book.js loads on pages with code), and `live-reload.js`,
// which `rfc serve` adds to pages while serving. Same options as
// `clientBundleOptions` in src/cli/read-client-script.ts, so a book built from source and one built
// by the published command are the same bytes.
for (const name of ["book", "highlighter", "live-reload"]) {
  await build({
    entryPoints: [`src/client/${name}.ts`],
    outfile: `dist/client/${name}.js`,
    bundle: true,
    format: "iife",
    target: "es2020",
    minify: true,
    legalComments: "none",
    logLevel: "warning",
  });
}

// Mermaid, drawn in the browser on pages that have a diagram: its published ES module and chunks
// (no source maps) and its licence, copied so the command can put them in a book without Mermaid
// installed (it is a development dependency). src/cli/read-mermaid-files.ts reads them.
const mermaidRoot = path.dirname(createRequire(import.meta.url).resolve("mermaid/package.json"));
const mermaidOut = "dist/client/mermaid";
await rm(mermaidOut, { recursive: true, force: true });
await mkdir(`${mermaidOut}/chunks/mermaid.esm.min`, { recursive: true });
await copyFile(`${mermaidRoot}/dist/mermaid.esm.min.mjs`, `${mermaidOut}/mermaid.esm.min.mjs`);
await copyFile(`${mermaidRoot}/LICENSE`, `${mermaidOut}/LICENSE`);
for (const name of await readdir(`${mermaidRoot}/dist/chunks/mermaid.esm.min`)) {
  if (name.endsWith(".mjs")) await copyFile(`${mermaidRoot}/dist/chunks/mermaid.esm.min/${name}`, `${mermaidOut}/chunks/mermaid.esm.min/${name}`);
}
