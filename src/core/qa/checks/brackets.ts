import type { CellInput, QaFinding } from "../types.ts";

const PAIRS: [string, string][] = [
  ["(", ")"],
  ["[", "]"],
  ["{", "}"],
  ["“", "”"],
  ["«", "»"],
];

function strip(text: string): string {
  return text.replace(/\uE000[^\uE000\uE001]*\uE001/gu, "");
}

/** Open minus close count per pair, and straight double quotes' parity. */
function balance(text: string): number[] {
  const t = strip(text);
  const out = PAIRS.map(([o, c]) => t.split(o).length - t.split(c).length);
  out.push((t.split('"').length - 1) % 2);
  return out;
}

/**
 * Brackets and quotes: the target's ( ) [ ] { } “ ” « » and straight double quotes balance as the
 * source's do (a source that opens a bracket it does not close, as a list item "1)" does, lets the
 * target do the same).
 */
export function checkBrackets(input: CellInput): QaFinding[] {
  if (input.target.trim() === "") return [];
  const s = balance(input.source);
  const t = balance(input.target);
  const out: QaFinding[] = [];
  t.forEach((v, k) => {
    if (v === s[k]) return;
    const pair = PAIRS[k] ?? ['"', '"'];
    const ch = v > 0 || k === PAIRS.length ? pair[0] : pair[1];
    const at = input.target.lastIndexOf(ch);
    out.push({
      check: "brackets",
      code: "bracket.unbalanced",
      severity: "warning",
      params: { char: ch },
      ...(at >= 0 ? { range: { start: at, end: at + 1 } } : {}),
    });
  });
  return out;
}
