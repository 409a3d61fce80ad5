/** Token-level Levenshtein distance (insert, delete, substitute = 1), full table, two rows. */
export function editDistance<T>(a: ArrayLike<T>, b: ArrayLike<T>): number {
  const n = a.length;
  const m = b.length;
  if (n === 0) return m;
  if (m === 0) return n;
  let prev = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    const ai = a[i - 1];
    for (let j = 1; j <= m; j++) {
      const sub = prev[j - 1]! + (ai === b[j - 1] ? 0 : 1);
      const del = prev[j]! + 1;
      const ins = cur[j - 1]! + 1;
      cur[j] = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
    }
    [prev, cur] = [cur, prev];
  }
  return prev[m]!;
}

/**
 * Banded (Ukkonen) edit distance: the exact distance when it is at most `k`, else `k + 1`. Only the
 * cells with |i − j| ≤ k are computed, and it stops as soon as a whole band row exceeds k.
 */
export function boundedDistance(a: Int32Array, b: Int32Array, k: number): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > k) return k + 1;
  if (n === 0 || m === 0) return Math.max(n, m);
  const big = k + 1;
  let prev = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j <= k ? j : big;
  for (let i = 1; i <= n; i++) {
    const lo = Math.max(1, i - k);
    const hi = Math.min(m, i + k);
    cur[lo - 1] = lo - 1 === 0 ? (i <= k ? i : big) : big;
    let rowMin = cur[lo - 1]!;
    const ai = a[i - 1];
    for (let j = lo; j <= hi; j++) {
      const sub = prev[j - 1]! + (ai === b[j - 1] ? 0 : 1);
      const del = (j <= i - 1 + k ? prev[j]! : big) + 1;
      const ins = cur[j - 1]! + 1;
      let v = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
      if (v > big) v = big;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (hi < m) cur[hi + 1] = big;
    if (rowMin > k) return big;
    [prev, cur] = [cur, prev];
  }
  return prev[m]! > k ? big : prev[m]!;
}

/** The largest distance that still scores `threshold` or more at max length `len`. */
export function maxDistance(len: number, threshold: number): number {
  return Math.floor(((100 - threshold) * len) / 100);
}

/** OmegaT's similarity, floored to an integer percent. */
export function similarity(n: number, m: number, distance: number): number {
  const len = Math.max(n, m);
  if (len === 0) return 100;
  return Math.floor((100 * (len - distance)) / len);
}
