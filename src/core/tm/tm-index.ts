import { boundedDistance, editDistance, maxDistance } from "./distance.ts";
import { prepare, realKeys } from "./prepare.ts";
import { compareMatches, scoreUnit } from "./score.ts";
import type { PreparedQuery, PreparedUnit } from "./score.ts";
import type { MatchOptions, TmMatch, TmQuery, TmUnit } from "./types.ts";

interface Slot extends PreparedUnit {
  ids: Int32Array;
}

/** Lookup counters of the last `match` (for benches and tests). */
export interface LookupStats {
  candidates: number;
  verified: number;
}

/**
 * Fuzzy-match index over translation units: an inverted index from token to the units that hold
 * it. A lookup takes the query's rarest tokens as a prefix filter (a unit that shares none of the
 * first d + 1 of them is at least d + 1 edits away), drops units whose length alone puts them
 * under the threshold, and verifies the rest with a banded edit distance. No unit at or above the
 * threshold is missed; `bruteForce` scores every unit for comparison.
 */
export class TmIndex {
  readonly sourceLang: string;
  private readonly slots: Array<Slot | undefined> = [];
  private readonly byId = new Map<string, number>();
  private readonly dict = new Map<string, number>();
  private postings: number[][] = [];
  /** Live units holding each token (postings keep removed slots until compacted). */
  private df: number[] = [];
  private live = 0;
  lastStats: LookupStats = { candidates: 0, verified: 0 };

  constructor(sourceLang: string) {
    this.sourceLang = sourceLang;
  }

  get size(): number {
    return this.live;
  }

  private tokenId(key: string): number {
    let id = this.dict.get(key);
    if (id === undefined) {
      id = this.postings.length;
      this.dict.set(key, id);
      this.postings.push([]);
      this.df.push(0);
    }
    return id;
  }

  /** Adds a unit (a unit with the same id is replaced). */
  add(unit: TmUnit): void {
    this.remove(unit.id);
    const p = prepare(unit.source, this.sourceLang);
    const ids = Int32Array.from(p.keys, (k) => this.tokenId(k));
    const slot = this.slots.length;
    this.slots.push({ unit, p, ids });
    this.byId.set(unit.id, slot);
    const seen = new Set<number>();
    for (const t of ids) {
      if (seen.has(t)) continue;
      seen.add(t);
      this.postings[t]!.push(slot);
      this.df[t]!++;
    }
    this.live++;
  }

  /** Removes a unit by id; true when it was there. */
  remove(id: string): boolean {
    const slot = this.byId.get(id);
    if (slot === undefined) return false;
    const s = this.slots[slot]!;
    for (const t of new Set(s.ids)) this.df[t]!--;
    this.slots[slot] = undefined;
    this.byId.delete(id);
    this.live--;
    return true;
  }

  /** Units in the order they were added (the tie-break order of matches). */
  *units(): IterableIterator<TmUnit> {
    for (const s of this.slots) if (s) yield s.unit;
  }

  prepareQuery(query: TmQuery): PreparedQuery {
    const p = prepare(query.source, this.sourceLang);
    return {
      p,
      real: realKeys(p),
      ...(query.prev !== undefined ? { prev: query.prev } : {}),
      ...(query.next !== undefined ? { next: query.next } : {}),
    };
  }

  /** Per-slot overlap counts and per-token query counts, reused by every lookup (all zero between). */
  private counts = new Uint16Array(0);
  private queryCounts = new Uint16Array(0);
  /** Per-token counters of one candidate's overlap (valid where `stamps` holds its stamp). */
  private stamps = new Int32Array(0);
  private used = new Uint16Array(0);

