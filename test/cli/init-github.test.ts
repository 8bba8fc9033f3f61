import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, test } from "node:test";
import { parse as parseYaml } from "yaml";
import { commitAll, gitIn, gitInit } from "../support/git.ts";
import { packageRoot } from "../support/paths.ts";
import { readTree } from "../support/read-tree.ts";
import { runRfc } from "../support/run-cli.ts";
import { makeTempDir, writeTempRepo } from "../support/temp-repo.ts";

const workflowNames = ["rfc-check.yml", "rfc-book.yml", "rfc-preview.yml"];
const shipped = new Map(workflowNames.map((name) => [name, readFileSync(path.join(packageRoot, "templates/github", name))]));
const major = (JSON.parse(readFileSync(path.join(packageRoot, "package.json"), "utf8")) as { version: string }).version.split(".")[0]!;

const pagesSteps = [
  "To publish the book on GitHub Pages, once the workflows are pushed to main:",
  "  1. the RFC book workflow runs and creates the gh-pages branch (or run it from the Actions tab);",
  "  2. in Settings > Pages, choose Deploy from a branch: gh-pages, / (root).",
  "More in rfckit's docs/publishing.md.",
];

/** The tree `before` plus the shipped workflows under `.github/workflows/`. */
function withWorkflows(before: Map<string, Buffer | null>): Map<string, Buffer | null> {
  const tree = new Map(before);
  tree.set(".github/", null);
  tree.set(".github/workflows/", null);
  for (const [name, bytes] of shipped) tree.set(`.github/workflows/${name}`, bytes);
  return new Map([...tree].sort(([a], [b]) => (a < b ? -1 : 1)));
}

interface Step {
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: Record<string, { types?: string[]; branches?: string[] } | null>;
  permissions: Record<string, string>;
  concurrency: { group: string; "cancel-in-progress": boolean };
  jobs: Record<string, { if?: string; steps: Step[] }>;
}

function readWorkflow(name: string): Workflow {
  return parseYaml(shipped.get(name)!.toString("utf8")) as Workflow;
}

function stepsOf(workflow: Workflow): Step[] {
  return Object.values(workflow.jobs).flatMap((job) => job.steps);
}

/** The argument words after `rfc` in every `run` that calls rfckit, with shell quotes removed. */
function rfcCommands(workflow: Workflow): string[][] {
  const commands: string[][] = [];
  for (const step of stepsOf(workflow)) {
    for (const line of (step.run ?? "").split("\n")) {
      const words = line.trim().split(/\s+/);
      const at = words.indexOf("rfc");
      if (!line.includes("npx")) continue;
      // Pinned to the package's major version: a new major may change flags the workflow relies on.
      assert.deepEqual(words.slice(0, at), ["npx", "--yes", "--package", `rfckit@${major}`], line);
      commands.push(words.slice(at + 1).map((w) => w.replace(/^"(.*)"$/, "$1")));
    }
  }
  return commands;
}

