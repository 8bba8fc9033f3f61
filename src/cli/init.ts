import { builtinTemplates, publishingModes, type PublishingMode } from "../authoring/builtin-files.ts";
import { initRepository, workflowsDir, type InitPlan } from "../authoring/init-repository.ts";
import { UserError } from "../errors.ts";
import { defineCommand, exitCodes } from "./command.ts";

export default defineCommand({
  name: "init",
  description:
    "Create a new RFC repository: template, README, text/, pull request checklist, book.toml, .gitignore, and with --github the GitHub Actions workflows (also for an existing RFC repository). Never overwrites a file.",
  usage: "init [dir] [options]",
  options: {
    template: { type: "string", description: `the template: ${builtinTemplates.join(" or ")} (default: metalbear), or the path of a template file`, valueName: "name|path" },
    repo: { type: "string", description: "the GitHub repository (owner/name) the RFC PR links point at (default: from git's origin remote)", valueName: "owner/name" },
    title: { type: "string", description: 'the book\'s title (default: "RFCs")', valueName: "title" },
    github: { type: "boolean", description: "also write GitHub Actions workflows (check, publish the book, preview it) in .github/workflows/; only those in an existing RFC repository" },
    pages: { type: "string", description: `with --github: how the book reaches GitHub Pages: ${publishingModes.join(" or ")} (default: actions; branch also publishes a preview of each pull request)`, valueName: "mode" },
    force: { type: "boolean", description: "with --github: add the book and preview workflows even beside the repository's own that publish the book" },
  },
  async run({ values, positionals }, io) {
    if (positionals.length > 1) {
      throw new UserError(`rfc init takes one folder, not ${positionals.length}.`, { hint: "run rfc init <dir>, or rfc init in the folder itself." });
    }
    const pages = values["pages"];
    if (pages !== undefined && !(publishingModes as readonly unknown[]).includes(pages)) throw new UserError(`--pages must be ${publishingModes.join(" or ")}, not "${String(pages)}".`, { hint: "--pages actions publishes with GitHub's Pages actions; --pages branch pushes to a gh-pages branch, with previews." });
    for (const name of ["pages", "force"]) {
      if (values[name] !== undefined && values["github"] !== true) throw new UserError(`--${name} only makes sense with --github.`, { hint: `run rfc init --github --${name}${name === "pages" ? " <mode>" : ""}.` });
    }
    const plan = await initRepository({
      dir: positionals[0] ?? ".",
      cwd: io.cwd,
      ...(typeof values["template"] === "string" ? { template: values["template"] } : {}),
      ...(typeof values["repo"] === "string" ? { repository: values["repo"] } : {}),
      ...(typeof values["title"] === "string" ? { title: values["title"] } : {}),
      github: values["github"] === true,
      ...(pages !== undefined ? { pages: pages as PublishingMode } : {}),
      force: values["force"] === true,
    });
    io.stdout.write(renderCreated(plan));
    return exitCodes.ok;
  },
});

function renderCreated(plan: InitPlan): string {
  const where = plan.shownDir;
  const width = Math.max(...plan.files.map((f) => f.path.length));
  const listed = plan.files.map((f) => `  ${f.path.padEnd(width)}  ${f.purpose}`);
  const hasBook = plan.files.some((f) => f.path === `${workflowsDir}/rfc-book.yml`);
  const skipped = renderSkipped(plan);
  const pagesSteps = hasBook ? ["", ...renderPagesSteps(plan.files.some((f) => typeof f.content === "string" && f.content.includes("gh-pages")))] : [];
  if (plan.template.kind === "existing") {
    return [`Added GitHub Actions workflows to the RFC repository in ${where === "" ? "this folder" : where}:`, ...listed, ...skipped, ...pagesSteps, ""].join("\n");
  }
  const lines = [`Created an RFC repository in ${where === "" ? "this folder" : where}:`, ...listed, ""];
  const { repository } = plan;
  if (repository.source === "placeholder") {
    lines.push(`The RFC PR links point at ${repository.name}, a placeholder: replace it in 0000-template.md with your repository's owner/name.`);
  } else {
    lines.push(`The RFC PR links point at ${repository.name}${repository.source === "origin" ? " (from git's origin remote)" : ""}.`);
  }
  const cd = where === "" ? "" : `cd ${/\s/.test(where) ? JSON.stringify(where) : where} && `;
  lines.push(`Next: ${cd}rfc new "My feature"`);
  lines.push(...skipped, ...pagesSteps);
  lines.push("");
  return lines.join("\n");
}

/** The workflows left out because the repository's own do their work, and how to add them anyway. */
function renderSkipped(plan: InitPlan): string[] {
  if (plan.skippedWorkflows.length === 0) return [];
  const lines = plan.skippedWorkflows.map(({ name, because }) => `  ${name}: ${because.map((w) => `${w.path} ${w.evidence}`).join("; ")}`);
  return ["", "Not added, as the repository's own workflows already do that work:", ...lines, "Keep yours, or run rfc init --github --force to add rfckit's beside them."];
}

/** The one-time steps on GitHub that the publishing workflow needs. */
function renderPagesSteps(branch: boolean): string[] {
  const steps = branch
    ? ["  1. the RFC book workflow runs and creates the gh-pages branch (or run it from the Actions tab);", "  2. in Settings > Pages, choose Deploy from a branch: gh-pages, / (root)."]
    : ["  1. in Settings > Pages, choose Source: GitHub Actions;", "  2. the RFC book workflow then publishes on every push to main (or run it from the Actions tab)."];
  return ["To publish the book on GitHub Pages, once the workflows are pushed to main:", ...steps, "More in rfckit's docs/publishing.md."];
}
