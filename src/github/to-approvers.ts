import type { Review } from "./review.ts";

/**
 * The reviewers whose latest review approves, in the order of those approvals. As on GitHub, a
 * comment changes nothing, while "changes requested" or a dismissal replaces an earlier approval.
 * Pending reviews (not submitted) and deleted accounts do not count.
 */
export function toApprovers(reviews: readonly Review[]): string[] {
  const latest = new Map<string, { state: string; at: string }>();
  // The API lists reviews oldest first; sorting again keeps the rule right for any order given.
  const submitted = reviews.filter((r) => r.login !== null && r.submittedAt !== null);
  const ordered = [...submitted].sort((a, b) => (a.submittedAt! < b.submittedAt! ? -1 : a.submittedAt! > b.submittedAt! ? 1 : 0));
  for (const review of ordered) {
    if (review.state !== "APPROVED" && review.state !== "CHANGES_REQUESTED" && review.state !== "DISMISSED") continue;
    // Logins are case-insensitive on GitHub.
    latest.set(review.login!.toLowerCase(), { state: review.state, at: review.submittedAt! });
  }
  const approvals = [...latest].filter(([, r]) => r.state === "APPROVED").sort(([, a], [, b]) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const names = new Map(submitted.map((r) => [r.login!.toLowerCase(), r.login!]));
  return approvals.map(([key]) => names.get(key) ?? key);
}
