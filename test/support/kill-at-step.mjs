// Preloaded (`node --import`) into an `rfc` process to kill it, as `kill -9` would, just before
// its Nth change to the disk: a write, rename, link or removal through fs/promises, or a `git mv`.
// RFCKIT_TEST_KILL_AT=N picks the change (counting from 1, when the process starts); with
// RFCKIT_TEST_CHANGE_LOG=<file>, each change is appended there as a line (`3 rename <path>`), so
// a run that is not killed lists them.
import childProcess from "node:child_process";
import fs from "node:fs";
import { syncBuiltinESMExports } from "node:module";
import { promisify } from "node:util";

const killAt = Number(process.env.RFCKIT_TEST_KILL_AT);
const log = process.env.RFCKIT_TEST_CHANGE_LOG;
let changes = 0;
function change(name, target) {
  changes += 1;
  if (changes === killAt) process.kill(process.pid, "SIGKILL");
  if (log) fs.appendFileSync(log, `${changes} ${name} ${String(target)}\n`);
}

for (const name of ["writeFile", "rename", "link", "rm"]) {
  const original = fs.promises[name];
  fs.promises[name] = function (...args) {
    change(name, args[0]);
    return original.apply(this, args);
  };
}

const execFile = childProcess.execFile;
const isGitMove = (file, args) => file === "git" && Array.isArray(args) && args[0] === "mv";
function killingExecFile(file, args, ...rest) {
  if (isGitMove(file, args)) change("git-mv", args.at(-2));
  return execFile.call(this, file, args, ...rest);
}
// `promisify(execFile)` resolves to { stdout, stderr } through execFile's own promisified form.
killingExecFile[promisify.custom] = (file, args, ...rest) => {
  if (isGitMove(file, args)) change("git-mv", args.at(-2));
  return execFile[promisify.custom](file, args, ...rest);
};
childProcess.execFile = killingExecFile;
syncBuiltinESMExports();
