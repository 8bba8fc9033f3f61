import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, test } from "node:test";
import type { RfcRow } from "../../src/authoring/list-rfcs.ts";
import { renderListTable } from "../../src/authoring/render-rfc-list.ts";
import { corpus, examplesDir, layoutFixture } from "../support/paths.ts";
import { runRfc } from "../support/run-cli.ts";
import { copyToTemp, writeTempRepo } from "../support/temp-repo.ts";

const exampleRows: RfcRow[] = [
  {
    path: "text/0000-retention-tiers.md",
    number: 0,
    numberText: "0000",
    title: "Retention tiers",
    featureName: "retention_tiers",
    startDate: "2026-09-21",
    lastUpdated: "2026-10-14",
    pr: null,
    prUrl: null,
    status: "draft",
    category: null,
    gate: "draft",
  },
  {
    path: "text/0001-pipe-queries.md",
    number: 1,
    numberText: "0001",
    title: "Pipe queries",
    featureName: "pipe_queries",
    startDate: "2025-02-17",
    lastUpdated: "2025-04-08",
    pr: "lantern-dev/rfcs#4",
    prUrl: "https://github.com/lantern-dev/rfcs/pull/4",
    status: "accepted",
    category: null,
    gate: "merge",
  },
  {
    path: "text/0002-ingest-pipelines.md",
    number: 2,
    numberText: "0002",
    title: "Ingest pipelines",
    featureName: "ingest_pipelines",
    startDate: "2025-06-02",
    lastUpdated: "2025-08-19",
    pr: "lantern-dev/rfcs#9",
    prUrl: "https://github.com/lantern-dev/rfcs/pull/9",
    status: "accepted",
    category: null,
    gate: "merge",
  },
  {
    path: "text/0003-saved-search-alerts.md",
    number: 3,
    numberText: "0003",
    title: "Saved search alerts",
    featureName: "saved_search_alerts",
    startDate: "2026-01-12",
    lastUpdated: "2026-03-30",
    pr: "lantern-dev/rfcs#15",
    prUrl: "https://github.com/lantern-dev/rfcs/pull/15",
    status: "accepted",
    category: null,
    gate: "merge",
  },
];

async function listJson(args: string[], cwd: string): Promise<RfcRow[]> {
  const result = await runRfc(["list", "--format", "json", ...args], { cwd });
  assert.equal(result.exitCode, 0, result.stderr);
  return JSON.parse(result.stdout) as RfcRow[];
}

