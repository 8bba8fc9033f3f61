import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { RfcRow } from "../../src/authoring/list-rfcs.ts";
import { renderListCsv, renderListTable } from "../../src/authoring/render-rfc-list.ts";

const row = (title: string): RfcRow => ({
  path: "text/0007-x.md",
  number: 7,
  numberText: "0007",
  title,
  featureName: "x",
  startDate: "2026-01-01",
  lastUpdated: null,
  pr: "a/b#7",
  prUrl: "https://github.com/a/b/pull/7",
  status: "accepted",
  category: null,
  gate: "merge",
});

describe("renderListTable", () => {
  test("fits the width: a title that reads well is kept whole and the widest optional column left out; then titles are cut, at a character boundary, with …", () => {
    const rows = [row("A very long title about tiers"), row("Short")];
    const out = renderListTable(rows, { width: 80 });
    assert.equal(
      out,
      [
        "#     Title                          Feature  Updated  PR     Status    Gate",
        "0007  A very long title about tiers  x        -        a/b#7  accepted  merge",
        "0007  Short                          x        -        a/b#7  accepted  merge",
        "",
      ].join("\n"),
    );
    const narrow = renderListTable(rows, { width: 40 });
    assert.equal(narrow.split("\n")[1], "0007  A very long title about…  accepted");
    assert.ok(narrow.split("\n").every((l) => l.length <= 40));
    // Never below twelve columns, even if the line then overflows; no width, no cut.
    assert.match(renderListTable(rows, { width: 20 }), /^0007 {2}A very long… {2}accepted$/m);
    assert.match(renderListTable(rows), /^0007 {2}A very long title about tiers {2}x/m);
  });

  test("wide characters count two columns; control characters are dropped", () => {
    const out = renderListTable([row("日本語のタイトルです、とても長いです\u001b[31m")], { width: 40 });
    assert.match(out, /^0007 {2}日本語のタイトルです、… {3}accepted$/m);
    assert.equal(out.includes("\u001b"), false);
  });
});

describe("renderListCsv", () => {
  test("quotes commas, quotes and line breaks; null is an empty field", () => {
    assert.equal(renderListCsv([row('a, "b"\nc')]).split("\r\n")[1], 'text/0007-x.md,7,0007,"a, ""b""\nc",x,2026-01-01,,a/b#7,https://github.com/a/b/pull/7,accepted,,merge');
  });
});
