import { chmod, chown, open, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { UserError } from "../errors.ts";

/**
 * Writes `content` to `file` so that the file is never seen half-written: the text goes to a
 * temporary file in the same folder, which then replaces `file` in one rename. The only way rfckit
 * writes a user's file. A file that exists keeps its permissions (a 0600 draft stays private)
 * and, where the process may set it (as root), its owner; a read-only file is not written over.
 */
export async function writeFileAtomic(file: string, content: string | Uint8Array): Promise<void> {
  const before = await stat(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return null;
    throw error;
  });
  if (before && (before.mode & 0o222) === 0) {
    throw new UserError(`${file} is read-only: rfckit does not write over it, and nothing was written.`, { hint: `make it writable (chmod u+w) if it should change.` });
  }
  // Loaded here rather than at the top: node:crypto starts OpenSSL (~10 ms), which commands that
  // load this module but write nothing, such as `rfc check`, should not pay.
  const { randomBytes } = await import("node:crypto");
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeFile(temp, content, { flag: "wx" });
    if (before) {
      await chmod(temp, before.mode & 0o7777);
      if (process.getuid?.() === 0 && (before.uid !== 0 || before.gid !== 0)) await chown(temp, before.uid, before.gid);
    }
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw naming(error, file);
  }
}

/**
 * Creates `file` with `content`, failing (EEXIST) if it already exists: never overwrites. A
 * write that fails (a full disk) removes the file it created, so a retry is not refused by an
 * empty file left behind.
 */
export async function createFileExclusive(file: string, content: string | Uint8Array): Promise<void> {
  const handle = await open(file, "wx").catch((error: unknown) => {
    throw naming(error, file);
  });
  try {
    await handle.writeFile(content);
    await handle.close();
  } catch (error) {
    await handle.close().catch(() => {});
    await rm(file, { force: true });
    throw naming(error, file);
  }
}

/** A system error with the file the user asked for as its path (a write to an open file, or to the temporary file, names none or that one). */
function naming(error: unknown, file: string): unknown {
  if (error instanceof Error && typeof (error as NodeJS.ErrnoException).code === "string") Object.assign(error, { path: file, syscall: "write" });
  return error;
}
