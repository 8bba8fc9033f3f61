import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { networkInterfaces } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { examplesDir, packageRoot } from "../support/paths.ts";
import { runRfc } from "../support/run-cli.ts";
import { copyToTemp, makeTempDir } from "../support/temp-repo.ts";

/** `rfc serve` run as a user runs it; resolves once it prints its URL, with the output so far and its exit. */
async function startServe(args: string[], env: NodeJS.ProcessEnv = process.env) {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(packageRoot, "src/cli/main.ts"), "serve", ...args], { cwd: packageRoot, env });
  const output = { stdout: "", stderr: "" };
  child.stderr.on("data", (chunk: Buffer) => (output.stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      output.stdout += chunk.toString();
      const found = /Serving the book at (http:\/\/127\.0\.0\.1:\d+\/) \(Ctrl-C to stop\)\.\n/.exec(output.stdout);
      if (found) resolve(found[1]!);
    });
    void exited.then(() => reject(new Error(`rfc serve exited early: ${output.stderr}`)));
  });
  return { url, output, exited, stop: () => child.kill("SIGINT") };
}

test("rfc serve prints its URL, serves the book, and stops cleanly on Ctrl-C", async () => {
  const root = await copyToTemp(examplesDir);
  const serve = await startServe(["--port", "0", "--root", root]);
  try {
    const response = await fetch(`${serve.url}0001-pipe-queries.html`);
    assert.equal(response.status, 200);
    assert.match(await response.text(), /__rfckit\/live-reload\.js/);
  } finally {
    serve.stop();
  }
  assert.equal(await serve.exited, 0, serve.output.stderr);
  assert.match(serve.output.stderr, /built 4 RFCs in \d+ ms\.\n/);
  assert.match(serve.output.stderr, /Stopped\.\n$/);
});

test("rfc serve --host 0.0.0.0 answers on this machine's other addresses and says so; --open starts $BROWSER with the URL", async () => {
  const root = await copyToTemp(examplesDir);
  const record = path.join(await makeTempDir(), "opened.txt");
  const browser = path.join(path.dirname(record), "browser.sh");
  await writeFile(browser, `#!/bin/sh\nprintf '%s' "$1" > '${record}'\n`, { mode: 0o755 });
  const serve = await startServe(["--port", "0", "--host", "0.0.0.0", "--open", "--root", root], { ...process.env, BROWSER: browser });
  const { url } = serve;
  try {
    assert.equal((await fetch(url)).status, 200);
    const port = new URL(url).port;
    const other = Object.values(networkInterfaces()).flatMap((l) => l ?? []).find((a) => a.family === "IPv4" && !a.internal);
    if (other) assert.equal((await fetch(`http://${other.address}:${port}/`)).status, 200, `the book on ${other.address}`);
    for (let i = 0; i < 50 && !existsSync(record); i++) await new Promise((r) => setTimeout(r, 100));
    assert.equal(await readFile(record, "utf8"), url);
    assert.match(serve.output.stderr, /^Listening on 0\.0\.0\.0: other machines that reach this one can read the book, drafts included\.$/m);
  } finally {
    serve.stop();
  }
  assert.equal(await serve.exited, 0, serve.output.stderr);
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
  const badHost = await runRfc(["serve", "--host", "my laptop"], { cwd: root });
  assert.equal(badHost.exitCode, 2);
  assert.match(badHost.stderr, /^--host must be an IP address such as 127\.0\.0\.1 or 0\.0\.0\.0, or localhost \(got my laptop\)\./);
});
