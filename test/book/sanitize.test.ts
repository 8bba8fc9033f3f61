import assert from "node:assert/strict";
import { test } from "node:test";
import { smallTemplate } from "../support/templates.ts";
import { writeTempRepo } from "../support/temp-repo.ts";
import { hostileVectors, otherHost } from "../support/hostile-vectors.ts";
import { buildInMemory, layoutScript, toTags } from "./build-in-memory.ts";

// Each case is raw HTML or Markdown an RFC could carry; none may reach the page as something that runs.
const hostile: Record<string, string> = {
  script: "<script>alert(1)</script>",
  "img onerror": '<img src="x.png" onerror="alert(2)">',
  "javascript link": '<a href="javascript:alert(3)">click</a>',
  "svg script": '<svg width="10" height="10"><script>alert(4)</script><circle cx="5" cy="5" r="4"/></svg>',
  iframe: '<iframe src="https://evil.example/"></iframe>',
  form: '<form action="https://evil.example/"><input name="password"><button>go</button></form>',
  style: "<style>body { background: url(javascript:alert(7)) }</style>",
  "style attribute": '<div style="background: expression(alert(8))">styled</div>',
  "data link": "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCg5KTwvc2NyaXB0Pg==)",
  "data anchor": '<a href="data:text/html,&lt;script&gt;alert(10)&lt;/script&gt;">d</a>',
  "mixed-case scheme": "[j](JaVaScRiPt:alert(11))",
  "tab in scheme": '<a href="java&#x09;script:alert(12)">t</a>',
  "svg xlink": '<svg><a xlink:href="javascript:alert(13)"><text>t</text></a></svg>',
  "details ontoggle": "<details open ontoggle=alert(14)><summary>s</summary>x</details>",
  "quote in link title": '[x" onmouseover="alert(15)](https://ok.example/ "t\\" onclick=\\"alert(15)")',
  "vbscript link": "[v](vbscript:msgbox(16))",
  "object and embed": '<object data="evil.swf"></object><embed src="evil.swf">',
  "meta refresh": '<meta http-equiv="refresh" content="0;url=javascript:alert(18)">',
  // Markdown alone: a page without raw HTML skips the sanitiser, so markdown-it and rfckit's
  // plugins must write these safely themselves.
  "autolink scheme": "<javascript:alert(30)> and www.example.com/?q=\"><script>alert(30)</script>",
  "image scheme": "![x](javascript:alert(31)) ![y](data:text/html;base64,PHNjcmlwdD4=)",
  "heading id": '### Title { #"onmouseover=alert(32) }',
  "fence info": '```"><script>alert(33)</script>\ncode\n```',
  "reference definition": "[r][evil]\n\n[evil]: javascript:alert(34) \"t\"",
  "footnote label": 'Text[^"><script>alert(35)</script>].\n\n[^"><script>alert(35)</script>]: note',
  "task list": "- [x] <b onmouseover=alert(36)>done</b>\n- [ ] open",
  // Raw HTML that is only comments is written as nothing; anything after a comment is not a comment.
  "after a comment": "<!-- a --> <script>alert(40)</script>",
  "after a comment's end in it": "<!-- a --> <img src=x onerror=alert(41)> -->",
  "after an abrupt comment": "<!--> <img src=x onerror=alert(42)> -->",
  "after a bang comment end": "<!-- a --!> <img src=x onerror=alert(43)> -->",
  "inline after a comment": "Text <!-- a --> <img src=x onerror=alert(44)> <!-- b -->.",
};

const rfc = (body: string, options: { title?: string; feature?: string; pr?: string } = {}) =>
  `# ${options.title ?? "Hostile"}\n\n- Feature Name: ${options.feature ?? "hostile"}\n- Start Date: 2025-01-01\n- Last Updated: 2025-01-02\n- RFC PR: ${options.pr ?? "[acme/rfcs#1](https://github.com/acme/rfcs/pull/1)"}\n- RFC reference:\n  - [acme/rfcs#1](https://github.com/acme/rfcs/pull/1)\n\n## Summary\n\n${body}\n`;

