// Runs every test/**/*.test.ts with Node's test runner (Node 20 does not expand globs itself).
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";

const only = process.argv.slice(2);
const files = readdirSync("test", { recursive: true })
  .map(String)
  .filter((f) => f.endsWith(".test.ts"))
  .map((f) => path.join("test", f))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
// Two files at a time, whatever the core count: the browser, editor, git and npm tests mostly
// wait, so on two cores the suite takes about half as long as one file at a time.
const result = spawnSync(process.execPath, ["--import", "tsx", "--test", "--test-concurrency=2", ...files], { stdio: "inherit" });
process.exit(result.status ?? 1);
