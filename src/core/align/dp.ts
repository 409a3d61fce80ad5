import { AppError } from "../model/app-error.ts";
import type { Band } from "./band.ts";
import type { FeatureIndex } from "./feature-index.ts";
import { lowerBound } from "./feature-index.ts";
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

function sharesAny(x: Int32Array | undefined, y: Int32Array | undefined): boolean {
  if (!x || !y) return false;
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const a = x[i] ?? 0;
    const b = y[j] ?? 0;
    if (a === b) return true;
    if (a < b) i++;
    else j++;
  }
  return false;
}

/**
 * Per sentence k of one side: bit 1 set when it shares an anchor with sentence k+1, bit 2 with
 * sentence k+2 (global numbers; the array covers from..to).
 */
function repeatFlags(ids: readonly Int32Array[], from: number, to: number): Uint8Array {
  const out = new Uint8Array(Math.max(0, to - from) + 3);
  for (let k = from; k < to; k++) {
    let flags = 0;
    if (k + 1 < to && sharesAny(ids[k], ids[k + 1])) flags |= 1;
    if (k + 2 < to && sharesAny(ids[k], ids[k + 2])) flags |= 2;
    out[k - from] = flags;
  }
  return out;
}

/** Whether any two of the `count` sentences starting at `first` (global) share an anchor. */
function repeatsAt(flags: Uint8Array, offset: number, first: number, count: number): boolean {
  const k = first - offset;
  if (count < 2) return false;
  if (((flags[k] ?? 0) & 1) !== 0) return true;
  if (count < 3) return false;
  return ((flags[k + 1] ?? 0) & 1) !== 0 || ((flags[k] ?? 0) & 2) !== 0;
}

/** Shared-anchor weight for source sentence s with each target in a window, for one band. */
class LexBand {
  private readonly lo: Int32Array;
  private readonly hi: Int32Array;
  private readonly start: Int32Array;
  private readonly values: Float32Array;
  private readonly features: FeatureIndex;
  private readonly stamp: Int32Array;
  private readonly s0: number;
  private readonly t0: number;
  private token = 0;
  private readonly sourceRepeat: Uint8Array;
  private readonly targetRepeat: Uint8Array;

  constructor(texts: DpTexts, range: DpRange, band: Band) {
    const n = range.s1 - range.s0;
    const m = range.t1 - range.t0;
    this.features = texts.features;
    this.stamp = new Int32Array(texts.features.weight.length);
    this.sourceRepeat = repeatFlags(texts.features.source, range.s0, range.s1);
    this.targetRepeat = repeatFlags(texts.features.target, range.t0, range.t1);
    this.s0 = range.s0;
    this.t0 = range.t0;
    this.lo = new Int32Array(n);
    this.hi = new Int32Array(n);
    this.start = new Int32Array(n + 1);
    for (let s = 0; s < n; s++) {
      let lo = m;
      let hi = -1;
      for (let r = s + 1; r <= Math.min(n, s + 3); r++) {
        lo = Math.min(lo, band.lo[r] ?? 0);
        hi = Math.max(hi, band.hi[r] ?? 0);
      }
      this.lo[s] = Math.max(0, lo - 3);
      this.hi[s] = Math.min(m - 1, hi - 1);
      this.start[s + 1] =
        (this.start[s] ?? 0) + Math.max(0, (this.hi[s] ?? 0) - (this.lo[s] ?? 0) + 1);
    }
    this.values = new Float32Array(this.start[n] ?? 0);
    const { weight, targetsOf } = texts.features;
    for (let s = 0; s < n; s++) {
      const ids = texts.features.source[range.s0 + s];
      if (!ids) continue;
      const lo = (this.lo[s] ?? 0) + range.t0;
      const hi = (this.hi[s] ?? 0) + range.t0;
      const base = (this.start[s] ?? 0) - lo;
      for (const id of ids) {
        const list = targetsOf[id];
        if (!list) continue;
        const w = weight[id] ?? 0;
        for (let k = lowerBound(list, lo); k < list.length; k++) {
          const t = list[k] ?? 0;
          if (t > hi) break;
          this.values[base + t] = (this.values[base + t] ?? 0) + w;
        }
      }
    }
  }

  /** Local sentence numbers s and t. */
  at(s: number, t: number): number {
    const lo = this.lo[s] ?? 0;
    if (t < lo || t > (this.hi[s] ?? -1)) return 0;
    return this.values[(this.start[s] ?? 0) + t - lo] ?? 0;
  }

  /**
   * Anchor weight of a link: the weights of the distinct anchors its two sides share, so that an
   * anchor repeated in two sentences of one side is not counted twice. `s0`/`t0` are local numbers.
   */
  sum(s0: number, a: number, t0: number, b: number): number {
    const pairs = this.pairs(s0, a, t0, b);
    return pairs === 0 ? 0 : this.refine(s0, a, t0, b, pairs);
  }

  /** Sum of the pairwise weights: equal to sum() or larger (an upper bound, cheap). */
  pairs(s0: number, a: number, t0: number, b: number): number {
    if (a === 1 && b === 1) return this.at(s0, t0);
    let pairs = 0;
    for (let s = s0; s < s0 + a; s++) for (let t = t0; t < t0 + b; t++) pairs += this.at(s, t);
    return pairs;
  }

  /** sum() given the pairwise sum: exact union only when an anchor repeats on one side. */
  refine(s0: number, a: number, t0: number, b: number, pairs: number): number {
    if (a === 1 && b === 1) return pairs;
    // Without an anchor shared by two sentences of the same side, the pairwise sum is exact.
    if (
      !repeatsAt(this.sourceRepeat, this.s0, this.s0 + s0, a) &&
      !repeatsAt(this.targetRepeat, this.t0, this.t0 + t0, b)
    ) {
      return pairs;
    }
    const { source, target, weight } = this.features;
    const token = ++this.token;
    for (let s = s0; s < s0 + a; s++) {
      for (const id of source[this.s0 + s] ?? []) this.stamp[id] = token;
    }
    let total = 0;
    for (let t = t0; t < t0 + b; t++) {
      for (const id of target[this.t0 + t] ?? []) {
        if (this.stamp[id] === token) {
          total += weight[id] ?? 0;
          this.stamp[id] = -token;
        }
      }
    }
    return total;
  }
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
