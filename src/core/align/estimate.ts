import type { Bead } from "./dp.ts";
import type { LengthModel } from "./length-cost.ts";

/** Gale-Church's published link-type probabilities, split evenly between the two directions. */
const DEFAULT_PROBABILITIES = [0.89, 0.005, 0.005, 0.0445, 0.0445, 0.011, 0.0025, 0.0025];

export function defaultPriors(): Float64Array {
  return Float64Array.from(DEFAULT_PROBABILITIES, (p) => -Math.log(p));
}

export const DEFAULT_VARIANCE = 6.8;

/**
 * Length ratio of the whole texts (target characters per source character), drawn towards 1 for
 * short texts, where one extra sentence on one side would skew it: with k sentences the log-ratio
 * is weighted k / (k + 8).
 */
export function initialLengthModel(
  sourceChars: number,
  targetChars: number,
  sentences = Infinity,
): LengthModel {
  if (sourceChars <= 0 || targetChars <= 0) return { ratio: 1, variance: DEFAULT_VARIANCE };
  const weight = Number.isFinite(sentences) ? sentences / (sentences + 8) : 1;
  return {
    ratio: Math.exp(weight * Math.log(targetChars / sourceChars)),
    variance: DEFAULT_VARIANCE,
  };
}

/**
 * Re-learn the ratio and variance from the 1-1 links of a first pass: ratio from their total
 * lengths (three links or more), variance robustly from the median squared residual (median of
 * χ²₁ ≈ 0.455; ten links or more).
 */
export function refineLengthModel(
  beads: readonly Bead[],
  sourceLen: Float64Array,
  targetLen: Float64Array,
  fallback: LengthModel,
): LengthModel {
  const pairs: Array<[number, number]> = [];
  for (const bead of beads) {
    if (bead.a !== 1 || bead.b !== 1) continue;
    const l1 = (sourceLen[bead.s + 1] ?? 0) - (sourceLen[bead.s] ?? 0);
    const l2 = (targetLen[bead.t + 1] ?? 0) - (targetLen[bead.t] ?? 0);
    if (l1 > 0 && l2 > 0) pairs.push([l1, l2]);
  }
  if (pairs.length < 3) return fallback;
  let s1 = 0;
  let s2 = 0;
  for (const [a, b] of pairs) {
    s1 += a;
    s2 += b;
  }
  const ratio = s2 / s1;
  if (pairs.length < 10) return { ratio, variance: fallback.variance };
  const residuals = pairs
    .map(([a, b]) => (b - a * ratio) ** 2 / Math.max(1, (a + b / ratio) / 2))
    .sort((x, y) => x - y);
  const median = residuals[Math.floor(residuals.length / 2)] ?? fallback.variance * 0.455;
  const variance = Math.min(40, Math.max(1.5, median / 0.455));
  return { ratio, variance };
}
