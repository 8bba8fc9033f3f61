import assert from "node:assert/strict";
import { rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, test } from "node:test";
import { commitAll, gitIn, gitInit } from "../support/git.ts";
import { closedPortUrl, review, startFakeGitHub, type ApiReview } from "../support/fake-github.ts";
import { runRfc, type JsonDiagnostic } from "../support/run-cli.ts";
import { writeTempRepo } from "../support/temp-repo.ts";
import { goodRfc, smallTemplate } from "../support/templates.ts";


const draftPath = "text/0000-rocket-boots.md";
const prLine = "- RFC PR: [acme/rfcs#12](https://github.com/acme/rfcs/pull/12)\n";
const referenceLines = "- RFC reference:\n  - [acme/rfcs#3](https://github.com/acme/rfcs/issues/3)\n";
/** A draft with no RFC PR line, whose references are not on GitHub (as MetalBear's 0002 links Linear). */
const linkless = goodRfc.replace(prLine, "").replace(referenceLines, "- RFC reference:\n  - [Linear COR-1](https://linear.app/acme/issue/COR-1)\n");
/** The same draft with an issue linked under a key of its own, as MetalBear's 0005 does. */
const issueOnly = linkless.replace("- RFC reference:", "- RFC issue: [acme/rfcs#3](https://github.com/acme/rfcs/issues/3)\n- RFC reference:");

async function check(args: string[], cwd: string, env: Record<string, string> = {}) {
  const result = await runRfc(["check", "--format", "json", ...args], { cwd, env });
  return { ...result, diagnostics: result.stdout ? (JSON.parse(result.stdout) as JsonDiagnostic[]) : [] };
}

const rulesOf = (diagnostics: readonly JsonDiagnostic[]) => diagnostics.map((d) => `${d.rule} ${d.severity}`).sort();

describe("rfc check --stage: the gates", () => {
  test("implement needs a linked issue or pull request", async () => {
    const root = await writeTempRepo({ "0000-template.md": smallTemplate, [draftPath]: linkless });
    const before = await check(["--stage", "implement"], root);
    assert.deepEqual(rulesOf(before.diagnostics), ["metadata-missing error", "stage-linked-issue error"]);
    assert.equal(before.diagnostics.find((d) => d.rule === "stage-linked-issue")?.message, "The RFC links no GitHub issue or pull request; the implement stage needs one.");
    assert.equal(before.exitCode, 1);
    // Linking the issue under another key satisfies the gate; the missing RFC PR line is metadata-missing's.
    const linked = await writeTempRepo({ "0000-template.md": smallTemplate, [draftPath]: issueOnly });
    const after = await check(["--stage", "implement"], linked);
    assert.deepEqual(rulesOf(after.diagnostics), ["metadata-missing error", "metadata-unknown warning"]);
  });

  test("a draft is at the draft stage by default, where no link is needed yet", async () => {
    const root = await writeTempRepo({ "0000-template.md": smallTemplate, [draftPath]: linkless });
    const result = await check([], root);
    assert.ok(!result.diagnostics.some((d) => d.rule.startsWith("stage-")), JSON.stringify(result.diagnostics));
  });

  test("merge needs the file's own number and the RFC PR link; renamed and linked, it passes", async () => {
    // An empty RFC PR passes every other rule in a draft: only the merge gate stops it.
    const draft = goodRfc.replace(prLine, "- RFC PR:\n");
    const root = await writeTempRepo({ "0000-template.md": smallTemplate, "text/0001-older.md": goodRfc.replace("rocket_boots", "older"), [draftPath]: draft });
    assert.deepEqual((await check([draftPath], root)).diagnostics, []);
    const before = await check(["--stage", "merge", draftPath], root);
    assert.deepEqual(rulesOf(before.diagnostics), ["stage-number error", "stage-pr-link error"]);
    assert.equal(before.diagnostics.find((d) => d.rule === "stage-number")?.message, "The file is not numbered yet (0000); the merge stage needs a number of its own.");
    assert.equal(before.exitCode, 1);
    const ready = await writeTempRepo({ "0000-template.md": smallTemplate, "text/0001-older.md": goodRfc.replace("rocket_boots", "older"), "text/0002-rocket-boots.md": goodRfc });
    const after = await check([], ready);
    assert.deepEqual(after.diagnostics, []);
    assert.equal(after.exitCode, 0);
  });

  test("merge needs a number no other RFC holds: file-name reports a shared one at every stage", async () => {
    const root = await writeTempRepo({ "0000-template.md": smallTemplate, "text/0001-older.md": goodRfc.replace("rocket_boots", "older"), [draftPath]: goodRfc });
    await rename(path.join(root, draftPath), path.join(root, "text/0001-rocket-boots.md"));
    const result = await check(["--stage", "merge", "text/0001-rocket-boots.md"], root);
    assert.deepEqual(result.diagnostics.map((d) => `${d.rule}: ${d.message}`), ["file-name: RFC number 0001 is also used by text/0001-older.md."]);
    assert.equal(result.exitCode, 1);
  });

  test("gates come from book.toml; a wrong requirement is a usage error naming the line", async () => {
    const draft = goodRfc.replace(prLine, "- RFC PR: [acme/rfcs#0000](https://github.com/acme/rfcs/pull/0000)\n");
    const relaxed = await writeTempRepo({ "0000-template.md": smallTemplate, [draftPath]: draft, "book.toml": '[rfckit.stages.merge]\nrequires = ["linked-issue"]\n' });
    assert.deepEqual(rulesOf((await check(["--stage", "merge"], relaxed)).diagnostics), ["metadata-placeholder error"]);
    const wrong = await writeTempRepo({ "0000-template.md": smallTemplate, [draftPath]: draft, "book.toml": '[book]\ntitle = "RFCs"\n\n[rfckit.stages.merge]\nrequires = ["pr_link"]\n' });
    const result = await check([], wrong);
    assert.equal(result.exitCode, 2);
    assert.equal(result.stdout, "");
    assert.match(result.stderr, /^book\.toml:5: book\.toml: \[rfckit\] stages\.merge\.requires has "pr_link", which is not a requirement \(requirements: "linked-issue", "number", "pr-link"\)\.\n {2}hint: /);
  });
});

