import type { Chapter, HeaderValue, PageRef } from "../types.ts";
import { escapeAttr, escapeText } from "./escape.ts";
import { toRelativeUrl } from "./layout.ts";

/**
 * The content of one chapter's page: number and title, the metadata header (each value inline Markdown), a
 * table of contents, the rendered body, "Referenced by", the edit link, and previous/next.
 */
export function renderChapterContent(chapter: Omit<Chapter, "file">, body: string, options: { renderValue: (markdown: string) => string; titleMdBookId: string | null }): string {
  const { renderValue } = options;
  const out = chapter.entry.out;
  const link = (ref: PageRef) => `<a href="${escapeAttr(toRelativeUrl(out, ref.out))}">${escapeText(ref.title)}</a>`;
  const parts: string[] = ['<article class="page">', '<header class="page-header">'];
  const numberText = chapter.row?.path ? /(\d+)-[^/]*$/.exec(chapter.row.path)?.[1] : undefined;
  if (chapter.entry.kind === "rfc" && numberText && chapter.entry.number) parts.push(`<p class="rfc-number">RFC ${escapeText(numberText)}</p>`);
  if (chapter.entry.kind === "rfc" && chapter.entry.number === 0) parts.push('<p class="rfc-number">Draft RFC</p>');
  // The title's id as mdBook gives it too, where it differs (see toMdBookId).
  const second = options.titleMdBookId ? `<span id="${escapeAttr(options.titleMdBookId)}"></span>` : "";
  parts.push(chapter.titleId ? `<h1 id="${escapeAttr(chapter.titleId)}">${second}${escapeText(chapter.title)}</h1>` : `<h1>${escapeText(chapter.title)}</h1>`);
  if (chapter.header.length > 0) {
    parts.push('<dl class="rfc-meta">');
    for (const field of chapter.header) parts.push(`<div><dt>${escapeText(field.key)}</dt><dd>${renderValues(field.values, renderValue)}</dd></div>`);
    parts.push("</dl>");
  }
  parts.push("</header>");
  if (chapter.sections.length > 1) {
    parts.push('<nav class="page-toc" aria-label="Contents"><details open><summary>Contents</summary><ul>');
    for (const s of chapter.sections) parts.push(`<li class="level-${s.level}"><a href="#${escapeAttr(encodeURIComponent(s.slug))}">${escapeText(s.title)}</a></li>`);
    parts.push("</ul></details></nav>");
  }
  parts.push(`<div class="markdown-body">\n${body}</div>`);
  const footer: string[] = [];
  if (chapter.referencedBy.length > 0) {
    footer.push('<section class="referenced-by"><h2>Referenced by</h2><ul>', ...chapter.referencedBy.map((r) => `<li>${link(r)}</li>`), "</ul></section>");
  }
  if (chapter.editUrl) footer.push(`<p class="edit-link"><a href="${escapeAttr(chapter.editUrl)}">Edit this page</a></p>`);
  if (footer.length > 0) parts.push('<footer class="page-footer">', ...footer, "</footer>");
  parts.push("</article>", '<nav class="prev-next" aria-label="Previous and next">');
  parts.push(chapter.previous ? `<a class="previous" rel="prev" href="${escapeAttr(toRelativeUrl(out, chapter.previous.out))}">← ${escapeText(chapter.previous.title)}</a>` : "<span></span>");
  parts.push(chapter.next ? `<a class="next" rel="next" href="${escapeAttr(toRelativeUrl(out, chapter.next.out))}">${escapeText(chapter.next.title)} →</a>` : "<span></span>");
  parts.push("</nav>");
  return parts.join("\n");
}

/** A field's values, one per line; nested values as a list under theirs. */
function renderValues(values: readonly HeaderValue[], renderValue: (markdown: string) => string): string {
  return values
    .map((value) => {
      const own = renderValue(value.markdown);
      return value.children.length === 0 ? own : `${own}<ul>${value.children.map((child) => `<li>${renderValues([child], renderValue)}</li>`).join("")}</ul>`;
    })
    .join("<br>");
}
