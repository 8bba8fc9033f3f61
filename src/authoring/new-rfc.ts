import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { UserError } from "../errors.ts";
import type { RfcDocument } from "../model/document.ts";
import { describeNaming, joinFolder, toFileName } from "../model/layout.ts";
import type { LoadedTemplate, Repository } from "../model/repository.ts";
import { createFileExclusive } from "../repository/write-file.ts";
import { fillTemplate, type FilledValue } from "./fill-template.ts";
import { toMetadataRole } from "./metadata-roles.ts";
import { isFeatureIdent, isRfcSlug, maxSlugLength, toFeatureIdent, toRfcSlug } from "./to-rfc-slug.ts";
import { writesTitles } from "./writes-titles.ts";

/** What the author asked for. */
export interface NewRfcOptions {
  title: string;
  /** The Feature Name identifier (default: derived from the slug). */
  feature?: string;
  /** The file name's slug, `remote-build-cache` (default: derived from the title). */
  slug?: string;
  /** `YYYY-MM-DD` for Start Date and Last Updated (default: the repository's `today`). */
  today?: string;
  /** Also create the RFC's asset folder. */
  assets?: boolean;
  /** The template to copy, by its name (`draft` for `template-draft.md`); default: the main template. */
  template?: string;
}

/** The draft `rfc new` will create: nothing is written until `writeNewRfc`. */
export interface NewRfcPlan {
  /** Path of the new RFC, relative to the root, `/`-separated (`text/0000-remote-build-cache.md`). */
  path: string;
  content: string;
  /** `text/0000-remote-build-cache` when asked for, else null. */
  assetFolder: string | null;
  title: string;
  slug: string;
  feature: string;
  /** The template's values that were filled in; everything else is left for the author. */
  filled: FilledValue[];
  /** Path of the template it was copied from. */
  template: string;
}

/**
 * Plans a new draft RFC from the repository's template, in the folder and with the file name its
 * layout gives (`text/0000-<slug>.md`, `rfcs/0000_Slug.md`, `accepted/<slug>.md`), with the title,
 * feature name and dates filled in. Throws a `UserError` when the title gives no slug, the
 * feature is not an identifier, or another RFC already has the slug or the feature name.
 */
export function planNewRfc(repo: Repository, options: NewRfcOptions): NewRfcPlan {
  const title = options.title.replace(/\s+/g, " ").trim();
  if (options.slug !== undefined && !isRfcSlug(options.slug)) {
    throw new UserError(`The slug "${options.slug}" is not one a file name takes: lower-case letters a-z and digits, words joined by "-", at most ${maxSlugLength} characters.`, {
      hint: `pass --slug ${toRfcSlug(options.slug) ?? "remote-build-cache"}, or leave --slug out to make it from the title.`,
    });
  }
  const slug = options.slug ?? toRfcSlug(title);
  if (!slug) {
    throw new UserError(`The title "${title}" has no letters or digits to name the RFC's file with.`, {
      hint: 'give the file name\'s words with --slug, e.g. --slug remote-build-cache.',
    });
  }
  const feature = options.feature?.trim() || toFeatureIdent(slug);
  if (!isFeatureIdent(feature)) {
    throw new UserError(`The feature name "${feature}" is not an identifier (letters, digits and "_" only, not starting with a digit).`, {
      hint: `pass --feature ${toFeatureIdent(toRfcSlug(feature) ?? slug)}, or leave --feature out to use ${toFeatureIdent(slug)}.`,
    });
  }
  const { naming, newRfcDir } = repo.layout;
  const fileName = toFileName(naming, slug);
  if (!naming.pattern.test(fileName)) {
    throw new UserError(`The draft name ${fileName} does not match the file-pattern ${String(naming.pattern)} set in book.toml.`, {
      file: "book.toml",
      hint: `rfc new names drafts ${describeNaming(naming)} with the number all zeros: change file-pattern in book.toml's [rfckit] table to allow it.`,
    });
  }
  const stem = fileName.slice(0, -".md".length);
  const sameSlug = repo.rfcs.find((rfc) => toRfcSlug(rfc.slug) === slug);
  if (sameSlug) {
    throw new UserError(`An RFC with the slug "${slug}" already exists: ${sameSlug.path}.`, {
      hint: "give the new RFC a title of its own, or continue the existing one.",
    });
  }
  const fillsFeature = chooseTemplate(repo, options.template).document.metadata.entries.some((e) => toMetadataRole(e.key) === "feature");
  const sameFeature = fillsFeature ? repo.rfcs.find((rfc) => rfc.document && readFeatureNames(rfc.document).includes(feature)) : undefined;
  if (sameFeature) {
    throw new UserError(`The feature name "${feature}" is already used by ${sameFeature.path}.`, {
      hint: "pass --feature <another_name> to give the new RFC's feature a name of its own.",
    });
  }
  const rfcPath = joinFolder(newRfcDir, fileName);
  const assetFolder = options.assets ? joinFolder(newRfcDir, stem) : null;
  if (assetFolder && repo.folders.includes(assetFolder)) {
    throw new UserError(`The folder ${assetFolder}/ already exists.`, {
      hint: "move or delete that folder, or leave --assets out and use it as it is.",
    });
  }
  const chosen = chooseTemplate(repo, options.template);
  const template = chosen.document;
  const templateText = (template.hasBom ? "\uFEFF" : "") + template.source;
  const titleHeading = writesTitles(repo, chosen.path, chosen.schema);
  const { text, filled } = fillTemplate(templateText, { title, feature, today: options.today ?? repo.today, titleHeading });
  return { path: rfcPath, content: text, assetFolder, title, slug, feature, filled, template: chosen.path };
}

