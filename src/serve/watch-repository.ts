import { stat } from "node:fs/promises";
import path from "node:path";
import { watch } from "chokidar";

/** Changed files (relative, `/`-separated) and what happened to each: `change`, `add` or `unlink`. */
export type ChangeBatch = Map<string, string>;

/** A running watcher. */
export interface RepositoryWatcher {
  close(): Promise<void>;
}

// Events of one save (truncate, write, rename) come within a few milliseconds: gathered this long.
const settleMs = 15;
// chokidar drops a second `change` of a file within 50 ms of the first; a file that changed is
// looked at again after this long, so a quick second save is never lost.
const recheckMs = 80;

/**
 * Watches the repository's files with chokidar (Node 20's `fs.watch` cannot watch a tree on
 * Linux) and calls `onChanges` with each settled batch. Git's data, `node_modules`, a book
 * written by `rfc build` and hidden files (editors' swap files, the temp file of an atomic write)
 * are not sources of the book and are not watched. Resolves once the tree is being watched.
 */
export async function watchRepository(root: string, onChanges: (batch: ChangeBatch) => void, onError?: (error: unknown) => void): Promise<RepositoryWatcher> {
  const pending: ChangeBatch = new Map();
  const seen = new Map<string, string>();
  const timers = new Set<NodeJS.Timeout>();
  let settle: NodeJS.Timeout | null = null;
  let closed = false;

  const later = (ms: number, fn: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!closed) fn();
    }, ms);
    timers.add(timer);
  };
  const signature = async (relative: string) => {
    const info = await stat(path.join(root, relative)).catch(() => null);
    return info ? `${info.mtimeMs}:${info.size}` : "gone";
  };
  const record = (relative: string, event: string) => {
    const before = pending.get(relative);
    pending.set(relative, before === undefined || before === event ? event : "add");
    if (settle) clearTimeout(settle);
    settle = setTimeout(() => {
      settle = null;
      if (closed || pending.size === 0) return;
      const batch = new Map(pending);
      pending.clear();
      onChanges(batch);
    }, settleMs);
  };

  const watcher = watch(root, {
    ignoreInitial: true,
    ignored: (file) => {
      const relative = path.relative(root, file);
      if (relative === "" || relative.startsWith("..")) return false;
      const parts = relative.split(path.sep);
      return parts[0] === "book" || parts[0] === "node_modules" || parts.some((p) => p.startsWith(".") || p.endsWith("~"));
    },
  });
  watcher.on("all", (event, file) => {
    if (closed || event === "addDir") return;
    const relative = path.relative(root, file).split(path.sep).join("/");
    record(relative, event);
    if (event !== "change") return;
    void signature(relative).then((now) => {
      seen.set(relative, now);
      later(recheckMs, () => {
        void signature(relative).then((again) => {
          if (closed || again === seen.get(relative)) return;
          seen.set(relative, again);
          record(relative, again === "gone" ? "unlink" : "change");
        });
      });
    });
  });
  await new Promise<void>((resolve, reject) => {
    watcher.once("ready", resolve);
    watcher.once("error", reject);
  });
  // Once watching, an error (the system's limit of watches reached) stops some events, not the process.
  watcher.on("error", (error) => onError?.(error));
  return {
    async close() {
      closed = true;
      if (settle) clearTimeout(settle);
      for (const timer of timers) clearTimeout(timer);
      await watcher.close();
    },
  };
}
