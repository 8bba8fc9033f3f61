import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { defaultConfig, parseConfig } from "../../src/model/config.ts";

describe("parseConfig: stage gates", () => {
  test("defaults follow MetalBear's process", () => {
    assert.deepEqual(defaultConfig.stages.draft.requires, []);
    assert.equal(defaultConfig.stages.draft.approvals, 0);
    assert.deepEqual(defaultConfig.stages.implement.requires, ["linked-issue"]);
    assert.equal(defaultConfig.stages.implement.approvals, 2);
    assert.deepEqual(defaultConfig.stages.merge.requires, ["linked-issue", "number", "pr-link"]);
    assert.equal(defaultConfig.stages.merge.approvals, 2);
  });

  test("a stage's keys are each optional: those not written keep their defaults", () => {
    const { config, errors } = parseConfig({ stages: { implement: { approvals: 1 }, merge: { filled: ["Summary"], requires: ["number", "number"] } } });
    assert.deepEqual(errors, []);
    assert.deepEqual(config.stages.implement, { ...defaultConfig.stages.implement, approvals: 1 });
    assert.deepEqual(config.stages.merge, { filled: ["Summary"], requires: ["number"], approvals: 2 });
    assert.deepEqual(defaultConfig.stages.implement.approvals, 2, "the defaults are not changed");
  });

  test("wrong values are errors naming the key and what is allowed", () => {
    const { errors } = parseConfig({
      stages: {
        draft: { requires: ["pr_link"] },
        implement: { approvals: -1, requires: "pr-link" },
        merge: { approvals: 1.5, reviewers: 2 },
      },
    });
    assert.deepEqual(errors, [
      { key: "stages.draft.requires", message: 'has "pr_link", which is not a requirement (requirements: "linked-issue", "number", "pr-link")' },
      { key: "stages.implement.requires", message: 'must be a list of requirements, from "linked-issue", "number", "pr-link"' },
      { key: "stages.implement.approvals", message: "must be a whole number of approving reviews, 0 or more" },
      { key: "stages.merge.reviewers", message: "is not a stage setting rfckit knows (known: filled, requires, approvals)" },
      { key: "stages.merge.approvals", message: "must be a whole number of approving reviews, 0 or more" },
    ]);
  });

  test("a stage that is not a table, and filled that is not a list, are still errors", () => {
    const { errors } = parseConfig({ stages: { draft: 3, merge: { filled: "Summary" } } });
    assert.deepEqual(errors.map((e) => e.key), ["stages.draft", "stages.merge.filled"]);
  });
});

describe("parseConfig: image-hosts", () => {
  test("host names are kept, lower-cased and once each; none by default", () => {
    assert.deepEqual(defaultConfig.imageHosts, []);
    const { config, errors } = parseConfig({ "image-hosts": ["Assets.Example.com", "assets.example.com", "cdn.example.org"] });
    assert.deepEqual(errors, []);
    assert.deepEqual(config.imageHosts, ["assets.example.com", "cdn.example.org"]);
  });

  test("anything but a host name is refused: it would go into every page's policy", () => {
    for (const value of [["https://assets.example.com"], ["a.example; script-src *"], ["*"], ["localhost"], "assets.example.com"]) {
      const { errors } = parseConfig({ "image-hosts": value });
      assert.deepEqual(errors.map((e) => e.key), ["image-hosts"], JSON.stringify(value));
    }
  });
});
