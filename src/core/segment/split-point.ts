import type { Lang } from "../model/languages.ts";
import { PLACEHOLDER } from "../text/inline-marks.ts";
import { compileRules, findBreaks } from "./engine.ts";
import type { SegmentationRules } from "./rules.ts";

/**
 * Where a source segment can be split by hand, and where the split dialog proposes to: pure, so the
 * dialog, its tests and any other caller agree (issue 13 item 11).
 */
export interface SplitStops {
  /** Every offset a split point may take, ascending: grapheme boundaries outside inline codes. */
  chars: number[];
  /** Word starts (and both ends), ascending: where Ctrl+arrow moves the split point. */
  words: number[];
}

/** Inline-code spans [start, end) of a text: a split point never goes inside one. */
function codeSpans(text: string): [number, number][] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => [m.index, m.index + m[0].length]);
}

function insideCode(spans: readonly [number, number][], offset: number): boolean {
  return spans.some(([from, to]) => offset > from && offset < to);
}

export function splitStops(text: string, lang: Lang): SplitStops {
  const spans = codeSpans(text);
  const chars: number[] = [0];
  for (const g of new Intl.Segmenter(lang, { granularity: "grapheme" }).segment(text)) {
    const end = g.index + g.segment.length;
    if (!insideCode(spans, end)) chars.push(end);
  }
  const words = new Set<number>([0, text.length]);
  for (const w of new Intl.Segmenter(lang, { granularity: "word" }).segment(text)) {
    if (w.isWordLike && !insideCode(spans, w.index)) words.add(w.index);
  }
  return { chars: [...new Set(chars)], words: [...words].sort((a, b) => a - b) };
}

/** The next (+1) or previous (-1) stop from `offset`, or `offset` at the end of the list. */
export function nextStop(stops: readonly number[], offset: number, direction: 1 | -1): number {
  if (direction > 0) return stops.find((s) => s > offset) ?? offset;
  for (let i = stops.length - 1; i >= 0; i--) if (stops[i]! < offset) return stops[i]!;
  return offset;
}

/** The stop nearest `offset` (the earlier one on a tie). */
export function nearestStop(stops: readonly number[], offset: number): number {
  let best = stops[0] ?? 0;
  for (const s of stops) if (Math.abs(s - offset) < Math.abs(best - offset)) best = s;
  return best;
}

export interface ProposedSplit {
  offset: number;
  /** "sentence": a boundary the segmenter finds; "middle": the word boundary nearest the middle. */
  kind: "sentence" | "middle";
}

/**
 * The split point to propose: the first sentence boundary that the document's own rules (the
 * language's rules with the project's abbreviations and rules) find inside the text, at the start of
 * the next sentence; with none, the word boundary nearest the middle that does not follow a word
 * ending in a full stop (an abbreviation, an initial, a number: "Jl. | Sudirman" is never proposed,
 * unless no other boundary exists). Never inside an inline code; null when the text has no boundary.
 */
export function proposeSplit(
  text: string,
  lang: Lang,
  rules: SegmentationRules,
): ProposedSplit | null {
  const spans = codeSpans(text);
  const skipSpace = (at: number) => {
    let i = at;
    while (i < text.length && /\s/u.test(text[i]!)) i++;
    return i;
  };
  const valid = (at: number) =>
    at > 0 &&
    at < text.length &&
    !insideCode(spans, at) &&
    text.slice(0, at).trim() !== "" &&
    text.slice(at).trim() !== "";
  for (const end of findBreaks(text, compileRules(rules, lang))) {
    const at = skipSpace(end);
    if (valid(at)) return { offset: at, kind: "sentence" };
  }
  const starts = splitStops(text, lang).words.filter(
    (at) => valid(at) && /\s/u.test(text[at - 1] ?? ""),
  );
  const clean = starts.filter((at) => !/\.\s+$/u.test(text.slice(0, at)));
  const pool = clean.length > 0 ? clean : starts;
  if (pool.length === 0) return null;
  const middle = text.length / 2;
  let best = pool[0]!;
  for (const at of pool) if (Math.abs(at - middle) < Math.abs(best - middle)) best = at;
  return { offset: best, kind: "middle" };
}
