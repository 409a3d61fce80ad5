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

/**
 * Myers' bit-parallel edit distance (Hyyrö's blocks of 32 rows for longer patterns): one pattern
 * (the query's tokens) against many texts, O(m · ⌈n / 32⌉) word operations per text of m tokens.
 * Symbols are small ints: pattern position i holds `symbols[i]` (1…count, or 0 for a token no
 * text can hold); a text token is mapped to its symbol by `map` (0 = not in the pattern).
 */
export class BitPattern {
  readonly length: number;
  private readonly words: number;
  /** peq[symbol · words + b]: the rows of block b holding that symbol (symbol 0: none). */
  private readonly peq: Int32Array;
  private readonly high: number;
  private readonly pv: Int32Array;
  private readonly mv: Int32Array;

  constructor(symbols: ArrayLike<number>, count: number) {
    const n = symbols.length;
    this.length = n;
    this.words = Math.max(1, Math.ceil(n / 32));
    this.peq = new Int32Array((count + 1) * this.words);
    for (let i = 0; i < n; i++) {
      const s = symbols[i]!;
      if (s > 0) this.peq[s * this.words + (i >> 5)]! |= 1 << (i & 31);
    }
    this.high = 1 << ((n - 1) & 31);
    this.pv = new Int32Array(this.words);
    this.mv = new Int32Array(this.words);
  }

  /**
   * How many tokens of `text[off … off + m)` equal a pattern token in reach of an alignment with
   * at most `k` edits: text position j against pattern rows i with |i − j| ≤ k and
   * |(n − i) − (m − j)| ≤ k. Such an alignment matches at most that many tokens, so its distance
   * is at least max(n, m) minus the count.
   */
  inReach(text: Int32Array, off: number, m: number, map: Int32Array, k: number): number {
    const n = this.length;
    const words = this.words;
    const peq = this.peq;
    const shift = n - m;
    let c = 0;
    for (let j = 0; j < m; j++) {
      const sym = map[text[off + j]!]!;
      if (sym === 0) continue;
      let lo = j - k;
      if (j + shift - k > lo) lo = j + shift - k;
      if (lo < 0) lo = 0;
      let hi = j + k;
      if (j + shift + k < hi) hi = j + shift + k;
      if (hi > n - 1) hi = n - 1;
      if (lo > hi) continue;
      const base = sym * words;
      for (let w = lo >> 5; w <= hi >> 5; w++) {
        let bits = peq[base + w]!;
        if (w === lo >> 5) bits &= -1 << (lo & 31);
        if (w === hi >> 5 && (hi & 31) !== 31) bits &= (1 << ((hi & 31) + 1)) - 1;
        if (bits !== 0) {
          c++;
          break;
        }
      }
    }
    return c;
  }

  /**
   * The edit distance to `text[off … off + m)` when it is at most `k`, else `k + 1` (it stops as
   * soon as the distance so far, less the tokens left, exceeds k).
   */
  distance(text: Int32Array, off: number, m: number, map: Int32Array, k: number): number {
    const n = this.length;
    if (n === 0) return m <= k ? m : k + 1;
    if (Math.abs(n - m) > k) return k + 1;
    const peq = this.peq;
    let score = n;
    if (this.words === 1) {
      const high = this.high;
      let pv = -1;
      let mv = 0;
      for (let j = 0; j < m; j++) {
        const eq = peq[map[text[off + j]!]!]!;
        const xv = eq | mv;
        const xh = (((eq & pv) + pv) ^ pv) | eq;
        let ph = mv | ~(xh | pv);
        let mh = pv & xh;
        if (ph & high) score++;
        else if (mh & high) score--;
        ph = (ph << 1) | 1;
        mh <<= 1;
        pv = mh | ~(xv | ph);
        mv = ph & xv;
        if (score - (m - 1 - j) > k) return k + 1;
      }
      return score <= k ? score : k + 1;
    }
    const words = this.words;
    const last = words - 1;
    const pvs = this.pv;
    const mvs = this.mv;
    pvs.fill(-1);
    mvs.fill(0);
    for (let j = 0; j < m; j++) {
      const base = map[text[off + j]!]! * words;
      let hin = 1;
      for (let b = 0; b < words; b++) {
        let eq = peq[base + b]!;
        const pv = pvs[b]!;
        const mv = mvs[b]!;
        const xv = eq | mv;
        if (hin < 0) eq |= 1;
        const xh = (((eq & pv) + pv) ^ pv) | eq;
        let ph = mv | ~(xh | pv);
        let mh = pv & xh;
        const bit = b === last ? this.high : -0x80000000;
        const hout = ph & bit ? 1 : mh & bit ? -1 : 0;
        ph <<= 1;
        mh <<= 1;
        if (hin < 0) mh |= 1;
        else if (hin > 0) ph |= 1;
        pvs[b] = mh | ~(xv | ph);
        mvs[b] = ph & xv;
        hin = hout;
      }
      score += hin;
      if (score - (m - 1 - j) > k) return k + 1;
    }
    return score <= k ? score : k + 1;
  }
}
