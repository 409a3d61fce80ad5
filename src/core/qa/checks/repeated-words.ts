import { matchTokenSpans } from "../../text/match-tokens.ts";
import type { CellInput, QaFinding } from "../types.ts";

/** Doublings that are grammar, not typos ("had had"; Vietnamese "người người", "ngày ngày"). */
const ALLOWED: Record<string, ReadonlySet<string>> = {
  en: new Set(["had", "that", "is", "bye", "very", "no", "yes", "so"]),
  vi: new Set([
    "người",
    "nhà",
    "ngày",
    "đêm",
    "xa",
    "từng",
    "mãi",
    "dần",
    "lâu",
    "rất",
    "đời",
    "năm",
    "tháng",
    "chiều",
    "sáng",
  ]),
  id: new Set([]),
};

/**
 * Repeated words: the same word twice in a row in the target ("the the", "của của"), unless the
 * source repeats it too or the language doubles it on purpose. Numbers are left to the number check.
 */
export function checkRepeatedWords(input: CellInput): QaFinding[] {
  const tokens = matchTokenSpans(input.target);
  const out: QaFinding[] = [];
  const allowed = ALLOWED[input.lang] ?? new Set<string>();
  const sourceLower = input.source.toLowerCase();
  for (let i = 1; i < tokens.length; i++) {
    const a = tokens[i - 1]!;
    const b = tokens[i]!;
    if (a.kind !== "w" || b.kind !== "w" || /\d/.test(b.raw)) continue;
    const word = b.raw.toLowerCase();
    if (a.raw.toLowerCase() !== word || allowed.has(word)) continue;
    if (!/^\s+$/u.test(input.target.slice(a.end, b.start))) continue;
    if (sourceLower.includes(`${word} ${word}`)) continue;
    out.push({
      check: "repeated-words",
      code: "word.repeated",
      severity: "warning",
      params: { word: b.raw },
      range: { start: a.start, end: b.end },
    });
  }
  return out;
}