  /**
   * Top matches of a query. Candidates come from the query's rarest tokens (the prefix filter: a
   * unit sharing none of the n − need + 1 rarest token occurrences has fewer than `need` tokens in
   * common, and a unit needs ceil(max(n, m) × threshold / 100) common tokens to reach the
   * threshold). The best candidates by common-token count are verified first; once `limit`
   * matches are held, the threshold rises to the last one's score, which prunes the remaining
   * candidates by their common-token count (an upper bound of the score) before any edit distance.
   */
  match(query: TmQuery, options: MatchOptions = {}): TmMatch[] {
    const threshold = Math.max(1, Math.ceil(options.threshold ?? 50));
    const limit = options.limit ?? 5;
    const q = this.prepareQuery(query);
    const n = q.p.keys.length;
    this.lastStats = { candidates: 0, verified: 0 };
    if (n === 0 || limit <= 0) return [];
    const qIds = Int32Array.from(q.p.keys, (k) => this.dict.get(k) ?? -1);
    const inContextPossible = q.prev !== undefined && q.next !== undefined;
    // Length filter: a unit of length m can reach the threshold only if |n − m| ≤ maxDistance.
    const minLen = Math.ceil((n * threshold) / 100);
    const maxLen = Math.floor((n * 100) / threshold);
    // Distinct known tokens with their count in the query, rarest first; unknown tokens are
    // rarer still (no unit holds them) and take the first prefix positions.
    const qCount = new Map<number, number>();
    let unknown = 0;
    for (const t of qIds) {
      if (t < 0) unknown++;
      else qCount.set(t, (qCount.get(t) ?? 0) + 1);
    }
    const tokens = [...qCount.keys()].sort((a, b) => this.df[a]! - this.df[b]!);
    const need = Math.ceil((n * threshold) / 100);
    const prefixPositions = n - need + 1;

    if (this.counts.length < this.slots.length) {
      this.counts = new Uint16Array(Math.max(1024, this.slots.length * 2));
    }
    if (this.queryCounts.length < this.postings.length) {
      const size = Math.max(1024, this.postings.length * 2);
      this.queryCounts = new Uint16Array(size);
      this.stamps = new Int32Array(size);
      this.used = new Uint16Array(size);
    }
    this.stamps.fill(0);
    const counts = this.counts;
    const touched: number[] = [];
    let covered = unknown;
    let k = 0;
    // Prefix: every unit holding one of these tokens is a candidate.
    for (; k < tokens.length && covered < prefixPositions; k++) {
      const t = tokens[k]!;
      const w = qCount.get(t)!;
      covered += w;
      const list = this.postings[t]!;
      for (let x = 0; x < list.length; x++) {
        const slot = list[x]!;
        const was = counts[slot]!;
        if (was === 0) touched.push(slot);
        counts[slot] = was + w;
      }
    }
    // Tokens after the prefix add to the candidates' counts only. Scanning their posting lists
    // costs their length; counting each candidate's tokens costs its length: take the cheaper.
    let rest = 0;
    for (let j = k; j < tokens.length; j++) rest += this.postings[tokens[j]!]!.length;
    const exactCounts = rest > touched.length * 24;
    if (!exactCounts) {
      for (let j = k; j < tokens.length; j++) {
        const t = tokens[j]!;
        const w = qCount.get(t)!;
        const list = this.postings[t]!;
        for (let x = 0; x < list.length; x++) {
          const slot = list[x]!;
          const was = counts[slot]!;
          if (was !== 0) counts[slot] = was + w;
        }
      }
    }
    const queryCounts = this.queryCounts;
    if (exactCounts) for (const [t, w] of qCount) queryCounts[t] = w;
    const stamps = this.stamps;
    const used = this.used;
    let stamp = 0;

    // Upper bound of each candidate's score from its common-token count c (distance ≥
    // max(n, m) − c), in buckets by bound; 101 for a possible exact in-context match.
    const buckets: number[][] = [];
    for (const slot of touched) {
      let c = counts[slot]!;
      counts[slot] = 0;
      const s = this.slots[slot];
      if (!s) continue;
      const m = s.ids.length;
      if (m < minLen || m > maxLen) continue;
      if (exactCounts) {
        // Count filter first: the prefix count plus every later query position bounds the overlap.
        if (Math.min(c + n - covered, m) * 100 < Math.max(n, m) * threshold) continue;
        // Multiset overlap: each query token counts at most as often as the query holds it.
        stamp++;
        c = 0;
        const ids = s.ids;
        for (let x = 0; x < m; x++) {
          const t = ids[x]!;
          const w = queryCounts[t]!;
          if (w === 0) continue;
          if (stamps[t] !== stamp) {
            stamps[t] = stamp;
            used[t] = 0;
          }
          if (used[t]! < w) {
            used[t]!++;
            c++;
          }
        }
      }
      const len = Math.max(n, m);
      c = Math.min(c, n, m);
      let bound = Math.floor((100 * c) / len);
      if (bound < threshold) continue;
      if (bound === 100 && inContextPossible) bound = 101;
      (buckets[bound] ??= []).push(slot);
    }
    if (exactCounts) for (const t of qCount.keys()) queryCounts[t] = 0;

    // Verify best bound first; stop when no remaining bound reaches the held limit-th score.
    const top: Array<{ match: TmMatch; order: number }> = [];
    let floor = threshold;
    for (let bound = buckets.length - 1; bound >= threshold; bound--) {
      if (bound < floor) break;
      const bucket = buckets[bound];
      if (!bucket) continue;
      // Ties are broken by insertion order: verify a bucket in slot order.
      bucket.sort((a, b) => a - b);
      for (const slot of bucket) {
        const s = this.slots[slot]!;
        const m = s.ids.length;
        this.lastStats.candidates++;
        const maxD = maxDistance(Math.max(n, m), floor);
        const d = boundedDistance(qIds, s.ids, maxD);
        if (d > maxD) continue;
        this.lastStats.verified++;
        const match = scoreUnit(q, s, d);
        if (match.score < floor) continue;
        const item = { match, order: slot };
        let at = top.length;
        while (at > 0 && compareMatches(item, top[at - 1]!) < 0) at--;
        if (at >= limit) continue;
        top.splice(at, 0, item);
        if (top.length > limit) top.pop();
        if (top.length === limit) floor = Math.max(floor, top[limit - 1]!.match.score);
      }
    }
    return top.map((f) => f.match);
  }