describe("rfc check --pr: approvals from GitHub", () => {
  /** A repository with a draft proposed by acme/rfcs#12, and a fake API serving the given reviews. */
  async function setup(reviews: ApiReview[], pageSize?: number) {
    const root = await writeTempRepo({ "0000-template.md": smallTemplate, [draftPath]: goodRfc });
    const github = await startFakeGitHub({ reviews: { "acme/rfcs#12": reviews }, ...(pageSize ? { pageSize } : {}) });
    return { root, github, env: { GITHUB_TOKEN: "t0ken", GITHUB_API_URL: github.url } };
  }

  test("two approvals pass", async () => {
    const { root, github, env } = await setup([review(1, "alice", "APPROVED", 1), review(2, "bob", "APPROVED", 2)]);
    const result = await check(["--stage", "implement", "--pr", "12"], root, env);
    assert.deepEqual(result.diagnostics, []);
    assert.equal(result.exitCode, 0);
    assert.equal(github.requests[0]?.authorization, "token t0ken");
  });

  test("one approval and one 'changes requested' fail, on the RFC's first line", async () => {
    const { root, env } = await setup([review(1, "alice", "APPROVED", 1), review(2, "bob", "CHANGES_REQUESTED", 2)]);
    const result = await check(["--stage", "implement", "--pr", "12"], root, env);
    assert.deepEqual(result.diagnostics.map((d) => [d.file, d.line, d.rule, d.severity, d.message]), [
      [draftPath, 1, "stage-approvals", "error", "Pull request #12 has 1 approval (from alice); the implement stage needs 2."],
    ]);
    assert.equal(result.exitCode, 1);
  });

  test("a reviewer who approved and then requested changes does not count; a comment does not cancel", async () => {
    const { root, env } = await setup([
      review(1, "alice", "APPROVED", 1),
      review(2, "bob", "APPROVED", 2),
      review(3, "alice", "CHANGES_REQUESTED", 3),
      review(4, "bob", "COMMENTED", 4),
    ]);
    const result = await check(["--stage", "merge", "--pr", "12", draftPath], root, env);
    const approvals = result.diagnostics.filter((d) => d.rule === "stage-approvals");
    assert.deepEqual(approvals.map((d) => d.message), ["Pull request #12 has 1 approval (from bob); the merge stage needs 2."]);
  });

  test("reviews on two pages are all read", async () => {
    const { root, github, env } = await setup([review(1, "alice", "APPROVED", 1), review(2, "bob", "COMMENTED", 2), review(3, "bob", "APPROVED", 3)], 2);
    const result = await check(["--stage", "implement", "--pr", "12"], root, env);
    assert.equal(github.requests.length, 2);
    assert.match(github.requests[1]!.path, /[?&]page=2\b/);
    assert.deepEqual(result.diagnostics, []);
    assert.equal(result.exitCode, 0);
  });

  test("401 from GitHub: exit 2, saying what failed and what to do", async () => {
    const root = await writeTempRepo({ "0000-template.md": smallTemplate, [draftPath]: goodRfc });
    const github = await startFakeGitHub({ fail: { status: 401, message: "Bad credentials" } });
    const result = await check(["--stage", "implement", "--pr", "12"], root, { GITHUB_TOKEN: "expired", GITHUB_API_URL: github.url });
    assert.equal(result.exitCode, 2);
    assert.equal(result.stdout, "");
    assert.equal(
      result.stderr,
      `Could not read the reviews of pull request #12: GET ${github.url}/repos/acme/rfcs/pulls/12/reviews answered 401: Bad credentials.\n` +
        "  hint: GITHUB_TOKEN was refused: set it to a valid token (in GitHub Actions, ${{ secrets.GITHUB_TOKEN }}).\n",
    );
  });

  test("no server listening: exit 2 naming the request and GITHUB_API_URL", async () => {
    const root = await writeTempRepo({ "0000-template.md": smallTemplate, [draftPath]: goodRfc });
    const url = await closedPortUrl();
    const result = await check(["--stage", "implement", "--pr", "12"], root, { GITHUB_TOKEN: "t0ken", GITHUB_API_URL: url });
    assert.equal(result.exitCode, 2);
    assert.equal(result.stdout, "");
    assert.match(result.stderr, new RegExp(`^Could not read the reviews of pull request #12: GET ${url}/repos/acme/rfcs/pulls/12/reviews failed: .*ECONNREFUSED.*\\.\\n  hint: check the network and GITHUB_API_URL \\(now ${url}\\)`));
    assert.doesNotMatch(result.stderr, /t0ken|\n\s+at /);
  });

  test("--pr without GITHUB_TOKEN: exit 2 with a hint, before asking anything", async () => {
    const { root, github } = await setup([]);
    const result = await check(["--stage", "implement", "--pr", "12"], root, { GITHUB_API_URL: github.url });
    assert.equal(result.exitCode, 2);
    assert.equal(result.stdout, "");
    assert.match(result.stderr, /^--pr 12 needs GITHUB_TOKEN to read the pull request's reviews from GitHub, and it is not set\.\n {2}hint: set GITHUB_TOKEN to a token/);
    assert.equal(github.requests.length, 0);
  });

  test("with --changed selecting no RFC (a pull request that changes none), there is nothing to ask GitHub", async () => {
    const { root, github, env } = await setup([]);
    gitInit(root);
    commitAll(root, "base", "2026-01-01");
    gitIn(root, ["checkout", "-q", "-b", "docs"]);
    await writeFile(path.join(root, "README.md"), "About our RFCs.\n");
    const result = await check(["--changed", "--base", "main", "--stage", "merge", "--pr", "12"], root, env);
    assert.deepEqual(result.diagnostics, []);
    assert.equal(result.exitCode, 0);
    assert.equal(github.requests.length, 0);
  });

  test("a --pr that is not a number, or that no RFC links, is a usage error", async () => {
    const { root, github, env } = await setup([]);
    const notNumber = await check(["--pr", "twelve"], root, env);
    assert.equal(notNumber.exitCode, 2);
    assert.match(notNumber.stderr, /^--pr must be a pull request number such as 12, not "twelve"\./);
    const unlinked = await check(["--stage", "implement", "--pr", "99"], root, env);
    assert.equal(unlinked.exitCode, 2);
    assert.match(unlinked.stderr, /^--pr 99: no RFC links pull request #99 in its RFC PR link/);
    assert.equal(github.requests.length, 0);
  });
});
