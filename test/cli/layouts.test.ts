import assert from "node:assert/strict";
import { mkdir, readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { describe, test } from "node:test";
import type { RfcRow } from "../../src/index.ts";
import { layoutFixture } from "../support/paths.ts";
import { runRfc, type JsonDiagnostic } from "../support/run-cli.ts";
import { copyToTemp, makeTempDir, writeTempRepo } from "../support/temp-repo.ts";

const layouts = ["root", "categories", "slug-only", "shared-assets", "underscore", "three-digit", "five-digit", "status-suffix", "readme-target", "summary-listed", "unpadded", "templates-folder", "design-docs"];

async function listJson(root: string): Promise<RfcRow[]> {
  const result = await runRfc(["list", "--format", "json"], { cwd: root });
  assert.equal(result.exitCode, 0, result.stderr);
  return JSON.parse(result.stdout) as RfcRow[];
}

describe("rfc check on every layout, with no configuration", () => {
  for (const name of layouts) {
    test(`${name}: every RFC is found and none is misread`, async () => {
      const root = await copyToTemp(layoutFixture(name));
      const rows = await listJson(root);
      const result = await runRfc(["check", "--format", "json"], { cwd: root });
      const diagnostics = JSON.parse(result.stdout) as JsonDiagnostic[];
      assert.deepEqual(diagnostics, []);
      assert.equal(result.exitCode, 0);
      const pretty = await runRfc(["check"], { cwd: root });
      assert.match(pretty.stdout, new RegExp(`✔ ${rows.length} files checked, no problems\\.`));
      assert.ok(rows.length >= 2);
    });
  }
});

describe("build, new and doctor on every layout", () => {
  for (const name of layouts) {
    test(`${name}: a page per RFC, a new RFC where the others are, and doctor agrees with list`, async () => {
      const root = await copyToTemp(layoutFixture(name));
      const rows = await listJson(root);
      const doctor = JSON.parse((await runRfc(["doctor", "--format", "json"], { cwd: root })).stdout) as { rfcs: number; problem: unknown };
      assert.deepEqual([doctor.rfcs, doctor.problem], [rows.length, null]);
      const out = path.join(await makeTempDir(), "book");
      const built = await runRfc(["build", "--out", out], { cwd: root });
      assert.equal(built.exitCode, 0, built.stderr);
      for (const row of rows) await readFile(path.join(out, row.path.replace(/\.md$/, ".html")));
      const created = await runRfc(["new", "Lighthouse keepers"], { cwd: root });
      assert.equal(created.exitCode, 0, created.stderr);
      const createdPath = /^Created (.+)$/m.exec(created.stdout)?.[1];
      const after = await listJson(root);
      assert.equal(after.length, rows.length + 1);
      assert.ok(after.some((r) => r.path === createdPath));
      // Beside the RFCs of the folder new RFCs go to: never a folder of its own.
      assert.ok(rows.some((r) => path.posix.dirname(r.path) === path.posix.dirname(createdPath!)), `${createdPath} is beside no RFC`);
    });
  }
});

describe("rfc list shows each layout's numbers, statuses and categories", () => {
  test("slug-only names have no number; the folder accepted/ is their status", async () => {
    const rows = await listJson(await copyToTemp(layoutFixture("slug-only")));
    assert.deepEqual(
      rows.map((r) => [r.numberText, r.title, r.status]),
      [
        [null, "Bicycle deck", "accepted"],
        [null, "Night crossings", "accepted"],
      ],
    );
    const table = await runRfc(["list"], { cwd: await copyToTemp(layoutFixture("slug-only")) });
    assert.match(table.stdout, /^- {2}Bicycle deck/m);
  });

  test("a .expired suffix is the status; numbers keep their digits; category folders get a column", async () => {
    const expired = (await listJson(await copyToTemp(layoutFixture("status-suffix")))).find((r) => r.number === 2)!;
    assert.deepEqual([expired.title, expired.status], ["Radar feed", "expired"]);
    assert.deepEqual((await listJson(await copyToTemp(layoutFixture("three-digit")))).map((r) => r.numberText), ["001", "002", "012"]);
    const categories = await copyToTemp(layoutFixture("categories"));
    assert.deepEqual((await listJson(categories)).map((r) => r.category), ["rfc", "rfc", "specification", "specification", "structure"]);
    assert.match((await runRfc(["list"], { cwd: categories })).stdout, /^#\s+Title\s+Category\s+Feature/);
  });

  test("numbers without padding (1, 12, 145) in number order; a # Feature Name: title line is the feature, the title the file name's words", async () => {
    const root = await copyToTemp(layoutFixture("unpadded"));
    const rows = await listJson(root);
    assert.deepEqual(rows.map((r) => [r.numberText, r.title, r.featureName]), [["1", "Ember glow", "ember_glow"], ["12", "Ash layers", "ash_layers"], ["145", "Bellows timing", "bellows_timing"]]);
    // A draft is numbered 0000, and takes the next number as it is.
    assert.match((await runRfc(["new", "Kiln vents"], { cwd: root })).stdout, /^Created rfcs\/0000-kiln-vents\.md$/m);
    const numbered = await runRfc(["number", "rfcs/0000-kiln-vents.md", "--number", "146"], { cwd: root });
    assert.equal(numbered.exitCode, 0, numbered.stderr);
    assert.match(numbered.stdout, /rfcs\/146-kiln-vents\.md/);
  });

  test("design documents named by issue (4821, 12914): number order, Key: value paragraphs, dates in words", async () => {
    const rows = await listJson(await copyToTemp(layoutFixture("design-docs")));
    assert.deepEqual(rows.map((r) => [r.number, r.lastUpdated]), [[4821, "2021-03-03"], [12914, "2022-11-20"]]);
  });

  test("a template in proposal-templates/, linked from the README; its 'if applicable' keys may be left out", async () => {
    const root = await copyToTemp(layoutFixture("templates-folder"));
    const doctor = (await runRfc(["doctor"], { cwd: root })).stdout;
    assert.match(doctor, /^templates\s+proposal-templates\/0000-proposal-template\.md$/m);
    assert.match(doctor, /^ {2}Previous Proposal: the template says "if applicable"$/m);
    assert.deepEqual((await listJson(root)).map((r) => r.status), ["Implemented (Tern 1.2)", "Accepted"]);
  });
});

describe("rfc new writes where and as the repository does", () => {
  test("into the folder the README names, numbered 0000", async () => {
    const root = await copyToTemp(layoutFixture("readme-target"));
    const result = await runRfc(["new", "Harbour lights"], { cwd: root });
    assert.equal(result.exitCode, 0, result.stderr);
    assert.match(result.stdout, /^Created active-rfcs\/0000-harbour-lights\.md$/m);
    assert.match(await readFile(path.join(root, "active-rfcs/0000-harbour-lights.md"), "utf8"), /# Detailed design/);
  });

  test("in the repository's naming: NNNN_Title_Case, and slug-only", async () => {
    const underscore = await copyToTemp(layoutFixture("underscore"));
    assert.match((await runRfc(["new", "Kiln vents"], { cwd: underscore })).stdout, /^Created proposals\/0000_Kiln_Vents\.md$/m);
    const slugOnly = await copyToTemp(layoutFixture("slug-only"));
    assert.match((await runRfc(["new", "Ferry timetable"], { cwd: slugOnly })).stdout, /^Created accepted\/ferry-timetable\.md$/m);
  });

  test("--template picks one of several templates by name, and an unknown name lists them", async () => {
    const root = await copyToTemp(layoutFixture("slug-only"));
    assert.equal((await runRfc(["new", "Ferry timetable", "--template", "full"], { cwd: root })).exitCode, 0);
    assert.match(await readFile(path.join(root, "accepted/ferry-timetable.md"), "utf8"), /## Alternatives/);
    const unknown = await runRfc(["new", "Car deck", "--template", "short"], { cwd: root });
    assert.equal(unknown.exitCode, 2);
    assert.match(unknown.stderr, /no template named "short"/);
    assert.match(unknown.stderr, /draft \(template-draft\.md\), full \(template-full\.md\)/);
  });

  test("where there are several templates: asked on a terminal, the main one otherwise, and the output says which", async () => {
    const asked = await copyToTemp(layoutFixture("slug-only"));
    const typed = await runRfc(["new"], { cwd: asked, tty: true, stdin: "Ferry timetable\n\nfull\n" });
    assert.equal(typed.exitCode, 0, typed.stderr);
    assert.match(typed.stdout, /Template \(draft, full\) \[draft\]: /);
    assert.match(typed.stdout, /^ {2}from template-full\.md \(templates: draft, full; choose with --template <name>\)$/m);
    assert.match(await readFile(path.join(asked, "accepted/ferry-timetable.md"), "utf8"), /## Alternatives/);
    const piped = await copyToTemp(layoutFixture("slug-only"));
    const plain = await runRfc(["new", "Ferry timetable"], { cwd: piped });
    assert.match(plain.stdout, /^ {2}from template-draft\.md \(templates: draft, full; choose with --template <name>\)$/m);
    assert.doesNotMatch(plain.stdout, /Template \(/);
  });

  test("rfc number refuses a repository whose RFCs have no numbers", async () => {
    const root = await copyToTemp(layoutFixture("slug-only"));
    const result = await runRfc(["number", "accepted/night-crossings.md"], { cwd: root });
    assert.equal(result.exitCode, 2);
    assert.match(result.stderr, /names its RFCs without numbers/);
  });
});

describe("rfc build on the root layout", () => {
  test("pages for the RFCs only, the README as introduction, the shared image copied", async () => {
    const root = await copyToTemp(layoutFixture("root"));
    const result = await runRfc(["build"], { cwd: root });
    assert.equal(result.exitCode, 0, result.stderr);
    const written = (await readdir(path.join(root, "book"))).filter((f) => f.endsWith(".html")).sort();
    assert.deepEqual(written, ["0001-tide-tables.html", "0002-harbour-map.html", "0003-buoy-alerts.html", "404.html", "index.html", "print.html", "rfcs.html"]);
    assert.ok((await readdir(path.join(root, "book/images"))).includes("0001-chart.png"));
  });

  test("two sources for one page are refused, naming both", async () => {
    const root = await writeTempRepo({ "book.toml": '[rfckit]\nrfc-dir = "."\nfile-pattern = \'^(?<slug>[^\\s/]+)\\.md$\'\n', "0000-template.md": "# Summary\n\nx\n", "README.md": "# RFCs\n", "rfcs.md": "# Summary\n\nText.\n" });
    const result = await runRfc(["build"], { cwd: root });
    assert.equal(result.exitCode, 2);
    assert.match(result.stderr, /rfcs\.md and the book's index of RFCs would both be the book's page rfcs\.html/);
  });
});

describe("never silent when no RFC is found", () => {
  test("check, list, build and doctor exit 2, saying where they looked and what they found instead", async () => {
    const root = await writeTempRepo({ "0000-template.md": "# Summary\n\nx\n", "ideas/one.md": "# One\n", "ideas/two.md": "# Two\n", "notes/three.md": "# Three\n" });
    for (const command of ["check", "list", "build", "doctor"]) {
      const result = await runRfc([command], { cwd: root });
      assert.equal(result.exitCode, 2, `${command}: ${result.stdout}${result.stderr}`);
      const said = result.stdout + result.stderr;
      assert.match(said, /No RFCs found: looked for files named NNNN-\*\.md in every folder/, command);
      assert.match(said, /Found instead: 2 Markdown files in ideas\/; 1 Markdown file in notes\//, command);
      assert.match(said, /set rfc-dir = "ideas" in book\.toml's \[rfckit\] table/, command);
      assert.doesNotMatch(said, /✔/, command);
    }
  });

  test("numbered files outside a configured rfc-dir are named, with the key to point there", async () => {
    const root = await writeTempRepo({ "book.toml": '[rfckit]\nrfc-dir = "text"\n', "0000-template.md": "# Summary\n\nx\n", "proposals/0001-a.md": "# Summary\n\nA.\n", "proposals/0002-b.md": "# Summary\n\nB.\n" });
    const result = await runRfc(["check"], { cwd: root });
    assert.equal(result.exitCode, 2);
    assert.match(result.stderr, /looked in text\/ \(rfc-dir in book\.toml\)/);
    assert.match(result.stderr, /Found instead: 2 files named NNNN-\*\.md in proposals\//);
    assert.match(result.stderr, /rfc-dir = "proposals"/);
  });

  test("a repository just made by rfc init has no RFCs yet: exit 0, and never a success mark", async () => {
    const parent = await makeTempDir();
    assert.equal((await runRfc(["init", "acme-rfcs", "--repo", "acme/rfcs"], { cwd: parent })).exitCode, 0);
    const root = path.join(parent, "acme-rfcs");
    for (const command of ["check", "list"]) {
      const result = await runRfc([command], { cwd: root });
      assert.equal(result.exitCode, 0, result.stderr);
      assert.equal(result.stdout, 'No RFCs yet in text/: rfc new "Title" writes the first one there.\n');
    }
    const built = await runRfc(["build"], { cwd: root });
    assert.equal(built.exitCode, 0, built.stderr);
    assert.match(built.stderr, /No RFCs yet in text\//);
  });

  test("an empty RFC folder made by hand counts as freshly made too", async () => {
    const root = await writeTempRepo({ "0000-template.md": "# Summary\n\nx\n" });
    await mkdir(path.join(root, "rfcs"));
    const result = await runRfc(["check"], { cwd: root });
    assert.equal(result.exitCode, 0, result.stderr);
    assert.match(result.stdout, /No RFCs yet in rfcs\//);
  });
});

describe("mdBook's SUMMARY.md as a signal", () => {
  test("a folder of unnumbered files the book's SUMMARY.md lists is the RFC folder, and doctor says why", async () => {
    const root = await copyToTemp(layoutFixture("summary-listed"));
    const rows = await listJson(root);
    assert.deepEqual(rows.map((r) => r.path).sort(), ["decisions/quay-lighting.md", "decisions/tide-gauges.md"]);
    const doctor = await runRfc(["doctor"], { cwd: root });
    assert.match(doctor.stdout, /rfc folders +decisions\/\n.*book-src\/SUMMARY\.md lists as chapters/);
    const created = await runRfc(["new", "Fog horns"], { cwd: root });
    assert.equal(created.exitCode, 0, created.stderr);
    assert.ok((await readdir(path.join(root, "decisions"))).includes("fog-horns.md"));
  });

  test("without the SUMMARY.md the same folder is not taken for RFCs", async () => {
    const root = await copyToTemp(layoutFixture("summary-listed"));
    await rm(path.join(root, "book-src"), { recursive: true });
    const result = await runRfc(["list"], { cwd: root });
    assert.equal(result.exitCode, 2);
    assert.match(result.stderr, /No RFCs found/);
  });
});

describe("rfc doctor", () => {
  test("prints each fact with its source and the key that overrides it; --format json gives the same as data", async () => {
    const root = await copyToTemp(layoutFixture("slug-only"));
    const text = await runRfc(["doctor"], { cwd: root });
    assert.equal(text.exitCode, 0, text.stderr);
    assert.match(text.stdout, /^rfc folders +accepted\/\n +detected: no file is named NNNN-\*\.md; accepted\/ is a folder of Markdown files/m);
    assert.match(text.stdout, /^ +held to template-draft\.md \(--template draft\): 1$/m);
    assert.match(text.stdout, /^Numbering: none/m);
    const json = JSON.parse((await runRfc(["doctor", "--format", "json"], { cwd: root })).stdout) as { layout: { topic: string; value: string; source: string; override: string }[]; templates: unknown; rfcs: number; problem: unknown };
    assert.deepEqual(json.templates, [
      { path: "template-draft.md", name: "draft", rfcs: 1, optionalSections: [], optionalKeys: [] },
      { path: "template-full.md", name: "full", rfcs: 1, optionalSections: [], optionalKeys: [] },
    ]);
    assert.equal(json.rfcs, 2);
    assert.equal(json.problem, null);
    const naming = json.layout.find((f) => f.topic === "file names")!;
    assert.deepEqual([naming.value, naming.source, naming.override], ["slug.md, no number", "detected", 'file-pattern = "…"']);
  });
});
