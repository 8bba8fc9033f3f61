import assert from "node:assert/strict";
import { writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { describe, test } from "node:test";
import { loadRepository, UserError } from "../../src/index.ts";
import { commitAll, gitInit } from "../support/git.ts";
import { writeTempRepo } from "../support/temp-repo.ts";
import { goodRfc, smallTemplate } from "../support/templates.ts";
import { corpus } from "../support/paths.ts";

describe("finding the repository", () => {
  test("the root is found from a folder inside it", async () => {
    const root = await writeTempRepo({ "0000-template.md": smallTemplate, "text/0001-a.md": goodRfc });
    const repo = await loadRepository({ cwd: path.join(root, "text"), history: false });
    assert.equal(repo.root, root);
    assert.deepEqual(repo.rfcs.map((r) => [r.path, r.number, r.slug, r.isDraft]), [["text/0001-a.md", 1, "a", false]]);
  });

  test("a folder outside any repository is a user error with a hint", async () => {
    const root = await writeTempRepo({ "notes.md": "hello" });
    await assert.rejects(loadRepository({ cwd: root }), (error: unknown) => {
      assert.ok(error instanceof UserError);
      assert.match(error.message, /No RFC repository found/);
      assert.match(error.hint, /rfc init/);
      return true;
    });
  });

  test("book.toml's [rfckit] table moves the template and the RFC folder", async () => {
    const root = await writeTempRepo({
      "book.toml": '[book]\ntitle = "Acme RFCs"\n\n[rfckit]\ntemplate = "templates/rfc.md"\nrfc-dir = "rfcs"\n',
      "templates/rfc.md": smallTemplate,
      "rfcs/0007-seven.md": goodRfc,
      "text/0001-ignored.md": goodRfc,
    });
    const repo = await loadRepository({ root, history: false });
    assert.equal(repo.template.path, "templates/rfc.md");
    assert.deepEqual(repo.rfcs.map((r) => r.path), ["rfcs/0007-seven.md"]);
    assert.equal(repo.book.title, "Acme RFCs");
  });

  test("a missing template names the file and what to do", async () => {
    const root = await writeTempRepo({ "book.toml": '[rfckit]\ntemplate = "nope.md"\n' });
    await assert.rejects(loadRepository({ root }), (error: unknown) => {
      assert.ok(error instanceof UserError);
      assert.equal(error.file, "nope.md");
      assert.match(error.hint, /correct template in book.toml/);
      return true;
    });
  });

  test("invalid TOML and unknown settings are user errors at their line", async () => {
    const broken = await writeTempRepo({ "book.toml": '[book]\ntitle = "x\n', "0000-template.md": smallTemplate });
    await assert.rejects(loadRepository({ root: broken }), (error: unknown) => {
      assert.ok(error instanceof UserError);
      assert.equal(error.file, "book.toml");
      assert.equal(error.line, 2);
      return true;
    });
    const unknown = await writeTempRepo({ "book.toml": '[book]\ntitle = "x"\n\n[rfckit]\ntemplat = "a.md"\n', "0000-template.md": smallTemplate });
    await assert.rejects(loadRepository({ root: unknown }), (error: unknown) => {
      assert.ok(error instanceof UserError);
      assert.match(error.message, /templat is not a setting/);
      assert.equal(error.line, 5);
      return true;
    });
  });
});

describe("the model of a repository", () => {
  test("asset folders and their Markdown sub-chapters belong to their RFC", async () => {
    const root = await writeTempRepo({
      "0000-template.md": smallTemplate,
      "text/0002-big.md": goodRfc,
      "text/0002-big/appendix.md": "# Appendix\n\nMore.\n",
      "text/0002-big/diagram.svg": "<svg/>",
      "text/0003-small.md": goodRfc,
    });
    const repo = await loadRepository({ root, history: false });
    const [big, small] = repo.rfcs;
    assert.equal(big!.assetFolder, "text/0002-big");
    assert.deepEqual(big!.subChapters.map((s) => [s.path, s.document?.title?.text ?? null]), [["text/0002-big/appendix.md", null]]);
    assert.equal(small!.assetFolder, null);
    assert.ok(repo.files.has("text/0002-big/diagram.svg"));
  });

  test("a file's byte-order mark and CRLF line endings are kept in the model", async () => {
    const root = await writeTempRepo({ "0000-template.md": smallTemplate, "text/0001-a.md": `\uFEFF${goodRfc.replace(/\n/g, "\r\n")}` });
    const doc = (await loadRepository({ root, history: false })).rfcs[0]!.document!;
    assert.equal(doc.hasBom, true);
    assert.equal(doc.lineEnding, "\r\n");
    assert.equal(doc.metadata.entries[0]!.key, "Feature Name");
  });

  test("the template becomes the schema: keys, placeholders, sections, repository", async () => {
    const root = await writeTempRepo({ "0000-template.md": smallTemplate });
    const { schema } = await loadRepository({ root, history: false });
    assert.deepEqual(schema.metadata.map((k) => k.key), ["Feature Name", "Start Date", "Last Updated", "RFC PR", "RFC reference"]);
    assert.equal(schema.metadata[3]!.placeholder, "[acme/rfcs#0000](https://github.com/acme/rfcs/pull/0000)");
    assert.deepEqual(schema.metadata[4]!.placeholderItems, ["[acme/rfcs#0000](https://github.com/acme/rfcs/pull/0000)"]);
    assert.deepEqual(schema.sections.map((s) => s.title), [
      "Summary",
      "Motivation",
      "Guide-level explanation",
      "Reference-level explanation",
      "Drawbacks",
      "Rationale and alternatives",
    ]);
    assert.equal(schema.sections[0]!.hasAnchor, true);
    assert.equal(schema.sections[0]!.guidance, "One paragraph explanation of the feature.");
    assert.deepEqual(schema.repository, { owner: "acme", repo: "rfcs" });
    assert.equal(schema.prKey, "RFC PR");
  });

  test("a different template gives a different schema", async () => {
    const root = await writeTempRepo({
      "0000-template.md": "---\nstage: draft\nstart-date: YYYY-MM-DD\n---\n\n# Summary\n\nSay it.\n\n# Detailed design\n\nHow.\n",
    });
    const { schema } = await loadRepository({ root, history: false });
    assert.deepEqual(schema.metadata.map((k) => [k.key, k.placeholder]), [
      ["stage", "draft"],
      ["start-date", "YYYY-MM-DD"],
    ]);
    assert.deepEqual(schema.sections.map((s) => [s.title, s.level]), [
      ["Summary", 1],
      ["Detailed design", 1],
    ]);
    assert.equal(schema.repository, null);
  });

  test("numbering is detected: by PR when file numbers match PR numbers, else in sequence", async () => {
    const pr = (n: number) => goodRfc.replace(/acme\/rfcs#12\]\(https:\/\/github.com\/acme\/rfcs\/pull\/12/, `acme/rfcs#${n}](https://github.com/acme/rfcs/pull/${n}`);
    const byPr = await writeTempRepo({ "0000-template.md": smallTemplate, "text/0012-a.md": pr(12), "text/0040-b.md": pr(40) });
    assert.equal((await loadRepository({ root: byPr, history: false })).numbering, "pr");
    const inSequence = await writeTempRepo({ "0000-template.md": smallTemplate, "text/0001-a.md": pr(4), "text/0002-b.md": pr(9) });
    assert.equal((await loadRepository({ root: inSequence, history: false })).numbering, "sequence");
    const forced = await writeTempRepo({ "book.toml": '[rfckit]\nnumbering = "pr"\n', "0000-template.md": smallTemplate, "text/0001-a.md": pr(4) });
    assert.equal((await loadRepository({ root: forced, history: false })).numbering, "pr");
  });

  test("where no RFC links its pull request, sparse numbers are pull requests' and dense ones a sequence", async () => {
    const template = "---\nfeature: (name)\nstart-date: (YYYY-MM-DD)\n---\n\n# Summary\n\nOne paragraph.\n";
    const rfc = "---\nfeature: x\nstart-date: 2026-01-01\n---\n\n# Summary\n\nText.\n";
    const sparse = await writeTempRepo({ "0000-template.md": template, "rfcs/0004-a.md": rfc, "rfcs/0017-b.md": rfc, "rfcs/0031-c.md": rfc });
    assert.equal((await loadRepository({ root: sparse, history: false })).numbering, "pr");
    const dense = await writeTempRepo({ "0000-template.md": template, "rfcs/0001-a.md": rfc, "rfcs/0002-b.md": rfc, "rfcs/0004-c.md": rfc });
    assert.equal((await loadRepository({ root: dense, history: false })).numbering, "sequence");
  });
});

test("a released file lets go of its text and reads it again from disk when next asked for", async () => {
  const root = await writeTempRepo({ "0000-template.md": smallTemplate, "text/0001-a.md": goodRfc });
  const repo = await loadRepository({ root, history: false });
  const rfc = repo.rfcs[0]!;
  assert.match(rfc.document!.source, /Boots that let engineers/);
  await writeFile(path.join(root, "text/0001-a.md"), goodRfc.replace("Boots that let engineers", "Gloves that let engineers"));
  // Read once, kept: the edit is not seen until the file is released.
  assert.match(rfc.document!.source, /Boots that let engineers/);
  rfc.release!();
  assert.match(rfc.header!.source, /Gloves that let engineers/);
  assert.match(rfc.document!.source, /Gloves that let engineers/);
  assert.equal(rfc.document!.sections[0]!.title, "Summary");
});

describe("template history", () => {
  const oldTemplate = smallTemplate.replace(/## Drawbacks[\s\S]*$/, "");

  async function repoWithHistory(): Promise<string> {
    const root = await writeTempRepo({ "0000-template.md": oldTemplate });
    gitInit(root);
    commitAll(root, "first template", "2020-01-01");
    await mkdir(path.join(root, "text"), { recursive: true });
    await writeFile(path.join(root, "text/0001-old.md"), goodRfc.replace("2026-01-10", "2021-05-05").replace("2026-02-01", "2021-05-06"));
    commitAll(root, "an RFC", "2021-05-06");
    await writeFile(path.join(root, "0000-template.md"), smallTemplate);
    commitAll(root, "template gains Drawbacks and Rationale", "2022-03-03");
    await writeFile(path.join(root, "text/0002-new.md"), goodRfc);
    commitAll(root, "a newer RFC", "2026-02-01");
    return root;
  }

  test("an RFC is held to the template as it stood on its Start Date", async () => {
    const root = await repoWithHistory();
    const repo = await loadRepository({ root });
    assert.equal(repo.hasHistory, true);
    const [old, recent] = repo.rfcs;
    assert.equal(old!.schemaBasis, "history");
    assert.equal(old!.schema.source.revision?.date, "2020-01-01");
    assert.deepEqual(old!.schema.sections.map((s) => s.title), ["Summary", "Motivation", "Guide-level explanation", "Reference-level explanation"]);
    assert.equal(recent!.schema, repo.schema);
    assert.equal(recent!.schema.source.revision, null);
  });

  test("an RFC follows a template change that landed while it was in review, not one landed later or that it does not follow", async () => {
    const root = await writeTempRepo({ "0000-template.md": oldTemplate.replace("## Guide-level explanation", "## How we teach this") });
    gitInit(root);
    commitAll(root, "first template", "2020-01-01");
    // Started before the guide-level section landed, and written with it.
    const follows = goodRfc.replace("2026-01-10", "2021-05-05").replace("2026-02-01", "2021-05-06");
    const keeps = follows.replace("## Guide-level explanation", "## How we teach this");
    await mkdir(path.join(root, "text"), { recursive: true });
    await writeFile(path.join(root, "text/0001-follows.md"), follows);
    await writeFile(path.join(root, "text/0002-keeps.md"), keeps);
    await writeFile(path.join(root, "text/0003-later.md"), follows.replaceAll("2021-05", "2019-05"));
    commitAll(root, "RFCs", "2021-05-06");
    await writeFile(path.join(root, "0000-template.md"), oldTemplate);
    commitAll(root, "template: guide-level explanation", "2021-06-01");
    await writeFile(path.join(root, "0000-template.md"), smallTemplate);
    commitAll(root, "template gains Drawbacks and Rationale", "2022-03-03");
    const repo = await loadRepository({ root });
    const dateOf = (name: string) => repo.rfcs.find((r) => r.path.includes(name))!.schema.source.revision?.date;
    assert.equal(dateOf("follows"), "2021-06-01");
    assert.equal(dateOf("keeps"), "2020-01-01");
    // Started in 2019: the change of 2021 came more than a year later.
    assert.equal(dateOf("later"), "2020-01-01");
  });

  test("a numbered RFC dated within three months after a template change, that fits the template before it, was drafted from that one", async () => {
    const root = await writeTempRepo({ "0000-template.md": oldTemplate });
    gitInit(root);
    commitAll(root, "first template", "2020-01-01");
    await writeFile(path.join(root, "0000-template.md"), smallTemplate);
    commitAll(root, "template gains Drawbacks and Rationale", "2021-06-01");
    // Written without the sections the change added.
    const written = (start: string) => goodRfc.replace(/## Drawbacks[\s\S]*$/, "").replace("2026-01-10", start);
    await mkdir(path.join(root, "text"), { recursive: true });
    await writeFile(path.join(root, "text/0001-drafted.md"), written("2021-07-15"));
    await writeFile(path.join(root, "text/0002-late.md"), written("2021-10-15"));
    await writeFile(path.join(root, "text/0003-complete.md"), goodRfc.replace("2026-01-10", "2021-07-15"));
    await writeFile(path.join(root, "text/0000-draft.md"), written("2021-07-15"));
    commitAll(root, "RFCs", "2021-11-01");
    const repo = await loadRepository({ root });
    const dateOf = (name: string) => repo.rfcs.find((r) => r.path.includes(name))!.schema.source.revision?.date ?? "current";
    assert.equal(dateOf("drafted"), "2020-01-01");
    // Dated more than three months after the change, or written with its sections: held to it.
    assert.equal(dateOf("late"), "current");
    assert.equal(dateOf("complete"), "current");
    // A draft is being written now, from today's template.
    assert.equal(dateOf("draft"), "current");
  });

  test("without history, every RFC is held to the current template", async () => {
    const root = await writeTempRepo({ "0000-template.md": smallTemplate, "text/0001-a.md": goodRfc });
    const repo = await loadRepository({ root });
    assert.equal(repo.hasHistory, false);
    assert.equal(repo.rfcs[0]!.schemaBasis, "no-history");
  });
});

describe("real repositories", () => {
  const metalbear = corpus("metalbear-rfcs");
  test("MetalBear's repository loads with no configuration", { skip: metalbear.skip }, async () => {
    const repo = await loadRepository({ root: metalbear.dir });
    assert.deepEqual(
      repo.rfcs.map((r) => r.path),
      [
        "text/0001-multi-cluster.md",
        "text/0002-dashboard-backend.md",
        "text/0003-mirrord-magic.md",
        "text/0004-local-api.md",
        "text/0005-template-charts-operator-unification.md",
        "text/0006-unified-branch-database-crd.md",
      ],
    );
    assert.equal(repo.numbering, "sequence");
    assert.deepEqual(repo.schema.repository, { owner: "metalbear-co", repo: "rfcs" });
    assert.equal(repo.rfcs[1]!.assetFolder, "text/0002-dashboard-backend");
    assert.equal(repo.book.title, "The MetalBear RFC Book");
  });

  const rust = corpus("rust-rfcs");
  test("Rust's repository loads, numbered by PR", { skip: rust.skip }, async () => {
    const repo = await loadRepository({ root: rust.dir });
    // 639 RFC files, plus 9 sub-chapters of the Leadership Council RFC.
    assert.equal(repo.rfcs.length, 639);
    assert.equal(repo.rfcs.reduce((n, r) => n + r.subChapters.length, 0), 9);
    assert.equal(repo.numbering, "pr");
    assert.ok(repo.rfcs.every((r) => r.document !== null));
    const council = repo.rfcs.find((r) => r.path === "text/3392-leadership-council.md")!;
    assert.equal(council.subChapters.length, 9);
  });
});
