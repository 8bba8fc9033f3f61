import assert from "node:assert/strict";
import { test } from "node:test";
import { runRfc } from "../support/run-cli.ts";
import { smallTemplate } from "../support/templates.ts";
import { writeTempRepo } from "../support/temp-repo.ts";
import { buildInMemory } from "./build-in-memory.ts";

const header = "- Feature Name: videos\n- Start Date: 2025-01-01\n- RFC PR: [acme/rfcs#1](https://github.com/acme/rfcs/pull/1)\n\n";

async function renderRfc(body: string, bookToml = '[book]\ntitle = "Acme RFCs"\n'): Promise<string> {
  const root = await writeTempRepo({ "0000-template.md": smallTemplate, "book.toml": bookToml, "text/0001-videos.md": `# Videos\n\n${header}${body}` });
  const { page } = await buildInMemory(root);
  const html = page("0001-videos.html");
  return html.slice(html.indexOf("<main"), html.indexOf("</main>"));
}

/** The placeholders of a page: player address, link and title shown. */
function toPlaceholders(html: string): { embed: string; href: string; title: string }[] {
  const pattern = /<span class="video-embed" data-embed="([^"]*)"><a class="video-play" href="([^"]*)"><span class="video-title">([^<]*)<\/span>/g;
  return [...html.matchAll(pattern)].map(([, embed, href, title]) => ({ embed: embed!, href: href!, title: title! }));
}

test("a YouTube iframe becomes a click-to-play placeholder for the no-cookie player, named by the summary above it", async () => {
  const html = await renderRfc(
    '<details>\n<summary><strong>Demo 1: moving a &amp; b</strong></summary>\n\n<p><iframe src="https://youtu.be/dQw4w9WgXcQ?si=abc&amp;t=5" width="100%" height="400" allowfullscreen></iframe></p>\n\n</details>\n',
  );
  assert.deepEqual(toPlaceholders(html), [{ embed: "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1", href: "https://youtu.be/dQw4w9WgXcQ?si=abc&amp;t=5", title: "Demo 1: moving a &amp; b" }]);
  assert.doesNotMatch(html, /<iframe/);
});

test("an iframe's own title wins over the heading above it", async () => {
  const html = await renderRfc('## Demo\n\n<iframe title="Two minutes of pipes" src="https://www.youtube.com/embed/abcDEF12345"></iframe>\n');
  assert.deepEqual(toPlaceholders(html), [{ embed: "https://www.youtube-nocookie.com/embed/abcDEF12345?autoplay=1", href: "https://www.youtube.com/embed/abcDEF12345", title: "Two minutes of pipes" }]);
});

test("a video link alone in its paragraph becomes a placeholder; a link inside a sentence stays a link", async () => {
  const html = await renderRfc(
    "[The walkthrough](https://vimeo.com/123456789)\n\nhttps://www.loom.com/share/0f1e2d3c4b5a\n\nWatch [the demo](https://www.youtube.com/watch?v=abcDEF12345) before the meeting.\n",
  );
  assert.deepEqual(toPlaceholders(html), [
    { embed: "https://player.vimeo.com/video/123456789?dnt=1&amp;autoplay=1", href: "https://vimeo.com/123456789", title: "The walkthrough" },
    { embed: "https://www.loom.com/embed/0f1e2d3c4b5a?autoplay=1", href: "https://www.loom.com/share/0f1e2d3c4b5a", title: "https://www.loom.com/share/0f1e2d3c4b5a" },
  ]);
  assert.match(html, /Watch <a href="https:\/\/www.youtube.com\/watch\?v=abcDEF12345">the demo<\/a> before the meeting\./);
});

test("any other iframe becomes a plain link, and one without a web address disappears", async () => {
  const html = await renderRfc(
    '<iframe src="https://example.com/dashboard" title="Live dashboard"></iframe>\n\n<iframe src="https://example.com/map"></iframe>\n\n<iframe srcdoc="<script>alert(1)</script>"></iframe>\n\n<iframe src="javascript:alert(1)"></iframe>\n',
  );
  assert.deepEqual(toPlaceholders(html), []);
  assert.match(html, /<a href="https:\/\/example.com\/dashboard">Live dashboard<\/a>/);
  assert.match(html, /<a href="https:\/\/example.com\/map">https:\/\/example.com\/map<\/a>/);
  assert.doesNotMatch(html, /<iframe|srcdoc|javascript:|alert/);
});

test("addresses that only look like videos stay links", async () => {
  const html = await renderRfc("https://youtube.com.example.org/watch?v=abcDEF12345\n\n[channel](https://www.youtube.com/@acme)\n\n[clip](https://vimeo.com/channels/staff)\n");
  assert.deepEqual(toPlaceholders(html), []);
});

test("[rfckit] video-hosts chooses the hosts embedded; the others' iframes become links", async () => {
  const html = await renderRfc(
    '<iframe src="https://youtu.be/dQw4w9WgXcQ"></iframe>\n\n<iframe src="https://player.vimeo.com/video/42"></iframe>\n',
    '[book]\ntitle = "Acme RFCs"\n\n[rfckit]\nvideo-hosts = ["vimeo"]\n',
  );
  assert.deepEqual(
    toPlaceholders(html).map((p) => p.embed),
    ["https://player.vimeo.com/video/42?dnt=1&amp;autoplay=1"],
  );
  assert.match(html, /<a href="https:\/\/youtu.be\/dQw4w9WgXcQ">/);
});

test("a video host rfckit does not know is a configuration error naming the choices", async () => {
  const root = await writeTempRepo({ "0000-template.md": smallTemplate, "book.toml": '[rfckit]\nvideo-hosts = ["youtube", "dailymotion"]\n', "text/0001-videos.md": `# Videos\n\n${header}` });
  const result = await runRfc(["build"], { cwd: root });
  assert.equal(result.exitCode, 2);
  assert.match(result.stderr, /book\.toml.*video-hosts.*"youtube", "vimeo", "loom"/s);
});
