import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import semver from "semver";
import { packageRoot } from "../support/paths.ts";

interface LockEntry {
  dev?: boolean;
  engines?: { node?: string } | string[];
}

test("every dependency rfckit installs runs on every Node.js version its engines field allows", () => {
  const pkg = JSON.parse(readFileSync(path.join(packageRoot, "package.json"), "utf8")) as { engines: { node: string } };
  const lock = JSON.parse(readFileSync(path.join(packageRoot, "package-lock.json"), "utf8")) as { packages: Record<string, LockEntry> };
  const ours = pkg.engines.node;
  const needMore = Object.entries(lock.packages)
    .filter(([name, entry]) => name !== "" && !entry.dev && !Array.isArray(entry.engines) && entry.engines?.node)
    .filter(([, entry]) => !semver.subset(ours, (entry.engines as { node: string }).node))
    .map(([name, entry]) => `${name.replace(/^.*node_modules\//, "")} needs node ${(entry.engines as { node: string }).node}`);
  assert.deepEqual(needMore, [], `rfckit says node ${ours}`);
});
