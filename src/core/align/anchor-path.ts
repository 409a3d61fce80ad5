import type { FeatureIndex } from "./feature-index.ts";

/**
 * Sure points for a first guess of the path in long texts: anchors that occur in exactly one
 * sentence on each side (a number, a name, a URL...), kept where they agree in order (the longest
 * chain increasing on both sides). Returns [source sentence, target sentence] pairs, ascending.
 */
export function anchorPoints(
  index: FeatureIndex,
  source: readonly number[],
  target: readonly number[],
): Array<[number, number]> {
  const where = new Map<number, [number, number]>();
  const countS = new Map<number, number>();
  source.forEach((sid, s) => {
    for (const id of index.source[sid] ?? []) {
      countS.set(id, (countS.get(id) ?? 0) + 1);
      where.set(id, [s, -1]);
    }
  });
  const countT = new Map<number, number>();
  target.forEach((tid, t) => {
    for (const id of index.target[tid] ?? []) {
      countT.set(id, (countT.get(id) ?? 0) + 1);
      const w = where.get(id);
      if (w) w[1] = t;
    }
  });
  const points: Array<[number, number]> = [];
  for (const [id, [s, t]] of where) {
    if (t >= 0 && countS.get(id) === 1 && countT.get(id) === 1) points.push([s, t]);
  }
  points.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  return longestChain(points);
}

/** Longest subsequence strictly increasing in both coordinates (points sorted by the first). */
function longestChain(points: ReadonlyArray<[number, number]>): Array<[number, number]> {
  const tails: number[] = [];
  const tailIndex: number[] = [];
  const parent = new Int32Array(points.length).fill(-1);
  points.forEach(([s, t], k) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const other = points[tailIndex[mid] ?? 0];
      // Strict in both: a later point with the same source sentence cannot extend the chain.
      if ((tails[mid] ?? 0) < t && (other?.[0] ?? -1) < s) lo = mid + 1;
      else hi = mid;
    }
    parent[k] = lo > 0 ? (tailIndex[lo - 1] ?? -1) : -1;
    tails[lo] = t;
    tailIndex[lo] = k;
  });
  const out: Array<[number, number]> = [];
  let k = tailIndex[tails.length - 1] ?? -1;
  while (k >= 0) {
    const p = points[k];
    if (p) out.push(p);
    k = parent[k] ?? -1;
  }
  return out.reverse();
}
