import assert from "node:assert/strict";
import path from "node:path";
import { describe, test } from "node:test";
import { corpusBundle, type CorpusName } from "../support/paths.ts";
import { cloneBundle } from "../support/git.ts";
import { runRfc, type JsonDiagnostic } from "../support/run-cli.ts";
import { makeTempDir } from "../support/temp-repo.ts";

/** A diagnostic as `file rule severity message`, to match against. */
type Expectation = { file: string; rule: string; severity?: "error" | "warning"; message: RegExp };

/**
 * Findings on the real repositories with their whole history, each verified by reading the file:
 * what must be said (a real defect), and what must not (the file does what its template allows).
 */
const cases: Record<CorpusName, { present: Expectation[]; absent: Expectation[]; whenNamed?: Expectation[] }> = {
  "metalbear-rfcs": {
    present: [
      // The link's text says #0001, its URL pull request 4.
      { file: "text/0001-multi-cluster.md", rule: "pr-link", severity: "error", message: /says metalbear-co\/rfcs#0001 in its text but links to metalbear-co\/rfcs#4/ },
      { file: "text/0003-mirrord-magic.md", rule: "feature-name", severity: "warning", message: /"mirrord Magic" is not an identifier/ },
      // Merged through pull request 16, with no `RFC PR` line.
      { file: "text/0006-unified-branch-database-crd.md", rule: "metadata-missing", severity: "warning", message: /"RFC PR" from the template is missing/ },
    ],
    absent: [
      // Last Updated 2026-03-05; its one commit is the squash merge of 2026-03-30.
      { file: "text/0005-template-charts-operator-unification.md", rule: "last-updated", message: /2026-03-30/ },
      // `RFC reference` (related links): three of the six accepted RFCs have none.
      { file: "text/0003-mirrord-magic.md", rule: "metadata-missing", message: /RFC reference/ },
      // Its last commit fixes a link's format, after the Last Updated the author wrote.
      { file: "text/0001-multi-cluster.md", rule: "last-updated", message: /./ },
    ],
  },
  "rust-rfcs": {
    present: [
      // Its Drawbacks heading and text are kept inside `<!-- … -->`: hidden from readers.
      { file: "text/1860-manually-drop.md", rule: "section-missing", severity: "warning", message: /"Drawbacks" from the template is inside an HTML comment/ },
      // `## Motivations` and `## Guilde-level explanation`: the sections, misspelt.
      { file: "text/1288-time-improvements.md", rule: "section-missing", severity: "warning", message: /Heading "Motivations" reads as the template's "Motivation"/ },
      { file: "text/3722-explicit-extern-abis.md", rule: "section-missing", severity: "warning", message: /Heading "Guilde-level explanation"/ },
      // Accepted without a "Rationale and alternatives": true, and history, so a warning.
      { file: "text/3606-temporary-lifetimes-in-tail-expressions.md", rule: "section-missing", severity: "warning", message: /"Rationale and alternatives" from the template is missing/ },
      // `## Staging` and `## Other interactions` where Drawbacks would be: no drawbacks section.
      { file: "text/0195-associated-items.md", rule: "section-missing", severity: "warning", message: /"Drawbacks" from the template is missing/ },
      // `Features Name`: the template's `Feature Name`, misspelt; an accepted RFC is told so.
      { file: "text/3631-rustdoc-cfgs-handling.md", rule: "metadata-unknown", severity: "warning", message: /"Features Name" is not in the template; did you mean "Feature Name"/ },
      // `#What-constitutes-a-major-change` for `## What constitutes a major change`: the book Rust publishes does not find it.
      { file: "text/2904-compiler-major-change-process.md", rule: "link", severity: "warning", message: /Anchor "#What-constitutes-a-major-change" differs in case/ },
      // `(#related-options)`, while the heading is "Related Options in Cargo".
      { file: "text/3923-cargo-min-publish-age.md", rule: "link", severity: "error", message: /Anchor "#related-options" does not exist/ },
    ],
    whenNamed: [{ file: "text/3606-temporary-lifetimes-in-tail-expressions.md", rule: "section-missing", severity: "error", message: /"Rationale and alternatives"/ }],
    absent: [
      // Pull request #599 was opened before #815 gave the template `Feature Name`; its Start Date is the day it was accepted, after.
      { file: "text/0599-default-object-bound.md", rule: "metadata-missing", message: /Feature Name/ },
      // 2014's template wrote `RFC PR #` and `Rust Issue #`; the RFCs of the time write `RFC PR:`.
      { file: "text/0179-and-mut-patterns.md", rule: "metadata-missing", message: /RFC PR/ },
      // Started on 2016-03-16, while the template was deleted (2016-03-09 to 2016-04-21).
      { file: "text/1552-contains-method-for-various-collections.md", rule: "section-missing", message: /Guide-level explanation/ },
      // Started 2014-04-18; Drawbacks reached the template on master with the merge of 2014-04-22.
      { file: "text/0050-assert.md", rule: "section-missing", message: /Drawbacks/ },
      // Kebab-case feature names are Rust's convention for Cargo features and team RFCs.
      { file: "text/3873-build-std-context.md", rule: "feature-name", message: /build-std-context/ },
      // Started 2017-07-28, three days before the guide- and reference-level sections landed,
      // and written with them: held to that revision, not told to add "Detailed design".
      { file: "text/2089-implied-bounds.md", rule: "section-missing", message: /Detailed design|How We Teach This/ },
      // `## Semantic changes` and `## New syntax` in the place of Detailed design.
      { file: "text/0453-macro-reform.md", rule: "section-missing", message: /Detailed design/ },
      // `## Detailed Explanation` between the guide-level explanation and the drawbacks.
      { file: "text/3668-async-closures.md", rule: "section-missing", message: /Reference-level explanation/ },
      // `## Alternatives and downsides { #alternatives }`: the drawbacks too.
      { file: "text/0048-traits.md", rule: "section-missing", message: /Drawbacks/ },
      // Dated 2018-11-27, but first committed on 2018-09-20, before `Future possibilities` reached
      // the template (2018-11-01): written from the template of the time.
      { file: "text/2603-rust-symbol-name-mangling-v0.md", rule: "section-missing", message: /Future possibilities/ },
      // `## Proposed additions` and `## Full reference of the proposed additions`: the two explanations, in their place.
      { file: "text/3184-thread-local-cell-methods.md", rule: "section-missing", message: /Guide-level explanation|Reference-level explanation/ },
      // `### Drawbacks`, `### Rationale and alternatives`, … written inside the reference-level explanation.
      { file: "text/3013-conditional-compilation-checking.md", rule: "section-missing", message: /Drawbacks|Rationale and alternatives|Prior art/ },
      { file: "text/3013-conditional-compilation-checking.md", rule: "section-order", message: /./ },
    ],
  },
  "nixos-rfcs": {
    present: [
      // `# Proposed Solution`, its `### Risks` and a FAQ, but no alternatives under any name.
      { file: "rfcs/0125-bootspec.md", rule: "section-missing", message: /"Alternatives" from the template is missing/ },
      // Its front matter keeps the 2019 template's co-authors placeholder word for word: accepted
      // so, it is history (a warning), and an error once someone works on it (names it).
      { file: "rfcs/0062-content-addressed-paths.md", rule: "metadata-placeholder", severity: "warning", message: /"co-authors" is still the template's placeholder/ },
    ],
    whenNamed: [{ file: "rfcs/0062-content-addressed-paths.md", rule: "metadata-placeholder", severity: "error", message: /"co-authors"/ }],
    absent: [
      // `#Decisions` for `# Decisions`: NixOS publishes no book, and GitHub finds it.
      { file: "rfcs/0145-doc-strings.md", rule: "link", message: /differs in case/ },
      // `pre-RFC reviewers`: a key of its own on an accepted RFC, which credits its reviewers.
      { file: "rfcs/0140-simple-package-paths.md", rule: "metadata-unknown", message: /pre-RFC reviewers/ },
      // `# Proposed Solution` is its design, and `### Risks` inside it its drawbacks.
      { file: "rfcs/0125-bootspec.md", rule: "section-missing", message: /Detailed design|Drawbacks/ },
      // `## Core changes`, inside the motivation, is its design.
      { file: "rfcs/0080-nixos-release-schedule.md", rule: "section-missing", message: /Detailed design/ },
      // Its metadata is a table at the top.
      { file: "rfcs/0140-simple-package-paths.md", rule: "metadata-missing", message: /no metadata header/ },
    ],
  },
  "amaranth-rfcs": {
    present: [
      { file: "text/0001-aggregate-data-structures.md", rule: "link", severity: "warning", message: /Link "0002-interfaces\.html" is the book's page of text\/0002-interfaces\.md/ },
      // No section on prior art, by any name.
      { file: "text/0002-interfaces.md", rule: "section-missing", severity: "warning", message: /"Prior art" from the template is missing/ },
    ],
    absent: [
      // An accepted RFC renames its Unresolved questions to Resolved questions.
      { file: "text/0045-lib-memory.md", rule: "section-missing", message: /Unresolved questions/ },
      // `## Guide-level and reference-level explanation`: both explanations in one section.
      { file: "text/0078-internal-port.md", rule: "section-missing", message: /explanation/ },
      // `## Explanation`: the word both explanations share.
      { file: "text/0022-valuecastable-shape.md", rule: "section-missing", message: /explanation/ },
      // `## Overview and examples` in the place of the guide-level explanation.
      { file: "text/0001-aggregate-data-structures.md", rule: "section-missing", message: /Guide-level explanation/ },
      // `## Naming questions` where the unresolved questions go.
      { file: "text/0002-interfaces.md", rule: "section-missing", message: /Unresolved questions/ },
      // `## Future work` where the template has Future possibilities.
      { file: "text/0001-aggregate-data-structures.md", rule: "section-missing", message: /Future possibilities/ },
      { file: "text/0001-aggregate-data-structures.md", rule: "link", severity: "error", message: /0002-interfaces/ },
    ],
  },
};

const matches = (d: JsonDiagnostic, e: Expectation) => d.file === e.file && d.rule === e.rule && (e.severity === undefined || d.severity === e.severity) && e.message.test(d.message);

describe("diagnostics on the real repositories, with their history", () => {
  for (const [name, { present, absent, whenNamed = [] }] of Object.entries(cases) as [CorpusName, (typeof cases)[CorpusName]][]) {
    const { bundle, skip } = corpusBundle(name);
    test(`${name}: real defects reported, what the template allows not`, { skip }, async () => {
      const root = path.join(await makeTempDir(), name);
      cloneBundle(bundle, root);
      const result = await runRfc(["check", "--format", "json"], { cwd: root });
      const diagnostics = JSON.parse(result.stdout) as JsonDiagnostic[];
      for (const e of present) assert.ok(diagnostics.some((d) => matches(d, e)), `expected on ${e.file}: ${e.rule} ${String(e.message)}`);
      for (const e of absent) {
        const found = diagnostics.filter((d) => matches(d, e));
        assert.deepEqual(found, [], `not expected on ${e.file}: ${e.rule} ${String(e.message)}`);
      }
      // Named on the command line, an accepted RFC is being worked on: held to its template with errors.
      for (const e of whenNamed) {
        const named = JSON.parse((await runRfc(["check", "--format", "json", e.file], { cwd: root })).stdout) as JsonDiagnostic[];
        assert.ok(named.some((d) => matches(d, e)), `expected when ${e.file} is named: ${e.rule} ${e.severity} ${String(e.message)}`);
      }
    });
  }
});
