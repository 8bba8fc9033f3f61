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
import type MarkdownIt from "markdown-it";
import { escapeText } from "../render/escape.ts";

// The core build with the languages RFCs use: loading all ~190 grammars costs more than
// highlighting a whole corpus. `ini` also answers to `toml`.
const languages = { bash, c, cpp, css, diff, dockerfile, go, ini, java, javascript, json, markdown, python, rust, shell, sql, typescript, xml, yaml };
for (const [name, language] of Object.entries(languages)) hljs.registerLanguage(name, language);

/** Highlights code at build time, so pages need no script for it; unknown languages stay plain. */
export function highlightCode(code: string, lang: string): string {
  const name = lang.toLowerCase();
  if (name === "" || !hljs.getLanguage(name)) return "";
  return hljs.highlight(code, { language: name, ignoreIllegals: true }).value;
}

/**
 * Keeps a `mermaid` block's source, escaped, in `<pre class="mermaid">`: drawing it is left to a
 * client script, and the source stays readable without one.
 */
export function mermaidBlocks(md: MarkdownIt): void {
  const fence = md.renderer.rules.fence!;
  md.renderer.rules.fence = (tokens, index, options, env, self) => {
    const token = tokens[index]!;
    if (token.info.trim().split(/\s+/)[0]?.toLowerCase() === "mermaid") return `<pre class="mermaid">${escapeText(token.content)}</pre>\n`;
    return fence(tokens, index, options, env, self);
  };
}
