import assert from "node:assert/strict";
import path from "node:path";
import { describe, test } from "node:test";
import { corpus, corpusBundle, type CorpusName } from "../support/paths.ts";
import { cloneBundle } from "../support/git.ts";
import { runRfc } from "../support/run-cli.ts";
import { makeTempDir } from "../support/temp-repo.ts";

interface DoctorJson {
  layout: { topic: string; value: string; source: string }[];
  templates: { path: string; rfcs: number }[];
  rfcs: number;
  numbering: { value: string };
  history: { available: boolean; heldToRevision: number };
  problem: unknown;
}

async function doctor(root: string): Promise<DoctorJson> {
  const result = await runRfc(["doctor", "--format", "json"], { cwd: root });
  assert.equal(result.exitCode, 0, result.stderr);
  return JSON.parse(result.stdout) as DoctorJson;
}

const fact = (report: DoctorJson, topic: string) => report.layout.find((f) => f.topic === topic)?.value;

/**
 * What each real repository holds, counted by reading its files: RFC folder, RFC files, template,
 * and how it numbers (NixOS's RFC 42 is pull request 42, though no RFC links its pull request).
 */
const expected: Record<CorpusName, { folder: string; rfcs: number; template: string; numbering: string }> = {
  "metalbear-rfcs": { folder: "text/", rfcs: 6, template: "0000-template.md", numbering: "sequence" },
  "rust-rfcs": { folder: "text/", rfcs: 639, template: "0000-template.md", numbering: "pr" },
  "nixos-rfcs": { folder: "rfcs/", rfcs: 44, template: "0000-template.md", numbering: "pr" },
  "amaranth-rfcs": { folder: "text/", rfcs: 58, template: "0000-template.md", numbering: "pr" },
};

describe("the real repositories' layouts, found with no configuration", () => {
  for (const [name, want] of Object.entries(expected) as [CorpusName, (typeof expected)[CorpusName]][]) {
    const { dir, skip } = corpus(name);
    test(`${name}: ${want.rfcs} RFCs in ${want.folder}`, { skip }, async () => {
      const report = await doctor(dir);
      assert.equal(fact(report, "rfc folders"), want.folder);
      assert.equal(fact(report, "new rfcs go to"), want.folder);
      assert.equal(report.rfcs, want.rfcs);
      assert.deepEqual(report.templates.map((t) => t.path), [want.template]);
      assert.equal(report.problem, null);
      assert.equal(report.numbering.value, want.numbering);
    });
  }
});

describe("the real repositories with their whole history", () => {
  for (const name of ["metalbear-rfcs", "nixos-rfcs", "amaranth-rfcs", "rust-rfcs"] as const) {
    const { bundle, skip } = corpusBundle(name);
    test(`${name}: the same RFCs from a clone, held to the template as it stood when each started`, { skip }, async () => {
      const root = path.join(await makeTempDir(), name);
      cloneBundle(bundle, root);
      // Run from inside the RFC folder: the root is found upwards.
      const report = await doctor(path.join(root, expected[name].folder));
      assert.equal(report.rfcs, expected[name].rfcs);
      assert.equal(report.history.available, true);
      assert.ok(report.history.heldToRevision > 0, "some RFCs predate the current template");
    });
  }
});
