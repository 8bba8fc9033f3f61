import assert from "node:assert/strict";
import path from "node:path";
import { describe, test } from "node:test";
import { loadRepository, type Repository } from "../../src/index.ts";
import { layoutFixture } from "../support/paths.ts";
import { copyToTemp, writeTempRepo } from "../support/temp-repo.ts";

/** Loads a layout fixture from a copy outside any git work tree, as a fresh checkout would be without history. */
async function loadFixture(name: string, from = "."): Promise<Repository> {
  const root = await copyToTemp(layoutFixture(name));
  return loadRepository({ cwd: path.join(root, from), history: false });
}

const folders = (repo: Repository) => repo.layout.rfcDirs.map((d) => d.path);
const paths = (repo: Repository) => repo.rfcs.map((r) => r.path);

describe("the RFC folders, from the files alone", () => {
  test("RFCs at the root beside the README, a licence and the template: only the numbered files are RFCs", async () => {
    const repo = await loadFixture("root");
    assert.deepEqual(folders(repo), ["."]);
    assert.deepEqual(paths(repo), ["0001-tide-tables.md", "0002-harbour-map.md", "0003-buoy-alerts.md"]);
    // Its README says text/, which holds nothing: the RFCs win, and new ones go beside them.
    assert.equal(repo.layout.newRfcDir, ".");
    assert.deepEqual(repo.layout.sharedAssetDirs, ["images"]);
  });

  test("category folders side by side, one of them with a single RFC, each with its own README.MD", async () => {
    const repo = await loadFixture("categories");
    assert.deepEqual(repo.layout.rfcDirs, [
      { path: "rfc", label: { kind: "category", value: "rfc" } },
      { path: "specification", label: { kind: "category", value: "specification" } },
      { path: "structure", label: { kind: "category", value: "structure" } },
    ]);
    assert.equal(repo.rfcs.length, 5);
    assert.ok(paths(repo).every((p) => !/readme/i.test(p)));
  });

  test("slug-only names in accepted/, two templates and no 0000-template.md", async () => {
    const repo = await loadFixture("slug-only");
    assert.deepEqual(repo.layout.rfcDirs, [{ path: "accepted", label: { kind: "status", value: "accepted" } }]);
    assert.equal(repo.layout.naming.numbered, false);
    assert.equal(repo.numbering, "none");
    assert.deepEqual(
      repo.templates.map((t) => [t.path, t.name]),
      [
        ["template-draft.md", "draft"],
        ["template-full.md", "full"],
      ],
    );
    // Each RFC is held to the template it matches best.
    assert.deepEqual(Object.fromEntries(repo.rfcs.map((r) => [r.slug, r.template])), { "bicycle-deck": "template-full.md", "night-crossings": "template-draft.md" });
  });

  test("a template in rfcs/ and a shared rfcs/assets/NNNN/ folder, found from inside rfcs/", async () => {
    const repo = await loadFixture("shared-assets", "rfcs");
    assert.equal(path.basename(repo.root).startsWith("rfckit-test-"), true, "the root is the repository, not rfcs/");
    assert.deepEqual(folders(repo), ["rfcs"]);
    assert.equal(repo.template.path, "rfcs/0000-template.md");
    assert.deepEqual(paths(repo), ["rfcs/0001-grafting.md", "rfcs/0002-irrigation.md"]);
    assert.deepEqual(repo.layout.sharedAssetDirs, ["rfcs/assets"]);
    assert.deepEqual(repo.folders, []);
  });

  test("names of 3 and 5 digits and NNNN_Title_Case, each read as the repository writes them", async () => {
    const three = await loadFixture("three-digit");
    assert.deepEqual([three.layout.naming.digits, three.layout.naming.separator], [3, "-"]);
    assert.deepEqual(three.rfcs.map((r) => [r.number, r.numberText]), [[1, "001"], [2, "002"], [12, "012"]]);
    const five = await loadFixture("five-digit");
    assert.deepEqual(five.rfcs.map((r) => r.numberText), ["00108", "00109", "00110"]);
    const underscore = await loadFixture("underscore");
    assert.deepEqual([underscore.layout.naming.separator, underscore.layout.naming.slugStyle], ["_", "title-snake"]);
    assert.deepEqual(underscore.rfcs.map((r) => r.slug), ["Glaze_Recipes", "Firing_Schedule", "Shelf_Layout"]);
  });

  test("a status suffix is the RFC's status, not part of its slug", async () => {
    const repo = await loadFixture("status-suffix");
    const expired = repo.rfcs.find((r) => r.number === 2)!;
    assert.equal(expired.slug, "radar-feed");
    assert.equal(expired.nameStatus, "expired");
  });

  test("the README's copy instruction says where new RFCs go; a type-specific template holds the RFCs it fits", async () => {
    const repo = await loadFixture("readme-target");
    assert.equal(repo.layout.newRfcDir, "active-rfcs");
    assert.deepEqual(repo.layout.rfcDirs, [{ path: "active-rfcs", label: { kind: "status", value: "active" } }]);
    assert.equal(repo.template.path, "0000-template.md");
    assert.equal(repo.rfcs.find((r) => r.slug === "retire-foghorn")!.template, "deprecation-template.md");
    assert.equal(repo.rfcs.find((r) => r.slug === "signal-lamps")!.template, "0000-template.md");
  });
});

