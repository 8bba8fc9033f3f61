import { describeNaming, folderOf, joinFolder, toFileName, toNumberText, type FileNaming } from "../model/layout.ts";
import type { Repository, Rfc } from "../model/repository.ts";
import { maxNameBytes, pageNameOverflow } from "../model/page-name.ts";
import { readPrRef } from "../model/rfc-pr.ts";
import { defineRule, type RepositoryContext } from "./define-rule.ts";

export default defineRule({
  id: "file-name",
  description: "RFC files are named as the repository names them (NNNN-slug.md), numbers are unique, asset folders belong to an RFC",
  severity: "error",
  tags: ["repository"],
  fixable: false,
  // Names matter whether or not a file could be read, so this rule walks the repository itself.
  checkRepository(ctx) {
    checkCharacters(ctx);
    checkLength(ctx);
    checkPattern(ctx);
    checkDuplicates(ctx);
    checkFolders(ctx);
  },
});

/**
 * Characters a file name must not have: `:` (the book's link to `a:b.html` reads as the scheme
 * `a:`), a backslash (a path separator on Windows, and read as `/` in a browser's URL), the other
 * characters Windows refuses (`<>"|?*`), and control characters. A repository with such a name
 * cannot be checked out everywhere, and its page's address means something else.
 */
// eslint-disable-next-line no-control-regex
const unportable = /[:\\<>"|?*\u0000-\u001f\u007f-\u009f]/gu;

/** RFC and sub-chapter files whose names have characters that are not portable or that links misread. */
function checkCharacters({ repo, report }: RepositoryContext): void {
  const isDetected = repo.config.filePattern === null;
  const files = repo.rfcs.flatMap((rfc) => [{ path: rfc.path, rfc }, ...rfc.subChapters.map((sub) => ({ path: sub.path, rfc: null }))]);
  for (const { path, rfc } of files) {
    const name = basename(path);
    const found = [...new Set(name.match(unportable) ?? [])];
    if (found.length === 0) continue;
    const folder = path.slice(0, path.length - name.length);
    // An RFC without a number gets a name of the repository's form (checkPattern then stays quiet); otherwise the characters go.
    const renamed = rfc !== null && rfc.number === null && isDetected && repo.layout.naming.numbered ? suggestName(name, repo.layout.naming) : withoutUnportable(name);
    const alsoFolder = rfc?.assetFolder ? ` and its folder ${rfc.assetFolder}/ to ${folder}${renamed.replace(/\.md$/i, "")}/` : "";
    report({
      file: path,
      line: 1,
      message: `The file name "${shown(name)}" has ${found.map((c) => `"${shown(c)}"`).join(", ")}, which not every system allows in a file name and which can make the book's link to it read as another address.`,
      hint: `rename it to ${folder}${renamed}${alsoFolder}, and update the links to it.`,
    });
  }
}

/** RFC files whose book page (`.html` for `.md`) would have a name longer than a file system takes: the book could not be written. */
function checkLength({ repo, report }: RepositoryContext): void {
  for (const rfc of repo.rfcs) {
    const bytes = pageNameOverflow(rfc.path);
    if (bytes === null) continue;
    report({
      file: rfc.path,
      line: 1,
      message: `The file name is too long for the book: its page would be named with ${bytes} bytes, and file systems take at most ${maxNameBytes}.`,
      hint: `rename it to a name of at most ${maxNameBytes - 2} bytes (".md" included), and update the links to it.`,
    });
  }
}

/** The name with each run of unportable characters made one `-`, none left at the start or before the extension. */
function withoutUnportable(name: string): string {
  const dashed = name.replace(new RegExp(`(?:${unportable.source})+`, "gu"), "-");
  return dashed === name ? name : dashed.replace(/-+(\.[^.]*)$/, "$1").replace(/^-+(?=.)/, "");
}

/** A name as a message shows it: control characters written as `U+0007`. */
function shown(name: string): string {
  // eslint-disable-next-line no-control-regex
  return name.replace(/[\u0000-\u001f\u007f-\u009f]/gu, (c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`);
}

function checkPattern({ repo, report }: RepositoryContext): void {
  const { naming } = repo.layout;
  // Where RFCs are named by slug alone, any name is of the form.
  if (!naming.numbered) return;
  const isDetected = repo.config.filePattern === null;
  for (const rfc of repo.rfcs) {
    if (rfc.number !== null) continue;
    const name = basename(rfc.path);
    // Reported by checkCharacters, whose hint already gives a name of the repository's form.
    if (isDetected && withoutUnportable(name) !== name) continue;
    report({
      file: rfc.path,
      line: 1,
      message: isDetected
        ? `The file name "${name}" is not of the form ${describeNaming(naming)} (${naming.digits === 0 ? "a number" : `${digitWords[naming.digits] ?? naming.digits} digits`}, ${naming.separator === "-" ? "a dash" : "an underscore"}, then a name without spaces).`
        : `The file name "${name}" does not match the file-pattern ${String(naming.pattern)} set in book.toml.`,
      hint: isDetected
        ? `rename it to ${joinFolder(folderOf(rfc.path), suggestName(name, naming))}${/^\d/.test(name) ? "" : ` (${toNumberText(naming, 0)} marks a draft until it gets its number)`}.`
        : "rename it to match that pattern, or change file-pattern in book.toml's [rfckit] table.",
    });
  }
}

const digitWords: Record<number, string> = { 3: "three", 4: "four", 5: "five" };

/** A name of the repository's form for a file that does not have it: `42 my idea.md` → `0042-my-idea.md`. */
function suggestName(name: string, naming: FileNaming): string {
  const stem = name.replace(/\.md$/i, "");
  const m = /^(\d*)[\s_-]*(.*)$/s.exec(stem)!;
  const slug = withoutUnportable(m[2]!.trim()).replace(/\//g, "-") || "my-feature";
  const suggested = toFileName(naming, slug, m[1] === "" ? 0 : Number(m[1]));
  return m[1]!.length > naming.digits ? suggested.replace(/^\d+/, m[1]!) : suggested;
}

function checkDuplicates({ repo, report }: RepositoryContext): void {
  const byNumber = new Map<number, Rfc[]>();
  for (const rfc of repo.rfcs) {
    if (rfc.number === null || rfc.isDraft) continue;
    byNumber.set(rfc.number, [...(byNumber.get(rfc.number) ?? []), rfc]);
  }
  const next = nextFreeNumber(repo);
  for (const group of byNumber.values()) {
    // A renamed RFC may leave a one-line "Moved to …" file at its old name, on purpose (Rust's 2071).
    const owners = group.filter((rfc) => !group.some((other) => other !== rfc && isRedirectTo(rfc, other)));
    if (owners.length < 2 || (repo.numbering === "pr" && arePullRequestsOfRepositories(repo, owners))) continue;
    for (const rfc of owners) {
      const others = owners.filter((o) => o !== rfc).map((o) => o.path);
      report({
        file: rfc.path,
        line: 1,
        message: `RFC number ${rfc.numberText} is also used by ${others.join(", ")}.`,
        hint:
          repo.numbering === "pr"
            ? "an RFC takes the number of its pull request: rename the one whose pull request has another number."
            : `give one of them a number of its own; the next free one is ${next}.`,
      });
    }
  }
}

/**
 * Whether RFCs numbered by pull request share a number on purpose: each is the pull request of
 * another repository. Their `RFC PR` links name different repositories, or, without links, their
 * names start with different prefixes the repository uses for that (`0012-cli-x.md` beside
 * `0012-web-y.md`, where other RFCs are `cli-…` and `web-…` too).
 */
function arePullRequestsOfRepositories(repo: Repository, rfcs: readonly Rfc[]): boolean {
  const refs = rfcs.map(readPrRef);
  if (refs.every((r) => r !== null)) return new Set(refs.map((r) => `${r!.owner}/${r!.repo}`.toLowerCase())).size === rfcs.length;
  const prefixOf = (rfc: Rfc) => /^([a-z0-9]+)-/i.exec(rfc.slug)?.[1]?.toLowerCase() ?? null;
  const prefixes = rfcs.map(prefixOf);
  if (prefixes.some((p) => p === null) || new Set(prefixes).size !== rfcs.length) return false;
  const uses = (prefix: string) => repo.rfcs.filter((r) => prefixOf(r) === prefix).length;
  return prefixes.every((p) => uses(p!) >= 2);
}

/** True for a stub such as `Moved to [0042-new.md](0042-new.md).`: no headings, a link to `target`. */
function isRedirectTo(rfc: Rfc, target: Rfc): boolean {
  const doc = rfc.document;
  if (!doc || doc.sections.length > 0 || doc.title !== null || doc.source.split("\n").length > 3) return false;
  const name = basename(target.path);
  return doc.links.some((link) => basename(link.href.split(/[?#]/)[0]!) === name);
}

function nextFreeNumber(repo: Repository): string {
  const numbers = repo.rfcs.map((r) => r.number ?? 0);
  const width = repo.rfcs.find((r) => r.numberText !== null)?.numberText?.length ?? 4;
  return String(Math.max(0, ...numbers) + 1).padStart(width, "0");
}

function checkFolders({ repo, report }: RepositoryContext): void {
  const rfcPaths = new Set(repo.rfcs.map((r) => r.path));
  for (const folder of repo.folders) {
    if (rfcPaths.has(`${folder}.md`)) continue;
    const match = repo.layout.naming.pattern.exec(`${basename(folder)}.md`);
    const number = match?.groups?.["number"];
    const sibling = number === undefined ? undefined : repo.rfcs.find((r) => r.numberText === number);
    report({
      file: folder,
      line: 1,
      message: `The folder ${folder}/ belongs to no RFC: there is no ${folder}.md.`,
      hint: sibling
        ? `rename it to ${sibling.path.replace(/\.md$/, "")}/ to go with ${sibling.path}, or move its files there.`
        : `name it after the RFC it serves (${toAssetExample(folderOf(folder), repo.layout.naming)}), or delete it.`,
    });
  }
}

/** `text/0042-slug/ beside text/0042-slug.md`, in the repository's naming. */
function toAssetExample(folder: string, naming: FileNaming): string {
  const file = joinFolder(folder, toFileName(naming, "slug", naming.numbered ? 42 : 0));
  return `${file.slice(0, -".md".length)}/ beside ${file}`;
}

function basename(p: string): string {
  return p.slice(p.lastIndexOf("/") + 1);
}
