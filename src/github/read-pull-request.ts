import { UserError } from "../errors.ts";
import type { PullRequestFacts } from "../model/pull-request.ts";
import type { Repository } from "../model/repository.ts";
import { defaultApiUrl, readReviews } from "./read-reviews.ts";
import { selectPullRequestRfcs } from "./select-rfcs.ts";
import { toApprovers } from "./to-approvers.ts";

/** What `readPullRequest` needs besides the repository. */
export interface ReadPullRequestOptions {
  number: number;
  /** The RFCs the command checks, when it was given paths or `--changed`. */
  only: ReadonlySet<string> | undefined;
  /** The environment: `GITHUB_TOKEN`, and `GITHUB_API_URL` where the API is not api.github.com. */
  env: Readonly<Record<string, string | undefined>>;
  userAgent: string;
}

/** The hint shared by every way `--pr` can fail before asking GitHub. */
export const tokenHint =
  "set GITHUB_TOKEN to a token that can read the repository's pull requests (in GitHub Actions: env: GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}), or leave out --pr to skip the approval check.";

/** Throws when `--pr` cannot work without a token, before anything is loaded. */
export function requireToken(env: Readonly<Record<string, string | undefined>>, number: number): string {
  const token = env["GITHUB_TOKEN"]?.trim();
  if (!token) throw new UserError(`--pr ${number} needs GITHUB_TOKEN to read the pull request's reviews from GitHub, and it is not set.`, { hint: tokenHint });
  return token;
}

/**
 * Reads from GitHub what the approval check needs about pull request `number`: who approves it, and
 * which RFCs it proposes (when the command's selection holds none, GitHub is not asked). Throws a `UserError` when that cannot be known (no token, no GitHub
 * repository in the template, no RFC for the pull request, an API or network failure).
 */
export async function readPullRequest(repo: Repository, options: ReadPullRequestOptions): Promise<PullRequestFacts> {
  const { number } = options;
  const token = requireToken(options.env, number);
  const repository = repo.schema.repository;
  if (!repository) {
    throw new UserError(`--pr ${number}: the template's RFC PR link names no GitHub repository, so rfckit cannot tell where pull request #${number} is.`, {
      file: repo.template.path,
      hint: "write the template's RFC PR placeholder as [org/repo#0000](https://github.com/org/repo/pull/0000), or leave out --pr.",
    });
  }
  const files = selectPullRequestRfcs(repo, number, options.only);
  // A pull request that changes no RFC (`--changed` selected none) has nothing to approve here.
  if (files.size === 0 && options.only) return { number, approvers: [], files };
  if (files.size === 0) {
    throw new UserError(`--pr ${number}: no RFC links pull request #${number} in its RFC PR link, so there is no RFC to check its approvals for.`, {
      hint: `name the RFC the pull request proposes (rfc check ${repo.config.rfcDir}/0000-my-feature.md --pr ${number}) or add --changed.`,
    });
  }
  const apiUrl = options.env["GITHUB_API_URL"]?.trim() || defaultApiUrl;
  const reviews = await readReviews({ apiUrl, token, repository, number, userAgent: options.userAgent });
  return { number, approvers: toApprovers(reviews), files };
}
