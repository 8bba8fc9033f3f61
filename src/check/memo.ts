import type { Memo } from "../rules/define-rule.ts";

/** A cache for one run: rules share the results of expensive helpers through it. */
export function createMemo(): Memo {
  const root = new Map<unknown, unknown>();
  return <A extends readonly unknown[], T>(compute: (...args: A) => T, ...args: A): T => {
    let node = root;
    for (const key of [compute, ...args]) {
      let next = node.get(key) as Map<unknown, unknown> | undefined;
      if (!next) node.set(key, (next = new Map()));
      node = next;
    }
    if (!node.has(result)) node.set(result, compute(...args));
    return node.get(result) as T;
  };
}

const result = Symbol("result");
