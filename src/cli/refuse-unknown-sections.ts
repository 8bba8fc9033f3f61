import { UserError } from "../errors.ts";
import { defaultConfig, stages, type Config } from "../model/config.ts";
import type { Repository } from "../model/repository.ts";
import { configFile, readConfigLine } from "../repository/read-config.ts";
import { isRequired } from "../rules/match-sections.ts";

/**
 * Refuses section titles `book.toml` names that no template of the repository has (a stage's
 * `filled`, `optional-sections`, `required-sections`): a misspelt title would require, or
 * excuse, nothing, silently. Titles of the built-in stages are not the user's and are left alone.
 */
export async function refuseUnknownSections(repo: Repository): Promise<void> {
  const sections = repo.templates.flatMap((t) => t.schema.sections);
  const known = (title: string) => sections.some((wanted) => isRequired(withFilled(repo.config, title), "draft", wanted));
  const written: { title: string; setting: string }[] = [
    ...stages.flatMap((stage) => repo.config.stages[stage].filled.filter((t) => !defaultConfig.stages[stage].filled.includes(t)).map((title) => ({ title, setting: `stages.${stage}.filled` }))),
    ...repo.config.optionalSections.map((title) => ({ title, setting: "optional-sections" })),
    ...repo.config.requiredSections.map((title) => ({ title, setting: "required-sections" })),
  ];
  const unknown = written.find(({ title }) => !known(title));
  if (!unknown) return;
  const titles = [...new Set(sections.map((s) => `"${s.title}"`))].join(", ");
  throw new UserError(`[rfckit] ${unknown.setting} names "${unknown.title}", which is not a section of the template.`, {
    file: configFile,
    line: await readConfigLine(repo.root, `"${unknown.title}"`),
    hint: `write a title the template has (${titles}), or remove it.`,
  });
}

function withFilled(config: Config, title: string): Config {
  return { ...config, stages: { ...config.stages, draft: { ...config.stages.draft, filled: [title] } } };
}
