import { findDateWithin } from "../markdown/parse-value.ts";

/**
 * What to write for a date value that is not one: the date it holds inside other words (the
 * template's, mostly: "2024-05-01 (fill in)"), alone, else the form with today's date. The same
 * in `date` and `metadata-placeholder`.
 */
export function dateHint(raw: string, today: string): string {
  const within = findDateWithin(raw);
  return within ? `write it as ${within}, without the words around it.` : `write the date as YYYY-MM-DD, e.g. today's: ${today}.`;
}
