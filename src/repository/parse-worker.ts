import { parentPort, workerData } from "node:worker_threads";
import { createDocumentParser } from "../markdown/parse-document.ts";
import { readMarkdownFile, type ReadOptions } from "./read-markdown.ts";

/** Reads and parses the files it is given, on its own core, and posts the results back. */
const { root, paths, options } = workerData as { root: string; paths: string[]; options: ReadOptions };
const parse = createDocumentParser();
const files = await Promise.all(paths.map((relative) => readMarkdownFile(root, relative, options, parse)));
parentPort!.postMessage(files);
