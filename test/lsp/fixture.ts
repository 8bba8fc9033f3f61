import { goodRfc, smallTemplate } from "../support/templates.ts";
import { writeTempRepo } from "../support/temp-repo.ts";

/** A draft in the MetalBear form for `smallTemplate`, complete but for what a case changes. */
export const draft = goodRfc.replace("`rocket_boots`", "`jet_pack`").replace("acme/rfcs#12](https://github.com/acme/rfcs/pull/12)", "acme/rfcs#0000](https://github.com/acme/rfcs/pull/0000)");

/** A repository in the MetalBear form: the template, one accepted RFC and a draft that links to it. */
export function writeMetalBearRepo(files: Record<string, string> = {}): Promise<string> {
  return writeTempRepo({
    "0000-template.md": smallTemplate,
    "README.md": "# Acme RFCs\n\nCopy `0000-template.md` to `text/0000-my-feature.md`.\n",
    "text/0001-rocket-boots.md": goodRfc,
    "text/0000-jet-pack.md": draft,
    ...files,
  });
}
