import { codeTokens } from "../../format/tmx/inline-display.ts";
import { PLACEHOLDER } from "../../text/inline-marks.ts";
import type { CellInput, QaFinding, TextRange } from "../types.ts";

interface Code extends TextRange {
  raw: string;
  /** Identity across source and target: the markup without the pairing number `i`. */
  key: string;
  /** Paired code: "open" (bpt, hi), "close" (ept, /hi), with its pairing id in this text. */
  pair?: { side: "open" | "close"; id: string };
}

function codesOf(text: string): Code[] {
  const out: Code[] = [];
  for (const m of text.matchAll(PLACEHOLDER)) {
    const raw = m[0];
    const inner = raw.slice(1, -1);
    const code: Code = {
      raw,
      start: m.index,
      end: m.index + raw.length,
      key: inner.replace(/\s+i="[^"]*"/, ""),
    };
    const el = /^<(\/?)(bpt|ept|hi)\b(?:[^>]*\bi="([^"]*)")?/.exec(inner);
    if (el) {
      const side = el[2] === "ept" || el[1] === "/" ? "close" : "open";
      code.pair = { side, id: el[2] === "hi" ? "hi" : (el[3] ?? "") };
    }
    out.push(code);
  }
  return out;
}

/** Paired codes of a text whose closing code comes before its opening one or that cross. */
function badlyOrdered(codes: readonly Code[]): Code | null {
  const open: string[] = [];
  for (const c of codes) {
    if (!c.pair) continue;
    if (c.pair.side === "open") open.push(c.pair.id);
    else if (open[open.length - 1] === c.pair.id) open.pop();
    else return c;
  }
  return null;
}

/**
 * Inline codes: every code of the source is in the target as often, the target adds none, and its
 * paired codes open before they close and nest (a different order of whole codes is the
 * translation's word order, not an error). Messages name codes by their number in the editor
 * ("⟦2⟧").
 */
export function checkInlineCodes(input: CellInput): QaFinding[] {
  const source = codesOf(input.source);
  const target = codesOf(input.target);
  if (source.length === 0 && target.length === 0) return [];
  const tokens = codeTokens(input.source, input.target);
  const label = (c: Code) => `⟦${tokens.indexOf(c.raw) + 1}⟧`;
  const out: QaFinding[] = [];
  const left = [...target];
  for (const s of source) {
    const k = left.findIndex((t) => t.key === s.key);
    if (k >= 0) left.splice(k, 1);
    else
      out.push({
        check: "inline-codes",
        code: "code.missing",
        severity: "error",
        params: { code: label(s) },
        sourceRange: { start: s.start, end: s.end },
      });
  }
  for (const t of left)
    out.push({
      check: "inline-codes",
      code: "code.extra",
      severity: "error",
      params: { code: label(t) },
      range: { start: t.start, end: t.end },
    });
  const bad = badlyOrdered(target);
  if (out.length === 0 && bad && !badlyOrdered(source))
    out.push({
      check: "inline-codes",
      code: "code.order",
      severity: "error",
      params: { code: label(bad) },
      range: { start: bad.start, end: bad.end },
    });
  return out;
}
