import path from "node:path";
import { preprocessors } from "../book/preprocessors/index.ts";
import { renderBookFiles } from "../book/render/render-book.ts";
import { toSummary } from "../book/summary.ts";
import { toBook } from "../book/to-book.ts";
import { checkRepository } from "../check/check-repository.ts";
import { UserError } from "../errors.ts";
import { maxNameBytes, pageNameOverflow } from "../model/page-name.ts";
import { toBookUrlProblem } from "../model/book-url.ts";
import { compareDiagnostics } from "../model/diagnostic.ts";
import { lineText } from "../model/document.ts";
import type { Repository } from "../model/repository.ts";
import { readDefaultBranch, readGitPrefix } from "../repository/git.ts";
import { loadRepository } from "../repository/load-repository.ts";
import { readBookPages } from "../repository/read-book-pages.ts";
import { renderPretty } from "../report/pretty.ts";
import assetUnpublished from "../rules/asset-unpublished.ts";
import fileContent from "../rules/file-content.ts";
import link from "../rules/link.ts";
import { defineCommand, exitCodes, rootOption } from "./command.ts";
import { readClientScript } from "./read-client-script.ts";
import { readMermaidFiles } from "./read-mermaid-files.ts";
import { writeChapterPages } from "./write-chapter-pages.ts";
import { startSearchIndexWriter } from "./write-search-index.ts";
import { requireRfcs } from "./require-rfcs.ts";
import { readVersion } from "./run.ts";
import { refuseForeignFolder, writeBook, writePages } from "./write-book.ts";
import { colorOptions, useColor } from "./use-color.ts";
import { collectGarbage } from "./collect-garbage.ts";

