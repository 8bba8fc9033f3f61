import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import path from "node:path";
import { test } from "node:test";
import { examplesDir, packageRoot } from "../support/paths.ts";
import { runRfc } from "../support/run-cli.ts";
import { copyToTemp, makeTempDir } from "../support/temp-repo.ts";

test("rfc serve prints its URL, serves the book, and stops cleanly on Ctrl-C", async () => {
  const root = await copyToTemp(examplesDir);
  const child = spawn(process.execPath, ["--import", "tsx", path.join(packageRoot, "src/cli/main.ts"), "serve", "--port", "0", "--root", root], { cwd: packageRoot });
  let stdout = "";
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => {
        stdout += chunk.toString();
        const found = /Serving the book at (http:\/\/127\.0\.0\.1:\d+\/) \(Ctrl-C to stop\)\.\n/.exec(stdout);
        if (found) resolve(found[1]!);
      });
      void exited.then(() => reject(new Error(`rfc serve exited early: ${stderr}`)));
    });
    const response = await fetch(`${url}text/0001-pipe-queries.html`);
    assert.equal(response.status, 200);
    assert.match(await response.text(), /__rfckit\/live-reload\.js/);
  } finally {
    child.kill("SIGINT");
  }
  assert.equal(await exited, 0, stderr);
  assert.match(stderr, /built 4 RFCs in \d+ ms\.\n/);
  assert.match(stderr, /Stopped\.\n$/);
});

test("rfc serve refuses a bad port and a missing repository", async () => {
  const root = await copyToTemp(examplesDir);
  const badPort = await runRfc(["serve", "--port", "http"], { cwd: root });
  assert.equal(badPort.exitCode, 2);
  assert.equal(badPort.stderr, "--port must be a number from 0 to 65535 (got http).\n  hint: pass --port 3000, or --port 0 for any free port.\n");
  const empty = await makeTempDir();
  const noRepo = await runRfc(["serve", "--port", "0"], { cwd: empty });
  assert.equal(noRepo.exitCode, 2);
  assert.match(noRepo.stderr, /hint: /);
  assert.equal(noRepo.stdout, "");
});
