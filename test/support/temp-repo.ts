import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after } from "node:test";

/** Makes a temporary folder, removed when the test file finishes. */
export async function makeTempDir(prefix = "rfckit-test-"): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** Writes a repository from an inline tree (`{ "text/0001-x.md": "…" }`) into a new temporary folder. */
export async function writeTempRepo(files: Record<string, string | Buffer>): Promise<string> {
  const dir = await makeTempDir();
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(dir, relative);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
  }
  return dir;
}

/** Copies a folder (a fixture, `examples/`, or a corpus repository) into a new temporary folder. */
export async function copyToTemp(source: string): Promise<string> {
  const dir = await makeTempDir();
  await cp(source, dir, { recursive: true });
  return dir;
}
