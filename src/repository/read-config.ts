import { readFile, realpath } from "node:fs/promises";
import path from "node:path";
import { distance } from "fastest-levenshtein";
import { parse as parseToml, TomlError } from "smol-toml";
import { toBookUrlProblem, type BookUrlSetting } from "../model/book-url.ts";
import { parseConfig, type BookSettings, type Config } from "../model/config.ts";
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
    return { config, book: { title: null, siteUrl: null, gitRepositoryUrl: null, editUrlTemplate: null, source: "src", redirects: [], writtenKeys: [] }, hasConfigFile: false };
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
  const bookTable = record(toml["book"]);
  const html = record(record(toml["output"])["html"]);
  const url = (key: BookUrlSetting): string | null => {
    const value = stringOrNull(html[key]);
    const problem = value === null ? null : toBookUrlProblem(key, value);
    if (problem) {
      throw new UserError(`[output.html] ${key} ${problem.message}.`, {
        file: configFile,
        line: lineOfKey(text, key),
        hint: `write ${problem.instead}, or remove ${key}.`,
      });
    }
    return value;
  };
  return {
    config,
    book: {
      title: stringOrNull(bookTable["title"]),
      siteUrl: url("site-url"),
      gitRepositoryUrl: url("git-repository-url"),
      editUrlTemplate: url("edit-url-template"),
      source: typeof bookTable["src"] === "string" && bookTable["src"].trim() !== "" ? bookTable["src"].trim().replace(/^\.\/+|\/+$/g, "") : "src",
      redirects: readRedirects(html["redirect"], text),
      writtenKeys: toDottedKeys(toml).filter((key) => key !== "rfckit" && !key.startsWith("rfckit.")),
    },
    hasConfigFile: true,
  };
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

function lineOfKey(text: string, key: string): number {
  const last = key.split(".").at(-1)!;
  const lines = text.split(/\r?\n/);
  const index = lines.findIndex((l) => l.trimStart().startsWith(last) || l.includes(`"${last}"`));
  return index === -1 ? 1 : index + 1;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function stringOrNull(value: unknown): string | null {
  return typeof value === "string" ? value : null;
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

/**
 * `[output.html.redirect]`, as mdBook reads it: `"/old/page.html" = "../new/page.html"`. A key is
 * a path in the book (a trailing `/` means its `index.html`); a value is an `http(s)://` URL or a
 * path, never another scheme (`javascript:` would run as the book).
 */
function readRedirects(table: unknown, text: string): { from: string; to: string }[] {
  if (table === undefined) return [];
  const refuse = (key: string, message: string): never => {
    throw new UserError(`[output.html.redirect] ${message}.`, {
      file: configFile,
      line: lineOfKey(text, key),
      hint: 'write each redirect as "/old/page.html" = "new/page.html" (or an https:// URL).',
    });
  };
  if (typeof table !== "object" || table === null || Array.isArray(table)) return refuse("redirect", "must be a table of paths to URLs");
  return Object.entries(table as Record<string, unknown>).map(([key, value]) => {
    const from = key.replace(/^\/+/, "").replace(/\/$|^$/, (end) => `${end}index.html`);
    // eslint-disable-next-line no-control-regex -- a control character in a path is refused
    if (from.split("/").some((part) => part === ".." || part === "." || part === "") || /[\\\u0000-\u001f]/.test(from)) refuse(key, `"${key}" is not a path inside the book`);
    if (typeof value !== "string" || value.trim() === "") return refuse(key, `"${key}" must name where it redirects to, as a string`);
    if (/^[a-z][a-z0-9+.-]*:/i.test(value) && !/^https?:\/\//i.test(value)) refuse(key, `"${key}" redirects to "${value}"; only http(s):// URLs and paths are allowed`);
    return { from, to: value.trim() };
  });
}

/** The dotted paths of a TOML document's values: `output.html.site-url`; arrays are values. */
function toDottedKeys(table: Record<string, unknown>, prefix = ""): string[] {
  return Object.entries(table).flatMap(([key, value]) =>
    typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date) ? toDottedKeys(value as Record<string, unknown>, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}
