import { spawn } from "node:child_process";

/**
 * The text of each `commit:path` object, in the order asked, from one `git cat-file --batch`
 * process (one `git show` per revision costs a process each); null for one git does not have.
 * Resolves to all nulls when git cannot run.
 */
export function readBlobs(cwd: string, objects: readonly string[]): Promise<Array<string | null>> {
  if (objects.length === 0) return Promise.resolve([]);
  return new Promise((resolve) => {
    const nothing = () => resolve(objects.map(() => null));
    const child = spawn("git", ["cat-file", "--batch"], { cwd, stdio: ["pipe", "pipe", "ignore"] });
    const chunks: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.on("error", nothing);
    child.stdin.on("error", () => undefined);
    child.on("close", (code) => (code === 0 ? resolve(toTexts(Buffer.concat(chunks), objects.length)) : nothing()));
    child.stdin.end(objects.map((o) => `${o}\n`).join(""));
  });
}

/** Splits cat-file's answers: `<sha> <type> <size>\n<bytes>\n` for each found object, `<name> missing\n` otherwise. */
function toTexts(out: Buffer, count: number): Array<string | null> {
  const texts: Array<string | null> = [];
  let at = 0;
  for (let k = 0; k < count; k++) {
    const end = out.indexOf(10, at);
    if (end === -1) {
      texts.push(null);
      continue;
    }
    const header = out.toString("utf8", at, end).split(" ");
    at = end + 1;
    const size = header.length === 3 ? Number(header[2]) : NaN;
    if (!Number.isInteger(size)) {
      texts.push(null);
      continue;
    }
    texts.push(header[1] === "blob" ? out.toString("utf8", at, at + size) : null);
    at += size + 1;
  }
  return texts;
}
