import rule from "../../src/rules/file-name.ts";
import { goodRfc, smallTemplate } from "../support/templates.ts";
import { testRule } from "../support/test-rule.ts";

const prOf = (repo: string, n: number) => goodRfc.replace("[acme/rfcs#12](https://github.com/acme/rfcs/pull/12)", `[${repo}#${n}](https://github.com/${repo}/pull/${n})`);

testRule(rule, {
  template: smallTemplate,
  valid: [
    {
      name: "numbered by pull request, the same number for pull requests of two repositories",
      rfc: prOf("acme/cli", 12),
      path: "text/0012-cli-boots.md",
      files: { "text/0012-web-boots.md": prOf("acme/web", 12).replace("rocket_boots", "web_boots") },
    },
    {
      name: "the same, told by the prefixes the repository names such RFCs with",
      rfc: goodRfc.replace(/- RFC PR: .*\n/, ""),
      path: "text/0012-cli-boots.md",
      files: Object.fromEntries(["text/0012-web-boots.md", "text/0040-cli-hats.md", "text/0077-web-gloves.md"].map((p, i) => [p, goodRfc.replace(/- RFC PR: .*\n/, "").replace("rocket_boots", `other_${i}`)])),
    },
    { name: "NNNN-slug.md", rfc: goodRfc, path: "text/0042-rocket-boots.md" },
    { name: "a name of 253 bytes, whose page's name is 255", rfc: goodRfc, path: `text/0042-${"a".repeat(245)}.md` },
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
    { name: "other punctuation and letters beyond ASCII", rfc: goodRfc, path: "text/0042-c++-interop_café.md", files: { "text/0042-c++-interop_café/notes (draft).md": "# Notes\n" } },
    {
      name: "a custom file-pattern",
      rfc: goodRfc,
      path: "rfcs/rfc-12_boots.md",
      files: { "book.toml": '[rfckit]\nrfc-dir = "rfcs"\nfile-pattern = "^rfc-(?<number>\\\\d+)_(?<slug>[a-z-]+)\\\\.md$"\n' },
    },
  ],
  invalid: [
    {
      name: "a name of 254 bytes: its page's name would be 256, more than file systems take",
      rfc: goodRfc,
      path: `text/0042-${"a".repeat(246)}.md`,
      diagnostics: [
        {
          line: 1,
          file: `text/0042-${"a".repeat(246)}.md`,
          message: "The file name is too long for the book: its page would be named with 256 bytes, and file systems take at most 255.",
          hint: 'rename it to a name of at most 253 bytes (".md" included), and update the links to it.',
        },
      ],
    },
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
      name: "a colon in an RFC's name",
      rfc: goodRfc,
      path: "text/0042-rocket:boots.md",
      diagnostics: [
        {
          line: 1,
          file: "text/0042-rocket:boots.md",
          message: 'The file name "0042-rocket:boots.md" has ":", which not every system allows in a file name and which can make the book\'s link to it read as another address.',
          hint: "rename it to text/0042-rocket-boots.md, and update the links to it.",
        },
      ],
    },
    {
      name: "a name that reads as a URL scheme: one diagnostic, with a name of the default form",
      rfc: goodRfc,
      path: "text/javascript:alert(1).md",
      diagnostics: [{ line: 1, file: "text/javascript:alert(1).md", message: /^The file name "javascript:alert\(1\)\.md" has ":"/, hint: "rename it to text/0000-javascript-alert(1).md, and update the links to it." }],
    },
    {
      name: "a backslash, and other characters Windows refuses",
      rfc: goodRfc,
      path: "text/0042-rocket\\boots.md",
      files: { "text/0043-a<b>|c?.md": goodRfc },
      diagnostics: [
        { line: 1, file: "text/0042-rocket\\boots.md", message: /^The file name "0042-rocket\\boots\.md" has "\\", which/, hint: "rename it to text/0042-rocket-boots.md, and update the links to it." },
        { line: 1, file: "text/0043-a<b>|c?.md", message: /^The file name "0043-a<b>\|c\?\.md" has "<", ">", "\|", "\?", which/, hint: "rename it to text/0043-a-b-c.md, and update the links to it." },
      ],
    },
    {
      name: "a control character, shown by its code",
      rfc: goodRfc,
      path: "text/0042-rocket\u0007boots.md",
      diagnostics: [{ line: 1, file: "text/0042-rocket\u0007boots.md", message: /^The file name "0042-rocketU\+0007boots\.md" has "U\+0007", which/, hint: "rename it to text/0042-rocket-boots.md, and update the links to it." }],
    },
    {
      name: "a colon in a sub-chapter's name, and in an RFC with an asset folder",
      rfc: goodRfc,
      path: "text/0007-boots.md",
      files: { "text/0007-boots/part:two.md": "# Part two\n", "text/0008-hat:s.md": goodRfc, "text/0008-hat:s/diagram.svg": "<svg/>" },
      diagnostics: [
        { line: 1, file: "text/0007-boots/part:two.md", hint: "rename it to text/0007-boots/part-two.md, and update the links to it." },
        { line: 1, file: "text/0008-hat:s.md", hint: "rename it to text/0008-hat-s.md and its folder text/0008-hat:s/ to text/0008-hat-s/, and update the links to it." },
      ],
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
      name: "numbered by pull request, the same number in one repository's pull requests",
      rfc: prOf("acme/rfcs", 12),
      path: "text/0012-boots.md",
      files: { "text/0012-gloves.md": prOf("acme/rfcs", 12).replace("rocket_boots", "gloves") },
      diagnostics: [
        { line: 1, file: "text/0012-boots.md", message: "RFC number 0012 is also used by text/0012-gloves.md.", hint: /takes the number of its pull request/ },
        { line: 1, file: "text/0012-gloves.md", message: "RFC number 0012 is also used by text/0012-boots.md." },
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
