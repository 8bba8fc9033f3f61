import { execFileSync } from "node:child_process";
import { mkdir, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import rule from "../../src/rules/asset-unpublished.ts";
import { makeTempDir } from "../support/temp-repo.ts";
import { smallTemplate } from "../support/templates.ts";
import { testRule } from "../support/test-rule.ts";

const png = Buffer.from("89504e470d0a1a0a", "hex");
const rfc = (body: string) => `# Test\n\n## Summary\n\n${body}\n`;

testRule(rule, {
  template: smallTemplate,
  valid: [
    {
      name: "images, a PDF, an SVG and data files",
      rfc: rfc("![flow](0001-test/flow.svg) and [the data](0001-test/data.csv)."),
      files: {
        "text/0001-test/flow.svg": "<svg/>",
        "text/0001-test/shot.PNG": png,
        "text/0001-test/paper.pdf": "%PDF-1.4",
        "text/0001-test/data.csv": "a,b\n",
        "text/0001-test/notes.md": "# Notes\n",
        "text/0001-test/.DS_Store": "x",
        "text/0001-test/.gitkeep": "",
      },
    },
    {
      name: "a link to another image of the tree",
      rfc: rfc("![logo](0001-test/logo.png)"),
      files: { "docs/logo.png": png },
      setup: (root) => symlinkInside(root, "text/0001-test/logo.png", "../../docs/logo.png"),
    },
    { name: "a page linked outside the RFC folder is no asset", rfc: rfc("[the page](../docs/page.html)"), files: { "docs/page.html": "<p>x</p>" } },
  ],
  invalid: [
    {
      name: "an HTML page linked from the RFC is reported at the link",
      rfc: rfc("Try [the demo](0001-test/demo.html) twice: [again](0001-test/demo.html)."),
      files: { "text/0001-test/demo.html": "<script>alert(1)</script>" },
      diagnostics: [
        {
          line: 5,
          column: 16,
          message: "text/0001-test/demo.html is not published in the book: .html files are web pages: opened from the book's site, their scripts would run as the site.",
          hint: "convert the page to Markdown (text/0001-test/demo.md, which the book renders as a page), or link to it on GitHub with a full URL.",
        },
      ],
    },
    {
      name: "files in the RFC's folder that no link names are reported at line 1",
      rfc: rfc("Nothing linked."),
      files: { "text/0001-test/feed.xml": "<rss/>", "text/0001-test/app.js": "alert(1)", "text/0001-test/main.rs": "fn main() {}", "text/0001-test/Makefile": "all:" },
      diagnostics: [
        { line: 1, message: "text/0001-test/Makefile is not published in the book: the book publishes only files with an extension it knows (a file without one could be anything).", hint: /Makefile\.txt/ },
        { line: 1, message: /app\.js is not published in the book: \.js files are code/, hint: /app\.js\.txt/ },
        { line: 1, message: /feed\.xml is not published in the book: browsers open \.xml files as XML documents/ },
        { line: 1, message: /main\.rs is not published in the book: GitHub Pages serves \.rs files as XML/ },
      ],
    },
    {
      name: "a symbolic link to .git/config, named as an image",
      rfc: rfc("![diagram](0001-test/diagram.png)"),
      files: { ".git/config": "[remote]\n  extraheader = AUTHORIZATION: basic c2VjcmV0\n" },
      setup: (root) => symlinkInside(root, "text/0001-test/diagram.png", "../../.git/config"),
      diagnostics: [
        {
          line: 5,
          column: 12,
          message: "text/0001-test/diagram.png is not published in the book: it is a symbolic link to .git/config, which is not a file of the repository's tree.",
          hint: "replace the link with a copy of the file (the book publishes links only to files of the repository's tree).",
        },
      ],
    },
    {
      name: "links to a hidden file, out of the repository and to nothing",
      rfc: rfc("Drawings."),
      files: { "text/0001-test/.env": "TOKEN=x" },
      setup: async (root) => {
        await symlinkInside(root, "text/0001-test/env.txt", ".env");
        const outside = path.join(await makeTempDir("rfckit-outside-"), "secret.png");
        await writeFile(outside, png);
        await symlink(outside, path.join(root, "text/0001-test/outside.png"));
        await symlinkInside(root, "text/0001-test/gone.png", "nowhere.png");
      },
      diagnostics: [
        { line: 1, message: "text/0001-test/env.txt is not published in the book: it is a symbolic link to text/0001-test/.env, a hidden path." },
        { line: 1, message: "text/0001-test/gone.png is not published in the book: it is a symbolic link to a file that does not exist." },
        { line: 1, message: "text/0001-test/outside.png is not published in the book: it is a symbolic link to a file outside the repository." },
      ],
    },
    {
      name: "a FIFO",
      rfc: rfc("x"),
      setup: async (root) => {
        await mkdir(path.join(root, "text/0001-test"));
        execFileSync("mkfifo", [path.join(root, "text/0001-test/pipe.png")]);
      },
      diagnostics: [{ line: 1, message: "text/0001-test/pipe.png is not published in the book: it is not a regular file (a FIFO, socket or device).", hint: "replace it with a regular file, or delete it." }],
    },
    {
      name: "a link from a sub-chapter is reported in the sub-chapter",
      rfc: rfc("See the appendix."),
      files: { "text/0001-test/appendix.md": "# Appendix\n\n[raw](raw.xhtml)\n", "text/0001-test/raw.xhtml": "<html/>" },
      diagnostics: [{ line: 3, column: 7, file: "text/0001-test/appendix.md", message: /raw\.xhtml is not published in the book: \.xhtml files are web pages/ }],
    },
    {
      name: "a file in the RFC folder that belongs to no RFC is reported on itself",
      rfc: rfc("x"),
      files: { "text/images/chart.html": "<p/>" },
      diagnostics: [{ line: 1, file: "text/images/chart.html", message: /chart\.html is not published in the book/ }],
    },
  ],
});

/** Makes `link` (relative to `root`) a relative symbolic link to `target`. */
async function symlinkInside(root: string, link: string, target: string): Promise<void> {
  await mkdir(path.dirname(path.join(root, link)), { recursive: true });
  await symlink(target, path.join(root, link));
}
