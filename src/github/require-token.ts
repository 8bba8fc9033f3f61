import { UserError } from "../errors.ts";

/** The hint shared by every way `--pr` can fail before asking GitHub. */
const tokenHint =
  "set GITHUB_TOKEN to a token that can read the repository's pull requests (in GitHub Actions: env: GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}), or leave out --pr to skip the approval check.";

/** Throws when `--pr` cannot work without a token, before anything is loaded. */
export function requireToken(env: Readonly<Record<string, string | undefined>>, number: number): string {
  const token = env["GITHUB_TOKEN"]?.trim();
  if (!token) throw new UserError(`--pr ${number} needs GITHUB_TOKEN to read the pull request's reviews from GitHub, and it is not set.`, { hint: tokenHint });
  return token;
}
