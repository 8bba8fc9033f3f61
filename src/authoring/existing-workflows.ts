import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { builtinWorkflows } from "./builtin-files.ts";

/** A workflow of the repository's own that already does what one of rfckit's would. */
export interface ExistingWorkflow {
  /** Relative to the repository root, e.g. `.github/workflows/deploy.yml`. */
  path: string;
  role: "book" | "preview";
  /** What gave it away, for the message: `uses actions/deploy-pages`, `pushes to gh-pages`. */
  evidence: string;
}

const pagesActions = ["actions/deploy-pages", "actions/upload-pages-artifact", "peaceiris/actions-gh-pages", "JamesIves/github-pages-deploy-action"];
const previewActions = ["rossjrw/pr-preview-action"];

interface Step {
  uses?: unknown;
  run?: unknown;
}

/**
 * The workflows in `.github/workflows/` that publish a book (on a push: through a Pages action,
 * to a `gh-pages` branch, or by building one with mdBook or rfckit) or a preview of one (on a
 * pull request: through a preview action or a Pages one, or to `gh-pages`). rfckit's own
 * (`rfc-*.yml`) are not counted; YAML comments are not read, and a file that is no YAML is left out.
 */
export async function readPublishingWorkflows(root: string, workflowsDir: string): Promise<ExistingWorkflow[]> {
  const names = await readdir(path.join(root, workflowsDir)).catch(() => [] as string[]);
  const found: ExistingWorkflow[] = [];
  for (const name of names.filter((n) => /\.ya?ml$/.test(n) && !Object.hasOwn(builtinWorkflows, n)).sort()) {
    const text = await readFile(path.join(root, workflowsDir, name), "utf8").catch(() => null);
    const workflow = text === null ? null : parseQuietly(text);
    if (workflow === null) continue;
    found.push(...classify(`${workflowsDir}/${name}`, workflow));
  }
  return found;
}

function classify(file: string, workflow: Record<string, unknown>): ExistingWorkflow[] {
  const triggers = toTriggers(workflow["on"] ?? workflow["true"]);
  const steps = Object.values(isRecord(workflow["jobs"]) ? workflow["jobs"] : {}).flatMap((job) => (isRecord(job) && Array.isArray(job["steps"]) ? (job["steps"] as Step[]) : []));
  const uses = (actions: readonly string[]) => steps.map((s) => String(s?.uses ?? "").split("@")[0]!).find((u) => actions.includes(u));
  const runs = steps.map((s) => String(s?.run ?? "")).join("\n");
  const pages = uses(pagesActions);
  const pushesToBranch = /\bgh-pages\b/.test(runs) ? "pushes to gh-pages" : undefined;
  const roles: ExistingWorkflow[] = [];
  if (triggers.has("push") || triggers.has("workflow_dispatch") || triggers.has("release")) {
    const builds = /\b(mdbook|generate-book|rfc build|rfckit build)\b/.exec(runs)?.[1];
    const evidence = pages ? `uses ${pages}` : (pushesToBranch ?? (builds ? `builds the book (${builds})` : undefined));
    if (evidence) roles.push({ path: file, role: "book", evidence });
  }
  if (triggers.has("pull_request") || triggers.has("pull_request_target")) {
    const preview = uses(previewActions) ?? pages;
    const evidence = preview ? `uses ${preview}` : (pushesToBranch ?? (/\bpr-preview\b/.test(runs) ? "publishes to pr-preview/" : undefined));
    if (evidence) roles.push({ path: file, role: "preview", evidence });
  }
  return roles;
}

/** The events a workflow's `on:` names, whichever of its three forms it takes. */
function toTriggers(on: unknown): Set<string> {
  if (typeof on === "string") return new Set([on]);
  if (Array.isArray(on)) return new Set(on.map(String));
  return new Set(isRecord(on) ? Object.keys(on) : []);
}

function parseQuietly(text: string): Record<string, unknown> | null {
  try {
    const value = parseYaml(text) as unknown;
    return isRecord(value) ? value : null;
  } catch {
    return null;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
