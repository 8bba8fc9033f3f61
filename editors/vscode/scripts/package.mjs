// Builds the extension and packages it as rfckit-<version>.vsix with @vscode/vsce. Dependencies
// are bundled by esbuild, so the package holds no node_modules.
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
execFileSync(process.execPath, [path.join(here, "scripts/build.mjs")], { stdio: "inherit" });
const vsce = createRequire(import.meta.url).resolve("@vscode/vsce/vsce");
const out = process.argv[2] ?? path.join(here, "rfckit.vsix");
execFileSync(process.execPath, [vsce, "package", "--no-dependencies", "--out", out], { cwd: here, stdio: "inherit" });
