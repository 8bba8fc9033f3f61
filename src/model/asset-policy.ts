import { isMarkdownName } from "./layout.ts";
import type { Link } from "./document.ts";
import type { Repository, SpecialFile } from "./repository.ts";
import { normalisePath } from "./repository-path.ts";

/**
 * What the book publishes beside its pages. The book of every pull request is served from the
 * project's own site, so a file that a browser runs as a page (HTML, XML, SVG with script) could
 * act as that site: only types that no browser runs are published, SVG after `sanitizeSvg`.
 * See docs/architecture.md ("Assets") for why each family is inert.
 */
export type AssetFamily = "image" | "media" | "pdf" | "text" | "svg";

/** A published type: the family its extension belongs to (`rfc serve`'s `toContentType` gives its `Content-Type`). */
export interface PublishedType {
  family: AssetFamily;
}

const families: Record<AssetFamily, readonly string[]> = {
  image: ["png", "jpg", "jpeg", "gif", "webp", "avif", "bmp", "ico"],
  media: ["mp4", "webm", "ogg", "ogv", "mp3", "wav", "m4a", "mov"],
  pdf: ["pdf"],
  svg: ["svg"],
  // Data and source files, shown as text or downloaded. Not `.rs`: GitHub Pages serves it as
  // application/rls-services+xml, an XML type, and a browser runs an XML file's XHTML scripts.
  text: [
    ...["txt", "csv", "tsv", "json", "toml", "yaml", "yml", "log", "ini", "conf", "diff", "patch", "ipynb", "gv", "mmd"],
    ...["c", "h", "cc", "cpp", "cxx", "hh", "hpp", "go", "py", "pyi", "java", "kt", "kts", "scala", "swift", "rb", "hs", "ml", "mli", "cs", "fs"],
    ...["lua", "sh", "bash", "zsh", "sql", "proto", "graphql", "tex", "bib", "nix", "zig", "ex", "exs", "erl", "clj", "jl", "r", "dart", "ts", "tsx"],
    ...["v", "sv", "vhdl", "wgsl", "glsl"],
  ],
};

// A Map, not an object: an extension such as "constructor" must find nothing.
const published = new Map<string, PublishedType>(
  (Object.entries(families) as [AssetFamily, readonly string[]][]).flatMap(([family, extensions]) => extensions.map((ext) => [ext, { family }] as const)),
);

/** The published type of a file, by its extension (any case); null when the book does not publish it. */
export function toPublishedType(file: string): PublishedType | null {
  return published.get(extensionOf(file)) ?? null;
}

/** Every published extension, for documentation and tests. */
export function publishedExtensions(): string[] {
  return [...published.keys()];
}

/** The lower-case extension of a path's last segment (`Photo.JPG` → `jpg`); "" when it has none. */
export function extensionOf(file: string): string {
  const name = file.slice(file.lastIndexOf("/") + 1);
  const dot = name.lastIndexOf(".");
  return dot <= 0 ? "" : name.slice(dot + 1).toLowerCase();
}

/** True when a segment of the path starts with `.` (`.git/config`, `text/.env`). */
export function isHiddenPath(file: string): boolean {
  return file.split("/").some((segment) => segment.startsWith("."));
}

/** Why the book leaves a file out. */
export type AssetRefusal =
  /** The type is not one the book publishes. */
  | { kind: "type"; extension: string }
  /** A symbolic link whose target is not a published file of the tree. */
  | { kind: "symlink"; target: string | null; why: "outside" | "missing" | "hidden" | "unlisted" | "special" }
  /** A FIFO, socket or device. */
  | { kind: "special" }
  /** Found when the bytes were read: unreadable, or an SVG that is not well-formed or cannot be made safe. */
  | { kind: "content"; reason: string };

/** Whether and how the book publishes a file. */
export type AssetVerdict = { published: true; type: PublishedType } | { published: false; refusal: AssetRefusal };

