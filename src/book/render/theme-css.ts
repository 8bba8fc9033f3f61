/**
 * The book's stylesheet, written to `_rfckit/book.css`. Kept in a module rather than a file next
 * to the code so the bundled `rfc` command carries it. System fonts only: the book makes no
 * request to another host. Light by default, dark when the system asks for it or the reader
 * chose it (`data-theme` on `<html>`, set by `book.js`), and plain when printed.
 */
export const bookCss = `:root {
  --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --border: #d1d9e0; --link: #0969da;
  --code-bg: #f6f8fa; --sidebar-bg: #f6f8fa; --accent: #0969da; --mark: #fff8c5;
  --note: #0969da; --tip: #1a7f37; --important: #8250df; --warning: #9a6700; --caution: #d1242f;
  --hl-keyword: #cf222e; --hl-string: #0a3069; --hl-comment: #59636e; --hl-number: #0550ae; --hl-title: #8250df; --hl-type: #953800;
  color-scheme: light;
}
/* Dark on screen only: a page prints light, whatever the theme. */
@media screen and (prefers-color-scheme: dark) {
  :root:not([data-theme="light"]) {
    --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --border: #3d444d; --link: #4493f8;
    --code-bg: #161b22; --sidebar-bg: #010409; --accent: #4493f8; --mark: #bb800926;
    --note: #4493f8; --tip: #3fb950; --important: #ab7df8; --warning: #d29922; --caution: #f85149;
    --hl-keyword: #ff7b72; --hl-string: #a5d6ff; --hl-comment: #9198a1; --hl-number: #79c0ff; --hl-title: #d2a8ff; --hl-type: #ffa657;
    color-scheme: dark;
  }
}
@media screen {
  :root[data-theme="dark"] {
    --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --border: #3d444d; --link: #4493f8;
    --code-bg: #161b22; --sidebar-bg: #010409; --accent: #4493f8; --mark: #bb800926;
    --note: #4493f8; --tip: #3fb950; --important: #ab7df8; --warning: #d29922; --caution: #f85149;
    --hl-keyword: #ff7b72; --hl-string: #a5d6ff; --hl-comment: #9198a1; --hl-number: #79c0ff; --hl-title: #d2a8ff; --hl-type: #ffa657;
    color-scheme: dark;
  }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; background: var(--bg); color: var(--fg); line-height: 1.6;
  font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif;
}
a { color: var(--link); }
code, kbd, pre, samp { font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; font-size: 0.9em; }
.skip-link { position: absolute; left: -999px; }
.skip-link:focus { left: 0.5rem; top: 0.5rem; background: var(--bg); padding: 0.25rem 0.5rem; z-index: 10; }
/* The top bar is 3.4rem tall (its search box and padding): the sidebar and the phone's results sit below it. */
.top-bar {
  position: sticky; top: 0; z-index: 5; display: flex; gap: 1rem; align-items: center;
  padding: 0.5rem 1rem; background: var(--bg); border-bottom: 1px solid var(--border);
}
.top-bar .book-title { font-weight: 600; color: var(--fg); text-decoration: none; flex: 1; min-width: 0; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.top-bar .all-rfcs { white-space: nowrap; }
.theme-select { background: var(--bg); border: 1px solid var(--border); color: var(--fg); border-radius: 6px; padding: 0.2rem 0.3rem; font: inherit; font-size: 0.9rem; }
.theme-select[hidden] { display: none; }
.top-bar button { background: none; border: 1px solid var(--border); color: var(--fg); border-radius: 6px; padding: 0.2rem 0.55rem; cursor: pointer; font-size: 1rem; }
.search { position: relative; flex: 0 1 22rem; min-width: 6rem; }
.search[hidden] { display: none; }
.search input { width: 100%; padding: 0.3rem 0.6rem; border: 1px solid var(--border); border-radius: 6px; background: var(--bg); color: var(--fg); font: inherit; }
.search-results {
  position: absolute; right: 0; top: calc(100% + 0.3rem); width: min(36rem, 94vw); max-height: 70vh; overflow-y: auto;
  background: var(--bg); border: 1px solid var(--border); border-radius: 6px; box-shadow: 0 8px 24px #0003; font-size: 0.9rem;
}
.search-results[hidden] { display: none; }
.search-results ol { list-style: none; margin: 0; padding: 0; }
.search-results a { display: block; padding: 0.5rem 0.75rem; color: var(--fg); text-decoration: none; border-bottom: 1px solid var(--border); }
.search-results a:hover, .search-results a:focus { background: var(--code-bg); outline: none; }
.search-title { font-weight: 600; }
.search-section { color: var(--muted); margin-left: 0.4rem; }
.search-section::before { content: "§ "; }
.search-snippet { display: block; color: var(--muted); }
.search-snippet mark { background: var(--mark); color: var(--fg); }
.search-message { margin: 0; padding: 0.5rem 0.75rem; color: var(--muted); }
.layout { display: flex; align-items: flex-start; }
.sidebar {
  position: sticky; top: 3.4rem; width: 18rem; flex: none; height: calc(100vh - 3.4rem); overflow-y: auto;
  padding: 1rem; background: var(--sidebar-bg); border-right: 1px solid var(--border); font-size: 0.9rem;
}
.sidebar ol { list-style: none; margin: 0.5rem 0 0; padding: 0; }
.sidebar li { margin: 0.15rem 0; }
.sidebar li.depth-1 { padding-left: 1.2rem; }
.sidebar li.depth-2 { padding-left: 2.4rem; }
.sidebar li.depth-3, .sidebar li.depth-4, .sidebar li.depth-5 { padding-left: 3.6rem; }
.sidebar li.toc-part { margin-top: 1rem; font-weight: 600; color: var(--muted); }
.sidebar li.toc-separator { height: 0; margin: 0.6rem 0; border-top: 1px solid var(--border); }
.sidebar .toc-draft { color: var(--muted); display: block; }
.sidebar a { color: var(--fg); text-decoration: none; display: block; }
.sidebar a:hover { color: var(--link); }
.sidebar a[aria-current="page"] { color: var(--accent); font-weight: 600; }
.sidebar .toc-number { color: var(--muted); font-variant-numeric: tabular-nums; margin-right: 0.4rem; }
main { flex: 1; min-width: 0; padding: 1.5rem 2rem 3rem; }
.page { max-width: 52rem; margin: 0 auto; }
.rfc-index { max-width: 80rem; }
.rfc-number { color: var(--muted); margin: 0; font-weight: 600; }
h1 { margin-top: 0.2rem; line-height: 1.25; }
h1, h2, h3, h4 { scroll-margin-top: 4rem; }
.anchor { margin-left: 0.4rem; color: var(--muted); text-decoration: none; opacity: 0; }
h2:hover .anchor, h3:hover .anchor, h4:hover .anchor, h5:hover .anchor, h6:hover .anchor { opacity: 1; }
.code-block { position: relative; }
.copy-code { position: absolute; top: 0.35rem; right: 0.35rem; font: inherit; font-size: 0.75rem; padding: 0.1rem 0.45rem; border: 1px solid var(--border); border-radius: 6px; background: var(--bg); color: var(--fg); cursor: pointer; opacity: 0.85; }
.copy-code:hover, .copy-code:focus-visible { opacity: 1; }
mark.search-highlight { background: var(--mark); color: var(--fg); }
.keys-help { border: 1px solid var(--border); border-radius: 8px; background: var(--bg); color: var(--fg); padding: 1rem 1.5rem; max-width: 26rem; }
.keys-help::backdrop { background: #0006; }
.keys-help h2 { margin-top: 0; font-size: 1.1rem; }
.keys-help dl { display: grid; grid-template-columns: auto 1fr; gap: 0.4rem 1rem; }
.keys-help dd { margin: 0; }
.keys-help kbd { border: 1px solid var(--border); border-radius: 4px; padding: 0 0.35rem; }
h2 { border-bottom: 1px solid var(--border); padding-bottom: 0.3rem; }
.rfc-meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 1rem 0; padding: 0.75rem 1rem; border: 1px solid var(--border); border-radius: 6px; }
.rfc-meta > div { display: contents; }
.rfc-meta dt { color: var(--muted); }
.rfc-meta dd { margin: 0; overflow-wrap: anywhere; }
.page-toc { margin: 1rem 0; }
.page-toc ul { margin: 0.3rem 0; padding-left: 1.2rem; }
.page-toc .level-3 { margin-left: 1.2rem; }
.page-toc .level-4 { margin-left: 2.4rem; }
.markdown-body img { max-width: 100%; }
.markdown-body pre { background: var(--code-bg); padding: 0.8rem 1rem; overflow-x: auto; border-radius: 6px; line-height: 1.45; }
.markdown-body :not(pre) > code { background: var(--code-bg); padding: 0.1em 0.35em; border-radius: 4px; }
.markdown-body table, .rfc-table { border-collapse: collapse; display: block; overflow-x: auto; max-width: 100%; }
.markdown-body th, .markdown-body td, .rfc-table th, .rfc-table td { border: 1px solid var(--border); padding: 0.35rem 0.7rem; text-align: left; vertical-align: top; }
.rfc-table { display: table; width: 100%; font-size: 0.92rem; }
.table-wrap { overflow-x: auto; }
.rfc-table th { cursor: pointer; user-select: none; white-space: nowrap; background: var(--code-bg); }
.rfc-table th[aria-sort="ascending"]::after { content: " ▲"; }
.rfc-table th[aria-sort="descending"]::after { content: " ▼"; }
.rfc-table td:first-child, .rfc-table td:nth-child(4), .rfc-table td:nth-child(5) { white-space: nowrap; font-variant-numeric: tabular-nums; }
.status { border: 1px solid var(--border); border-radius: 1rem; padding: 0 0.5rem; font-size: 0.85em; white-space: nowrap; }
.status-draft { color: var(--warning); }
.status-active, .status-accepted { color: var(--tip); }
.rfc-filter-box input { font: inherit; padding: 0.25rem 0.5rem; border: 1px solid var(--border); border-radius: 6px; background: var(--bg); color: var(--fg); min-width: 16rem; }
blockquote { margin: 0; padding: 0 1em; color: var(--muted); border-left: 0.25em solid var(--border); }
.markdown-alert { padding: 0.5rem 1rem; margin-bottom: 1rem; border-left: 0.25em solid var(--border); }
.markdown-alert > :last-child { margin-bottom: 0; }
.markdown-alert-title { display: flex; gap: 0.5rem; align-items: center; font-weight: 600; margin: 0 0 0.25rem; }
.markdown-alert-title svg { fill: currentColor; }
.markdown-alert-note { border-color: var(--note); } .markdown-alert-note .markdown-alert-title { color: var(--note); }
.markdown-alert-tip { border-color: var(--tip); } .markdown-alert-tip .markdown-alert-title { color: var(--tip); }
.markdown-alert-important { border-color: var(--important); } .markdown-alert-important .markdown-alert-title { color: var(--important); }
.markdown-alert-warning { border-color: var(--warning); } .markdown-alert-warning .markdown-alert-title { color: var(--warning); }
.markdown-alert-caution { border-color: var(--caution); } .markdown-alert-caution .markdown-alert-title { color: var(--caution); }
.task-list-item { list-style: none; }
.task-list-item input { margin: 0 0.3em 0 -1.3em; vertical-align: middle; }
.footnotes { font-size: 0.9em; color: var(--muted); }
pre.mermaid { white-space: pre; }
pre.mermaid[data-processed] { background: none; border: 0; text-align: center; white-space: normal; overflow-x: auto; }
.mermaid-note { font-size: 0.875em; color: var(--muted); }
.video-embed { display: block; position: relative; aspect-ratio: 16 / 9; max-width: 100%; margin: 1em 0; background: #000; border-radius: 6px; overflow: hidden; }
.video-embed .video-play { position: absolute; inset: 0; display: flex; flex-direction: column; justify-content: center; align-items: center; gap: 0.4em; padding: 1em; color: #fff; text-decoration: none; text-align: center; }
.video-embed .video-play::before { content: "▶"; display: block; width: 2.2em; height: 1.6em; line-height: 1.6em; font-size: 1.8em; border-radius: 0.3em; background: #c00; }
.video-embed .video-play:hover::before, .video-embed .video-play:focus-visible::before { background: #e00; }
.video-embed .video-host { font-size: 0.85em; opacity: 0.8; }
.video-embed iframe { position: absolute; inset: 0; width: 100%; height: 100%; border: 0; }
.remote-image { display: inline-block; padding: 0.2em 0.6em; border: 1px dashed var(--border); border-radius: 4px; background: none; color: inherit; font: inherit; font-size: 0.9em; cursor: pointer; }
span.remote-image { cursor: default; }
span.remote-image::before { content: attr(data-alt) " (image from " attr(data-host) ")"; }
@media print { .video-embed { aspect-ratio: auto; background: none; } .video-embed .video-play { position: static; color: inherit; } .video-embed .video-play::before { content: none; } }
.hljs-keyword, .hljs-selector-tag, .hljs-literal, .hljs-built_in { color: var(--hl-keyword); }
.hljs-string, .hljs-regexp, .hljs-attr, .hljs-symbol { color: var(--hl-string); }
.hljs-comment, .hljs-quote, .hljs-meta { color: var(--hl-comment); font-style: italic; }
.hljs-number { color: var(--hl-number); }
.hljs-title, .hljs-section, .hljs-name { color: var(--hl-title); }
.hljs-type, .hljs-params, .hljs-variable { color: var(--hl-type); }
.hljs-addition { color: var(--tip); } .hljs-deletion { color: var(--caution); }
.page-footer { margin-top: 2.5rem; border-top: 1px solid var(--border); padding-top: 1rem; }
.prev-next { display: flex; justify-content: space-between; gap: 1rem; max-width: 52rem; margin: 2rem auto 0; }
.prev-next a { text-decoration: none; }
@media (max-width: 60rem) {
  .sidebar { display: none; position: fixed; top: 3.4rem; left: 0; bottom: 0; z-index: 4; height: auto; width: min(20rem, 85vw); box-shadow: 0 0 1rem #0004; }
  .sidebar.open { display: block; }
  main { padding: 1rem; }
  .top-bar { gap: 0.5rem; }
  .search-results { position: fixed; left: 0.5rem; right: 0.5rem; top: 3.4rem; width: auto; }
}
@media (min-width: 60.01rem) { .sidebar-toggle { display: none; } }
/* A phone keeps the top bar on one line, as tall as the sidebar and results below it expect:
   the RFC list is one tap away in the sidebar, and the search box takes the room left. */
@media (max-width: 40rem) {
  .top-bar { padding: 0.5rem; }
  .top-bar .all-rfcs { display: none; }
  .top-bar .book-title { flex: 0 1 auto; }
  .search { flex: 1 1 9rem; min-width: 0; }
  /* The search box needs the room: the whole book is seldom printed from a phone, and the theme
     menu shows only its sign (its options keep their words). */
  .print-link { display: none; }
  .theme-select { appearance: none; -webkit-appearance: none; width: 2rem; padding: 0.2rem 0; text-align: center; overflow: hidden; }
}
.print-link { color: var(--fg); display: inline-flex; }
.print-chapter { border-top: 1px solid var(--border); margin-top: 2rem; }
.print-now { font: inherit; padding: 0.3rem 1rem; border: 1px solid var(--border); border-radius: 6px; background: var(--bg); color: var(--fg); cursor: pointer; }
@media print {
  .print-status, .print-now { display: none !important; }
  .print-chapter { border: 0; margin: 0; break-before: page; }
  /* A diagram drawn in the dark theme is light lines on nothing: on paper it is inverted. */
  pre.mermaid[data-drawn-theme="dark"] svg { filter: invert(1) hue-rotate(180deg); }
  .top-bar, .search, .sidebar, .prev-next, .page-toc, .edit-link, .skip-link, .rfc-filter-box, .anchor, .copy-code, .keys-help { display: none !important; }
  body { background: #fff; color: #000; }
  main { padding: 0; }
  a { color: inherit; }
  /* On paper a link cannot be followed: its address is printed after it. */
  main a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.85em; word-break: break-all; color: #444; }
  .markdown-body pre { white-space: pre-wrap; border: 1px solid #ccc; }
  h1, h2, h3 { break-after: avoid; }
}
`;
