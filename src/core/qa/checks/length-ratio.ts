import type { CellContext, CellInput, QaFinding } from "../types.ts";

/** Sources shorter than this vary too much in length to judge. */
export const MIN_SOURCE_LENGTH = 25;
/** How far from the document's typical ratio a target may be. */
const FACTOR = 2.2;
/** Typical target/source length ratio when the document has too few pairs to tell. */
const DEFAULT_RATIO = 1.1;

const visible = (t: string) =>
  t
    .replace(/\uE000[^\uE000\uE001]*\uE001/gu, "")
    .replace(/\s+/gu, " ")
    .trim().length;

/** The median target/source length ratio of the pairs long enough to count, or undefined. */
export function typicalRatio(
  pairs: readonly { source: string; target: string }[],
): number | undefined {
  const ratios = pairs
    .filter((p) => visible(p.source) >= MIN_SOURCE_LENGTH && p.target.trim() !== "")
    .map((p) => visible(p.target) / visible(p.source))
    .sort((a, b) => a - b);
  if (ratios.length < 5) return undefined;
  return ratios[Math.floor(ratios.length / 2)];
}

/**
 * Length ratio: a target much longer or shorter than the document usually is for this language
 * (its median ratio), a sign of a sentence left out or translated twice.
 */
export function checkLengthRatio(input: CellInput, context: CellContext): QaFinding[] {
  const s = visible(input.source);
  const t = visible(input.target);
  if (s < MIN_SOURCE_LENGTH || t === 0) return [];
  const typical = context.typicalRatio ?? DEFAULT_RATIO;
  const ratio = t / s;
  const factor = context.typicalRatio === undefined ? FACTOR * 1.3 : FACTOR;
  if (ratio <= typical * factor && ratio >= typical / factor) return [];
  return [
    {
      check: "length-ratio",
      code: ratio > typical ? "length.long" : "length.short",
      severity: "warning",
      params: { percent: Math.round(ratio * 100), typical: Math.round(typical * 100) },
    },
  ];
}
