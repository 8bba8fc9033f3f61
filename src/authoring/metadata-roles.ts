/** What `rfc new` fills in a metadata entry, by the entry's key. */
export type MetadataRole = "feature" | "start" | "updated" | "title";

// Keys compared lower case with `-`, `_` and runs of spaces as one space, so the list form's
// `Start Date` and front matter's `start-date` or `start_date` are the same key.
const roles: Record<string, MetadataRole> = {
  "feature name": "feature",
  feature: "feature",
  "start date": "start",
  created: "start",
  date: "start",
  "last updated": "updated",
  updated: "updated",
  "last modified": "updated",
  title: "title",
};

/** The role of a metadata key, or null for keys `rfc new` leaves to the author. */
export function toMetadataRole(key: string): MetadataRole | null {
  return roles[key.trim().toLowerCase().replace(/[-_\s]+/g, " ")] ?? null;
}
