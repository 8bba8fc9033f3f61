import rule from "../../src/rules/link.ts";
import { goodRfc, smallTemplate } from "../support/templates.ts";
import { testRule } from "../support/test-rule.ts";

/** The RFC with `text` appended; its first line is line `next`. */
const withText = (text: string) => goodRfc + text;
const next = goodRfc.split("\n").length;

/** Other files most cases link to. */
const neighbours = {
  "text/0002-gloves.md": goodRfc,
  "text/0009-bar.md": goodRfc,
  "text/0001-test/diagram.svg": "<svg/>",
  "docs/read me.md": "# Read me\n",
  "README.md": "# RFCs\n",
};

testRule(rule, {
  template: smallTemplate,
  valid: [
    { name: "an anchor that differs only in case, where the RFCs are read on GitHub (no book.toml): GitHub finds it", rfc: withText("As the [motivation](#Motivation) says.\n") },
    {
      name: "external links, including GitHub URLs of other RFCs",
      rfc: withText(
        "See [the site](https://example.com/x.md), [mail](mailto:a@example.com), [cdn](//cdn.example.com/a.js)\n" +
          "and [RFC 1](https://github.com/acme/rfcs/blob/main/text/0001-missing.md).\n",
      ),
    },
    {
      name: "relative links to files, folders, images and other RFCs' headings",
      files: neighbours,
      rfc: withText(
        "[Gloves](0002-gloves.md), [its motivation](0002-gloves.md#motivation), [./ form](./0002-gloves.md),\n" +
          "![diagram](0001-test/diagram.svg?raw=true), [assets](0001-test/), [all RFCs](../), [root](/README.md),\n" +
          "[encoded](../docs/read%20me.md), [the template's summary](../0000-template.md#summary).\n",
      ),
    },
    {
      name: "anchors: headings, code spans, heading attributes, HTML ids, #top",
      rfc: withText(
        "## Using `Vec<T>` and `_x`\n\n### Backtracking { #backtrack }\n\n<a id=\"custom\"></a>\n\n" +
          "[one](#using-vect-and-_x), [two](#backtrack), [three](#custom), [four](#top), [five](#summary),\n" +
          "[six](#user-content-drawbacks), [seven](#rationale-and-alternatives).\n",
      ),
    },
    {
      name: "reference links resolve through their definition",
      files: neighbours,
      rfc: withText("See [gloves] and [the reasons][why].\n\n[gloves]: 0002-gloves.md\n[why]: #motivation\n"),
    },
    {
      name: "unused definitions and footnotes render no link",
      rfc: withText("A claim.[^note]\n\n[alternatives]: #alternatives\n[^note]: The footnote text.\n"),
    },
    {
      name: "a sub-chapter linking back to its RFC",
      files: { "text/0001-test/appendix.md": "# Appendix\n\nBack to [the summary](../0001-test.md#summary).\n" },
      rfc: goodRfc,
    },
  ],
  invalid: [
    {
      name: "a link to the page the book publishes (0002-x.html): a warning to link to the .md, and its anchor checked",
      files: neighbours,
      rfc: withText("See [gloves](0002-gloves.html), [its summary](0002-gloves.html#summary) and [nothing](0002-gloves.html#nothing).\n"),
      diagnostics: [
        { line: next, column: 14, severity: "warning", message: 'Link "0002-gloves.html" is the book\'s page of text/0002-gloves.md: it works in the book only.', hint: 'link to "0002-gloves.md": the book turns links to .md files into links to their pages.' },
        { line: next, column: 47, severity: "warning", message: 'Link "0002-gloves.html" is the book\'s page of text/0002-gloves.md: it works in the book only.' },
        { line: next, column: 87, severity: "error", message: 'Anchor "#nothing" does not exist in text/0002-gloves.md. ("0002-gloves.html" is the book\'s page of text/0002-gloves.md.)' },
      ],
    },
    {
      name: "a missing RFC, with a near match",
      files: neighbours,
      rfc: withText("See [foo](0009-foo.md) for more.\n"),
      diagnostics: [
        {
          line: next,
          column: 11,
          message: 'Link target "text/0009-foo.md" does not exist.',
          hint: 'did you mean text/0009-bar.md? Write the link as "0009-bar.md".',
        },
      ],
    },
    {
      name: "an RFC renamed to another number keeps its slug",
      files: { "text/0019-opt-in-traits.md": goodRfc },
      rfc: withText("Formerly [RFC 3](0003-opt-in-traits.md).\n"),
      diagnostics: [{ line: next, hint: /^did you mean text\/0019-opt-in-traits\.md\?/ }],
    },
    {
      name: "a missing image",
      files: neighbours,
      rfc: withText("![flow](0001-test/flow.png)\n"),
      diagnostics: [{ line: next, column: 9, message: 'Image "text/0001-test/flow.png" does not exist.' }],
    },
    {
      name: "a link that leaves the repository",
      rfc: withText("[outside](../../outside.md)\n"),
      diagnostics: [{ line: next, message: 'Link target "../../outside.md" leaves the repository.' }],
    },
    {
      name: "a misspelt anchor in the same file",
      rfc: withText("As the [motivation](#motivaton) says.\n"),
      diagnostics: [{ line: next, column: 21, message: 'Anchor "#motivaton" does not exist in this file.', hint: 'did you mean "#motivation"?' }],
    },
    {
      name: "an anchor of the first words of a heading: that heading is the one suggested, before one that ends with them",
      rfc: withText("## Remote caching\n\nText.\n\n## Caching of built paths\n\nSee [caching].\n\n[caching]: #caching\n"),
      diagnostics: [{ line: next + 8, hint: 'did you mean "#caching-of-built-paths"?' }],
    },
    {
      name: "an anchor line under a heading makes no anchor",
      rfc: withText("## Boot sizes\n[sizes]: #sizes\n\nSee [sizes](#sizes).\n"),
      diagnostics: [{ line: next + 3, hint: 'the line "[sizes]: #sizes" under "Boot sizes" makes no anchor; link to "#boot-sizes".' }],
    },
    {
      name: "an anchor that differs only in case is a warning, where the repository publishes a book",
      files: { "book.toml": '[book]\ntitle = "RFCs"\n' },
      rfc: withText("As the [motivation](#Motivation) says.\n"),
      diagnostics: [{ line: next, severity: "warning", message: /^Anchor "#Motivation" differs in case from "#motivation" in this file/ }],
    },
    {
      name: "a missing anchor in another RFC",
      files: neighbours,
      rfc: withText("See [gloves](0002-gloves.md#sizes).\n"),
      diagnostics: [{ line: next, severity: "error", message: 'Anchor "#sizes" does not exist in text/0002-gloves.md.' }],
    },
    {
      name: "a broken reference link is reported once, at its definition",
      rfc: withText("See [the reasons][why], and [again][why].\n\n[why]: #reasons\n"),
      diagnostics: [{ line: next + 2, column: 8, message: 'Anchor "#reasons" does not exist in this file.' }],
    },
    {
      name: "a broken link in a sub-chapter is reported on the sub-chapter",
      files: { "text/0001-test/appendix.md": "# Appendix\n\nSee [the sizes](sizes.md).\n" },
      rfc: goodRfc,
      diagnostics: [{ line: 3, column: 17, file: "text/0001-test/appendix.md", message: 'Link target "text/0001-test/sizes.md" does not exist.' }],
    },
    {
      name: "a web address without https://",
      rfc: withText("[the playground](play.example.org/boots)\n"),
      diagnostics: [
        { line: next, message: 'Link target "play.example.org/boots" has no scheme, so it is read as a file path.', hint: 'add "https://" in front.' },
      ],
    },
    {
      name: "a web address in parentheses",
      rfc: withText("See [the thread].\n\n[the thread]: (https://example.com/t/1)\n"),
      diagnostics: [{ line: next + 2, column: 15, message: 'Link target "(https://example.com/t/1)" is a web address in parentheses, so it is read as a file path.' }],
    },
    {
      name: "a heading's anchor without its #",
      rfc: withText("As [above](drawbacks), boots cost money.\n"),
      diagnostics: [{ line: next, message: 'Link target "text/drawbacks" does not exist.', hint: 'did you mean "#drawbacks"? A link to a heading starts with #.' }],
    },
    {
      name: "an empty link target",
      rfc: withText("[nothing]()\n"),
      diagnostics: [{ line: next, message: "Link target is empty." }],
    },
  ],
});
