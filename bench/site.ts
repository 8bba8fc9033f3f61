import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

/** What a build wrote: its size on the wire, file by file, and on disk. */
export interface SiteSize {
  /** Sum of the files' sizes in bytes (their length, not the disk blocks they take). */
  bytes: number;
  /** The disk blocks the files take, in bytes, as `du` counts them: a small file takes a whole block. */
  diskBytes: number;
  files: number;
  /** What a reader downloads before the first search result, when the site is an rfckit book. */
  firstSearch: FirstSearch | null;
}

/** The search files a book's first query loads: the index's `meta.js` and one term shard. */
export interface FirstSearch {
  /** Gzip size of `meta.js` plus the largest shard, in bytes. */
  gzipBytes: number;
  metaGzipBytes: number;
  /** The largest term shard once gzipped (`t-<n>.js`), the worst case for a first query. */
  shard: string;
  shardGzipBytes: number;
}

/** Measures the site a build wrote into `dir`. */
export function readSiteSize(dir: string): SiteSize {
  let bytes = 0;
  let diskBytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const stat = statSync(path.join(entry.parentPath, entry.name));
    bytes += stat.size;
    diskBytes += stat.blocks * 512;
    files++;
  }
  return { bytes, diskBytes, files, firstSearch: readFirstSearch(path.join(dir, "_rfckit", "search")) };
}

/**
 * The gzip size of the first search: a query loads `meta.js` and the shard its words fall in, so
 * the largest shard bounds it. Gzip at zlib's default level, what static hosts commonly serve.
 */
function readFirstSearch(searchDir: string): FirstSearch | null {
  const meta = path.join(searchDir, "meta.js");
  if (!existsSync(meta)) return null;
  const gzipSize = (file: string) => gzipSync(readFileSync(path.join(searchDir, file))).length;
  const shards = readdirSync(searchDir)
    .filter((f) => /^t-\d+\.js$/.test(f))
    .map((f) => ({ file: f, gzipBytes: gzipSize(f) }))
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
  const largest = shards[0] ?? { file: "(none)", gzipBytes: 0 };
  const metaGzipBytes = gzipSize("meta.js");
  return { gzipBytes: metaGzipBytes + largest.gzipBytes, metaGzipBytes, shard: largest.file, shardGzipBytes: largest.gzipBytes };
}
