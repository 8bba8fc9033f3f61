/** A table row's cells, without the outer pipes; an escaped `\|` stays in its cell. */
export function toCells(text: string): { text: string; column: number }[] {
  const cells: { text: string; column: number }[] = [];
  const body = text.trim();
  const offset = text.indexOf(body);
  let start = body.startsWith("|") ? 1 : 0;
  for (let k = start; k <= body.length; k++) {
    if (k === body.length || (body[k] === "|" && body[k - 1] !== "\\")) {
      if (k === body.length && start === k) break;
      const raw = body.slice(start, k);
      const trimmed = raw.trim();
      cells.push({ text: trimmed, column: offset + start + raw.indexOf(trimmed) + 1 });
      start = k + 1;
    }
  }
  return cells;
}
