import assert from "node:assert/strict";
import { test } from "node:test";
import { scanHeadingTitles } from "../../src/markdown/scan-headings.ts";

test("scanHeadingTitles reads ATX headings at any level, not lines in fenced code", () => {
  const text = [
    "# Title",
    "",
    "## Summary ##",
    "```sh",
    "# a shell comment",
    "```",
    "   ### Indented a little",
    "    # indented code, not a heading",
    "~~~~",
    "## inside a tilde fence",
    "~~~",
    "still inside: the closing fence is shorter",
    "~~~~",
    "#not-a-heading",
    "## Drawbacks\r",
  ].join("\n");
  assert.deepEqual(scanHeadingTitles(text), ["Title", "Summary", "Indented a little", "Drawbacks"]);
});
