import { AppError } from "../model/app-error.ts";
import type { Band } from "./band.ts";
import type { FeatureIndex } from "./feature-index.ts";
import { LexBand } from "./lex-band.ts";
import type { LengthModel } from "./length-cost.ts";
import { lengthCost } from "./length-cost.ts";

/** Link shapes the search may use, as [source count, target count]. */
export const LINK_TYPES: ReadonlyArray<readonly [number, number]> = [
  [1, 1],
  [1, 0],
  [0, 1],
  [2, 1],
  [1, 2],
  [2, 2],
  [1, 3],
  [3, 1],
];

/** Everything the search needs about the two texts, in global sentence numbers. */
export interface DpTexts {
  /** Prefix sums of sentence lengths (length n + 1 / m + 1). */
  sourceLen: Float64Array;
  targetLen: Float64Array;
  features: FeatureIndex;
  /** Paragraph boundary before sentence k (k = 0..count), or null when paragraphs are unknown. */
  sourceBreak: Uint8Array | null;
  targetBreak: Uint8Array | null;
  /**
   * Paragraph number of each sentence when both texts have the same number of paragraphs (then
   * paragraph k of one renders paragraph k of the other), else null and the breaks are used.
   */
  sourcePara: Int32Array | null;
  targetPara: Int32Array | null;
  /**
   * 1 before sentence k when a fixed 1-0 / 0-1 link was taken out there: no link may span it.
   * Null when there is none.
   */
  sourceBarrier: Uint8Array | null;
  targetBarrier: Uint8Array | null;
}

function crosses(barrier: Uint8Array | null, from: number, count: number): boolean {
  if (barrier === null) return false;
  for (let k = from + 1; k < from + count; k++) if (barrier[k]) return true;
  return false;
}

export interface DpParams {
  length: LengthModel;
  /** -ln P(link type), in LINK_TYPES order. */
  priors: Float64Array;
  lexicalWeight: number;
  paragraphPenalty: number;
}

/** The part of the grid one search covers: source s0..s1 and target t0..t1 (ends exclusive). */
export interface DpRange {
  s0: number;
  s1: number;
  t0: number;
  t1: number;
}

export interface Bead {
  /** Global sentence numbers where the link starts, and its shape. */
  s: number;
  t: number;
  a: number;
  b: number;
  lengthCost: number;
  /** Sum of the weights of shared anchors (before lexicalWeight). */
  lexical: number;
  /** How much worse the best other way of reaching this link's end cell is (cost units). */
  margin: number;
}

export interface DpControl {
  signal?: { readonly aborted: boolean } | undefined;
  onRow?: ((rowsDone: number) => void) | undefined;
}

function paragraphCost(
  texts: DpTexts,
  range: DpRange,
  i: number,
  j: number,
  a: number,
  b: number,
  penalty: number,
): number {
  if (penalty === 0) return 0;
  const gi = range.s0 + i;
  const gj = range.t0 + j;
  const sp = texts.sourcePara;
  const tp = texts.targetPara;
  if (sp !== null && tp !== null) {
    if (a === 0 || b === 0) return 0;
    const first = sp[gi - a] !== tp[gj - b];
    const last = sp[gi - 1] !== tp[gj - 1];
    return first || last ? penalty : 0;
  }
  const sb = texts.sourceBreak;
  const tb = texts.targetBreak;
  if (sb === null || tb === null) return 0;
  let cost = 0;
  if ((sb[gi] ?? 1) !== (tb[gj] ?? 1)) cost += penalty;
  for (let k = gi - a + 1; k < gi; k++) if (sb[k]) cost += penalty;
  for (let k = gj - b + 1; k < gj; k++) if (tb[k]) cost += penalty;
  return cost;
}

