/** A place in a file. Lines and columns are 1-based; columns count UTF-16 code units. */
export interface Position {
  line: number;
  column: number;
}

/** A span of text: `start` inclusive, `end` exclusive. */
export interface Span {
  start: Position;
  end: Position;
}
