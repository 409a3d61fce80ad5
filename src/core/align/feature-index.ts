import { featureKind } from "./features.ts";
import type { FeatureKind } from "./features.ts";

/** How much one shared anchor of each kind is worth, before rarity. */
export const KIND_WEIGHT: Record<FeatureKind, number> = {
  n: 3,
  u: 6,
  e: 6,
  g: 5,
  m: 2,
  pc: 1.5,
  w: 1.5,
  p: 0.8,
  x: 2,
};

/** Anchors shared by both texts, as ids per sentence plus one weight per id. */
export interface FeatureIndex {
  source: Int32Array[];
  target: Int32Array[];
  weight: Float64Array;
  /** For each feature id, the target sentences that carry it, ascending. */
  targetsOf: Int32Array[];
}

export function buildFeatureIndex(
  sourceFeatures: readonly string[][],
  targetFeatures: readonly string[][],
  kindWeight: Record<FeatureKind, number> = KIND_WEIGHT,
): FeatureIndex {
  const dfS = new Map<string, number>();
  const dfT = new Map<string, number>();
  for (const fs of sourceFeatures) for (const f of fs) dfS.set(f, (dfS.get(f) ?? 0) + 1);
  for (const fs of targetFeatures) for (const f of fs) dfT.set(f, (dfT.get(f) ?? 0) + 1);
  const ids = new Map<string, number>();
  const weights: number[] = [];
  const total = sourceFeatures.length + targetFeatures.length + 2;
  for (const [f, s] of dfS) {
    const t = dfT.get(f);
    if (t === undefined) continue;
    const rarity = Math.max(0, Math.log(total / (s + t)) / Math.log(total / 2));
    const balance = Math.min(s, t) / Math.max(s, t);
    const w = kindWeight[featureKind(f)] * rarity * balance;
    if (w <= 1e-6) continue;
    ids.set(f, weights.length);
    weights.push(w);
  }
  const toIds = (fs: readonly string[]): Int32Array => {
    const out: number[] = [];
    for (const f of fs) {
      const id = ids.get(f);
      if (id !== undefined) out.push(id);
    }
    return Int32Array.from(out.sort((a, b) => a - b));
  };
  const source = sourceFeatures.map(toIds);
  const target = targetFeatures.map(toIds);
  const lists: number[][] = weights.map(() => []);
  target.forEach((fs, j) => fs.forEach((id) => lists[id]?.push(j)));
  return {
    source,
    target,
    weight: Float64Array.from(weights),
    targetsOf: lists.map((l) => Int32Array.from(l)),
  };
}

/** First index in a sorted array whose value is >= x. */
export function lowerBound(arr: Int32Array, x: number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((arr[mid] ?? 0) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
