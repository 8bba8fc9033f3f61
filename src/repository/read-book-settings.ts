import { toBookUrlProblem, type BookUrlSetting } from "../model/book-url.ts";
import type { BookSettings } from "../model/config.ts";
import { UserError } from "../errors.ts";
import { lineOfKey, record } from "./toml-values.ts";

const configFile = "book.toml";

/** The book's settings of a repository without `book.toml`. */
export const emptyBookSettings: BookSettings = {
  title: null,
  siteUrl: null,
  gitRepositoryUrl: null,
  editUrlTemplate: null,
  source: "src",
  redirects: [],
  description: null,
  language: null,
  theme: { light: null, dark: null },
  themeClasses: { light: "light", dark: "navy" },
  smartPunctuation: true,
  additionalCss: [],
  noSectionLabel: false,
  search: true,
  print: true,
  writtenKeys: [],
};

/** mdBook's five themes, by the one of the book's two each stands for. */
const themeShades: Record<string, "light" | "dark"> = { light: "light", rust: "light", coal: "dark", navy: "dark", ayu: "dark" };

/**
 * The mdBook settings of `book.toml` that the book reads, each of the type mdBook gives it: a
 * value of another type (`smart-punctuation = "yes"`) is a `UserError` naming the key and its line,
 * where mdBook would refuse the file too.
 */
export function readBookSettings(toml: Record<string, unknown>, text: string): BookSettings {
  const book = record(toml["book"]);
  const html = record(record(toml["output"])["html"]);
  const wrong = (table: string, key: string, expected: string): never => {
    throw new UserError(`[${table}] ${key} must be ${expected}.`, { file: configFile, line: lineOfKey(text, key), hint: `write ${key} as ${expected}, or remove it.` });
  };
  const string = (values: Record<string, unknown>, table: string, key: string): string | null => {
    const value = values[key];
    if (value === undefined) return null;
    return typeof value === "string" ? value : wrong(table, key, "a string in quotes");
  };
  const flag = (values: Record<string, unknown>, table: string, key: string): boolean | null => {
    const value = values[key];
    if (value === undefined) return null;
    return typeof value === "boolean" ? value : wrong(table, key, "true or false");
  };
  const url = (key: BookUrlSetting): string | null => {
    const value = string(html, "output.html", key);
    const problem = value === null ? null : toBookUrlProblem(key, value);
    if (problem) throw new UserError(`[output.html] ${key} ${problem.message}.`, { file: configFile, line: lineOfKey(text, key), hint: `write ${problem.instead}, or remove ${key}.` });
    return value;
  };
  const css = html["additional-css"];
  if (css !== undefined && !(Array.isArray(css) && css.every((v) => typeof v === "string"))) wrong("output.html", "additional-css", 'a list of paths, such as ["theme/custom.css"]');
  const themeName = (key: string) => (string(html, "output.html", key) ?? "").trim().toLowerCase();
  const shade = (key: string) => themeShades[themeName(key)] ?? null;
  const named = [themeName("default-theme"), themeName("preferred-dark-theme")];
  const classOf = (wanted: "light" | "dark", otherwise: string) => named.find((name) => themeShades[name] === wanted) ?? otherwise;
  const source = string(book, "book", "src");
  const language = string(book, "book", "language")?.trim() ?? "";
  return {
    title: string(book, "book", "title"),
    siteUrl: url("site-url"),
    gitRepositoryUrl: url("git-repository-url"),
    editUrlTemplate: url("edit-url-template"),
    source: source !== null && source.trim() !== "" ? source.trim().replace(/^\.\/+|\/+$/g, "") : "src",
    redirects: readRedirects(html["redirect"], text),
    description: string(book, "book", "description"),
    // A language tag is letters, digits and hyphens (BCP 47); anything else would not be one.
    language: /^[a-z]{2,8}(?:-[a-z0-9]{1,8})*$/i.test(language) ? language : null,
    theme: { light: shade("default-theme"), dark: shade("preferred-dark-theme") },
    themeClasses: { light: classOf("light", "light"), dark: classOf("dark", "navy") },
    smartPunctuation: flag(html, "output.html", "smart-punctuation") ?? flag(html, "output.html", "curly-quotes") ?? true,
    additionalCss: ((css as string[] | undefined) ?? []).map((p) => p.trim().replace(/^\.\/+/, "")).filter((p) => p !== ""),
    noSectionLabel: flag(html, "output.html", "no-section-label") ?? false,
    search: flag(record(html["search"]), "output.html.search", "enable") ?? true,
    print: flag(record(html["print"]), "output.html.print", "enable") ?? true,
    writtenKeys: toDottedKeys(toml).filter((key) => key !== "rfckit" && !key.startsWith("rfckit.")),
  };
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
