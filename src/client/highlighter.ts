// `_rfckit/highlighter.js`: highlight.js with the languages RFCs use, loaded by book.js only on
// pages with code in one of them (src/client/code-highlighting.ts). Highlighting in the reader's
// browser, as mdBook does, keeps the markup of every token out of the pages: on the Rust RFCs a
// fifth of the site and of the build's time.

import hljs from "highlight.js/lib/core";
import bash from "highlight.js/lib/languages/bash";
import c from "highlight.js/lib/languages/c";
import cpp from "highlight.js/lib/languages/cpp";
import css from "highlight.js/lib/languages/css";
import diff from "highlight.js/lib/languages/diff";
import dockerfile from "highlight.js/lib/languages/dockerfile";
import go from "highlight.js/lib/languages/go";
import ini from "highlight.js/lib/languages/ini";
import java from "highlight.js/lib/languages/java";
import javascript from "highlight.js/lib/languages/javascript";
import json from "highlight.js/lib/languages/json";
import markdown from "highlight.js/lib/languages/markdown";
import python from "highlight.js/lib/languages/python";
import rust from "highlight.js/lib/languages/rust";
import shell from "highlight.js/lib/languages/shell";
import sql from "highlight.js/lib/languages/sql";
import typescript from "highlight.js/lib/languages/typescript";
import xml from "highlight.js/lib/languages/xml";
import yaml from "highlight.js/lib/languages/yaml";

// The core build with these grammars only (`ini` also answers to `toml`): all ~190 would make
// the file ten times the size.
const languages = { bash, c, cpp, css, diff, dockerfile, go, ini, java, javascript, json, markdown, python, rust, shell, sql, typescript, xml, yaml };
for (const [name, language] of Object.entries(languages)) hljs.registerLanguage(name, language);

/** Highlights every code block under `root` in a language it knows; others stay as they are. */
function highlightCode(root: ParentNode): void {
  for (const code of root.querySelectorAll<HTMLElement>("pre > code[class*='language-']:not([data-highlighted])")) {
    const language = languageOf(code);
    if (!language || !hljs.getLanguage(language)) continue;
    code.innerHTML = hljs.highlight(code.textContent ?? "", { language, ignoreIllegals: true }).value;
    code.dataset["highlighted"] = "";
  }
}

/** The language a code block is marked with (`class="language-rust"`), in lower case, or null. */
function languageOf(code: HTMLElement): string | null {
  for (const name of code.classList) if (name.startsWith("language-")) return name.slice("language-".length).toLowerCase() || null;
  return null;
}

(self as unknown as { rfckitHighlightCode?: typeof highlightCode }).rfckitHighlightCode = highlightCode;
