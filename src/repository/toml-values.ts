/** The line of a TOML text that writes `key` (dotted; its last part is looked for), 1 when none does. */
export function lineOfKey(text: string, key: string): number {
  const last = key.split(".").at(-1)!;
  const lines = text.split(/\r?\n/);
  const index = lines.findIndex((l) => l.trimStart().startsWith(last) || l.includes(`"${last}"`));
  return index === -1 ? 1 : index + 1;
}

/** A TOML table's value as a table, or an empty one when it is absent or not a table. */
export function record(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
