import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { describeRefusal, extensionOf, hintForRefusal, publishedExtensions, toAssetVerdict, toLinkedFile, toPublishedType, type AssetTree } from "../../src/model/asset-policy.ts";
import type { SpecialFile } from "../../src/model/repository.ts";
import { toContentType } from "../../src/serve/content-type.ts";

function tree(files: string[], special: Record<string, SpecialFile> = {}): AssetTree {
  return { files: new Set(files), special: new Map(Object.entries(special)) };
}

describe("which types the book publishes", () => {
  test("inert types are published, by extension in any case", () => {
    for (const file of ["a.png", "A.PNG", "b.JpEg", "c.webp", "d.avif", "e.ico", "f.mp4", "g.webm", "h.mp3", "i.pdf", "j.svg", "k.txt", "l.csv", "m.json", "n.toml", "o.yaml", "p.py", "q.go", "r.c", "s.ts"]) {
      assert.ok(toPublishedType(`text/0001-x/${file}`), file);
    }
  });

  test("pages, XML, scripts, styles and unknown types are not", () => {
    for (const file of ["a.html", "b.HTM", "c.xhtml", "d.xml", "e.xsl", "f.js", "g.mjs", "h.css", "i.wasm", "j.svgz", "k.php", "l.rs", "Makefile", "m.", "n.exe", "constructor", "o.__proto__", "p.toString"]) {
      assert.equal(toPublishedType(`text/0001-x/${file}`), null, file);
    }
    assert.equal(extensionOf("text/a.b/c"), "");
    assert.equal(extensionOf("text/.png"), "", "a hidden name is not an extension");
  });

  test("rfc serve sends each published type with its own Content-Type, never as a page", () => {
    for (const ext of publishedExtensions()) {
      const type = toContentType(`x.${ext}`);
      const family = toPublishedType(`x.${ext}`)!.family;
      const expected = { image: /^image\/(?!svg)/, media: /^(?:audio|video)\//, pdf: /^application\/pdf$/, svg: /^image\/svg\+xml$/, text: /^(?:text\/(?:plain|csv|tab-separated-values)|application\/json); charset=utf-8$/ }[family];
      assert.match(type, expected, ext);
    }
    assert.equal(toContentType("x.rs"), "application/octet-stream");
  });
});

describe("toAssetVerdict", () => {
  const files = ["text/0001-x/a.png", "text/0001-x/link.png", "text/0001-x/b.png", ".git/config", "text/.hidden.png", "text/0001-x/fifo.png", "docs/real.png"];

  test("a regular file of a published type is published", () => {
    assert.deepEqual(toAssetVerdict("text/0001-x/a.png", tree(files)), { published: true, type: { family: "image" } });
  });

  test("a link is published only to a listed, regular, unhidden file inside the root", () => {
    const link = (target: SpecialFile) => toAssetVerdict("text/0001-x/link.png", tree(files, { "text/0001-x/link.png": target, "text/0001-x/fifo.png": { kind: "other" } }));
    assert.equal(link({ kind: "symlink", target: { kind: "inside", path: "docs/real.png" } }).published, true);
    assert.deepEqual(link({ kind: "symlink", target: { kind: "inside", path: ".git/config" } }), { published: false, refusal: { kind: "symlink", target: ".git/config", why: "hidden" } }, "listed here, so refused as hidden");
    assert.deepEqual(toAssetVerdict("text/0001-x/link.png", tree(["text/0001-x/link.png"], { "text/0001-x/link.png": { kind: "symlink", target: { kind: "inside", path: ".git/config" } } })).published, false);
    assert.deepEqual(link({ kind: "symlink", target: { kind: "inside", path: "node_modules/x/y.png" } }), { published: false, refusal: { kind: "symlink", target: "node_modules/x/y.png", why: "unlisted" } });
    assert.deepEqual(link({ kind: "symlink", target: { kind: "inside", path: "text/0001-x/fifo.png" } }), { published: false, refusal: { kind: "symlink", target: "text/0001-x/fifo.png", why: "special" } });
    assert.deepEqual(link({ kind: "symlink", target: { kind: "outside" } }), { published: false, refusal: { kind: "symlink", target: null, why: "outside" } });
    assert.deepEqual(link({ kind: "symlink", target: { kind: "missing" } }), { published: false, refusal: { kind: "symlink", target: null, why: "missing" } });
    assert.deepEqual(link({ kind: "other" }), { published: false, refusal: { kind: "special" } });
  });

  test("the type is judged by the published name: a link named .html to a PNG is not published", () => {
    const verdict = toAssetVerdict("text/0001-x/page.html", tree(files, { "text/0001-x/page.html": { kind: "symlink", target: { kind: "inside", path: "docs/real.png" } } }));
    assert.deepEqual(verdict, { published: false, refusal: { kind: "type", extension: "html" } });
  });

  test("every refusal says why and what to do", () => {
    assert.equal(describeRefusal({ kind: "type", extension: "html" }), ".html files are web pages: opened from the book's site, their scripts would run as the site");
    assert.match(hintForRefusal({ kind: "type", extension: "html" }, "text/0001-x/page.html"), /convert the page to Markdown \(text\/0001-x\/page\.md/);
    assert.match(describeRefusal({ kind: "type", extension: "rs" }), /application\/rls-services\+xml/);
    assert.match(hintForRefusal({ kind: "type", extension: "rs" }, "text/0001-x/main.rs"), /text\/0001-x\/main\.rs\.txt/);
    assert.match(hintForRefusal({ kind: "type", extension: "tiff" }, "a.tiff"), /PNG/);
    assert.equal(describeRefusal({ kind: "symlink", target: ".git/config", why: "hidden" }), "it is a symbolic link to .git/config, a hidden path");
  });
});

test("toLinkedFile resolves relative links like the book does", () => {
  assert.equal(toLinkedFile("text/0001-x.md", "0001-x/a%20b.png?raw=1#top"), "text/0001-x/a b.png");
  assert.equal(toLinkedFile("text/0001-x.md", "/docs/./a.png"), "docs/a.png");
  assert.equal(toLinkedFile("text/0001-x.md", "../../out.png"), null);
  assert.equal(toLinkedFile("text/0001-x.md", "https://e/a.png"), null);
  assert.equal(toLinkedFile("text/0001-x.md", "//e/a.png"), null);
  assert.equal(toLinkedFile("text/0001-x.md", "#summary"), null);
});
