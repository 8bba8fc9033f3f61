/**
 * Control characters that a terminal or a CI log may act on: C0 except tab, newline and carriage
 * return (callers deal with those), DEL, and C1 (0x9B is a one-byte CSI on some terminals).
 */
// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** Removes characters that could make text from an RFC send escape sequences to a terminal or log. */
export function stripControl(text: string): string {
  return text.replace(controlCharacters, "");
}

/** Like `stripControl`, and also turns line breaks into spaces, for text that must stay on one line. */
export function toOneLine(text: string): string {
  return stripControl(text).replace(/\r\n|\r|\n/g, " ");
}
