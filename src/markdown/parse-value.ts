import type { GitHubRef, ValueShape } from "../model/metadata.ts";

// `YYYY-MM-DD`, or an ISO timestamp as YAML tools write dates (`2014-08-14T00:00:00.000Z`).
const datePattern = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const linkPattern = /^\[([^\]]*)\]\(\s*<?([^)\s>]*)>?\s*\)$/;
const urlPattern = /^<?(https?:\/\/[^\s>]+)>?$/;
const textRefPattern = /^([\w.-]+)\/([\w.-]+)#(\d+)$/;
const urlRefPattern = /^https?:\/\/github\.com\/([\w.-]+)\/([\w.-]+)\/(pull|issues)\/(\d+)\/?(?:[?#].*)?$/;
const bareIdentPattern = /^[\p{L}_][\p{L}\p{N}_]*$/u;

/** Recognises the shape of a metadata value: a date, a link, a URL, an identifier, or plain text. */
export function parseValueShape(raw: string): ValueShape {
  const value = raw.trim();
  if (value === "") return { kind: "empty" };
  const date = datePattern.exec(value);
  if (date) {
    const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
    return { kind: "date", year, month, day, valid: isRealDate(year, month, day) };
  }
  const link = linkPattern.exec(value);
  if (link) {
    const text = link[1]!;
    const url = link[2]!;
    return { kind: "link", text, url, textRef: parseTextRef(text), urlRef: parseGitHubUrl(url) };
  }
  const url = urlPattern.exec(value);
  if (url) return { kind: "url", url: url[1]!, urlRef: parseGitHubUrl(url[1]!) };
  if (value.length > 2 && value.startsWith("`") && value.endsWith("`") && !value.slice(1, -1).includes("`")) {
    return { kind: "ident", name: value.slice(1, -1), quoted: true };
  }
  if (bareIdentPattern.test(value)) return { kind: "ident", name: value, quoted: false };
  return { kind: "text" };
}

/** `org/repo#12` → a reference without a kind. */
export function parseTextRef(text: string): GitHubRef | null {
  const m = textRefPattern.exec(text.trim());
  return m ? { owner: m[1]!, repo: m[2]!, kind: null, number: Number(m[3]) } : null;
}

/** `https://github.com/org/repo/pull/12` → a reference of kind `pull`. */
export function parseGitHubUrl(url: string): GitHubRef | null {
  const m = urlRefPattern.exec(url.trim());
  return m ? { owner: m[1]!, repo: m[2]!, kind: m[3] as "pull" | "issues", number: Number(m[4]) } : null;
}

/**
 * The one real `YYYY-MM-DD` date written inside other text, as where an author wrote the date into
 * the template's words (`(fill me in with today's date, 2024-03-04)`); null where there is none or
 * more than one.
 */
export function findDateWithin(text: string): string | null {
  const found = [...text.matchAll(/(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])/g)];
  if (found.length !== 1) return null;
  const [whole, year, month, day] = found[0]!;
  return isRealDate(Number(year), Number(month), Number(day)) ? whole : null;
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days;
}

const monthNames = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/** Reads a date written another way (`2024/1/5`, `Jan 5, 2024`, `5 January 2024`) when only one reading exists. */
export function toIsoDate(text: string): string | null {
  const t = text.replace(/^[\s(`*_]+|[\s)`*_.]+$/g, "");
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(t);
  if (m) return isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(t);
  if (m) {
    const [a, b, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
    // 05/01/2024 is May 1st or January 5th depending on who wrote it: only suggest when one reading is impossible.
    if (a > 12 && b <= 12) return isoOf(year, b, a);
    if (b > 12 && a <= 12) return isoOf(year, a, b);
    if (a === b) return isoOf(year, a, b);
    return null;
  }
  m = /^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i.exec(t);
  if (m) return isoOf(Number(m[3]), month(m[1]!), Number(m[2]));
  m = /^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})$/i.exec(t);
  if (m) return isoOf(Number(m[3]), month(m[2]!), Number(m[1]));
  return null;
}

function month(name: string): number {
  const lower = name.toLowerCase();
  if (lower.length < 3) return 0;
  return monthNames.findIndex((full) => full.startsWith(lower)) + 1;
}

function isoOf(year: number, month: number, day: number): string | null {
  if (!isRealDate(year, month, day)) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
