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
  const headers = { accept: "application/vnd.github+json", authorization: `token ${options.token}`, "user-agent": options.userAgent, "x-github-api-version": "2022-11-28" };
  const signal = AbortSignal.timeout(options.timeoutMs ?? 30_000);
  const items: unknown[] = [];
  let url: string | null = `${what.slice(4)}?per_page=100`;
  // A pull request has at most a few thousand reviews; a Link header that never ends is not GitHub.
  for (let page = 0; url !== null && page < maxPages; page++) {
    let response: Response;
    let body: unknown;
    try {
      response = await fetch(url, { headers, signal });
      body = await response.json().catch(() => undefined);
    } catch (error) {
      throw unreachable(error, what, options);
    }
    if (!response.ok) throw refused(response.status, body, what, options);
    if (!Array.isArray(body)) throw unexpected(what);
    items.push(...body);
    url = nextPage(response.headers.get("link"));
  }
  return items.map((item) => toReview(item, what));
}

const maxPages = 100;

/** The `rel="next"` URL of a `Link` header, as GitHub paginates. */
function nextPage(link: string | null): string | null {
  for (const part of link?.split(",") ?? []) {
    const match = /<([^>]+)>\s*;\s*rel="next"/.exec(part);
    if (match) return match[1]!;
  }
  return null;
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

/** No answer: no network, a wrong address, or the time given ran out. */
function unreachable(error: unknown, what: string, options: ReadReviewsOptions): UserError {
  const cause = (error as { cause?: { message?: unknown } }).cause;
  const reason = typeof cause?.message === "string" ? cause.message : error instanceof Error ? error.message : String(error);
  return new UserError(`Could not read the reviews of pull request #${options.number}: ${what} failed: ${reason}.`, {
    hint: `check the network and GITHUB_API_URL (now ${options.apiUrl}), ${hintNoCheck}`,
  });
}

/** An answer that is an error: says what the status means for the user. */
function refused(status: number, body: unknown, what: string, options: ReadReviewsOptions): UserError {
  const message = (body as { message?: unknown } | undefined)?.message;
  const said = typeof message === "string" ? `: ${message}` : "";
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
