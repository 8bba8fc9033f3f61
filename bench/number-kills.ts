// `npm run bench -- --kills`: `rfc number` killed (SIGKILL) at a random moment, again and again,
// on a repository of 300 RFCs that each link five times to the draft, then ended with
// `rfc number --continue` or `--abort` (in turn). Each run's files are then compared with the
// uninterrupted result (or, after --abort, with the files before; killed before its first change,
// it is run again): every link rewritten or none,
// no temporary file left, git's index the same. A count, not a timing: it says how many kills
// were survived.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

const rfcCount = 300;
const linksPerRfc = 5;
const draft = "text/0000-shared-cache.md";

export interface KillResult {
  runs: number;
  /** Killed before its journal was in place (nothing changed: run again), in the middle (journal left), or after it ended. */
  before: number;
  middle: number;
  ended: number;
  continued: number;
  aborted: number;
  /** Runs whose files, temporary files or index were not as expected after the run was ended, with why. */
  failures: string[];
  /** How long planning takes (a --dry-run) and an uninterrupted run, in ms: the kills fall between the two. */
  planMs: number;
  runMs: number;
}

/** Runs the kill loop `runs` times under `scratch`. */
export async function measureKills(options: { packageRoot: string; scratch: string; runs: number; log: (line: string) => void }): Promise<KillResult> {
  const rfc = path.join(options.packageRoot, "dist/bin/rfc.js");
  const fixture = writeFixture(path.join(options.scratch, "fixture"));
  const reference = path.join(options.scratch, "reference");
  cpSync(fixture, reference, { recursive: true });
  // The kills fall between the end of planning (as long as a --dry-run takes) and the end of a run.
  const planMs = timed(() => spawnSync(process.execPath, [rfc, "number", draft, "--dry-run"], { cwd: reference, encoding: "utf8" }));
  let done: ReturnType<typeof spawnSync> | null = null;
  const runMs = timed(() => (done = spawnSync(process.execPath, [rfc, "number", draft], { cwd: reference, encoding: "utf8" })));
  if (done!.status !== 0) throw new Error(`rfc number failed on the kill fixture: ${String(done!.stderr)}`);
  const before = snapshot(fixture);
  const after = snapshot(reference);
  const result: KillResult = { runs: options.runs, before: 0, middle: 0, ended: 0, continued: 0, aborted: 0, failures: [], planMs, runMs };
  for (let run = 0; run < options.runs; run++) {
    const root = path.join(options.scratch, `run-${run}`);
    cpSync(fixture, root, { recursive: true });
    const delayMs = planMs * 0.9 + Math.random() * (runMs * 1.05 - planMs * 0.9);
    const exit = await runKilledAfter(process.execPath, [rfc, "number", draft], root, delayMs);
    const journal = path.join(root, ".git/rfckit-number.json");
    let expected = before;
    if (existsSync(journal)) {
      result.middle++;
      const action = result.middle % 2 === 1 ? "--continue" : "--abort";
      const ended = spawnSync(process.execPath, [rfc, "number", action], { cwd: root, encoding: "utf8" });
      if (ended.status !== 0) {
        result.failures.push(`run ${run} (killed at ${delayMs.toFixed(0)} ms): ${action} exited ${String(ended.status)}: ${ended.stderr.trim()}`);
        continue;
      }
      if (action === "--continue") result.continued++;
      else result.aborted++;
      expected = action === "--continue" ? after : before;
    } else if (exit === "ended" || snapshot(root).files === after.files) {
      result.ended++;
      expected = after;
    } else {
      // Nothing was changed, so the author runs the command again; that run also removes what the
      // killed one may have left beside the journal.
      result.before++;
      const again = spawnSync(process.execPath, [rfc, "number", draft], { cwd: root, encoding: "utf8" });
      if (again.status !== 0) result.failures.push(`run ${run} (killed at ${delayMs.toFixed(0)} ms, before any change): running it again exited ${String(again.status)}: ${again.stderr.trim()}`);
      expected = after;
    }
    const now = snapshot(root);
    if (now.files !== expected.files) result.failures.push(`run ${run} (killed at ${delayMs.toFixed(0)} ms): the files are not as expected`);
    if (now.temps.length > 0) result.failures.push(`run ${run}: temporary files left: ${now.temps.join(", ")}`);
    if (now.index !== expected.index) result.failures.push(`run ${run}: git's index differs`);
    rmSync(root, { recursive: true, force: true });
    options.log(`kills: run ${run + 1}/${options.runs}, killed at ${delayMs.toFixed(0)} ms`);
  }
  return result;
}

