import type { Page } from "./types.ts";

/** Where Mermaid's files go in the book, under its `_rfckit/` folder. */
export const mermaidDir = "_rfckit/mermaid";

/** The file name of Mermaid's published ES module, which a page imports to draw its diagrams. */
export const mermaidEntryName = "mermaid.esm.min.mjs";

/** The entry in the book; the rest are chunks it imports as it needs them. */
export const mermaidEntry = `${mermaidDir}/${mermaidEntryName}`;

// The chunk that draws each kind of diagram, by the word a diagram starts with and the chunk's
// name without its hash. Kinds not listed here (and diagrams whose kind cannot be read) get every
// chunk: a few megabytes more, never a diagram left undrawn. test/book/mermaid-files.test.ts
// checks that each name is a chunk of the installed Mermaid.
const chunksByKind: Record<string, readonly string[]> = {
  flowchart: ["flowDiagram"],
  graph: ["flowDiagram"],
  sequenceDiagram: ["sequenceDiagram"],
  classDiagram: ["classDiagram", "classDiagram-v2"],
  stateDiagram: ["stateDiagram", "stateDiagram-v2"],
  "stateDiagram-v2": ["stateDiagram", "stateDiagram-v2"],
  erDiagram: ["erDiagram"],
  gantt: ["ganttDiagram"],
  pie: ["pieDiagram"],
  journey: ["journeyDiagram"],
  gitGraph: ["gitGraphDiagram"],
  mindmap: ["mindmap-definition"],
  timeline: ["timeline-definition"],
  quadrantChart: ["quadrantDiagram"],
  requirementDiagram: ["requirementDiagram"],
  "sankey-beta": ["sankeyDiagram"],
  "xychart-beta": ["xychartDiagram"],
  "block-beta": ["blockDiagram"],
  C4Context: ["c4Diagram"],
  C4Container: ["c4Diagram"],
  C4Component: ["c4Diagram"],
  C4Dynamic: ["c4Diagram"],
  C4Deployment: ["c4Diagram"],
  "architecture-beta": ["architectureDiagram"],
  kanban: ["kanban-definition"],
};

/** The chunk names (without hash) a diagram kind needs; null when the kind is not known. */
export function toKindChunks(kind: string): readonly string[] | null {
  return Object.hasOwn(chunksByKind, kind) ? chunksByKind[kind]! : null;
}

/** Every chunk name the table knows, for the test that holds it to the installed Mermaid. */
export const knownKindChunks: readonly string[] = [...new Set(Object.values(chunksByKind).flat())];

/**
 * The kind of a diagram: its first word, after any front matter (`---` … `---`), `%%{init}%%`
 * directives and `%%` comments.
 */
export function toDiagramKind(source: string): string {
  const lines = source.split(/\r?\n/);
  let index = 0;
  if (lines[0]?.trim() === "---") {
    const end = lines.findIndex((line, i) => i > 0 && line.trim() === "---");
    index = end === -1 ? lines.length : end + 1;
  }
  for (; index < lines.length; index++) {
    const line = lines[index]!.trim();
    if (line === "" || line.startsWith("%%")) continue;
    return /^[^\s:;{]+/.exec(line)?.[0] ?? "";
  }
  return "";
}

/**
 * The part of Mermaid that draws `sources`: its entry, everything that entry and the chunks of
 * the diagrams' kinds import, statically or when they run, and the licence. Chunks of the other
 * kinds of diagram, which the entry only imports when a page draws one, are left out.
 */
export function selectMermaidFiles(files: readonly Page[], sources: readonly string[]): Page[] {
  if (sources.length === 0) return [];
  const byPath = new Map(files.map((file) => [file.path, file]));
  const entry = byPath.get(mermaidEntry);
  if (!entry) return [...files];
  const diagramChunks = new Set(toImports(entry).dynamic);
  const wanted = new Set<string>();
  for (const source of sources) {
    const chunks = toKindChunks(toDiagramKind(source));
    if (chunks === null) return [...files];
    for (const chunk of chunks) wanted.add(chunk);
  }
  const selected = new Set<string>();
  const visit = (path: string) => {
    const file = byPath.get(path);
    if (!file || selected.has(path)) return;
    selected.add(path);
    const { static: fixed, dynamic } = toImports(file);
    for (const target of [...fixed, ...dynamic]) {
      if (!diagramChunks.has(target) || wanted.has(toChunkName(target))) visit(target);
    }
  };
  visit(mermaidEntry);
  for (const chunk of diagramChunks) if (wanted.has(toChunkName(chunk))) visit(chunk);
  return files.filter((file) => selected.has(file.path) || !file.path.endsWith(".mjs"));
}

/** `chunks/x/flowDiagram-YHGXBVSY.mjs` → `flowDiagram`. */
export function toChunkName(path: string): string {
  return (path.split("/").pop() ?? "").replace(/-[A-Z0-9]{8}\.mjs$/, "");
}

/** A module's relative imports, as book paths: `import … from "./x.mjs"` and `import "./x.mjs"`, and `import("./x.mjs")`. */
function toImports(file: Page): { static: string[]; dynamic: string[] } {
  const dir = file.path.slice(0, file.path.lastIndexOf("/"));
  const resolve = (relative: string) => {
    const parts = dir.split("/");
    for (const part of relative.split("/")) {
      if (part === "..") parts.pop();
      else if (part !== ".") parts.push(part);
    }
    return parts.join("/");
  };
  const fixed = [...file.html.matchAll(/(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+)["']/g)].map((m) => resolve(m[1]!));
  const dynamic = [...file.html.matchAll(/\bimport\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g)].map((m) => resolve(m[1]!));
  return { static: fixed, dynamic };
}
