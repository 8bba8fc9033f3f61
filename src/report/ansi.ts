/** The few ANSI styles the pretty reporter uses. */
const codes = {
  red: [31, 39],
  yellow: [33, 39],
  green: [32, 39],
  bold: [1, 22],
  dim: [2, 22],
} as const;

/** An ANSI style name. */
export type Style = keyof typeof codes;

/** Returns a function that wraps text in a style, or leaves it alone when colour is off. */
export function makePainter(color: boolean): (style: Style, text: string) => string {
  return (style, text) => (color && text !== "" ? `\u001b[${codes[style][0]}m${text}\u001b[${codes[style][1]}m` : text);
}
