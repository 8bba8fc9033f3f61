/**
 * What is known of the pull request that proposes some RFCs, read from GitHub outside the rules
 * (rules do no I/O) and handed to the check as data.
 */
export interface PullRequestFacts {
  number: number;
  /** Reviewers whose latest review approves the pull request (a later "changes requested" cancels an approval). */
  approvers: string[];
  /** The RFC files (relative to the root) the pull request proposes; the approval check reports on these. */
  files: ReadonlySet<string>;
}
