import type { CellInput, QaFinding } from "../types.ts";

const CLOSERS = /[\s)\]}"'”’»›\uE000-\uE001]+$/u;

/** The sentence-final mark of a text, in one class per kind ("..." and "…" are one). */
function endMark(text: string): { mark: string; at: number } {
  const body = text.replace(/\uE000[^\uE000\uE001]*\uE001/gu, (m) => " ".repeat(m.length));
  const stripped = body.replace(CLOSERS, "");
  const at = stripped.length - 1;
  if (/(\.\.\.|…)$/u.test(stripped)) return { mark: "…", at: stripped.endsWith("…") ? at : at - 2 };
  const last = stripped[at] ?? "";
  const kind: Record<string, string> = {
    "?": "?",
    "？": "?",
    "!": "!",
    "！": "!",
    ".": ".",
    "。": ".",
    ":": ":",
    "：": ":",
    ";": ";",
  };
  return { mark: kind[last] ?? "", at };
}

/**
 * End punctuation: the target ends with the source's kind of mark (? ! . : ; …, or none),
 * ignoring closing quotes and brackets. A question turned into a statement is the typical find.
 */
export function checkEndPunctuation(input: CellInput): QaFinding[] {
  if (input.target.trim() === "" || input.source.trim() === "") return [];
  const s = endMark(input.source);
  const t = endMark(input.target);
  if (s.mark === t.mark) return [];
  const finding: QaFinding = {
    check: "end-punctuation",
    code: "punctuation.end",
    // A caption or title without a full stop on one side only is a style difference.
    severity: s.mark + t.mark === "." ? "info" : "warning",
    params: { source: s.mark || "∅", target: t.mark || "∅" },
  };
  if (t.mark !== "")
    finding.range = {
      start: t.at,
      end: t.at + (t.mark === "…" && !input.target.includes("…") ? 3 : 1),
    };
  return [finding];
}
