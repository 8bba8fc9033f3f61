import type { Memo } from "../rules/define-rule.ts";

/** A cache for one run: rules share the results of expensive helpers through it. */
export function createMemo(): Memo {
  const root = new Map<unknown, unknown>();
  return <A extends readonly unknown[], T>(compute: (...args: A) => T, ...args: A): T => {
    // One level of maps per key, the function first; written as plain loops, since rules call
    // this for every section of every RFC.
    let node = child(root, compute);
    for (let i = 0; i < args.length; i++) node = child(node, args[i]);
    if (!node.has(result)) node.set(result, compute(...args));
    return node.get(result) as T;
  };
}

function child(node: Map<unknown, unknown>, key: unknown): Map<unknown, unknown> {
  let next = node.get(key) as Map<unknown, unknown> | undefined;
  if (!next) node.set(key, (next = new Map()));
  return next;
}

const result = Symbol("result");