describe("rfc init --github", () => {
  test("the shipped workflows are the three in templates/github/", () => {
    assert.deepEqual(readdirSync(path.join(packageRoot, "templates/github")).sort(), [...workflowNames].sort());
  });

  test("a new repository gets the workflows too, byte for byte, and the one-time GitHub steps", async () => {
    const cwd = await makeTempDir();
    const plain = await runRfc(["init", "plain", "--repo", "acme/rfcs"], { cwd });
    assert.equal(plain.exitCode, 0, plain.stderr);
    assert.doesNotMatch(plain.stdout, /workflows|GitHub Pages/);

    const result = await runRfc(["init", "acme-rfcs", "--repo", "acme/rfcs", "--github"], { cwd });
    assert.equal(result.exitCode, 0, result.stderr);
    assert.equal(
      result.stdout,
      [
        "Created an RFC repository in acme-rfcs:",
        "  0000-template.md                   the RFC template (MetalBear form)",
        "  README.md                          how the RFC process works",
        "  text/.gitkeep                      keeps the empty RFC folder in git",
        "  .github/PULL_REQUEST_TEMPLATE.md   the checklist of every RFC pull request",
        "  book.toml                          the book's settings (rfckit needs none: its defaults fit)",
        "  .gitignore                         keeps the built book out of git",
        "  .github/workflows/rfc-check.yml    checks the RFCs each pull request changes",
        "  .github/workflows/rfc-book.yml     publishes the book from main to GitHub Pages (gh-pages branch)",
        "  .github/workflows/rfc-preview.yml  publishes each pull request's book under pr-preview/",
        "",
        "The RFC PR links point at acme/rfcs.",
        'Next: cd acme-rfcs && rfc new "My feature"',
        "",
        ...pagesSteps,
        "",
      ].join("\n"),
    );
    // Without --github nothing changes; with it, the same files plus the workflows.
    assert.deepEqual(await readTree(path.join(cwd, "acme-rfcs")), withWorkflows(await readTree(path.join(cwd, "plain"))));
  });

  test("a new folder where a workflow already exists: refused, nothing written (exit 2)", async () => {
    const cwd = await writeTempRepo({ ".github/workflows/rfc-book.yml": "name: ours\n", "notes.txt": "mine\n" });
    const before = await readTree(cwd);
    const result = await runRfc(["init", "--github"], { cwd });
    assert.equal(result.exitCode, 2);
    assert.equal(result.stdout, "");
    assert.match(result.stderr, /^rfc init would overwrite what is already in this folder, so it wrote nothing:\n {2}\.github\/workflows\/rfc-book\.yml\n {2}hint: /);
    assert.deepEqual(await readTree(cwd), before);
  });

  test("an existing RFC repository gets only the workflows; everything else stays as it was", async () => {
    const cwd = await makeTempDir();
    assert.equal((await runRfc(["init", "--repo", "acme/rfcs"], { cwd })).exitCode, 0);
    await writeFile(path.join(cwd, "README.md"), "# Our own process\n");
    await mkdir(path.join(cwd, ".github/workflows"));
    await writeFile(path.join(cwd, ".github/workflows/lint.yml"), "name: lint\n");
    const before = await readTree(cwd);
    const result = await runRfc(["init", "--github"], { cwd });
    assert.equal(result.exitCode, 0, result.stderr);
    assert.equal(
      result.stdout,
      [
        "Added GitHub Actions workflows to the RFC repository in this folder:",
        "  .github/workflows/rfc-check.yml    checks the RFCs each pull request changes",
        "  .github/workflows/rfc-book.yml     publishes the book from main to GitHub Pages (gh-pages branch)",
        "  .github/workflows/rfc-preview.yml  publishes each pull request's book under pr-preview/",
        "",
        ...pagesSteps,
        "",
      ].join("\n"),
    );
    assert.deepEqual(await readTree(cwd), withWorkflows(before));
  });

  test("an existing repository whose template book.toml moved is recognised by that template", async () => {
    const cwd = await writeTempRepo({
      "book.toml": '[book]\ntitle = "X"\n\n[rfckit]\ntemplate = "rfcs/template.md"\n',
      "rfcs/template.md": "# Title\n\n## Summary\n\nWhat it is.\n",
    });
    const before = await readTree(cwd);
    const result = await runRfc(["init", "--github"], { cwd });
    assert.equal(result.exitCode, 0, result.stderr);
    assert.match(result.stdout, /^Added GitHub Actions workflows/);
    assert.deepEqual(await readTree(cwd), withWorkflows(before));
  });

  test("an existing repository with one of the workflows: refused, nothing written; options of a new repository are refused", async () => {
    const cwd = await makeTempDir();
    gitInit(cwd);
    assert.equal((await runRfc(["init", "--repo", "acme/rfcs"], { cwd })).exitCode, 0);
    await mkdir(path.join(cwd, ".github/workflows"));
    await writeFile(path.join(cwd, ".github/workflows/rfc-check.yml"), "name: our check\n");
    commitAll(cwd, "the repository", "2026-01-05");
    const before = await readTree(cwd);

    const refused = await runRfc(["init", "--github"], { cwd });
    assert.equal(refused.exitCode, 2);
    assert.equal(
      refused.stderr,
      "rfc init would overwrite what is already in this folder, so it wrote nothing:\n  .github/workflows/rfc-check.yml\n" +
        "  hint: move or delete those files first, or keep yours: rfckit's own are in its templates/github/ folder to compare with.\n",
    );
    assert.deepEqual(await readTree(cwd), before);
    assert.equal(gitIn(cwd, ["status", "--porcelain"]), "");

    const titled = await runRfc(["init", "--github", "--title", "New", "--repo", "a/b"], { cwd });
    assert.equal(titled.exitCode, 2);
    assert.match(titled.stderr, /^This folder is already an RFC repository \(it has 0000-template\.md\), so rfc init --github adds only the workflows; --title, --repo would change nothing\.\n {2}hint: /);
    assert.deepEqual(await readTree(cwd), before);
  });
});

