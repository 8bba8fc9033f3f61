import rule from "../../src/rules/file-name.ts";
import { goodRfc, smallTemplate } from "../support/templates.ts";
import { testRule } from "../support/test-rule.ts";

testRule(rule, {
  template: smallTemplate,
  valid: [
    { name: "NNNN-slug.md", rfc: goodRfc, path: "text/0042-rocket-boots.md" },
    { name: "a slug with capitals (Rust's 0326-restrict-xXX-to-ascii.md)", rfc: goodRfc, path: "text/0326-restrict-xXX-to-ascii.md" },
    { name: "a slug with dots (Rust's 1011-process.exit.md)", rfc: goodRfc, path: "text/1011-process.exit.md" },
    { name: "two drafts numbered 0000", rfc: goodRfc, path: "text/0000-boots.md", files: { "text/0000-gloves.md": goodRfc } },
    {
      name: "an asset folder beside its RFC",
      rfc: goodRfc,
      path: "text/0007-boots.md",
      files: { "text/0007-boots/diagram.svg": "<svg/>", "text/0007-boots/appendix.md": "# Appendix\n" },
    },
    {
      name: "a one-line redirect left at a renamed RFC's old name",
      rfc: goodRfc,
      path: "text/0009-boots-v2.md",
      files: { "text/0009-boots.md": "Moved to [0009-boots-v2.md](0009-boots-v2.md).\n" },
    },
    {
      name: "a custom file-pattern",
      rfc: goodRfc,
      path: "rfcs/rfc-12_boots.md",
      files: { "book.toml": '[rfckit]\nrfc-dir = "rfcs"\nfile-pattern = "^rfc-(?<number>\\\\d+)_(?<slug>[a-z-]+)\\\\.md$"\n' },
    },
  ],
  invalid: [
    {
      name: "a slug with spaces",
      rfc: goodRfc,
      path: "text/0042-rocket boots.md",
      diagnostics: [
        {
          line: 1,
          file: "text/0042-rocket boots.md",
          message: /^The file name "0042-rocket boots\.md" is not of the form NNNN-slug\.md/,
          hint: "rename it to text/0042-rocket-boots.md.",
        },
      ],
    },
    {
      name: "no number",
      rfc: goodRfc,
      path: "text/rocket-boots.md",
      diagnostics: [
        {
          line: 1,
          message: 'The file name "rocket-boots.md" is not of the form NNNN-slug.md (four digits, a dash, then a name without spaces).',
          hint: "rename it to text/0000-rocket-boots.md (0000 marks a draft until it gets its number).",
        },
      ],
    },
    {
      name: "a number with too few digits",
      rfc: goodRfc,
      path: "text/42-rocket-boots.md",
      diagnostics: [{ line: 1, file: "text/42-rocket-boots.md", hint: "rename it to text/0042-rocket-boots.md." }],
    },
    {
      name: "a name that misses a custom file-pattern",
      rfc: goodRfc,
      path: "rfcs/0012-boots.md",
      files: { "book.toml": '[rfckit]\nrfc-dir = "rfcs"\nfile-pattern = "^rfc-(?<number>\\\\d+)_(?<slug>[a-z-]+)\\\\.md$"\n' },
      diagnostics: [{ line: 1, message: /^The file name "0012-boots\.md" does not match the file-pattern \/\^rfc-/ }],
    },
    {
      name: "the same number used twice",
      rfc: goodRfc,
      path: "text/0009-boots.md",
      files: { "text/0009-gloves.md": goodRfc },
      diagnostics: [
        { line: 1, file: "text/0009-boots.md", message: "RFC number 0009 is also used by text/0009-gloves.md." },
        { line: 1, file: "text/0009-gloves.md", message: "RFC number 0009 is also used by text/0009-boots.md.", hint: /next free one is 0010/ },
      ],
    },
    {
      name: "an asset folder without its RFC",
      rfc: goodRfc,
      path: "text/0001-boots.md",
      files: { "text/0007-x/diagram.svg": "<svg/>" },
      diagnostics: [{ line: 1, file: "text/0007-x", message: "The folder text/0007-x/ belongs to no RFC: there is no text/0007-x.md." }],
    },
    {
      name: "an asset folder whose slug differs from its RFC's",
      rfc: goodRfc,
      path: "text/0007-boots.md",
      files: { "text/0007-old-name/diagram.svg": "<svg/>" },
      diagnostics: [{ line: 1, file: "text/0007-old-name", hint: "rename it to text/0007-boots/ to go with text/0007-boots.md, or move its files there." }],
    },
  ],
});
