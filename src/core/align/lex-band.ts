import type { Band } from "./band.ts";
import type { DpRange, DpTexts } from "./dp.ts";
import type { FeatureIndex } from "./feature-index.ts";
import { lowerBound } from "./feature-index.ts";

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
export class LexBand {
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
