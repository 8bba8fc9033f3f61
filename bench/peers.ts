import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * The markdownlint-cli2 release measured. 0.22 is the last line that runs on Node 20 (0.24 needs
 * Node 22); pinning it keeps figures comparable between runs.
 */
export const markdownlintVersion = "0.22.1";

/** The VitePress release measured: the 1.6 line, the one the reference figures in README.md come from. */
export const vitePressVersion = "1.6.4";

/** Where peer tools are installed: outside the package's own dependencies, in the git-ignored `.bench/`. */
export function peersDir(packageRoot: string): string {
  return path.join(packageRoot, ".bench", "peers");
}

/**
 * Installs markdownlint-cli2 under `.bench/peers` unless the pinned version is already there, and
 * returns the path of its entry script, so it runs as `node <script>` with no shell wrapper in
 * between (the wrapper would be measured too).
 */
export function ensureMarkdownlint(packageRoot: string, log: (line: string) => void): string {
  return ensurePeer(packageRoot, "markdownlint-cli2", markdownlintVersion, log);
}

/** Installs VitePress under `.bench/peers` like {@link ensureMarkdownlint}; returns its entry script. */
export function ensureVitePress(packageRoot: string, log: (line: string) => void): string {
  return ensurePeer(packageRoot, "vitepress", vitePressVersion, log);
}

/** The folder of a package installed under `.bench/peers`, e.g. for a module a peer needs at hand. */
export function peerPackageDir(packageRoot: string, name: string): string {
  return path.join(peersDir(packageRoot), "node_modules", name);
}

function ensurePeer(packageRoot: string, name: string, version: string, log: (line: string) => void): string {
  const dir = peersDir(packageRoot);
  const packageDir = peerPackageDir(packageRoot, name);
  if (installedVersion(packageDir) !== version) {
    log(`installing ${name}@${version} into ${path.relative(packageRoot, dir)}/ …`);
    mkdirSync(dir, { recursive: true });
    // Its own package.json keeps npm from walking up and adding the peer to rfckit's package.json.
    const manifest = path.join(dir, "package.json");
    if (!existsSync(manifest)) writeFileSync(manifest, `${JSON.stringify({ private: true, description: "rfckit benchmark peers" }, null, 2)}\n`);
    const npm = process.platform === "win32" ? "npm.cmd" : "npm";
    const result = spawnSync(npm, ["install", "--prefix", dir, "--save-exact", "--no-audit", "--no-fund", "--loglevel=error", `${name}@${version}`], {
      // stdout to our stderr, so that --json output stays clean.
      stdio: ["ignore", 2, 2],
    });
    if (result.status !== 0) throw new Error(`npm install ${name}@${version} failed (exit ${String(result.status)}); run it by hand to see why.`);
  }
  const manifest = JSON.parse(readFileSync(path.join(packageDir, "package.json"), "utf8")) as { bin?: string | Record<string, string> };
  const bin = typeof manifest.bin === "string" ? manifest.bin : manifest.bin?.[name];
  if (!bin) throw new Error(`${name}'s package.json names no ${name} executable in ${packageDir}.`);
  return path.join(packageDir, bin);
}

function installedVersion(packageDir: string): string | null {
  try {
    return (JSON.parse(readFileSync(path.join(packageDir, "package.json"), "utf8")) as { version?: string }).version ?? null;
  } catch {
    return null;
  }
}