/** What the policy needs to know of the tree. `Repository` is one. */
export interface AssetTree {
  files: ReadonlySet<string>;
  special: ReadonlyMap<string, SpecialFile>;
}

/**
 * Whether the book publishes `file` (a file of `tree`): a regular file of a published type; a
 * symbolic link only when its name has a published type and it leads, inside the root, to a
 * regular file of the tree's listing (which leaves out `.git` and `node_modules`) with no hidden
 * segment. A link to `../.git/config` is left out however it is named.
 */
export function toAssetVerdict(file: string, tree: AssetTree): AssetVerdict {
  const type = toPublishedType(file);
  if (type === null) return { published: false, refusal: { kind: "type", extension: extensionOf(file) } };
  const entry = tree.special.get(file);
  if (entry === undefined) return { published: true, type };
  if (entry.kind === "other") return { published: false, refusal: { kind: "special" } };
  const target = entry.target;
  if (target.kind !== "inside") return { published: false, refusal: { kind: "symlink", target: null, why: target.kind } };
  const refuse = (why: "hidden" | "unlisted" | "special"): AssetVerdict => ({ published: false, refusal: { kind: "symlink", target: target.path, why } });
  if (!tree.files.has(target.path)) return refuse("unlisted");
  if (isHiddenPath(target.path)) return refuse("hidden");
  if (tree.special.has(target.path)) return refuse("special");
  return { published: true, type };
}

/** A page's path and links: what makes an image it shows a file the book publishes. */
export interface LinkingPage {
  path: string;
  links: readonly Link[];
}

/**
 * The files the book considers copying beside its pages, in path order: every file under an RFC
 * folder that is not Markdown (asset folders hold images and data) — where RFCs are at the root,
 * only those in an RFC's asset folder or a shared asset folder (`images/`) — and any other file
 * of the tree that a page shows as an image. Files with a hidden segment (`.DS_Store`,
 * `.gitkeep`, `.github/…`) are no part of an RFC and are not considered at all.
 */
export function toAssetCandidates(repo: Pick<Repository, "files" | "layout" | "rfcs">, pages: readonly LinkingPage[]): string[] {
  const found = new Set<string>();
  const prefixes = repo.layout.rfcDirs.filter((d) => d.path !== ".").map((d) => `${d.path}/`);
  if (repo.layout.rfcDirs.some((d) => d.path === ".")) {
    prefixes.push(...repo.layout.sharedAssetDirs.map((d) => `${d}/`), ...repo.rfcs.flatMap((r) => (r.assetFolder ? [`${r.assetFolder}/`] : [])));
  }
  for (const file of repo.files) if (prefixes.some((p) => file.startsWith(p)) && !isMarkdownName(file) && !isHiddenPath(file)) found.add(file);
  for (const file of toShownFiles(repo, pages)) found.add(file);
  return [...found].sort();
}

/** The files of the tree that `pages` show as images: candidates wherever they are. */
export function toShownFiles(repo: Pick<Repository, "files">, pages: readonly LinkingPage[]): Set<string> {
  const shown = new Set<string>();
  for (const page of pages) {
    for (const link of page.links) {
      if (link.kind !== "image") continue;
      const target = toLinkedFile(page.path, link.href);
      if (target !== null && repo.files.has(target) && !isHiddenPath(target)) shown.add(target);
    }
  }
  return shown;
}

/**
 * The repository path a relative link in `source` points to, without its `#fragment` or query,
 * URL-decoded; a path starting with `/` is taken from the root. Null for a link with a scheme, to
 * another host, to a fragment only, or one that leaves the repository.
 */
