import { stat } from "node:fs/promises";
import { availableParallelism } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { createDocumentParser } from "../markdown/parse-document.ts";
import type { RfcDocument } from "../model/document.ts";
import type { MarkdownFile } from "../model/repository.ts";
import { readText } from "./read-text.ts";

/** Limits on what is read. */
export interface ReadOptions {
  maxBytes: number;
}

/** Below this many files a worker costs more to start than it saves. */
const minFilesForWorkers = 100;

/** Reads and parses one Markdown file; an unreadable file gives its problem instead of a document. */
export async function readMarkdownFile(root: string, relative: string, options: ReadOptions, parse: (text: string) => RfcDocument): Promise<MarkdownFile> {
  const result = await readText(path.join(root, relative), { root, maxBytes: options.maxBytes });
  if (result.text === null) return { path: relative, document: null, problem: result.problem };
  return { path: relative, document: parse(result.text), problem: null };
}

/**
 * Reads and parses many Markdown files, in the order given. Parsing is most of the time `rfc check`
 * takes, so large repositories are split by size between this thread and worker threads, one per
 * spare core. `workers` overrides the number of worker threads (0 keeps everything on this thread).
 */
export async function readMarkdownFiles(root: string, paths: readonly string[], options: ReadOptions & { workers?: number }): Promise<MarkdownFile[]> {
  const workerCount = options.workers ?? (paths.length >= minFilesForWorkers ? Math.min(availableParallelism(), 4) - 1 : 0);
  const parse = createDocumentParser();
  if (workerCount <= 0) return Promise.all(paths.map((p) => readMarkdownFile(root, p, options, parse)));

  const chunks = await splitBySize(root, paths, workerCount + 1);
  const [own, ...others] = chunks;
  const fromWorkers = others.map((chunk) => parseInWorker(root, chunk, { maxBytes: options.maxBytes }));
  const mine = await Promise.all(own!.map((p) => readMarkdownFile(root, p, options, parse)));
  const byPath = new Map<string, MarkdownFile>(mine.map((f) => [f.path, f]));
  for (const files of await Promise.all(fromWorkers)) for (const f of files) byPath.set(f.path, f);
  return paths.map((p) => byPath.get(p)!);
}

function parseInWorker(root: string, paths: readonly string[], options: ReadOptions): Promise<MarkdownFile[]> {
  return new Promise((resolve, reject) => {
    const script = new URL(`./parse-worker${path.extname(import.meta.url)}`, import.meta.url).href;
    // Running from TypeScript sources (development, tests): Node 20 does not pass this thread's
    // loader hooks to workers, so the worker registers tsx's before importing its script.
    const register = script.endsWith(".ts") ? `(await import("tsx/esm/api")).register();` : "";
    const code = `(async () => { ${register} await import(${JSON.stringify(script)}); })();`;
    const worker = new Worker(code, { eval: true, workerData: { root, paths, options } });
    worker.once("message", (files: MarkdownFile[]) => {
      resolve(files);
      void worker.terminate();
    });
    worker.once("error", reject);
  });
}

/** Splits `paths` into `count` lists of about equal total size, largest files first. */
async function splitBySize(root: string, paths: readonly string[], count: number): Promise<string[][]> {
  const sized = await Promise.all(paths.map(async (p) => ({ p, size: (await stat(path.join(root, p)).catch(() => null))?.size ?? 0 })));
  sized.sort((a, b) => b.size - a.size);
  const chunks = Array.from({ length: count }, () => ({ paths: [] as string[], size: 0 }));
  for (const { p, size } of sized) {
    const smallest = chunks.reduce((a, b) => (b.size < a.size ? b : a));
    smallest.paths.push(p);
    smallest.size += size;
  }
  return chunks.map((c) => c.paths);
}
