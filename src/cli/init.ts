import { builtinTemplates } from "../authoring/builtin-files.ts";
import { initRepository, type InitPlan } from "../authoring/init-repository.ts";
import { UserError } from "../errors.ts";
import { defineCommand, exitCodes } from "./command.ts";

export default defineCommand({
  name: "init",
  description: "Create a new RFC repository: template, README, text/, pull request checklist, book.toml, .gitignore. Never overwrites a file.",
  usage: "init [dir] [options]",
  options: {
    template: { type: "string", description: `the template: ${builtinTemplates.join(" or ")} (default: metalbear), or the path of a template file`, valueName: "name|path" },
    repo: { type: "string", description: "the GitHub repository (owner/name) the RFC PR links point at (default: from git's origin remote)", valueName: "owner/name" },
    title: { type: "string", description: 'the book\'s title (default: "RFCs")', valueName: "title" },
  },
  async run({ values, positionals }, io) {
    if (positionals.length > 1) {
      throw new UserError(`rfc init takes one folder, not ${positionals.length}.`, { hint: "run rfc init <dir>, or rfc init in the folder itself." });
    }
    const plan = await initRepository({
      dir: positionals[0] ?? ".",
      cwd: io.cwd,
      ...(typeof values["template"] === "string" ? { template: values["template"] } : {}),
      ...(typeof values["repo"] === "string" ? { repository: values["repo"] } : {}),
      ...(typeof values["title"] === "string" ? { title: values["title"] } : {}),
    });
    io.stdout.write(renderCreated(plan));
    return exitCodes.ok;
  },
});

function renderCreated(plan: InitPlan): string {
  const where = plan.shownDir;
  const width = Math.max(...plan.files.map((f) => f.path.length));
  const lines = [
    `Created an RFC repository in ${where === "" ? "this folder" : where}:`,
    ...plan.files.map((f) => `  ${f.path.padEnd(width)}  ${f.purpose}`),
    "",
  ];
  const { repository } = plan;
  if (repository.source === "placeholder") {
    lines.push(`The RFC PR links point at ${repository.name}, a placeholder: replace it in 0000-template.md with your repository's owner/name.`);
  } else {
    lines.push(`The RFC PR links point at ${repository.name}${repository.source === "origin" ? " (from git's origin remote)" : ""}.`);
  }
  const cd = where === "" ? "" : `cd ${/\s/.test(where) ? JSON.stringify(where) : where} && `;
  lines.push(`Next: ${cd}rfc new "My feature"`, "");
  return lines.join("\n");
}
