// Bundles the `rfc` command. Node loads a few files much faster than the ~150 modules of rfckit
// and its dependencies (about 70 ms of every run); the library stays tsc's output. Each command
// is a chunk of its own, loaded when it runs, so `rfc check` does not load the book's renderer.
import { build } from "esbuild";

await build({
  entryPoints: { rfc: "src/cli/main.ts" },
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

// The browser scripts (src/client/): `book.js`, copied into every book as `_rfckit/book.js`, and
// `live-reload.js`, which `rfc serve` adds to pages while serving. Same options as
// `clientBundleOptions` in src/cli/read-client-script.ts, so a book built from source and one built
// by the published command are the same bytes.
for (const name of ["book", "live-reload"]) {
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