describe("rfc list", () => {
  test("json: one object per RFC, with stable keys, in file order", async () => {
    const rows = await listJson([], examplesDir);
    assert.deepEqual(rows, exampleRows);
    assert.deepEqual(Object.keys(rows[0]!), ["path", "number", "numberText", "title", "featureName", "startDate", "lastUpdated", "pr", "prUrl", "status", "category", "gate"]);
  });

  test("table off a terminal: aligned columns, nothing cut", async () => {
    const result = await runRfc(["list"], { cwd: path.join(examplesDir, "text") });
    assert.equal(result.exitCode, 0);
    assert.equal(
      result.stdout,
      [
        "#     Title                Feature              Started     Updated     PR                   Status    Gate",
        "0000  Retention tiers      retention_tiers      2026-09-21  2026-10-14  -                    draft     draft",
        "0001  Pipe queries         pipe_queries         2025-02-17  2025-04-08  lantern-dev/rfcs#4   accepted  merge",
        "0002  Ingest pipelines     ingest_pipelines     2025-06-02  2025-08-19  lantern-dev/rfcs#9   accepted  merge",
        "0003  Saved search alerts  saved_search_alerts  2026-01-12  2026-03-30  lantern-dev/rfcs#15  accepted  merge",
        "",
      ].join("\n"),
    );
  });

  test("table on a terminal: a long title is cut with … to fit the width; off a terminal it is whole", async () => {
    const root = await copyToTemp(examplesDir);
    const file = path.join(root, "text/0000-retention-tiers.md");
    const title = "Retention tiers: keep each log line for as long as it is worth keeping";
    await writeFile(file, `# ${title}\n\n${await readFile(file, "utf8")}`);
    const tty = await runRfc(["list", "--status", "draft"], { cwd: root, tty: true });
    const lines = tty.stdout.trimEnd().split("\n");
    assert.deepEqual(lines.map((l) => l.length), [99, 100]);
    assert.equal(lines[1], "0000  Retention tiers: keep each log li…  retention_tiers  2026-09-21  2026-10-14  -   draft   draft");
    const piped = await runRfc(["list", "--status", "draft"], { cwd: root });
    assert.ok(piped.stdout.includes(title));
  });

  test("table on a narrow terminal: the widest columns are cut first, then the widest optional ones left out; number, title and status stay", () => {
    const long: RfcRow[] = exampleRows.map((row) => ({ ...row, title: `${row.title}: a title far longer than any terminal has room for`, featureName: `${row.featureName}_with_a_long_suffix`, pr: "lantern-dev/observability-rfcs#1234" }));
    const wide = renderListTable(long, { width: 400 }).split("\n")[0]!;
    assert.deepEqual(wide.split(/ {2,}/), ["#", "Title", "Feature", "Started", "Updated", "PR", "Status", "Gate"]);
    for (const width of [120, 90, 70, 50]) {
      const lines = renderListTable(long, { width }).trimEnd().split("\n");
      for (const line of lines) assert.ok(line.length <= width, `${width}: ${line}`);
      const headings = lines[0]!.split(/ {2,}/);
      for (const kept of ["#", "Title", "Status"]) assert.ok(headings.includes(kept), `${width}: ${lines[0]}`);
      assert.match(lines[1]!, /…/);
    }
    // Fitting cuts before it drops: at 120 every column is there, cut.
    assert.equal(renderListTable(long, { width: 120 }).split("\n")[0]!.split(/ {2,}/).length, 8);
    assert.deepEqual(renderListTable(long, { width: 50 }).split("\n")[0]!.split(/ {2,}/), ["#", "Title", "Status"]);
  });

  test("each RFC's status reads the same in rfc list, the book's table of RFCs and its feed", async () => {
    const root = await copyToTemp(examplesDir);
    const listed = (JSON.parse((await runRfc(["list", "--format", "json"], { cwd: root })).stdout) as RfcRow[]).map((r) => r.status).sort();
    assert.ok(new Set(listed).size >= 2, listed.join(", "));
    const out = path.join(root, "site");
    assert.equal((await runRfc(["build", "--out", out], { cwd: root })).exitCode, 0);
    const index = [...(await readFile(path.join(out, "rfcs.html"), "utf8")).matchAll(/<span class="status [^"]*">([^<]*)<\/span>/g)].map((m) => m[1]!).sort();
    const feed = [...(await readFile(path.join(out, "feed.xml"), "utf8")).matchAll(/<category term="([^"]*)"\/>/g)].map((m) => m[1]!).sort();
    assert.deepEqual(index, listed);
    assert.deepEqual(feed, listed);
  });

  test("csv: RFC 4180, a header of the JSON keys, quoted fields, CRLF line ends", async () => {
    const root = await copyToTemp(examplesDir);
    const file = path.join(root, "text/0001-pipe-queries.md");
    await writeFile(file, `# Pipes, "stages" and stats\n\n${await readFile(file, "utf8")}`);
    const result = await runRfc(["list", "--format", "csv", "--since", "2025-04-08", "--status", "NUMBERED"], { cwd: root });
    assert.equal(
      result.stdout,
      [
        "path,number,numberText,title,featureName,startDate,lastUpdated,pr,prUrl,status,category,gate",
        'text/0001-pipe-queries.md,1,0001,"Pipes, ""stages"" and stats",pipe_queries,2025-02-17,2025-04-08,lantern-dev/rfcs#4,https://github.com/lantern-dev/rfcs/pull/4,accepted,,merge',
        "text/0002-ingest-pipelines.md,2,0002,Ingest pipelines,ingest_pipelines,2025-06-02,2025-08-19,lantern-dev/rfcs#9,https://github.com/lantern-dev/rfcs/pull/9,accepted,,merge",
        "text/0003-saved-search-alerts.md,3,0003,Saved search alerts,saved_search_alerts,2026-01-12,2026-03-30,lantern-dev/rfcs#15,https://github.com/lantern-dev/rfcs/pull/15,accepted,,merge",
        "",
      ].join("\r\n"),
    );
  });

  test("--since keeps RFCs updated (else started) on or after the date; --status filters by status", async () => {
    assert.deepEqual((await listJson(["--since", "2026-01-12"], examplesDir)).map((r) => r.number), [0, 3]);
    assert.deepEqual((await listJson(["--since", "2026-03-31"], examplesDir)).map((r) => r.number), [0]);
    assert.deepEqual((await listJson(["--status", "draft"], examplesDir)).map((r) => r.number), [0]);
    // Numbered RFCs with no status of their own are accepted; `numbered` still selects them.
    assert.deepEqual((await listJson(["--status", "accepted"], examplesDir)).map((r) => r.number), [1, 2, 3]);
    assert.deepEqual((await listJson(["--status", "numbered"], examplesDir)).map((r) => r.number), [1, 2, 3]);
    const table = await runRfc(["list", "--status", "rejected"], { cwd: examplesDir });
    assert.equal(table.stdout, "No RFCs match.\n");
  });

  test("bad options are usage errors", async () => {
    for (const [args, message] of [
      [["--since", "2026-02-30"], /^--since must be a date written YYYY-MM-DD, not "2026-02-30"\./],
      [["--format", "yaml"], /^--format must be one of table, json, csv, not "yaml"\./],
      [["text/0001-pipe-queries.md"], /^rfc list takes no paths/],
    ] as const) {
      const result = await runRfc(["list", ...args], { cwd: examplesDir });
      assert.equal(result.exitCode, 2);
      assert.match(result.stderr, message);
      assert.equal(result.stdout, "");
    }
  });

  test("a repository's own status field (front matter `stage:`, as Ember keeps it), title, dates and PR", async () => {
    const template = "---\nstage: accepted\nstart-date: # YYYY-MM-DDT00:00:00.000Z\nteams:\n  - framework\nprs:\n  accepted: # the URL of the RFC's pull request\n---\n\n# <RFC title>\n\n## Summary\n\nOne paragraph.\n";
    const rfc = (stage: string, pr: number) =>
      `---\nstage: ${stage}\nstart-date: 2024-05-0${pr % 9}T00:00:00.000Z\nteams:\n  - framework\nprs:\n  accepted: https://github.com/example/rfcs/pull/${pr}\n---\n\n# Lantern ${stage}\n\n## Summary\n\nText.\n`;
    const root = await writeTempRepo({ "0000-template.md": template, "text/0101-one.md": rfc("recommended", 101), "text/0102-two.md": rfc("accepted", 102) });
    const rows = await listJson(["--status", "Recommended"], root);
    assert.deepEqual(
      rows.map(({ gate: _gate, ...row }) => row),
      [{ path: "text/0101-one.md", number: 101, numberText: "0101", title: "Lantern recommended", featureName: null, startDate: "2024-05-02", lastUpdated: null, pr: "example/rfcs#101", prUrl: "https://github.com/example/rfcs/pull/101", status: "recommended", category: null }],
    );
    assert.deepEqual((await listJson([], root)).map((r) => r.status), ["recommended", "accepted"]);
  });

  const metalbear = corpus("metalbear-rfcs");
  test("on MetalBear's repository: the gate says which RFCs pass rfc check", { skip: metalbear.skip }, async () => {
    const rows = await listJson(["--root", metalbear.dir], examplesDir);
    assert.deepEqual(
      rows.map((r) => `${r.number} ${r.featureName} ${r.pr ?? "-"} ${r.status} ${r.gate}`),
      [
        "1 multi_cluster metalbear-co/rfcs#4 accepted none",
        "2 dashboard_backend metalbear-co/rfcs#8 accepted merge",
        "3 mirrord Magic metalbear-co/rfcs#11 accepted none",
        "4 local_api metalbear-co/rfcs#20 accepted merge",
        "5 charts-operator-unification - accepted merge",
        "6 unified_branch_database_crd - accepted merge",
      ],
    );
    // The gate agrees with rfc check on the RFC named: an RFC with no gate is one it reports errors for.
    const check = await runRfc(["check", "--root", metalbear.dir, "--format", "json", ...rows.map((r) => path.join(metalbear.dir, r.path))], { cwd: examplesDir });
    const failing = new Set((JSON.parse(check.stdout) as { file: string; severity: string }[]).filter((d) => d.severity === "error").map((d) => d.file));
    assert.deepEqual([...failing].sort(), rows.filter((r) => r.gate === "none").map((r) => r.path));
  });
});

test("a banner at the top that says the RFC was withdrawn or superseded is its status; a sentence that only supposes so is not", async () => {
  const template = "- Start Date: (YYYY-MM-DD)\n\n## Summary\n\nOne paragraph.\n";
  const rfc = (top: string) => `- Start Date: 2026-01-02\n\n${top}## Summary\n\nText.\n`;
  const root = await writeTempRepo({
    "0000-template.md": template,
    "text/0001-first.md": rfc("## This RFC was previously approved, but later **withdrawn**\n\nSee the summary comment.\n\n"),
    "text/0002-second.md": rfc("This RFC is superseded by [RFC 3](0003-third.md).\n\n"),
    "text/0003-third.md": rfc("If this RFC is rejected, the old behaviour stays.\n\n"),
    "text/0004-fourth.md": rfc("## This RFC was previously approved, but part of it later **withdrawn**\n\n"),
  });
  assert.deepEqual((await listJson([], root)).map((r) => r.status), ["withdrawn", "superseded", "accepted", "partly withdrawn"]);
});

test("a README's table of RFCs with a Status column gives the status of each RFC it links to", async () => {
  const template = "- Start Date: (YYYY-MM-DD)\n\n## Summary\n\nOne paragraph.\n";
  const rfc = "- Start Date: 2026-01-02\n\n## Summary\n\nText.\n";
  const readme = "# Lantern RFCs\n\n| RFC | Title | Status |\n|---|---|---|\n| [0001](text/0001-first.md) | First | **Postponed** |\n| [0002](./text/0002-second.md) | Second | [Implemented](https://example.com/1) |\n\nCopy `0000-template.md` to `text/0000-my-feature.md`.\n";
  const root = await writeTempRepo({ "0000-template.md": template, "README.md": readme, "text/0001-first.md": rfc, "text/0002-second.md": rfc, "text/0003-third.md": rfc });
  assert.deepEqual((await listJson([], root)).map((r) => r.status), ["Postponed", "Implemented", "accepted"]);
});

describe("rfc list titles, as real RFCs give them", () => {
  test("an H1 title over H1 sections; front matter title:; a banner is no title; else the file name", async () => {
    const template = "# Summary\n\nOne paragraph.\n\n# Motivation\n\nWhy?\n";
    const root = await writeTempRepo({
      "0000-template.md": template,
      "text/0001-first.md": "# Harbour radio\n\n# Summary\n\nText.\n\n# Motivation\n\nText.\n",
      "text/0002-second.md": "---\ntitle: Tide tables\n---\n\n# Summary\n\nText.\n\n# Motivation\n\nText.\n",
      "text/0003-third.md": "# Superseded!\n\nSee RFC 4.\n\n# Summary\n\nText.\n\n# Motivation\n\nText.\n",
      "text/0004-buoy-alerts.md": "# Summary\n\nText.\n\n# Motivation\n\nText.\n",
      // Where words are joined by hyphens, an underscore is part of a word (`x86_64`).
      "text/0005-demote-x86_64-beacons.md": "# Summary\n\nText.\n\n# Motivation\n\nText.\n",
    });
    const rows = await listJson([], root);
    assert.deepEqual(rows.map((r) => r.title), ["Harbour radio", "Tide tables", "Third", "Buoy alerts", "Demote x86_64 beacons"]);
    // Names such as `0001_Glaze_Recipes.md` join their words with underscores.
    const underscored = await listJson([], await copyToTemp(layoutFixture("underscore")));
    assert.deepEqual(underscored.map((r) => r.title), ["Glaze Recipes", "Firing Schedule", "Shelf Layout"]);
    // The book shows the same titles.
    const out = path.join(root, "book");
    assert.equal((await runRfc(["build", "--out", out], { cwd: root })).exitCode, 0);
    assert.match(await readFile(path.join(out, "text/0001-first.html"), "utf8"), /<title>[^<]*Harbour radio/);
  });

  test("a heading of any level right above the metadata list is the title; so is a plain first line where the template has one", async () => {
    const listTemplate = "- Start Date: (YYYY-MM-DD)\n\n## Summary\n\nOne paragraph.\n";
    const lineTemplate = `RFC title\n\n${listTemplate}`;
    const rfc = (top: string) => `${top}- Start Date: 2026-01-02\n\n## Summary\n\nText.\n`;
    const withList = await writeTempRepo({
      "0000-template.md": listTemplate,
      "text/0001-first.md": rfc("## Shorter tide tables\n\n"),
      // Where the template has no title line, a first line is not taken for one.
      "text/0002-second-try.md": rfc("Harbour radio, take two\n\n"),
    });
    assert.deepEqual((await listJson([], withList)).map((r) => r.title), ["Shorter tide tables", "Second try"]);
    const withLine = await writeTempRepo({ "0000-template.md": lineTemplate, "text/0001-first.md": rfc("Harbour radio, take two\n\n"), "text/0002-no-title.md": rfc("") });
    assert.deepEqual((await listJson([], withLine)).map((r) => r.title), ["Harbour radio, take two", "No title"]);
    // The book shows it as the page's title, once.
    const out = path.join(withLine, "book");
    assert.equal((await runRfc(["build", "--out", out], { cwd: withLine })).exitCode, 0);
    const page = await readFile(path.join(out, "text/0001-first.html"), "utf8");
    assert.match(page, /<title>[^<]*Harbour radio, take two/);
    assert.equal(page.split("Harbour radio, take two").length - 1, (await readFile(path.join(out, "text/0002-no-title.html"), "utf8")).split("No title").length - 1);
  });
});
