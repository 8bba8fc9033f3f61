/** The book settings that hold an address, by their name in `book.toml`'s `[output.html]` table (and the flag of `rfc build`). */
export type BookUrlSetting = "site-url" | "git-repository-url" | "edit-url-template";

/** What is wrong with a setting's value, and an example of what to write instead. */
export interface BookUrlProblem {
  /** Follows the setting's name: `is "javascript:x", which is not an http:// or https:// address`. */
  message: string;
  /** Follows "write" or "pass": `an http:// or https:// address, such as "https://github.com/acme/rfcs"`. */
  instead: string;
}

const examples: Record<BookUrlSetting, string> = {
  "site-url": "an http:// or https:// address or a path from the site's root, such as https://acme.github.io/rfcs/ or /rfcs/",
  "git-repository-url": "the repository's http:// or https:// address, such as https://github.com/acme/rfcs",
  "edit-url-template": "an http:// or https:// address with {path} where the file's path goes, such as https://github.com/acme/rfcs/edit/main/{path}",
};

/**
 * Why `value` cannot be the address `setting` holds, or null when it can. These go into every
 * page (`href` of "Edit this page", the canonical link), so only what a browser reads as an
 * http(s) address is accepted: `javascript:`, `data:` or any other scheme would run or show
 * something else. `site-url` may also be a path from the site's root (`/rfcs/`), but not `//host`
 * or `/\host`, which browsers read as another host. Spaces and control characters are refused
 * because browsers drop them before reading a scheme. mdBook does not require `{path}` in
 * `edit-url-template` (every page then links to the same address), so neither does rfckit.
 */
export function toBookUrlProblem(setting: BookUrlSetting, value: string): BookUrlProblem | null {
  const instead = examples[setting];
  const shown = JSON.stringify(value);
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f-\u009f]/u.test(value)) return { message: `is ${shown}, which has spaces or control characters`, instead };
  if (setting === "site-url" && value.startsWith("/")) {
    return /^\/[/\\]/.test(value) ? { message: `is ${shown}, which browsers read as another host`, instead } : null;
  }
  if (!/^https?:\/\//i.test(value) || !isHttpUrl(value)) return { message: `is ${shown}, which is not an http:// or https:// address`, instead };
  return null;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}
