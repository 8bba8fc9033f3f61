import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";

/**
 * Builds `dist/` with `npm run build` when it is missing or older than any file in `src/`, so the
 * bench always measures the code as it is now, run the way users run it (compiled, no tsx).
 */
export function ensureBuilt(packageRoot: string, log: (line: string) => void): void {
  const entry = path.join(packageRoot, "dist", "bin", "rfc.js");
  const builtAt = mtimeOrNull(entry);
  const changedAt = newestMtime(path.join(packageRoot, "src"));
  if (builtAt !== null && builtAt >= changedAt) return;
  log(builtAt === null ? "dist/ is missing: running npm run build …" : "src/ changed since the last build: running npm run build …");
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  // The compiler's stdout goes to our stderr, so that --json output stays clean.
  const result = spawnSync(npm, ["run", "-s", "build"], { cwd: packageRoot, stdio: ["ignore", 2, 2] });
  if (result.status !== 0) throw new Error(`npm run build failed (exit ${String(result.status)}).`);
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { recursive: true })) {
    newest = Math.max(newest, statSync(path.join(dir, String(entry))).mtimeMs);
  }
  return newest;
}

function mtimeOrNull(file: string): number | null {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return null;
  }
}
