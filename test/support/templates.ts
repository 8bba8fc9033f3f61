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
