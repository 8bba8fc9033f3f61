import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";

/** A VitePress site made from an RFC repository, ready for `vitepress build`. */
export interface VitePressSource {
  /** The site's root: its Markdown, `.vitepress/config.mjs`, and the folder to run the build in. */
  dir: string;
  /** Where VitePress writes the built site. */
  outDir: string;
  /** Number of Markdown pages in the site. */
  pages: number;
}

// Longer than any `:::` container an RFC could hold, so none of them can close the wrapper early.
const fence = "::::::::::::";

/**
 * Lays out the repository's Markdown (the README as the home page, and everything under `text/`,
 * images included) as a VitePress site in `dir`, replacing what was there. VitePress cannot build
 * real RFCs as they are, so the copy differs from the source in three ways:
 *
 * - Each page is wrapped in a `v-pre` container: VitePress compiles every page into a Vue
 *   template, where `{{ … }}` in prose (common in RFCs about formatting or macros) is an expression.
 * - The config turns raw HTML off (`markdown.html: false`): prose such as `Vec<expr>` is otherwise
 *   passed through as an unclosed element, which the Vue compiler rejects even under `v-pre`.
 * - The site gets its own package.json and a `node_modules/vue` link to the peer install: VitePress
 *   links `vue` into the `node_modules` of the nearest package.json above the folder it runs in, and
 *   would otherwise write into (and, at the end, delete from) rfckit's own `node_modules`.
 *
 * Dead links are ignored: RFCs link to files of the repository that are not pages.
 */
export function prepareVitePressSource(corpus: string, dir: string, vueDir: string): VitePressSource {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, ".vitepress"), { recursive: true });
  mkdirSync(path.join(dir, "node_modules"));
  symlinkSync(vueDir, path.join(dir, "node_modules", "vue"), "junction");
  writeFileSync(path.join(dir, "package.json"), `${JSON.stringify({ private: true, description: "rfckit benchmark: VitePress site" }, null, 2)}\n`);
  writeFileSync(
    path.join(dir, ".vitepress", "config.mjs"),
    `export default ${JSON.stringify({ title: "RFCs", ignoreDeadLinks: true, markdown: { html: false } }, null, 2)};\n`,
  );
  let pages = 0;
  const readme = path.join(corpus, "README.md");
  if (existsSync(readme)) {
    writeFileSync(path.join(dir, "index.md"), toVerbatimPage(readFileSync(readme, "utf8")));
    pages++;
  }
  const text = path.join(corpus, "text");
  for (const entry of readdirSync(text, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const from = path.join(entry.parentPath, entry.name);
    const to = path.join(dir, "text", path.relative(text, from));
    mkdirSync(path.dirname(to), { recursive: true });
    if (entry.name.endsWith(".md")) {
      writeFileSync(to, toVerbatimPage(readFileSync(from, "utf8")));
      pages++;
    } else {
      copyFileSync(from, to);
    }
  }
  return { dir, outDir: path.join(dir, ".vitepress", "dist"), pages };
}

/** Wraps a page in a `v-pre` container, after its front matter if it has one (VitePress reads that first). */
function toVerbatimPage(markdown: string): string {
  const frontMatter = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(markdown)?.[0] ?? "";
  return `${frontMatter}${fence} v-pre\n\n${markdown.slice(frontMatter.length)}\n\n${fence}\n`;
}
