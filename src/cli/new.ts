import path from "node:path";
import { createRfc, type NewRfcPlan } from "../authoring/new-rfc.ts";
import { isFeatureIdent, toFeatureIdent, toRfcSlug } from "../authoring/to-rfc-slug.ts";
import { UserError } from "../errors.ts";
import { loadRepository } from "../repository/load-repository.ts";
import { createAsker, type Asker } from "./ask.ts";
import { defineCommand, exitCodes, rootOption, type Io } from "./command.ts";

export default defineCommand({
  name: "new",
  description: "Create a draft RFC (text/0000-<slug>.md, or where the repository's README says) from the repository's template, with its feature name, dates and title filled in.",
  usage: 'new ["<title>"] [options]',
  options: {
    feature: { type: "string", description: "the Feature Name identifier (default: from the title, e.g. remote_build_cache)", valueName: "ident" },
    slug: { type: "string", description: "the file name's words, e.g. remote-build-cache (default: from the title, other scripts transliterated)", valueName: "slug" },
    assets: { type: "boolean", description: "also create the RFC's asset folder, text/0000-<slug>/" },
    template: { type: "string", description: "the template to copy where the repository has several, by name (draft for template-draft.md)", valueName: "name" },
    root: rootOption,
  },
  async run({ values, positionals }, io) {
    const rootOption = typeof values["root"] === "string" ? values["root"] : undefined;
    const repo = await loadRepository(rootOption ? { root: rootOption, cwd: io.cwd, history: false } : { cwd: io.cwd, history: false });
    // `rfc new Remote build cache` without quotes means the same title as with them.
    let title = positionals.join(" ").trim();
    let feature = typeof values["feature"] === "string" ? values["feature"] : undefined;
    const slug = typeof values["slug"] === "string" ? values["slug"] : undefined;
    let template = typeof values["template"] === "string" ? values["template"] : undefined;
    const asksTemplate = template === undefined && repo.templates.length > 1 && Boolean(io.stdin.isTTY);
    if (title === "" && !io.stdin.isTTY) {
      throw new UserError("rfc new needs the RFC's title.", { hint: 'run rfc new "Remote build cache" (it is asked for only on a terminal).' });
    }
    if (title === "" || asksTemplate) {
      // One reader for every question: lines typed (or piped) ahead are kept for the next one.
      const asker = createAsker(io);
      try {
        if (title === "") ({ title, feature } = await askTitle(asker, feature, slug, io));
        if (asksTemplate) template = await askTemplate(asker, repo.templates.map((t) => t.name));
      } finally {
        asker.close();
      }
    }
    const plan = await createRfc(repo, { title, ...(feature === undefined ? {} : { feature }), ...(slug === undefined ? {} : { slug }), ...(template === undefined ? {} : { template }), assets: values["assets"] === true });
    io.stdout.write(renderCreated(plan, path.relative(io.cwd, repo.root), repo.templates.length > 1 ? repo.templates.map((t) => t.name) : null));
    return exitCodes.ok;
  },
});

/** Asks which template to copy, the main one (first) by default; only on a terminal, where there are several. */
async function askTemplate(asker: Asker, names: readonly string[]): Promise<string> {
  const answer = (await asker.ask(`Template (${names.join(", ")}) [${names[0]}]: `))?.trim() ?? "";
  return answer === "" ? names[0]! : answer;
}

/** How many times a feature name that is no identifier is asked for again before giving up. */
const featureAttempts = 3;

/**
 * Asks for the title (and the feature name, suggesting one) when a person is at the terminal. A
 * feature name that is no identifier is said and asked for again.
 */
async function askTitle(asker: Asker, feature: string | undefined, givenSlug: string | undefined, io: Io): Promise<{ title: string; feature: string | undefined }> {
  const title = (await asker.ask("Title: "))?.trim() ?? "";
  if (title === "") throw new UserError("No title given; nothing was created.", { hint: 'run rfc new "Remote build cache", or type a title when asked.' });
  if (feature !== undefined) return { title, feature };
  const slug = givenSlug ?? toRfcSlug(title);
  // A title without letters or digits is refused by the library with its own message.
  if (!slug) return { title, feature: undefined };
  const suggestion = toFeatureIdent(slug);
  for (let attempt = 1; ; attempt++) {
    const answer = (await asker.ask(`Feature name (${suggestion}): `))?.trim() ?? "";
    if (answer === "") return { title, feature: suggestion };
    // The last attempt goes on to the library, which refuses it with its message and hint.
    if (isFeatureIdent(answer) || attempt === featureAttempts) return { title, feature: answer };
    io.stdout.write(`"${answer}" is not an identifier: letters, digits and "_" only, not starting with a digit (e.g. ${toFeatureIdent(toRfcSlug(answer) ?? slug)}).\n`);
  }
}

function renderCreated(plan: NewRfcPlan, rootFromCwd: string, templateNames: readonly string[] | null): string {
  const shown = (p: string) => (rootFromCwd === "" ? p : path.join(rootFromCwd, p));
  const lines = [`Created ${shown(plan.path)}`];
  if (templateNames) lines.push(`  from ${plan.template} (templates: ${templateNames.join(", ")}; choose with --template <name>)`);
  if (plan.assetFolder) lines.push(`Created ${shown(plan.assetFolder)}/ for its images and other files`);
  const filled = plan.filled.map((f) => f.what);
  if (filled.length > 0) lines.push(`  filled in: ${filled.join(", ")}; the rest of the template is yours to replace.`);
  lines.push(`Next: write its Summary, then run rfc check ${shown(plan.path)}`, "");
  return lines.join("\n");
}
