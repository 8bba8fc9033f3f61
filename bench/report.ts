import path from "node:path";
import type { BenchResults } from "./results.ts";
import type { TargetOutcome } from "./targets.ts";

const probeNames = { "gnu-time": "/usr/bin/time %M", "proc-poll": "polling /proc/<pid>/status VmHWM every 5 ms", none: "not measured" } as const;

/** The results as a table for people, with the targets underneath. */
export function renderTable(results: BenchResults, outcomes: readonly TargetOutcome[], options: { cwd: string }): string {
  const corpus = path.relative(options.cwd, results.corpus) || ".";
  const lines = [
    `corpus: ${corpus} (${results.markdownFiles} Markdown files, ${(results.corpusBytes / 1024 / 1024).toFixed(1)} MB)`,
    `${results.runs} runs each after one warm-up, medians shown; peak memory: ${probeNames[results.probe]}; node ${results.node}`,
  ];
  const once = results.cases.filter((c) => c.once).map((c) => c.name);
  if (once.length > 0) lines.push(`${once.join(", ")}: 1 run, no warm-up, whatever --runs says (one build takes minutes)`);
  lines.push("");
  const rows = results.cases.map((c) => {
    const peer = c.peerOf ? results.cases.find((o) => o.name === c.peerOf) : undefined;
    return [
      c.name,
      `${c.wallMs.median.toFixed(0)} ms`,
      c.peakMb ? c.peakMb.median.toFixed(1) : "n/a",
      c.ratioToFloor === null ? "1.0x" : `${c.ratioToFloor.toFixed(1)}x`,
      c.site ? `${toMb(c.site.bytes)} MB (${Math.ceil(c.site.diskBytes / 1024 / 1024)} MB on disk), ${c.site.files} files` : "",
      peer ? `${peer.name} is ${(c.wallMs.median / peer.wallMs.median).toFixed(1)}x faster` : "",
    ];
  });
  lines.push(...toColumns([["what", "median wall", "peak MB", "vs floor", "site", ""], ...rows], ["left", "right", "right", "right", "right", "left"]));
  for (const c of results.cases) {
    const search = c.site?.firstSearch;
    if (search) {
      lines.push(
        "",
        `${c.name} first search: meta.js ${toKb(search.metaGzipBytes)} KB + ${search.shard} ${toKb(search.shardGzipBytes)} KB (largest shard) = ${toKb(search.gzipBytes)} KB gzip`,
      );
    }
  }
  if (results.serve) {
    const { pageMs, reloadMs, file } = results.serve;
    lines.push(
      "",
      `rfc serve: save → reloaded page: median ${pageMs.median.toFixed(0)} ms, max ${pageMs.max.toFixed(0)} ms over ${pageMs.runs.length} edits of ${file}`,
      `           save → reload event:  median ${reloadMs.median.toFixed(0)} ms, max ${reloadMs.max.toFixed(0)} ms (after ${results.serve.warmUps} warm-up edits)`,
    );
  }
  if (results.lsp) {
    const { file, firstFromStartMs, firstFromOpenMs, editMs, edits, rssBytes, peakRssBytes } = results.lsp;
    lines.push(
      "",
      `rfc lsp: open ${file} → first diagnostics: ${firstFromOpenMs.toFixed(0)} ms (${firstFromStartMs.toFixed(0)} ms from the process's start)`,
      `         edit → diagnostics: median ${editMs.median.toFixed(0)} ms, max ${editMs.max.toFixed(0)} ms over ${editMs.runs.length} edits; memory after ${edits} edits ${toMb(rssBytes)} MB (peak ${toMb(peakRssBytes)} MB)`,
    );
  }
  lines.push("", "targets:");
  for (const o of outcomes) {
    const mark = o.met === null ? "-" : o.met ? "✔" : "✘";
    lines.push(`  ${mark} ${o.description.padEnd(48)} ${o.value ?? `(${o.missing ?? "not measured"})`}`);
  }
  return `${lines.join("\n")}\n`;
}

/** The results and target outcomes as JSON, for scripts and CI. */
export function renderJson(results: BenchResults, outcomes: readonly TargetOutcome[]): string {
  return `${JSON.stringify({ ...results, targets: outcomes }, null, 2)}\n`;
}

function toMb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

function toKb(bytes: number): string {
  return (bytes / 1024).toFixed(1);
}

function toColumns(rows: readonly string[][], align: readonly ("left" | "right")[]): string[] {
  const widths = align.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  return rows.map((r) =>
    r
      .map((cell, i) => (align[i] === "right" ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd(),
  );
}
