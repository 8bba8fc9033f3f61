import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { fillTemplate } from "../../src/authoring/fill-template.ts";

const values = { title: "Remote build cache", feature: "remote_build_cache", today: "2026-03-04" };

describe("fillTemplate", () => {
  test("list form: Feature Name in backticks, both dates, a Title key; other keys and placeholders stay", () => {
    const template = "- Feature Name: (fill me in)\n- Title:\n- Start Date: (YYYY-MM-DD)\n- Last Updated:   \n- RFC PR: [a/b#0000](https://github.com/a/b/pull/0000)\n\n## Summary\n\nGuidance.\n";
    const { text, filled } = fillTemplate(template, values);
    assert.equal(
      text,
      "- Feature Name: `remote_build_cache`\n- Title: Remote build cache\n- Start Date: 2026-03-04\n- Last Updated: 2026-03-04\n- RFC PR: [a/b#0000](https://github.com/a/b/pull/0000)\n\n## Summary\n\nGuidance.\n",
    );
    assert.deepEqual(filled.map((f) => `${f.line} ${f.what}`), ["1 Feature Name", "2 Title", "3 Start Date", "4 Last Updated"]);
  });

  test("front matter: keeps each value's quoting, fills empty values, keeps comments, leaves multi-line values", () => {
    const template = [
      "---",
      "title: 'The title'",
      "feature_name:   # an identifier",
      'start_date: "YYYY-MM-DD" # when you began',
      "updated: YYYY-MM-DD",
      "date: |",
      "  left alone",
      "authors: [someone]",
      "---",
      "",
      "## Summary",
      "",
    ].join("\n");
    const { text } = fillTemplate(template, { ...values, title: "It's here" });
    assert.equal(
      text,
      [
        "---",
        "title: 'It''s here'",
        "feature_name: remote_build_cache # an identifier",
        'start_date: "2026-03-04" # when you began',
        "updated: 2026-03-04",
        "date: |",
        "  left alone",
        "authors: [someone]",
        "---",
        "",
        "## Summary",
        "",
      ].join("\n"),
    );
  });

  test("front matter: a plain value YAML would misread is written double-quoted", () => {
    const template = "---\ntitle: TITLE\n---\n\n## Summary\n";
    for (const [title, written] of [
      ["true", '"true"'],
      ["1.5", '"1.5"'],
      ["Colons: here", '"Colons: here"'],
      ["# not a comment", '"# not a comment"'],
      ["Plain words, v2", "Plain words, v2"],
    ]) {
      assert.equal(fillTemplate(template, { ...values, title: title! }).text, `---\ntitle: ${written}\n---\n\n## Summary\n`, title);
    }
  });

  test("a # title heading (closing hashes kept) and a setext title", () => {
    assert.equal(fillTemplate("# RFC: title here ##\n\n## Summary\n", values).text, "# Remote build cache ##\n\n## Summary\n");
    assert.equal(fillTemplate("Title here\n==========\n\n## Summary\n", values).text, "Remote build cache\n==========\n\n## Summary\n");
  });

  test("no level-1 title and no known keys: the template comes back unchanged", () => {
    const template = "\uFEFF- Owner: (fill me in)\r\n\r\n## Summary\r\n\r\nGuidance.\r\n";
    assert.deepEqual(fillTemplate(template, values), { text: template, filled: [] });
  });

  test("a date in the form the template's line asks for, time included", () => {
    const template = "---\nstage: accepted\nstart-date: # In format YYYY-MM-DDT00:00:00.000Z\nrelease-date:\n---\n\n# <RFC title>\n\n## Summary\n";
    const { text } = fillTemplate(template, { title: "Lanterns", feature: "lanterns", today: "2026-01-10" });
    assert.equal(text, "---\nstage: accepted\nstart-date: 2026-01-10T00:00:00.000Z # In format YYYY-MM-DDT00:00:00.000Z\nrelease-date:\n---\n\n# Lanterns\n\n## Summary\n");
  });
});