function timed(run: () => unknown): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

/** Starts the command and kills it with SIGKILL after `delayMs`; says whether it had ended by then. */
function runKilledAfter(command: string, args: string[], cwd: string, delayMs: number): Promise<"killed" | "ended"> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, stdio: "ignore" });
    const timer = setTimeout(() => child.kill("SIGKILL"), delayMs);
    child.on("exit", (_code, signal) => {
      clearTimeout(timer);
      resolve(signal === "SIGKILL" ? "killed" : "ended");
    });
  });
}

/** The repository: a template, 300 RFCs that link to the draft, the draft; committed. */
function writeFixture(root: string): string {
  mkdirSync(path.join(root, "text"), { recursive: true });
  const template = "- Feature Name: (fill me in)\n- Start Date: (fill me in)\n- RFC PR: (leave this empty)\n\n# Summary\n\nOne paragraph.\n\n# Motivation\n\nWhy.\n";
  writeFileSync(path.join(root, "0000-template.md"), template);
  for (let n = 1; n <= rfcCount; n++) {
    const number = String(n).padStart(4, "0");
    const links = Array.from({ length: linksPerRfc }, (_, i) => `- see [the cache, part ${i}](0000-shared-cache.md#summary)`).join("\n");
    writeFileSync(
      path.join(root, "text", `${number}-feature-${n}.md`),
      `- Feature Name: feature_${n}\n- Start Date: 2024-01-01\n- RFC PR: [x/rfcs#${n}](https://github.com/x/rfcs/pull/${n})\n\n# Summary\n\nFeature ${n}.\n\n# Motivation\n\n${links}\n`,
    );
  }
  writeFileSync(path.join(root, draft), "- Feature Name: shared_cache\n- Start Date: 2024-02-01\n- RFC PR: (leave this empty)\n\n# Summary\n\nA cache.\n\n# Motivation\n\nSpeed.\n");
  const git = (args: string[]) => execFileSync("git", args, { cwd: root, stdio: "ignore", env: { ...process.env, GIT_AUTHOR_NAME: "b", GIT_AUTHOR_EMAIL: "b@example.com", GIT_COMMITTER_NAME: "b", GIT_COMMITTER_EMAIL: "b@example.com" } });
  git(["init", "-q", "-b", "main"]);
  git(["add", "-A"]);
  git(["commit", "-q", "-m", "RFCs"]);
  return root;
}

/** A hash of every file outside .git, the temporary files, and a hash of git's index entries. */
function snapshot(root: string): { files: string; temps: string[]; index: string } {
  const files = createHash("sha256");
  const temps: string[] = [];
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true }).sort((a, b) => (path.join(a.parentPath, a.name) < path.join(b.parentPath, b.name) ? -1 : 1))) {
    const full = path.join(entry.parentPath, entry.name);
    const relative = path.relative(root, full);
    if (relative === ".git" || relative.startsWith(`.git${path.sep}`)) {
      if (entry.name.endsWith(".tmp")) temps.push(relative);
      continue;
    }
    if (entry.name.endsWith(".tmp")) temps.push(relative);
    if (entry.isFile()) files.update(`${relative}\0`).update(readFileSync(full));
  }
  const index = execFileSync("git", ["ls-files", "-s"], { cwd: root, encoding: "utf8" });
  return { files: files.digest("hex"), temps, index: createHash("sha256").update(index).digest("hex") };
}

/** The result as a few lines. */
export function renderKills(result: KillResult): string {
  const lines = [
    `rfc number killed at random (SIGKILL ${result.planMs.toFixed(0)}–${result.runMs.toFixed(0)} ms after it starts, as it changes files) on ${rfcCount} RFCs linking ${linksPerRfc} times each to the draft, ${result.runs} runs:`,
    `  killed before it changed a file   ${result.before}  (then run again)`,
    `  killed in the middle              ${result.middle}  (then --continue ${result.continued}, --abort ${result.aborted})`,
    `  ended before the kill             ${result.ended}`,
    `  files, temporary files or index not as expected: ${result.failures.length}`,
    ...result.failures.map((f) => `    ${f}`),
  ];
  return `${lines.join("\n")}\n`;
}