  /** The baseline: every unit scored with the full edit distance. */
  bruteForce(query: TmQuery, options: MatchOptions = {}): TmMatch[] {
    const threshold = Math.max(1, Math.ceil(options.threshold ?? 50));
    const limit = options.limit ?? 5;
    const q = this.prepareQuery(query);
    if (q.p.keys.length === 0 || limit <= 0) return [];
    const found: Array<{ match: TmMatch; order: number }> = [];
    for (let slot = 0; slot < this.slots.length; slot++) {
      const s = this.slots[slot];
      if (!s) continue;
      const match = scoreUnit(q, s, editDistance(q.p.keys, s.p.keys));
      if (match.score >= threshold) found.push({ match, order: slot });
    }
    return topK(found, limit);
  }
}

function topK(found: Array<{ match: TmMatch; order: number }>, limit: number): TmMatch[] {
  found.sort(compareMatches);
  return found.slice(0, limit).map((f) => f.match);
}

/**
 * Scores every unit of a list against a query, from scratch (no index, nothing shared with
 * `TmIndex` but the scoring rules): the reference the index is tested against.
 */
export function bruteForceMatch(
  units: readonly TmUnit[],
  query: TmQuery,
  sourceLang: string,
  options: MatchOptions = {},
): TmMatch[] {
  const threshold = Math.max(1, Math.ceil(options.threshold ?? 50));
  const limit = options.limit ?? 5;
  const p = prepare(query.source, sourceLang);
  if (p.keys.length === 0 || limit <= 0) return [];
  const q: PreparedQuery = {
    p,
    real: realKeys(p),
    ...(query.prev !== undefined ? { prev: query.prev } : {}),
    ...(query.next !== undefined ? { next: query.next } : {}),
  };
  const found: Array<{ match: TmMatch; order: number }> = [];
  units.forEach((unit, order) => {
    const up = prepare(unit.source, sourceLang);
    const match = scoreUnit(q, { unit, p: up }, editDistance(p.keys, up.keys));
    if (match.score >= threshold) found.push({ match, order });
  });
  return topK(found, limit);
}
