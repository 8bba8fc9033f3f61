// Bundles the extension into dist/extension.js (vscode is the editor's own module), and copies the
// rfckit server it falls back to (the package's bundled command, the rule pages hover shows, the
// templates and package.json it reads) into server/. Run `npm run build` at the top first.
import { cp, mkdir, rm } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const here = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const top = path.resolve(here, "../..");
await build({
  entryPoints: [path.join(here, "src/extension.ts")],
  outfile: path.join(here, "dist/extension.js"),
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  external: ["vscode"],
  minify: true,
  logLevel: "warning",
});
if (!existsSync(path.join(top, "dist/bin/rfc.js"))) throw new Error("dist/bin/rfc.js is missing: run `npm run build` in the rfckit checkout first.");
const server = path.join(here, "server");
await rm(server, { recursive: true, force: true });
await mkdir(server, { recursive: true });
for (const part of ["dist/bin", "docs/rules", "templates", "package.json", "LICENSE"]) {
  if (existsSync(path.join(top, part))) await cp(path.join(top, part), path.join(server, part), { recursive: true });
}