/**
 * Creates the planned RFC (and its asset folder) under `root`. Never overwrites: a file or folder
 * that appeared since the plan was made is a `UserError`, and nothing this call created is left behind.
 */
export async function writeNewRfc(root: string, plan: NewRfcPlan): Promise<void> {
  const file = path.join(root, plan.path);
  await mkdir(path.dirname(file), { recursive: true });
  try {
    await createFileExclusive(file, plan.content);
  } catch (error) {
    throw existsError(error, plan.path);
  }
  if (!plan.assetFolder) return;
  try {
    await mkdir(path.join(root, plan.assetFolder));
  } catch (error) {
    await rm(file, { force: true }); // ours, created a moment ago
    throw existsError(error, plan.assetFolder);
  }
}

/** Plans and writes a new draft RFC; returns the plan. */
export async function createRfc(repo: Repository, options: NewRfcOptions): Promise<NewRfcPlan> {
  const plan = planNewRfc(repo, options);
  await writeNewRfc(repo.root, plan);
  return plan;
}

/**
 * The identifiers an RFC's Feature Name gives: one, or several written `a, b` or `a and b`, each
 * with its backticks removed. Placeholders and prose give none that could clash.
 */
export function readFeatureNames(doc: RfcDocument): string[] {
  const entry = doc.metadata.entries.find((e) => toMetadataRole(e.key) === "feature");
  if (!entry) return [];
  return entry.value.raw
    .split(/\s*(?:,|\/|\band\b)\s*/)
    .map((part) => part.trim().replace(/^`(.*)`$/, "$1").replace(/\\_/g, "_"))
    .filter(isFeatureIdent);
}

/** The template named `name` (`draft`, or its file name), else the main one. */
function chooseTemplate(repo: Repository, name: string | undefined): LoadedTemplate {
  if (name === undefined) return repo.template;
  const wanted = name.toLowerCase();
  const found = repo.templates.find((t) => t.name === wanted || t.path.toLowerCase() === wanted || path.posix.basename(t.path).toLowerCase() === wanted);
  if (found) return found;
  throw new UserError(`This repository has no template named "${name}".`, {
    hint: `its templates: ${repo.templates.map((t) => `${t.name} (${t.path})`).join(", ")}.`,
  });
}

function existsError(error: unknown, relative: string): unknown {
  if ((error as NodeJS.ErrnoException).code !== "EEXIST") return error;
  return new UserError(`${relative} already exists; rfc new never overwrites.`, {
    hint: "give the new RFC another title, or edit the existing file.",
  });
}
