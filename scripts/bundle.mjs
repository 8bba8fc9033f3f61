// Bundles the `rfc` command into one file. Node loads one file much faster than the ~150 modules
// of rfckit and its dependencies (about 70 ms of every run); the library stays tsc's output.
import { build } from "esbuild";

await build({
  entryPoints: ["src/cli/main.ts"],
  outfile: "dist/cli/rfc.js",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // sanitize-html's CommonJS dependencies (postcss) `require` Node's built-ins, which an ES module
  // bundle can only do through a real `require`.
  banner: { js: 'import { createRequire as __rfckitCreateRequire } from "node:module"; const require = __rfckitCreateRequire(import.meta.url);' },
  logLevel: "warning",
});

// The book's browser script (src/client/), copied into every book as `_rfckit/book.js`. Same
// options as `clientBundleOptions` in src/cli/read-client-script.ts, so a book built from source
// and one built by the published command are the same bytes.
await build({
  entryPoints: ["src/client/book.ts"],
  outfile: "dist/client/book.js",
  bundle: true,
  format: "iife",
  target: "es2020",
  minify: true,
  legalComments: "none",
  logLevel: "warning",
});
