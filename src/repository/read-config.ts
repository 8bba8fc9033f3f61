import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse as parseToml, TomlError } from "smol-toml";
import { toBookUrlProblem, type BookUrlSetting } from "../model/book-url.ts";
import { parseConfig, type BookSettings, type Config } from "../model/config.ts";
import { UserError } from "../errors.ts";

/** The name of the file that holds rfckit's settings, in an `[rfckit]` table. */
export const configFile = "book.toml";

/** Reads `book.toml` (if any) and returns rfckit's configuration and the book's settings. */
export async function readConfig(root: string): Promise<{ config: Config; book: BookSettings; hasConfigFile: boolean }> {
  const file = path.join(root, configFile);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    const { config } = parseConfig(undefined);
    return { config, book: { title: null, siteUrl: null, gitRepositoryUrl: null, editUrlTemplate: null }, hasConfigFile: false };
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
    },
    hasConfigFile: true,
  };
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
