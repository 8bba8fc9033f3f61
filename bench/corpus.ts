import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

/** The files the floor and the peers read: every `.md` under `text/`, and the template. */
export function listCorpusMarkdown(corpus: string): string[] {
  const text = path.join(corpus, "text");
  const files = existsSync(text)
    ? readdirSync(text, { recursive: true })
        .map(String)
        .filter((f) => f.endsWith(".md"))
        .map((f) => path.join(text, f))
    : [];
  const template = path.join(corpus, "0000-template.md");
  if (existsSync(template)) files.push(template);
  return files;
}

/** Why `corpus` cannot be benchmarked, or null when it looks like an RFC repository. */
export function corpusProblem(corpus: string): string | null {
  if (!existsSync(corpus)) return `${corpus} does not exist`;
  if (!existsSync(path.join(corpus, "0000-template.md"))) return `${corpus} has no 0000-template.md`;
  if (!existsSync(path.join(corpus, "text"))) return `${corpus} has no text/ folder`;
  return null;
}

/** Number and total size of the corpus's Markdown files. */
export function describeCorpus(corpus: string): { files: number; bytes: number } {
  const files = listCorpusMarkdown(corpus);
  return { files: files.length, bytes: files.reduce((sum, f) => sum + statSync(f).size, 0) };
}
