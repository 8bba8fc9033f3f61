/** A small template in the MetalBear form, written for rfckit's tests. */
export const smallTemplate = `- Feature Name: (fill me in with a unique ident, \`my_awesome_feature\`)
- Start Date: (fill me in with today's date, YYYY-MM-DD)
- Last Updated: (fill me in with today's date if you are updating me, YYYY-MM-DD)
- RFC PR: [acme/rfcs#0000](https://github.com/acme/rfcs/pull/0000)
- RFC reference:
  - [acme/rfcs#0000](https://github.com/acme/rfcs/pull/0000)

## Summary
[summary]: #summary

One paragraph explanation of the feature.

## Motivation
[motivation]: #motivation

Why are we doing this? What problem does it solve for our users?

## Guide-level explanation
[guide-level-explanation]: #guide-level-explanation

Explain the proposal as if it already shipped and you were teaching it to a colleague.

## Reference-level explanation
[reference-level-explanation]: #reference-level-explanation

The technical part: how it works, in enough detail to build it.

## Drawbacks
[drawbacks]: #drawbacks

Why should we *not* do this?

## Rationale and alternatives
[rationale-and-alternatives]: #rationale-and-alternatives

Why this design and not another one?
`;

/** A complete, valid RFC for `smallTemplate`; cases change one thing in it. */
export const goodRfc = `- Feature Name: \`rocket_boots\`
- Start Date: 2026-01-10
- Last Updated: 2026-02-01
- RFC PR: [acme/rfcs#12](https://github.com/acme/rfcs/pull/12)
- RFC reference:
  - [acme/rfcs#3](https://github.com/acme/rfcs/issues/3)

## Summary
[summary]: #summary

Boots that let engineers jump over slow builds.

## Motivation
[motivation]: #motivation

Builds are slow and people are bored.

## Guide-level explanation
[guide-level-explanation]: #guide-level-explanation

Put the boots on and jump.

## Reference-level explanation
[reference-level-explanation]: #reference-level-explanation

The boots call the build cache before they jump.

## Drawbacks
[drawbacks]: #drawbacks

Boots cost money.

## Rationale and alternatives
[rationale-and-alternatives]: #rationale-and-alternatives

Faster builds would be better, but boots are here today.
`;

/**
 * A template with only sections, for the section rules: six sections, the last one with guidance
 * that is only an HTML comment (nothing an author could leave unchanged).
 */
export const sectionTemplate = `## Summary
[summary]: #summary

One paragraph explanation of the feature.

## Motivation
[motivation]: #motivation

Why are we doing this? What problem does it solve, and for whom?

## Reference-level explanation
[reference-level-explanation]: #reference-level-explanation

The technical part: how it works, in enough detail to *build* it.

## Drawbacks
[drawbacks]: #drawbacks

Why should we *not* do this?

## Rationale and alternatives
[rationale-and-alternatives]: #rationale-and-alternatives

Why this design and not another one?

## Future possibilities
[future-possibilities]: #future-possibilities

<!-- What could come next? -->
`;

/** The titles of `sectionTemplate`, in order. */
export const sectionTitles = ["Summary", "Motivation", "Reference-level explanation", "Drawbacks", "Rationale and alternatives", "Future possibilities"];

/**
 * An RFC made of the given sections, each `## Title`, a blank line, one line of text and a blank
 * line, so section `i` (from 0) has its heading on line `1 + 4 * i`. A `#` prefix on a title sets the level.
 */
export function sectionRfc(titles: readonly string[]): string {
  return titles
    .map((t) => {
      const heading = t.startsWith("#") ? t : `## ${t}`;
      return `${heading}\n\nText of ${heading.replace(/^#+\s*/, "").toLowerCase()}.\n\n`;
    })
    .join("");
}
