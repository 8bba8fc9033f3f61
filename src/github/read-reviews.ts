import { Octokit } from "@octokit/core";
import { paginateRest } from "@octokit/plugin-paginate-rest";
import { UserError } from "../errors.ts";
import type { GitHubRef } from "../model/metadata.ts";
import type { Review } from "./review.ts";

/** Where GitHub's REST API is when `GITHUB_API_URL` does not say (GitHub Actions sets it, also for GitHub Enterprise). */
export const defaultApiUrl = "https://api.github.com";

/** What reading a pull request's reviews needs. */
export interface ReadReviewsOptions {
  /** The API's base URL, e.g. `https://api.github.com`. */
  apiUrl: string;
  token: string;
  repository: Pick<GitHubRef, "owner" | "repo">;
  number: number;
  /** Sent as `User-Agent`, which GitHub requires. */
  userAgent: string;
  /** Gives up after this long, so a hung connection cannot hang CI (default 30 s). */
  timeoutMs?: number;
}

const hintNoCheck = "or leave out --pr to skip the approval check.";

/**
 * Reads every review of a pull request (`GET /repos/{owner}/{repo}/pulls/{n}/reviews`, all pages).
 * A failure the user can act on (bad token, no such pull request, no network) is a `UserError`
 * naming the request; the token is never part of a message.
 */
export async function readReviews(options: ReadReviewsOptions): Promise<Review[]> {
  const { owner, repo } = options.repository;
  const baseUrl = options.apiUrl.replace(/\/+$/, "");
  const what = `GET ${baseUrl}/repos/${owner}/${repo}/pulls/${options.number}/reviews`;
  const silent = () => undefined;
  const octokit = new (Octokit.plugin(paginateRest))({
    auth: options.token,
    baseUrl,
    userAgent: options.userAgent,
    // The library never prints: Octokit would otherwise log deprecation notices to the console.
    log: { debug: silent, info: silent, warn: silent, error: silent },
    request: { signal: AbortSignal.timeout(options.timeoutMs ?? 30_000) },
  });
  let items: unknown[];
  try {
    items = await octokit.paginate("GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews", {
      owner,
      repo,
      pull_number: options.number,
      per_page: 100,
    });
  } catch (error) {
    throw toUserError(error, what, options);
  }
  if (!Array.isArray(items)) throw unexpected(what);
  return items.map((item) => toReview(item, what));
}

function toReview(item: unknown, what: string): Review {
  const r = item as { user?: { login?: unknown } | null; state?: unknown; submitted_at?: unknown } | null;
  if (typeof r !== "object" || r === null || typeof r.state !== "string") throw unexpected(what);
  const login = r.user && typeof r.user.login === "string" ? r.user.login : null;
  return { login, state: r.state, submittedAt: typeof r.submitted_at === "string" ? r.submitted_at : null };
}

function unexpected(what: string): UserError {
  return new UserError(`${what} answered with something that is not a list of reviews.`, {
    hint: `check that GITHUB_API_URL points at GitHub's REST API, ${hintNoCheck}`,
  });
}

/** Says what failed and what to do, by the kind of failure. */
function toUserError(error: unknown, what: string, options: ReadReviewsOptions): UserError {
  const e = error as { status?: unknown; response?: { data?: unknown }; message?: unknown };
  const status = typeof e.status === "number" ? e.status : undefined;
  if (!e.response || status === undefined) {
    const reason = typeof e.message === "string" ? e.message : String(error);
    return new UserError(`Could not read the reviews of pull request #${options.number}: ${what} failed: ${reason}.`, {
      hint: `check the network and GITHUB_API_URL (now ${options.apiUrl}), ${hintNoCheck}`,
    });
  }
  const data = e.response.data as { message?: unknown } | undefined;
  const said = typeof data?.message === "string" ? `: ${data.message}` : "";
  const { owner, repo } = options.repository;
  const hints: Record<number, string> = {
    401: "GITHUB_TOKEN was refused: set it to a valid token (in GitHub Actions, ${{ secrets.GITHUB_TOKEN }}).",
    403: `the token may lack read access to pull requests of ${owner}/${repo} (permissions: pull-requests: read), or the rate limit is reached; try again later, ${hintNoCheck}`,
    404: `check that ${owner}/${repo} has a pull request #${options.number} and that GITHUB_TOKEN can see the repository.`,
  };
  return new UserError(`Could not read the reviews of pull request #${options.number}: ${what} answered ${status}${said}.`, {
    hint: hints[status] ?? `try again later, ${hintNoCheck}`,
  });
}
