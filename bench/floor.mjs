// The floor: the least any checker of this corpus must do in a fresh Node process — start Node,
// list the RFC folder, and read every RFC and the template as text. Nothing is parsed. Reads are
// synchronous because that is the fastest way for Node to read many small files (the async
// version was about twice as slow here), and a floor should be the lowest bar, not a typical one.
// Usage: node bench/floor.mjs <corpus>
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(process.argv[2] ?? ".");
const text = path.join(root, "text");
const files = readdirSync(text, { recursive: true })
  .map(String)
  .filter((f) => f.endsWith(".md"))
  .map((f) => path.join(text, f));
files.push(path.join(root, "0000-template.md"));
let characters = 0;
for (const file of files) characters += readFileSync(file, "utf8").length;
// Printed so the reads cannot be skipped as dead code; the bench sends stdout to /dev/null.
process.stdout.write(`${files.length} files, ${characters} characters\n`);
