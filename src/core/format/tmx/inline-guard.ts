import { CODE_END, CODE_START, PLACEHOLDER } from "../../text/inline-marks.ts";

function placeholders(text: string): string[] {
  return text.match(PLACEHOLDER) ?? [];
}

function strays(text: string): number {
  let n = 0;
  for (const ch of text.replace(PLACEHOLDER, "")) if (ch === CODE_START || ch === CODE_END) n++;
  return n;
}

/**
 * Keeps inline-code placeholders intact while a target is edited: an edit may move or delete whole
 * placeholders, and insert ones that exist in the cell or in its source (Ctrl+I, paste), but never
 * change or cut one. Returns `after` when the edit respects that, else `before` (the edit is refused).
 */
export function guardPlaceholders(before: string, after: string, source: string): string {
  if (!after.includes(CODE_START) && !after.includes(CODE_END)) return after;
  if (strays(after) > strays(before)) return before;
  const available = new Map<string, number>();
  for (const p of [...placeholders(before), ...placeholders(source)]) {
    available.set(p, (available.get(p) ?? 0) + 1);
  }
  for (const p of placeholders(after)) {
    const left = available.get(p) ?? 0;
    if (left === 0) return before;
    available.set(p, left - 1);
  }
  return after;
}
