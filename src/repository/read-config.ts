import { readFile, realpath } from "node:fs/promises";
import path from "node:path";
import { distance } from "fastest-levenshtein";
import { parse as parseToml, TomlError } from "smol-toml";
import { parseConfig, type BookSettings, type Config } from "../model/config.ts";
import { emptyBookSettings, readBookSettings } from "./read-book-settings.ts";
import { lineOfKey, record } from "./toml-values.ts";
import { describeSystemCode, UserError } from "../errors.ts";
import { isInside } from "./read-text.ts";

/** The name of the file that holds rfckit's settings, in an `[rfckit]` table. */
export const configFile = "book.toml";

/** Reads `book.toml` (if any) and returns rfckit's configuration and the book's settings. */
export async function readConfig(root: string): Promise<{ config: Config; book: BookSettings; hasConfigFile: boolean }> {
  const file = path.join(root, configFile);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    // Absent is the usual case; present but unreadable is the user's to fix, not to ignore.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "ENOENT") {
      const reason = describeSystemCode(code) ?? code ?? String(error);
      throw new UserError(`${configFile} could not be read: ${reason}.`, { hint: `make ${configFile} a readable file, or remove it to use no configuration.` });
    }
    const { config } = parseConfig(undefined);
    return { config, book: emptyBookSettings, hasConfigFile: false };
  }
  let toml: Record<string, unknown>;
  try {
    toml = parseToml(text) as Record<string, unknown>;
  } catch (error) {
    const line = error instanceof TomlError ? error.line : undefined;
    throw new UserError(`${configFile} is not valid TOML: ${(error as Error).message.split("\n")[0]}`, {
      file: configFile,
      ...(line === undefined ? {} : { line }),
      hint: "fix the syntax at that line (see https://toml.io).",
    });
  }
  const { config, errors } = parseConfig(toml["rfckit"]);
  const first = errors[0];
  if (first) {
    throw new UserError(`${configFile}: [rfckit] ${first.key} ${first.message}.`, {
      file: configFile,
      line: lineOfKey(text, first.key),
      hint: "correct or remove that setting; the settings are listed in rfckit's README under Configuration.",
    });
  }
  await refuseOutsideRoot(root, { templates: config.templates?.map((t) => t.path) ?? [], rfcDirs: config.rfcDirs ?? [] }, { text, written: record(toml["rfckit"]) });
  return { config, book: readBookSettings(toml, text), hasConfigFile: true };
}

/**
 * Refuses a template or RFC folder outside the root, as RFC files are refused: a path that climbs
 * out with `..` or is absolute, or one whose real path (symbolic links followed) leaves the root.
 * Otherwise the template's text would be printed in hints and copied into every `rfc new` draft,
 * and `rfc new` would write its draft outside the repository. Detected paths are checked too: a
 * template found in the tree may be a link that leads out.
 */
export async function refuseOutsideRoot(
  root: string,
  paths: { templates: readonly string[]; rfcDirs: readonly string[] },
  file: { text: string; written: Record<string, unknown> } | null,
): Promise<void> {
  const realRoot = await realpath(root);
  const settings = [
    ...paths.templates.map((value) => ({ key: file && "templates" in file.written ? "templates" : "template", value, what: "the template", example: 'template = "0000-template.md"' })),
    ...paths.rfcDirs.map((value) => ({ key: "rfc-dir", value, what: "the RFC folder", example: 'rfc-dir = "text"' })),
  ];
  for (const { key, value, what, example } of settings) {
    const climbs = path.posix.isAbsolute(value) || path.win32.isAbsolute(value) || value.split(/[\\/]/).includes("..");
    const real = climbs ? null : await realpathOfNearest(path.join(root, value));
    // The RFC folder may be the root itself (rfc-dir = "."); the template is a file inside it.
    const inside = real !== null && (isInside(realRoot, real) || (key === "rfc-dir" && real === realRoot));
    if (inside) continue;
    const why = climbs ? "which is outside the repository" : "which leads outside the repository through a symbolic link";
    if (file !== null && key in file.written) {
      throw new UserError(`[rfckit] ${key} is ${JSON.stringify(value)}, ${why}.`, {
        file: configFile,
        line: lineOfKey(file.text, key),
        hint: `write a path inside the repository, relative to the folder of ${configFile}, such as ${example}${climbs ? "" : ", or replace the link with what it points to"}.`,
      });
    }
    throw new UserError(`${what[0]!.toUpperCase()}${what.slice(1)} ${value} is a symbolic link that leads outside the repository.`, {
      file: value,
      hint: `replace the link with what it points to, or set ${key} in ${configFile}'s [rfckit] table to a path inside the repository.`,
    });
  }
}

/** The real path of `file`, or of its nearest folder that exists with the rest appended, since a template or RFC folder may not exist yet. */
async function realpathOfNearest(file: string): Promise<string> {
  let existing = file;
  const rest: string[] = [];
  for (;;) {
    try {
      return path.join(await realpath(existing), ...rest);
    } catch {
      const parent = path.dirname(existing);
      if (parent === existing) return file;
      rest.unshift(path.basename(existing));
      existing = parent;
    }
  }
}



/**
 * Refuses `[rfckit.rules]` entries that name no rule (`feature-nam = "off"` would otherwise
 * switch nothing off, silently), naming the nearest id. `ruleIds` are the rules the command runs.
 */
export async function refuseUnknownRules(root: string, configured: Readonly<Record<string, unknown>>, ruleIds: readonly string[]): Promise<void> {
  const unknown = Object.keys(configured).find((id) => !ruleIds.includes(id));
  if (unknown === undefined) return;
  const text = await readFile(path.join(root, configFile), "utf8").catch(() => "");
  const near = ruleIds.map((id) => ({ id, d: distance(id, unknown) })).sort((a, b) => a.d - b.d)[0];
  const guess = near && near.d <= Math.max(2, Math.floor(unknown.length / 4)) ? `did you mean "${near.id}"? The` : "the";
  throw new UserError(`[rfckit.rules] ${unknown} is not a rule rfckit knows.`, {
    file: configFile,
    line: lineOfKey(text, `rules.${unknown}`),
    hint: `${guess} rules are listed in rfckit's README, each with its page under docs/rules/.`,
  });
}

/** The line of `book.toml` that holds `text` first (1 when none does), for errors found after loading. */
export async function readConfigLine(root: string, text: string): Promise<number> {
  const lines = (await readFile(path.join(root, configFile), "utf8").catch(() => "")).split(/\r?\n/);
  const index = lines.findIndex((l) => l.includes(text));
  return index === -1 ? 1 : index + 1;
}

