import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { readReviews } from "../../src/github/read-reviews.ts";
import { UserError } from "../../src/errors.ts";
import { closedPortUrl, review, startFakeGitHub } from "../support/fake-github.ts";

const base = { token: "t0ken", repository: { owner: "acme", repo: "rfcs" }, number: 12, userAgent: "rfckit-test" };

describe("readReviews", () => {
  test("reads every page the Link header names, sending the token", async () => {
    const reviews = Array.from({ length: 5 }, (_, i) => review(i + 1, `user${i + 1}`, "APPROVED", i + 1));
    const github = await startFakeGitHub({ reviews: { "acme/rfcs#12": reviews }, pageSize: 2 });
    const read = await readReviews({ ...base, apiUrl: `${github.url}/` });
    assert.deepEqual(read.map((r) => r.login), ["user1", "user2", "user3", "user4", "user5"]);
    assert.deepEqual(read[0], { login: "user1", state: "APPROVED", submittedAt: "2026-01-01T12:00:00Z" });
    assert.equal(github.requests.length, 3);
    assert.deepEqual(github.requests.map((r) => r.authorization), ["token t0ken", "token t0ken", "token t0ken"]);
    assert.match(github.requests[0]!.path, /^\/repos\/acme\/rfcs\/pulls\/12\/reviews\?per_page=100$/);
  });

  test("a pull request that does not exist: a UserError naming the request, with what to check", async () => {
    const github = await startFakeGitHub({ reviews: {} });
    const error = await readReviews({ ...base, apiUrl: github.url }).catch((e: unknown) => e);
    assert.ok(error instanceof UserError);
    assert.equal(error.message, `Could not read the reviews of pull request #12: GET ${github.url}/repos/acme/rfcs/pulls/12/reviews answered 404: Not Found.`);
    assert.match(error.hint, /check that acme\/rfcs has a pull request #12/);
  });

  test("403: the token's permissions or the rate limit", async () => {
    const github = await startFakeGitHub({ fail: { status: 403, message: "Resource not accessible by integration" } });
    const error = await readReviews({ ...base, apiUrl: github.url }).catch((e: unknown) => e);
    assert.ok(error instanceof UserError);
    assert.match(error.message, /answered 403: Resource not accessible by integration\.$/);
    assert.match(error.hint, /pull-requests: read/);
  });

  test("nothing listening: a UserError saying the request failed, never the token", async () => {
    const url = await closedPortUrl();
    const error = await readReviews({ ...base, apiUrl: url }).catch((e: unknown) => e);
    assert.ok(error instanceof UserError);
    assert.match(error.message, new RegExp(`^Could not read the reviews of pull request #12: GET ${url}/repos/acme/rfcs/pulls/12/reviews failed: .*ECONNREFUSED`));
    assert.doesNotMatch(`${error.message} ${error.hint}`, /t0ken/);
  });
});
