import type { Position } from "./position.ts";

/** A change to one file's text, as data. Positions are 1-based. */
export type Edit =
  | { kind: "insert"; at: Position; text: string }
  | { kind: "replace"; from: Position; to: Position; text: string }
  | { kind: "delete-lines"; first: number; last: number };