/** Best monotone path through the band; returns its links in order. */
export function searchBand(
  texts: DpTexts,
  range: DpRange,
  band: Band,
  params: DpParams,
  control: DpControl = {},
): Bead[] {
  const n = range.s1 - range.s0;
  const cost = new Float64Array(band.cells).fill(Infinity);
  const back = new Uint8Array(band.cells);
  const margin = new Float32Array(band.cells);
  const lex = new LexBand(texts, range, band);
  const { sourceLen, targetLen } = texts;
  const { lo, hi, start } = band;
  const types = LINK_TYPES;
  cost[0] = 0;
  for (let i = 0; i <= n; i++) {
    if ((i & 127) === 0) {
      if (control.signal?.aborted) throw new AppError("align.aborted");
      control.onRow?.(i);
    }
    const rowLo = lo[i] ?? 0;
    const rowHi = hi[i] ?? 0;
    const rowStart = start[i] ?? 0;
    for (let j = rowLo; j <= rowHi; j++) {
      if (i === 0 && j === 0) continue;
      let best = Infinity;
      let second = Infinity;
      let bestK = 0;
      for (let k = 0; k < types.length; k++) {
        const type = types[k];
        if (!type) continue;
        const [a, b] = type;
        const pi = i - a;
        const pj = j - b;
        if (pi < 0 || pj < 0) continue;
        const plo = lo[pi] ?? 0;
        if (pj < plo || pj > (hi[pi] ?? -1)) continue;
        const prev = cost[(start[pi] ?? 0) + pj - plo] ?? Infinity;
        if (prev === Infinity) continue;
        if (a > 1 && crosses(texts.sourceBarrier, range.s0 + pi, a)) continue;
        if (b > 1 && crosses(texts.targetBarrier, range.t0 + pj, b)) continue;
        let c = prev + (params.priors[k] ?? 0);
        if (a > 0 && b > 0) {
          // Costs only grow from here (the pairwise anchor sum bounds the exact one, length and
          // paragraph costs are never negative): skip the link as soon as it cannot come second.
          const pairs = lex.pairs(pi, a, pj, b);
          if (c - params.lexicalWeight * pairs >= second) continue;
          if (pairs > 0) c -= params.lexicalWeight * lex.refine(pi, a, pj, b, pairs);
          if (c >= second) continue;
          const l1 = (sourceLen[range.s0 + i] ?? 0) - (sourceLen[range.s0 + pi] ?? 0);
          const l2 = (targetLen[range.t0 + j] ?? 0) - (targetLen[range.t0 + pj] ?? 0);
          c += lengthCost(l1, l2, params.length);
        }
        c += paragraphCost(texts, range, i, j, a, b, params.paragraphPenalty);
        if (c < best) {
          second = best;
          best = c;
          bestK = k;
        } else if (c < second) {
          second = c;
        }
      }
      cost[rowStart + j - rowLo] = best;
      back[rowStart + j - rowLo] = bestK;
      margin[rowStart + j - rowLo] = Math.min(second - best, 1e6);
    }
  }
  const beads: Bead[] = [];
  let i = n;
  let j = range.t1 - range.t0;
  while (i > 0 || j > 0) {
    const k = back[(start[i] ?? 0) + j - (lo[i] ?? 0)] ?? 0;
    const [a, b] = types[k] ?? [1, 1];
    const l1 = (sourceLen[range.s0 + i] ?? 0) - (sourceLen[range.s0 + i - a] ?? 0);
    const l2 = (targetLen[range.t0 + j] ?? 0) - (targetLen[range.t0 + j - b] ?? 0);
    beads.push({
      s: range.s0 + i - a,
      t: range.t0 + j - b,
      a,
      b,
      lengthCost: a > 0 && b > 0 ? lengthCost(l1, l2, params.length) : 0,
      lexical: a > 0 && b > 0 ? lex.sum(i - a, a, j - b, b) : 0,
      margin: margin[(start[i] ?? 0) + j - (lo[i] ?? 0)] ?? 0,
    });
    i -= a;
    j -= b;
  }
  return beads.reverse();
}
