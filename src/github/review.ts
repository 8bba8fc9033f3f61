/** One review of a pull request, as GitHub's REST API lists it (only the fields rfckit reads). */
export interface Review {
  /** The reviewer's login; null for a deleted account. */
  login: string | null;
  /** `APPROVED`, `CHANGES_REQUESTED`, `COMMENTED`, `DISMISSED` or `PENDING`. */
  state: string;
  /** When the review was submitted (ISO 8601); null for a pending review. */
  submittedAt: string | null;
}