export function toLinkedFile(source: string, href: string): string | null {
  const written = href.trim();
  if (/^[a-z][a-z0-9+.-]*:|^\/\/|^#/i.test(written)) return null;
  const target = written.replace(/[?#].*$/, "");
  if (target === "") return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    decoded = target; // a stray `%` is just a character
  }
  const folder = source.includes("/") ? source.slice(0, source.lastIndexOf("/")) : "";
  const joined = decoded.startsWith("/") ? decoded.slice(1) : folder === "" ? decoded : `${folder}/${decoded}`;
  const resolved = normalisePath(joined);
  return resolved === "" ? null : resolved;
}

/** Why a file is left out, as the end of a sentence ("… is not published: <this>."). */
export function describeRefusal(refusal: AssetRefusal): string {
  switch (refusal.kind) {
    case "type": {
      const family = refusedFamily(refusal.extension);
      if (refusal.extension === "") return "the book publishes only files with an extension it knows (a file without one could be anything)";
      if (refusal.extension === "rs") return "GitHub Pages serves .rs files as XML (application/rls-services+xml), and a browser runs the scripts an XML file can hold";
      if (family === "page") return `.${refusal.extension} files are web pages: opened from the book's site, their scripts would run as the site`;
      if (family === "xml") return `browsers open .${refusal.extension} files as XML documents, which can run script as the book's site`;
      if (family === "code") return `.${refusal.extension} files are code a browser runs or applies; the book publishes none, so no page of the site can load one`;
      return `.${refusal.extension} is not a type the book publishes (images, audio, video, PDF, SVG and text files)`;
    }
    case "special":
      return "it is not a regular file (a FIFO, socket or device)";
    case "content":
      return refusal.reason;
    case "symlink":
      switch (refusal.why) {
        case "outside":
          return "it is a symbolic link to a file outside the repository";
        case "missing":
          return "it is a symbolic link to a file that does not exist";
        case "hidden":
          return `it is a symbolic link to ${refusal.target}, a hidden path`;
        case "unlisted":
          return `it is a symbolic link to ${refusal.target}, which is not a file of the repository's tree`;
        case "special":
          return `it is a symbolic link to ${refusal.target}, which is not a regular file`;
      }
  }
}

/** What to do instead, as a hint line. */
export function hintForRefusal(refusal: AssetRefusal, file: string): string {
  if (refusal.kind === "symlink") return "replace the link with a copy of the file (the book publishes links only to files of the repository's tree).";
  if (refusal.kind === "special") return "replace it with a regular file, or delete it.";
  if (refusal.kind === "content") return "save the drawing again as plain SVG (UTF-8, well-formed XML), or export it as PNG.";
  const family = refusedFamily(refusal.extension);
  const stem = file.replace(/\.[^./]*$/, "");
  if (family === "page") return `convert the page to Markdown (${stem}.md, which the book renders as a page), or link to it on GitHub with a full URL.`;
  if (family === "image") return "convert the image to PNG, JPEG or WebP (or to SVG for a drawing).";
  if (refusal.extension === "svgz") return "save the drawing as plain .svg, which the book publishes once it has removed anything that could run.";
  if (family === "xml" || family === "code" || refusal.extension === "") return `rename it with a .txt extension (${file}.txt) to publish it as text, or link to it on GitHub with a full URL.`;
  return "convert it to a type the book publishes (PNG or SVG for pictures, PDF for documents, .txt for text), or link to it on GitHub with a full URL.";
}

/** The kind of a refused extension, for its message and hint. */
function refusedFamily(extension: string): "page" | "xml" | "code" | "image" | "other" {
  if (["html", "htm", "xhtml", "xht", "shtml", "mht", "mhtml", "hta"].includes(extension)) return "page";
  if (["xml", "xsl", "xslt", "rss", "atom", "rdf", "mml", "xsd", "xul", "svgz", "rs"].includes(extension)) return "xml";
  if (["js", "mjs", "cjs", "jsx", "css", "wasm", "swf", "php", "phtml", "cgi", "pl", "asp", "aspx", "jsp"].includes(extension)) return "code";
  if (["tif", "tiff", "heic", "heif", "psd", "eps", "ai", "jxl", "raw", "xcf"].includes(extension)) return "image";
  return "other";
}