describe("the shipped workflows", () => {
  test("check: on pull requests, the changed RFCs against the base branch, as GitHub annotations", () => {
    const workflow = readWorkflow("rfc-check.yml");
    assert.deepEqual(Object.keys(workflow.on), ["pull_request"]);
    assert.deepEqual(workflow.permissions, { contents: "read" });
    assert.deepEqual(rfcCommands(workflow), [["check", "--changed", "--base", "origin/$BASE_REF", "--format", "github"]]);
    const steps = stepsOf(workflow);
    assert.deepEqual(steps.find((s) => s.uses?.startsWith("actions/checkout@"))?.with, { "fetch-depth": 0, "persist-credentials": false });
    assert.deepEqual(steps.find((s) => s.uses?.startsWith("actions/setup-node@"))?.with, { "node-version": 20 });
    // The branch name goes through the environment: an expression pasted into `run` would be shell code.
    assert.equal(steps.find((s) => s.run)?.env?.["BASE_REF"], "${{ github.base_ref }}");
    for (const step of steps) assert.doesNotMatch(step.run ?? "", /\$\{\{/);
  });

  test("book: on pushes to main and by hand, the book to gh-pages, keeping the previews", () => {
    const workflow = readWorkflow("rfc-book.yml");
    assert.deepEqual(workflow.on, { push: { branches: ["main"] }, workflow_dispatch: null });
    assert.deepEqual(workflow.permissions, { contents: "write" });
    assert.deepEqual(rfcCommands(workflow), [["build", "--out", "book"]]);
    const steps = stepsOf(workflow);
    const deploy = steps.find((s) => s.uses?.startsWith("JamesIves/github-pages-deploy-action@"));
    assert.deepEqual(deploy?.with, { token: "${{ github.token }}", folder: "book", branch: "gh-pages", "clean-exclude": "pr-preview/", force: false });
    assert.equal(workflow.concurrency["cancel-in-progress"], false);
  });

  test("preview: on pull requests opened, updated and closed, the book under pr-preview/ on gh-pages", () => {
    const workflow = readWorkflow("rfc-preview.yml");
    assert.deepEqual(workflow.on, { pull_request: { types: ["opened", "reopened", "synchronize", "closed"] } });
    assert.deepEqual(workflow.permissions, { contents: "write", "pull-requests": "write" });
    assert.deepEqual(rfcCommands(workflow), [["build", "--out", "book"]]);
    const steps = stepsOf(workflow);
    assert.equal(steps.find((s) => s.run?.includes("rfc build"))?.if, "github.event.action != 'closed'");
    const deploy = steps.find((s) => s.uses?.startsWith("rossjrw/pr-preview-action@"));
    assert.deepEqual(deploy?.with, { token: "${{ github.token }}", "source-dir": "book", "preview-branch": "gh-pages", "umbrella-dir": "pr-preview" });
    assert.match(workflow.concurrency.group, /github\.event\.pull_request\.number/);
  });

  test("no checkout leaves the job's token in .git/config; whatever pushes has a token of its own", () => {
    let checkouts = 0;
    for (const name of workflowNames) {
      const workflow = readWorkflow(name);
      for (const [job, { steps }] of Object.entries(workflow.jobs)) {
        for (const step of steps.filter((s) => s.uses?.startsWith("actions/checkout@"))) {
          checkouts++;
          // YAML's false, not the string "false", which actions/checkout would read the same but a typo could not be told from.
          assert.equal(step.with?.["persist-credentials"], false, `${name}: a checkout step of job ${job}`);
        }
        // With the checkout's credentials gone, a plain `git push` would fail: pushes go through an action given the token.
        for (const step of steps) assert.doesNotMatch(step.run ?? "", /\bgit\s+push\b/, `${name}: ${job}`);
      }
      const pushers = stepsOf(workflow).filter((s) => /^(JamesIves\/github-pages-deploy-action|rossjrw\/pr-preview-action)@/.test(s.uses ?? ""));
      for (const step of pushers) assert.equal(step.with?.["token"], "${{ github.token }}", `${name}: ${step.uses}`);
      assert.equal(pushers.length > 0, workflow.permissions["contents"] === "write", `${name}: writes exactly when it has a step that pushes`);
    }
    assert.equal(checkouts, workflowNames.length);
  });

  test("every flag a workflow passes to rfc is one rfc's --help lists", async () => {
    const cwd = await makeTempDir();
    const commands = workflowNames.flatMap((name) => rfcCommands(readWorkflow(name)));
    assert.ok(commands.length >= 3);
    for (const [command, ...args] of commands) {
      const help = await runRfc([command!, "--help"], { cwd });
      assert.equal(help.exitCode, 0, `rfc ${command} --help`);
      for (const flag of args.filter((a) => a.startsWith("--"))) {
        assert.match(help.stdout, new RegExp(`^ +(?:-\\w, )?${flag}\\b`, "m"), `rfc ${command} has no ${flag}`);
      }
    }
  });

  test("the workflows' commands work on a repository made by rfc init, as the runner would run them", async () => {
    const origin = await makeTempDir();
    gitIn(origin, ["init", "-q", "--bare", "-b", "main"]);
    const cwd = await makeTempDir();
    assert.equal((await runRfc(["init", "--repo", "acme/rfcs", "--github"], { cwd })).exitCode, 0);
    gitInit(cwd);
    commitAll(cwd, "rfc init", "2026-01-05");
    gitIn(cwd, ["remote", "add", "origin", origin]);
    gitIn(cwd, ["push", "-q", "origin", "main"]);
    gitIn(cwd, ["fetch", "-q", "origin"]);
    gitIn(cwd, ["checkout", "-q", "-b", "feature"]);
    await writeFile(path.join(cwd, "text/0000-half-done.md"), "# Half done\n\n## Summary\n\nOnly a summary.\n");
    commitAll(cwd, "a draft", "2026-01-06");

    const [check] = rfcCommands(readWorkflow("rfc-check.yml"));
    const checked = await runRfc(check!.map((w) => w.replace("$BASE_REF", "main")), { cwd });
    assert.equal(checked.exitCode, 1, checked.stderr);
    assert.match(checked.stdout, /^::error file=text\/0000-half-done\.md,line=\d+/m);

    const [build] = rfcCommands(readWorkflow("rfc-book.yml"));
    const built = await runRfc(build!, { cwd });
    assert.equal(built.exitCode, 0, built.stderr);
    assert.match(await readFile(path.join(cwd, "book/index.html"), "utf8"), /<html/);
  });
});