describe("detection and its edges", () => {
  const template = "- Feature Name: x\n\n# Summary\n\nOne paragraph.\n";
  const rfc = "- Feature Name: y\n\n# Summary\n\nText.\n";

  test("mdBook's generated src/ and hidden folders are never RFC folders", async () => {
    const root = await writeTempRepo({
      "0000-template.md": template,
      "generate-book.py": "# copies text/ into src/\n",
      "book.toml": "[book]\nsrc = 'src'\n",
      "text/0001-a.md": rfc,
      "text/0002-b.md": rfc,
      "src/0001-a.md": rfc,
      "src/0002-b.md": rfc,
      "src/0003-c.md": rfc,
      ".github/0001-notes.md": rfc,
      ".github/0002-notes.md": rfc,
    });
    const repo = await loadRepository({ root, history: false });
    assert.deepEqual(folders(repo), ["text"]);
  });

  test("a template in a templates folder at the root, or one the README links to (Swift's proposal-templates/)", async () => {
    const linked = await loadRepository({
      root: await writeTempRepo({ "README.md": "Copy [the template](proposal-templates/0000-swift-template.md) to `proposals/NNNN-name.md`.\n", "proposal-templates/0000-swift-template.md": template, "proposals/0001-a.md": rfc, "proposals/0002-b.md": rfc }),
      history: false,
    });
    assert.deepEqual(linked.templates.map((t) => t.path), ["proposal-templates/0000-swift-template.md"]);
    assert.match(linked.layout.facts.find((f) => f.topic === "templates")!.because, /README links to it/);
    // A link with a stray `%` is read as written, not a reason to fail.
    const percent = await loadRepository({
      root: await writeTempRepo({ "README.md": "See [100%](notes/100%.md), then copy [the template](proposal-templates/0000-swift-template.md).\n", "proposal-templates/0000-swift-template.md": template, "proposals/0001-a.md": rfc, "proposals/0002-b.md": rfc }),
      history: false,
    });
    assert.deepEqual(percent.templates.map((t) => t.path), ["proposal-templates/0000-swift-template.md"]);
    const inFolder = await loadRepository({ root: await writeTempRepo({ "templates/rfc-template.md": template, "rfcs/0001-a.md": rfc, "rfcs/0002-b.md": rfc }), history: false });
    assert.deepEqual(inFolder.templates.map((t) => t.path), ["templates/rfc-template.md"]);
    // A template-named file elsewhere, that nothing points to, is not the template.
    await assert.rejects(loadRepository({ root: await writeTempRepo({ "notes/old-template.md": template, "rfcs/0001-a.md": rfc, "rfcs/0002-b.md": rfc }), history: false }), /No RFC template found/);
  });

  test("exclude globs keep files and folders out", async () => {
    const root = await writeTempRepo({
      "0000-template.md": template,
      "book.toml": '[rfckit]\nexclude = ["text/archive/**", "text/0002-*.md"]\n',
      "text/0001-a.md": rfc,
      "text/0002-b.md": rfc,
      "text/0003-c.md": rfc,
      "text/archive/0004-d.md": rfc,
      "text/archive/0005-e.md": rfc,
    });
    const repo = await loadRepository({ root, history: false });
    assert.deepEqual(paths(repo), ["text/0001-a.md", "text/0003-c.md"]);
  });

  test("rfc-dir = \".\" reads the root's RFCs, never its README or template", async () => {
    const root = await writeTempRepo({ "book.toml": '[rfckit]\nrfc-dir = "."\n', "0000-template.md": template, "README.md": "# RFCs\n", "0001-a.md": rfc, "notes.md": "# Notes\n" });
    const repo = await loadRepository({ root, history: false });
    assert.deepEqual(paths(repo), ["0001-a.md"]);
  });

  test("one or two unnumbered files beside a 0000-template.md are misnamed RFCs, not a slug-only repository", async () => {
    const one = await loadRepository({ root: await writeTempRepo({ "0000-template.md": template, "text/my-idea.md": rfc }), history: false });
    assert.equal(one.layout.naming.numbered, true);
    assert.equal(one.rfcs[0]!.number, null);
    const three = await loadRepository({ root: await writeTempRepo({ "0000-template.md": template, "text/a.md": rfc, "text/b.md": rfc, "text/c.md": rfc }), history: false });
    assert.equal(three.layout.naming.numbered, false);
  });

  test("every fact says where it came from and which key overrides it", async () => {
    const detected = await loadFixture("readme-target");
    const fact = (repo: Repository, topic: string) => repo.layout.facts.find((f) => f.topic === topic)!;
    assert.deepEqual([fact(detected, "new rfcs go to").value, fact(detected, "new rfcs go to").source], ["active-rfcs/", "detected"]);
    assert.match(fact(detected, "new rfcs go to").because, /README says to copy the template to active-rfcs\/0000-my-feature\.md/);
    const root = await writeTempRepo({ "book.toml": '[rfckit]\nrfc-dir = ["proposals", "text"]\n', "0000-template.md": template, "text/0001-a.md": rfc, "proposals/0002-b.md": rfc });
    const configured = await loadRepository({ root, history: false });
    assert.deepEqual([fact(configured, "rfc folders").source, fact(configured, "rfc folders").because], ["config", "rfc-dir in book.toml"]);
    assert.equal(configured.layout.newRfcDir, "proposals");
    assert.deepEqual(paths(configured), ["proposals/0002-b.md", "text/0001-a.md"]);
  });
});
