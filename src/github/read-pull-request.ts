import { UserError } from "../errors.ts";
import type { PullRequestFacts } from "../model/pull-request.ts";
import { toExampleDraftPath } from "../model/layout.ts";
import type { Repository } from "../model/repository.ts";
import { defaultApiUrl, readReviews } from "./read-reviews.ts";
import { requireToken } from "./require-token.ts";
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
      hint: `name the RFC the pull request proposes (rfc check ${toExampleDraftPath(repo.layout)} --pr ${number}) or add --changed.`,
    });
  }
  const apiUrl = options.env["GITHUB_API_URL"]?.trim() || defaultApiUrl;
  const reviews = await readReviews({ apiUrl, token, repository, number, userAgent: options.userAgent });
  return { number, approvers: toApprovers(reviews), files };
}
