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
  logLevel: "warning",
});
