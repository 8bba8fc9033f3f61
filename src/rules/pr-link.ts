import type { GitHubRef, MetadataValue } from "../model/metadata.ts";
import { findEntry } from "../model/metadata.ts";
import { isPlaceholder } from "../model/placeholder.ts";
import { defineRule, type RuleContext } from "./define-rule.ts";
import { replaceText } from "./replace-text.ts";

const linkPattern = /\[([^\]]*)\]\(\s*<?([^)\s>]*)>?\s*\)/g;
const textRefPattern = /^(?:([\w.-]+)\/([\w.-]+))?#?(\d+)$/;
const urlRefPattern = /https?:\/\/github\.com\/([\w.-]+)\/([\w.-]+)\/(pull|issues)\/(\d+)/;
const wholeUrlRefPattern = new RegExp(`^${urlRefPattern.source}/?(?:[?#].*)?$`);

/** One link of the value: what its text and its URL name, and where it starts in the value. */
interface PrLink {
  /** The link text as written; empty for a bare URL. */
  text: string;
  url: string;
  offset: number;
  /** What the link text names; `owner`/`repo` are empty when the text gives only a number (`#404`). */
  textRef: GitHubRef | null;
  urlRef: GitHubRef | null;
}

export default defineRule({
  id: "pr-link",
  description: "The RFC PR link's text and URL name the same pull request, in the template's repository",
  severity: "error",
  tags: ["metadata"],
  fixable: true,
  check(ctx) {
    const { rfc, doc, schema } = ctx;
    if (schema.prKey === null) return;
    const entry = findEntry(doc.metadata, schema.prKey);
    if (!entry) return;
    const { value } = entry;
    const placeholder = schema.metadata.find((k) => k.key === schema.prKey)?.placeholder;
    if (isPlaceholder(value.raw, placeholder) || (value.raw.trim() === "" && rfc.isDraft)) return;
    const links = toLinks(value);
    const key = entry.key;
    const listForm = doc.metadata.form === "list" || doc.metadata.form === "code";
    const at = (offset: number) => ({ line: value.line, column: value.column + (listForm ? offset : 0) });
    if (!links) {
      ctx.report({ ...at(0), message: `"${key}" is not a link to the RFC's pull request.`, hint: `write it as ${expectedLink(ctx, value.raw)}.` });
      return;
    }
    for (const link of links) checkLink(ctx, { key, link, at: at(link.offset), textAt: { line: value.line, column: value.column + link.offset + 1 } });
    const number = rfc.number ?? 0;
    if (ctx.repo.numbering === "pr" && number > 0) {
      const numbers = links.map((l) => (l.urlRef ?? l.textRef)?.number).filter((n) => n !== undefined);
      if (numbers.length > 0 && !numbers.includes(number)) {
        ctx.report({
          ...at(links[0]!.offset),
          message: `"${key}" names pull request #${numbers[0]}, but the file is numbered ${rfc.numberText}.`,
          hint: `this repository numbers RFCs by pull request: correct the link, or rename the file to match the pull request.`,
        });
      }
    }
  },
});

/** One link to check: the key it belongs to, where to report, and where its text is written. */
interface LinkToCheck {
  key: string;
  link: PrLink;
  at: { line: number; column: number };
  textAt: { line: number; column: number };
}

function checkLink(ctx: RuleContext, { key, link, at, textAt }: LinkToCheck): void {
  const { urlRef, textRef } = link;
  const want = ctx.schema.repository;
  if (!urlRef) {
    if (link.url !== "") {
      ctx.report({ ...at, message: `"${key}" links to ${link.url}, which is not a pull request on GitHub.`, hint: `link the pull request: ${expectedLink(ctx, "")}.` });
      return;
    }
  } else if (want && !sameRepo(urlRef, want)) {
    ctx.report({
      ...at,
      message: `"${key}" links to ${urlRef.owner}/${urlRef.repo}#${urlRef.number}, not to this repository (${want.owner}/${want.repo}).`,
      hint: `link the RFC's pull request in ${want.owner}/${want.repo}.`,
    });
  } else if (urlRef.kind === "issues") {
    ctx.report({
      ...at,
      severity: "warning",
      message: `"${key}" links to an issue URL (…/issues/${urlRef.number}), not a pull request URL.`,
      hint: `write the URL as https://github.com/${urlRef.owner}/${urlRef.repo}/pull/${urlRef.number} if #${urlRef.number} is the pull request.`,
    });
  }
  if (!urlRef || !textRef) return;
  const repoDiffers = textRef.owner !== "" && !sameRepo(textRef, urlRef);
  if (repoDiffers || textRef.number !== urlRef.number) {
    // The URL is what readers follow, so the fix makes the text say what the URL already names.
    const named = `${urlRef.owner}/${urlRef.repo}#${urlRef.number}`;
    const fix = replaceText(ctx.doc, textAt, link.text, named);
    ctx.report({
      ...at,
      message: `"${key}" says ${link.text.trim()} in its text but links to ${named}.`,
      hint: "make the text and the URL name the same pull request.",
      ...(fix ? { fix } : {}),
    });
  }
}

/** The links a value holds (one, or several separated by commas), or null when it is not links at all. */
function toLinks(value: MetadataValue): PrLink[] | null {
  const { shape, raw } = value;
  if (shape.kind === "url") return [{ text: "", url: shape.url, offset: raw.indexOf(shape.url), textRef: null, urlRef: refFromUrl(shape.url) }];
  if (shape.kind !== "link" && shape.kind !== "text") return null;
  const links: PrLink[] = [];
  for (const m of raw.matchAll(linkPattern)) {
    links.push({ text: m[1]!, url: m[2]!, offset: m.index, textRef: refFromText(m[1]!), urlRef: refFromUrl(m[2]!) });
  }
  // Some RFCs came from more than one pull request: `[a#1](…), [a#2](…)`.
  const rest = raw.replace(linkPattern, "").replace(/,|\band\b/g, "").trim();
  return links.length > 0 && rest === "" ? links : null;
}

function refFromText(text: string): GitHubRef | null {
  const m = textRefPattern.exec(text.trim());
  return m ? { owner: m[1] ?? "", repo: m[2] ?? "", kind: null, number: Number(m[3]) } : null;
}

function refFromUrl(url: string): GitHubRef | null {
  const m = wholeUrlRefPattern.exec(url.trim());
  return m ? { owner: m[1]!, repo: m[2]!, kind: m[3] as "pull" | "issues", number: Number(m[4]) } : null;
}

function sameRepo(a: Pick<GitHubRef, "owner" | "repo">, b: Pick<GitHubRef, "owner" | "repo">): boolean {
  return a.owner.toLowerCase() === b.owner.toLowerCase() && a.repo.toLowerCase() === b.repo.toLowerCase();
}

/** The link the template asks for, with the real number when the value or the file name gives it. */
function expectedLink({ schema, rfc, repo }: RuleContext, raw: string): string {
  const found = urlRefPattern.exec(raw);
  const name = schema.repository ? `${schema.repository.owner}/${schema.repository.repo}` : found ? `${found[1]}/${found[2]}` : "org/repo";
  const number = found?.[4] ?? /#(\d+)/.exec(raw)?.[1] ?? (repo.numbering === "pr" && rfc.number ? String(rfc.number) : "N");
  return `[${name}#${number}](https://github.com/${name}/pull/${number})`;
}
