import assert from "node:assert/strict";
import { describe, test } from "node:test";
import markdownit from "markdown-it";
import { createBlockState } from "../../src/markdown/block-state.ts";

describe("createBlockState", () => {
  const parser = markdownit({ html: true });
  const texts = [
    "",
    "\n",
    "\n\n",
    "one line",
    "one line\n",
    "a\nb",
    "a\n  ",
    "a\n \t ",
    "a\n  x",
    "x  \n\t\ty\n",
    "  \t  indented\n\t\n \n",
    "- item\n  - nested\n\n      code\n> quote\n>\n",
    "\t\t",
    "a\r\nb\r",
    "ünï\n\tcödé\n",
  ];

  for (const text of texts) {
    test(`line tables of ${JSON.stringify(text)} are markdown-it's own`, () => {
      const own = new parser.block.State(text, parser, {}, []);
      const fast = createBlockState(parser, text, {});
      for (const table of ["bMarks", "eMarks", "tShift", "sCount", "bsCount"] as const) assert.deepEqual(Array.from(fast[table]), own[table], table);
      assert.equal(fast.lineMax, own.lineMax);
      assert.equal(fast.src, text);
    });
  }

  test("tokens from the state are the ones markdown-it makes itself", () => {
    const text = "# Title\n\n- a\n\t- b\n\n```rust\nfn main() {}\n```\n\n> [x](y.md)\n  lazy\n";
    const own = parser.parse(text, {});
    const state = createBlockState(parser, text, {});
    parser.block.tokenize(state, 0, state.lineMax);
    assert.deepEqual(
      state.tokens.map((t) => [t.type, t.map, t.content]),
      own.map((t) => [t.type, t.map, t.content]),
    );
  });
});