/** A tag's name and attributes, values unquoted and with character references decoded, as a browser reads them. */
function toAttributes(tag: string): { name: string; attributes: [string, string][] } {
  const name = /^<([^\s>/]+)/.exec(tag)![1]!.toLowerCase();
  const rest = tag.slice(name.length + 1);
  const attributes: [string, string][] = [];
  for (const m of rest.matchAll(/([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    const raw = m[2] ?? m[3] ?? m[4] ?? "";
    const value = raw.replace(/&#x([0-9a-f]+);?/gi, (_x, h: string) => String.fromCodePoint(parseInt(h, 16))).replace(/&#(\d+);?/g, (_x, d: string) => String.fromCodePoint(Number(d))).replace(/&quot;/g, '"').replace(/&amp;/g, "&");
    attributes.push([m[1]!.toLowerCase(), value]);
  }
  return { name, attributes };
}

/** Asserts a page holds nothing a browser would run: no script but the layout's, no handlers, no script URLs. */
function assertInert(html: string, label: string): void {
  for (const tag of toTags(html)) {
    const { name, attributes } = toAttributes(tag);
    if (name === "script") assert.match(tag, layoutScript, `${label}: a script tag got through: ${tag}`);
    assert.ok(!["iframe", "form", "style", "object", "embed", "base", "frame", "frameset"].includes(name), `${label}: a forbidden element got through: ${tag}`);
    // The one http-equiv a page has is the layout's own policy (see "every page carries one content security policy").
    if (name === "meta") assert.ok(!attributes.some(([a, v]) => a === "http-equiv" && v !== "Content-Security-Policy"), `${label}: a meta refresh got through: ${tag}`);
    for (const [attribute, value] of attributes) {
      assert.ok(!attribute.startsWith("on"), `${label}: an event handler got through: ${tag}`);
      assert.notEqual(attribute, "style", `${label}: a style attribute got through: ${tag}`);
      // Browsers skip control characters and spaces inside a URL's scheme.
      const compact = [...value].filter((c) => c.charCodeAt(0) > 0x20).join("").toLowerCase();
      assert.ok(!/^(?:javascript|vbscript|data:text)/.test(compact), `${label}: a script URL got through: ${tag}`);
    }
  }
}

test("hostile HTML and Markdown in an RFC body reach the page inert", async () => {
  const files: Record<string, string> = { "0000-template.md": smallTemplate };
  const names = Object.keys(hostile);
  names.forEach((name, index) => (files[`text/${String(index + 1).padStart(4, "0")}-case.md`] = rfc(hostile[name]!)));
  const root = await writeTempRepo(files);
  const { page } = await buildInMemory(root);
  names.forEach((name, index) => assertInert(page(`text/${String(index + 1).padStart(4, "0")}-case.html`), name));
  // The harmless parts stay: the circle of the SVG, the image without its handler, the summary.
  assert.match(page("text/0004-case.html"), /<svg width="10" height="10"><circle cx="5" cy="5" r="4"><\/circle><\/svg>/);
  assert.match(page("text/0002-case.html"), /<img src="x.png" \/>/);
  assert.match(page("text/0014-case.html"), /<details open><summary>s<\/summary>x<\/details>/);
});

test("raw HTML that is only comments is written as nothing, and its page keeps what the sanitiser would take (a task's label)", async () => {
  const root = await writeTempRepo({
    "0000-template.md": smallTemplate,
    "text/0001-comments.md": rfc("<!--\nGuidance left in.\n-->\n\nText <!-- inline --> here.\n\n<!-- one --> <!-- two -->\n\n- [ ] open"),
    "text/0002-html.md": rfc("<!-- guidance --> <b>bold</b>\n\n- [ ] open"),
  });
  const { page } = await buildInMemory(root);
  const comments = page("text/0001-comments.html");
  assert.doesNotMatch(comments, /Guidance left in|<!--|-->/);
  assert.match(comments, /<p>Text {2}here\.<\/p>/);
  assert.match(comments, /<input type="checkbox" class="task-list-item-checkbox" aria-label="Task" disabled>/);
  // Other raw HTML is sanitised as before, and the task keeps its label there too.
  const html = page("text/0002-html.html");
  assert.match(html, /<b>bold<\/b>/);
  assert.doesNotMatch(html, /guidance/);
  assert.match(html, /<input type="checkbox" class="task-list-item-checkbox" aria-label="Task" disabled \/>/);
});

test("a title or README that closes tags is shown as text; a metadata value's HTML is sanitised like the body's", async () => {
  const evil = "</title><script>alert(20)</script>";
  const root = await writeTempRepo({
    "0000-template.md": smallTemplate,
    "text/0001-evil.md": rfc("Body.", { title: evil, feature: `"><script>alert(21)</script>`, pr: `[x](javascript:alert(22))` }),
    "text/0002-front.md": '---\ntitle: "</script><script>alert(24)</script>"\n---\n\n## Summary\n\nText.\n',
  });
  const { page } = await buildInMemory(root, { readme: `# ${evil}\n\nHello.\n`, overrides: { title: `Book ${evil}`, siteUrl: `/x"><script>alert(23)</script>/` } });
  for (const path of ["index.html", "rfcs.html", "text/0001-evil.html", "text/0002-front.html"]) assertInert(page(path), path);
  // The model reads a heading as plain text (tags dropped); the book title is shown escaped.
  assert.match(page("text/0001-evil.html"), /<title>alert\(20\) · Book &lt;\/title&gt;&lt;script&gt;alert\(20\)&lt;\/script&gt;<\/title>/);
  // A metadata value is inline Markdown, as GitHub renders the list item: its script is dropped.
  assert.match(page("text/0001-evil.html"), /<dt>Feature Name<\/dt><dd>(?:"|&quot;)&gt;<\/dd>/);
  assert.match(page("text/0001-evil.html"), /<dt>RFC PR<\/dt><dd>\[x\]\(javascript:alert\(22\)\)<\/dd>/, "a javascript: PR link is shown as text, not a link");
  assert.match(page("index.html"), /<link rel="canonical" href="\/x&quot;&gt;&lt;script&gt;/);
  // The sidebar's data file cannot be ended by a title either.
  assert.doesNotMatch(page("_rfckit/toc.js"), /<\/script>/i);
  assert.match(page("_rfckit/toc.js"), /"\\u003c\/script>\\u003cscript>alert\(24\)\\u003c\/script>"/);
  assert.match(page("text/0002-front.html"), /<h1>&lt;\/script&gt;&lt;script&gt;alert\(24\)&lt;\/script&gt;<\/h1>/);
});

test("the safe HTML an RFC may carry is kept", async () => {
  const body = '<details><summary>More</summary>\n\nHidden *text*.\n\n</details>\n\nPress <kbd>Ctrl</kbd>, x<sup>2</sup>, H<sub>2</sub>O<br>next\n\n<table><tr><td colspan="2">cell</td></tr></table>\n\n![alt](data:image/png;base64,iVBORw0KGgo=)\n';
  const root = await writeTempRepo({ "0000-template.md": smallTemplate, "text/0001-safe.md": rfc(body) });
  const html = (await buildInMemory(root)).page("text/0001-safe.html");
  for (const kept of ["<details><summary>More</summary>", "<em>text</em>", "<kbd>Ctrl</kbd>", "<sup>2</sup>", "<sub>2</sub>", "<br />", '<td colspan="2">cell</td>', 'src="data:image/png;base64,iVBORw0KGgo="']) {
    assert.ok(html.includes(kept), `kept: ${kept}`);
  }
});

/** Asserts no tag of a page loads anything from another host with the page: only a click may (a link, a click-to-load image). */
function assertNothingRemote(html: string, label: string): void {
  for (const tag of toTags(html)) {
    const { name, attributes } = toAttributes(tag);
    for (const [attribute, value] of attributes) {
      // An address is read as a browser reads it (`\\host` is `//host`); `%5C` is only a character.
      const loads = ["src", "srcset", "poster", "data", "background"].includes(attribute) || (name === "link" && attribute === "href");
      if (loads && !value.startsWith("data:") && new URL(value, "https://book.example/text/page.html").host !== "book.example") assert.fail(`${label}: another host is asked with the page: ${tag}`);
      if (loads || !value.includes(otherHost)) continue;
      const clickOnly = (name === "a" && attribute === "href") || attribute === "data-image" || attribute === "data-host";
      const policy = name === "meta" && attribute === "content";
      assert.ok(clickOnly || policy, `${label}: another host is asked with the page: ${tag}`);
    }
  }
}

test("each hostile vector, alone on its page, reaches the page inert and asks no other host", async () => {
  const files: Record<string, string> = { "0000-template.md": smallTemplate };
  hostileVectors.forEach((vector, index) => (files[`text/${String(index + 1).padStart(4, "0")}-case.md`] = rfc(vector.body)));
  const root = await writeTempRepo(files);
  const { page } = await buildInMemory(root, { readme: `# Book\n\n${hostileVectors.find((v) => v.name === "alert title img")!.body}\n` });
  hostileVectors.forEach((vector, index) => {
    const html = page(`text/${String(index + 1).padStart(4, "0")}-case.html`);
    assertInert(html, vector.name);
    assertNothingRemote(html, vector.name);
  });
  assertInert(page("index.html"), "README alert");
  assert.match(page("index.html"), /<p class="markdown-alert-title"><svg[^]*?<\/svg>&lt;img src=x onerror="window.__pwned=1"&gt;<\/p>/);
});

test("an image from another host waits for a click, and only its host may be asked then", async () => {
  const root = await writeTempRepo({
    "0000-template.md": smallTemplate,
    "text/0001-pictures.md": rfc(`![A chart](https://${otherHost}/chart.png) ![Local](chart.png)\n\n<img src="//img.example/x.png" alt="Raw">\n\n[![badge](https://badge.example/b.svg)](https://ci.example/)`),
  });
  const html = (await buildInMemory(root)).page("text/0001-pictures.html");
  assert.match(html, /<span class="remote-image" data-image="https:\/\/other\.example\/chart\.png" data-alt="A chart" data-host="other\.example"><\/span>/);
  assert.match(html, /<img src="chart.png" alt="Local"/);
  assert.match(html, /<span class="remote-image" data-image="https:\/\/img\.example\/x\.png" data-alt="Raw" data-host="img\.example"><\/span>/);
  const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)![1]!.replace(/&#39;/g, "'");
  assert.match(policy, /img-src 'self' data: https:\/\/badge\.example https:\/\/img\.example https:\/\/other\.example;/);
  assert.doesNotMatch(policy, /ci\.example/);
});

test("every page carries one content security policy, first in its head, that runs no inline script", async () => {
  const root = await writeTempRepo({ "0000-template.md": smallTemplate, "text/0001-a.md": rfc("Text.") });
  const { rendered } = await buildInMemory(root, { readme: "# Book\n\nHello.\n" });
  const pages = rendered.pages.filter((p) => p.path.endsWith(".html"));
  assert.ok(pages.length >= 3);
  for (const { path, html } of pages) {
    const policies = html.match(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/g) ?? [];
    assert.equal(policies.length, 1, path);
    assert.ok(html.indexOf(policies[0]!) < html.indexOf("<script"), `${path}: the policy comes before any script`);
    const policy = policies[0]!.replace(/&#39;/g, "'");
    assert.match(policy, /default-src 'none'; script-src 'self';/, path);
    assert.doesNotMatch(policy, /unsafe-eval|script-src[^;]*unsafe-inline/, path);
  }
});

test("image-hosts load with the page, in Markdown and raw HTML, and only they join the policy", async () => {
  const root = await writeTempRepo({
    "book.toml": '[rfckit]\nimage-hosts = ["assets.example.com"]\n',
    "0000-template.md": smallTemplate,
    "text/0001-pictures.md": rfc(`![Ours](https://assets.example.com/a.png) ![Theirs](https://${otherHost}/b.png)\n\n<img src="https://ASSETS.example.com/c.png" alt="raw">`),
  });
  const html = (await buildInMemory(root)).page("text/0001-pictures.html");
  assert.match(html, /<img src="https:\/\/assets\.example\.com\/a\.png" alt="Ours" \/>/);
  assert.match(html, /<img src="https:\/\/ASSETS\.example\.com\/c\.png" alt="raw" \/>/);
  assert.match(html, /<span class="remote-image" data-image="https:\/\/other\.example\/b\.png"/);
  const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)![1]!.replace(/&#39;/g, "'");
  assert.match(policy, /img-src 'self' data: https:\/\/assets\.example\.com https:\/\/other\.example;/);
});

test("raw HTML nested deeper than 256 elements shows its deeper tags as text; shallower nesting is kept", async () => {
  const deep = `${"<div>".repeat(300)}core${"</div>".repeat(300)}\n\n<details><summary>More</summary>\n\n<div><span>kept</span></div>\n\n</details>\n`;
  const root = await writeTempRepo({ "0000-template.md": smallTemplate, "text/0001-deep.md": rfc(deep) });
  const html = (await buildInMemory(root)).page("text/0001-deep.html");
  const body = html.slice(html.indexOf('<div class="markdown-body">'));
  assert.equal(body.match(/<div>/g)?.length, 256 + 1, "the first 256 stay elements, and the one in <details>");
  assert.equal(body.match(/&lt;div&gt;/g)?.length, 44, "the rest are text");
  assert.match(body, /<details><summary>More<\/summary>/);
  assert.match(body, /<div><span>kept<\/span><\/div>/);
});
