import type { RenderedBook } from "../../src/book/types.ts";
import { decodePacked, type SearchMeta, type Shard } from "../../src/book/search/query.ts";
import { smallTemplate } from "../support/templates.ts";

/** Runs one of the index's script files as the browser would, and returns what it set. */
export function runSearchFile(script: string): unknown {
  const self: { rfckitSearch?: Record<string, unknown> } = {};
  new Function("self", script)(self);
  const values = Object.values(self.rfckitSearch ?? {});
  if (values.length !== 1) throw new Error(`a search file sets one entry, this one ${values.length}`);
  return values[0];
}

/** The built index, read back: the meta file, and a loader for shards and texts by file name. */
export function readSearchIndex(rendered: RenderedBook): { meta: SearchMeta; file(name: string): string; shard(name: string): Promise<Shard>; texts(page: number): Promise<string[]> } {
  const file = (name: string) => {
    const found = rendered.pages.find((p) => p.path === `_rfckit/search/${name}`);
    if (!found) throw new Error(`no search file ${name}`);
    return found.html;
  };
  return {
    meta: runSearchFile(file("meta.js")) as SearchMeta,
    file,
    shard: (name) => decodePacked<Shard>(runSearchFile(file(name)) as string),
    texts: (page) => decodePacked<string[]>(runSearchFile(file(`x-${page}.js`)) as string),
  };
}

const header = (n: number, name: string) =>
  `- Feature Name: ${name}\n- Start Date: 2025-01-0${n}\n- Last Updated: 2025-02-0${n}\n- RFC PR: [acme/rfcs#${n}](https://github.com/acme/rfcs/pull/${n})\n- RFC reference:\n  - [acme/rfcs#${n}](https://github.com/acme/rfcs/pull/${n})\n`;

/** Two small RFCs, one with markup characters in its text. */
export const smallRepo = {
  "0000-template.md": smallTemplate,
  "text/0001-query-cache.md": `# Query cache\n\n${header(1, "query_cache")}\n## Summary\n\nCache the **results** of [pipe queries](https://example.org).\n\n## Motivation\n\nDashboards repeat queries.\n\n### Eviction\n\nOld results leave the cache first.\n`,
  "text/0002-alerts.md": `# Saved alerts\n\n${header(2, "saved_alerts")}\n## Summary\n\nAlerts run saved queries on a schedule.\n\n## Security\n\nCompare \`x<y\` & "quotes" </script and <b>bold</b> text.\n`,
};
