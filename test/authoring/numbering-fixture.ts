import { appendFile, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { commitAll, gitInit } from "../support/git.ts";
import { examplesDir } from "../support/paths.ts";
import { copyToTemp } from "../support/temp-repo.ts";

/** The draft of the example repository, and the name it gets as the fourth RFC. */
export const draft = "text/0000-retention-tiers.md";
export const numbered = "text/0004-retention-tiers.md";

/**
 * A temp copy of examples/ in which the draft has an asset folder (an image and a sub-chapter
 * that links back to it) and other files link to it: README.md, an RFC by an inline link, another
 * by a reference definition. Committed on `main` when `git` is set.
 */
export async function writeNumberingFixture(options: { git: boolean }): Promise<string> {
  const root = await copyToTemp(examplesDir);
  const at = (p: string) => path.join(root, p);
  await mkdir(at("text/0000-retention-tiers"));
  await writeFile(at("text/0000-retention-tiers/tiers.svg"), '<svg xmlns="http://www.w3.org/2000/svg"/>\n');
  await writeFile(
    at("text/0000-retention-tiers/migration.md"),
    "# Migrating to tiers\n\nThis page belongs to [the retention tiers RFC](../0000-retention-tiers.md#summary).\n\n![Hot and cold tiers](tiers.svg)\n\nThe [ingest pipelines](../0002-ingest-pipelines.md#steps) route lines.\n",
  );
  await appendFile(at(draft), "![Hot and cold tiers](0000-retention-tiers/tiers.svg)\n\nThe [migration plan](./0000-retention-tiers/migration.md) says how to move.\n");
  await appendFile(at("README.md"), "\n## In review\n\n- [Retention tiers](text/0000-retention-tiers.md) and [its migration plan](text/0000-retention-tiers/migration.md)\n");
  const ingest = await readFile(at("text/0002-ingest-pipelines.md"), "utf8");
  await writeFile(at("text/0002-ingest-pipelines.md"), ingest.replace("a later RFC could", "[a later RFC](0000-retention-tiers.md) could"));
  await appendFile(at("text/0003-saved-search-alerts.md"), "\nSee also [retention tiers][tiers].\n\n[tiers]: 0000-retention-tiers.md#motivation\n");
  if (options.git) {
    gitInit(root);
    commitAll(root, "Lantern RFCs with a draft", "2026-10-14");
  }
  return root;
}

/** The files that link to the draft, by their paths after numbering. */
export const linkingFiles = ["README.md", "text/0002-ingest-pipelines.md", "text/0003-saved-search-alerts.md", numbered, "text/0004-retention-tiers/migration.md"];