export default defineCommand({
  name: "build",
  description: "Build the RFCs into a static HTML book: an introduction from the README, an index of every RFC, and one page per RFC.",
  usage: "build [options]",
  options: {
    root: rootOption,
    out: { type: "string", description: "the folder to write the book to (default: book/ in the repository root)", valueName: "dir" },
    "site-url": { type: "string", description: "the URL path the book is served under, for canonical links (default: book.toml's site-url)", valueName: "url" },
    title: { type: "string", description: "the book's title (default: book.toml's [book] title)", valueName: "text" },
    "git-repository-url": { type: "string", description: "the repository's web address, for \"Edit this page\" links (default: book.toml's git-repository-url)", valueName: "url" },
    strict: { type: "boolean", description: "treat broken links and images as errors: report them, write nothing, exit 1" },
    ...colorOptions,
  },
  async run({ values, positionals }, io) {
    if (positionals.length > 0) {
      throw new UserError(`rfc build takes no paths (got ${positionals.join(" ")}).`, { hint: "use --root <dir> for another repository and --out <dir> for the output folder." });
    }
    const option = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : undefined);
    // Checked like book.toml's settings, before anything is read or written.
    for (const name of ["site-url", "git-repository-url"] as const) {
      const value = option(name);
      const problem = value === undefined ? null : toBookUrlProblem(name, value);
      if (problem) throw new UserError(`--${name} ${problem.message}.`, { hint: `pass ${problem.instead}, or leave --${name} out.` });
    }
    const root = option("root");
    const loaded = await loadRepository(root ? { root, cwd: io.cwd } : { cwd: io.cwd });
    // A page whose name no file system takes is left out, and said; the rest of the book is written.
    const unwritable = loaded.rfcs.filter((rfc) => pageNameOverflow(rfc.path) !== null);
    for (const rfc of unwritable) io.stderr.write(`${rfc.path}: not published in the book: its page's name would be ${pageNameOverflow(rfc.path)} bytes, more than file systems take (${maxNameBytes}); rename it.\n`);
    const repo = unwritable.length === 0 ? loaded : { ...loaded, rfcs: loaded.rfcs.filter((rfc) => !unwritable.includes(rfc)) };
    const notYet = requireRfcs(repo);
    if (notYet !== null) io.stderr.write(notYet);
    const out = option("out");
    const outDir = out ? path.resolve(io.cwd, out) : path.join(repo.root, "book");
    const display = out ?? path.relative(io.cwd, outDir);
    await refuseForeignFolder(outDir, repo.root, display);

    const strict = values["strict"] === true;
    // Files the book leaves out, and pages whose text could not be read, are said, as warnings
    // even with --strict: the book is right without them.
    const problems = [
      ...checkRepository(repo, { rules: [link] }).map((d) => ({ ...d, severity: strict ? ("error" as const) : ("warning" as const) })),
      ...checkRepository(repo, { rules: [assetUnpublished, fileContent] }).map((d) => ({ ...d, severity: "warning" as const })),
    ].sort(compareDiagnostics);
    if (problems.length > 0) io.stderr.write(renderPretty(problems, reportContext(repo, useColor(values, io.env, io.stderr))));
    if (strict && problems.some((d) => d.severity === "error")) {
      io.stderr.write("rfc build: nothing written, because --strict treats these problems as errors.\n");
      return exitCodes.problems;
    }

    const pages = readBookPages(repo);
    for (const warning of pages.warnings) io.stderr.write(`${warning}\n`);
    const summary = toSummary(repo, { pages, overrides: { title: option("title"), siteUrl: option("site-url"), gitRepositoryUrl: option("git-repository-url"), gitPrefix: await readGitPrefix(repo.root), branch: (await readDefaultBranch(repo.root)) ?? undefined } });
    let book = toBook(summary, repo, { pages });
    for (const preprocessor of preprocessors) book = preprocessor.run({ repo }, book);
    const [clientScript, highlighterScript, mermaidFiles] = await Promise.all([readClientScript(), readClientScript("highlighter"), readMermaidFiles()]);
    let fileCount = 0;
    const { skipped } = await writeBook(book.assets, { repo, outDir, display }, async (dir) => {
      // Each chapter's page is written as it is rendered, and its part of the search index made
      // meanwhile in a worker thread; then the book's other files.
      const search = book.settings.search ? startSearchIndexWriter(book, dir) : null;
      // The model is made: each file is read again as its page is rendered, and let go of after.
      for (const chapter of book.chapters) chapter.file.release?.();
      collectGarbage();
      try {
        const pageCount = await writeChapterPages(book, dir, search);
        // The worker makes the index's shards while this thread writes the book's other files.
        const indexFiles = search?.finish();
        const files = renderBookFiles(book, { clientScript, highlighterScript, mermaidFiles, withoutSearch: true, chapters: book.chapters });
        writePages(dir, files);
        fileCount = pageCount + files.length + ((await indexFiles) ?? 0);
      } finally {
        await search?.close();
      }
    });
    for (const { file, reason } of skipped) io.stderr.write(`${file}: not published in the book: ${reason}.\n`);
    const rfcCount = book.chapters.filter((c) => c.entry.kind === "rfc").length;
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
    io.stdout.write(`Built ${plural(rfcCount, "RFC")} into ${display}/: ${plural(fileCount, "file")} written, ${plural(book.assets.length - skipped.length, "asset")} copied.\n`);
    return exitCodes.ok;
  },
});


function reportContext(repo: Repository, color: boolean) {
  const documents = new Map(repo.rfcs.flatMap((r) => [[r.path, r.document] as const, ...r.subChapters.map((s) => [s.path, s.document] as const)]));
  return {
    root: repo.root,
    lineOf: (file: string, line: number) => {
      const doc = documents.get(file);
      return doc ? lineText(doc, line) : undefined;
    },
    color,
    fileCount: repo.rfcs.length,
    notes: [],
    toolVersion: readVersion(),
    ruleDescriptions: { [link.id]: link.description, [assetUnpublished.id]: assetUnpublished.description },
  };
}
