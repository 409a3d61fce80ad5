import { BitPattern, editDistance } from "./distance.ts";
import { NUMBER_KEY, prepare, realKeys } from "./prepare.ts";
import type { Prepared } from "./prepare.ts";
import { compareMatches, scoreUnit } from "./score.ts";
import type { PreparedQuery, PreparedUnit } from "./score.ts";
import { PENALTY_POINTS } from "./types.ts";
import type { MatchOptions, TmMatch, TmQuery, TmUnit } from "./types.ts";

/** Lookup counters of the last `match` (for benches and tests). */
export interface LookupStats {
  /** Posting lists read (the query's rarest tokens first). */
  lists: number;
  /** Posting entries read. */
  scanned: number;
  /** Units met whose length could reach the floor. */
  met: number;
  /** Units whose tokens were compared with the query's (their bounds reached the floor). */
  candidates: number;
  /** Units whose edit distance was computed (they passed the count of shared tokens). */
  distances: number;
  /** Units scored in full (numbers, codes, penalties): their bounds could beat the k-th held. */
  verified: number;
}

/** What a unit's index keys do not hold: its numbers and inline codes (most units have none). */
interface Extra {
  numbers: string[];
  numberRaw: string[];
  codes: string[];
}

const NO_EXTRA: Extra = Object.freeze({
  numbers: [] as string[],
  numberRaw: [] as string[],
  codes: [] as string[],
}) as Extra;

/** Fields of a slot in `meta`. */
const PIDX = 1;
const LEN = 2;
const START = 3;

/** Units met are reviewed after a list when they are at most this many times its length. */
const REVIEW_RATIO = 2;

/** Candidates are scored in full once this many are waiting (the floor rises sooner). */
const DRAIN_EVERY = 32;
/** A unit met no more: its hit count stays negative whatever is added to it. */
const SETTLED = -0x40000000;
/**
 * Past the prefix, a posting list is still read to lower the bounds of the units met when it is at
 * most this many times longer than the units still open (reading an entry costs a small fraction
 * of checking a unit).
 */
const PROBE_RATIO = 8;

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function grownInt32(a: Int32Array, need: number): Int32Array {
  if (need <= a.length) return a;
  let size = a.length;
  while (size < need) size = Math.max(16, Math.ceil(size * 1.5));
  const b = new Int32Array(size);
  b.set(a);
  return b;
}

interface Held {
  match: TmMatch;
  order: number;
}

/** The state of one lookup. */
class Search {
  readonly n: number;
  readonly threshold: number;
  readonly limit: number;
  readonly inContextPossible: boolean;
  /** Lowest score that can still enter: the threshold, then the k-th held score. */
  floor: number;
  /** The k-th match held (−1 until `limit` are held): a candidate must beat it to enter. */
  kScore = -1;
  kBase = -1;
  kOrder = -1;
  readonly top: Held[] = [];
  /** Highest non-empty bucket, and how many candidates wait in the buckets. */
  highest = -1;
  waiting = 0;
  /** Open units met (their hit counts are not negative) in the pending arrays. */
  open = 0;
  /** Pending entries used (entry 0 is a sink for units met and settled at once). */
  pending = 1;
  readonly pattern: BitPattern;
  real: { pattern: BitPattern; values: Map<string, number>; identity: Int32Array } | null = null;

  constructor(
    readonly q: PreparedQuery,
    threshold: number,
    limit: number,
    readonly symbols: Int32Array,
    readonly count: number,
    readonly hashToken: number,
    readonly stats: LookupStats,
  ) {
    this.n = q.p.keys.length;
    this.threshold = threshold;
    this.limit = limit;
    this.floor = threshold;
    this.inContextPossible = q.prev !== undefined && q.next !== undefined;
    this.pattern = new BitPattern(symbols, count);
  }

  /** Best score of a unit that shares at most `shared` tokens and holds `m`. */
  bound(shared: number, m: number): number {
    const n = this.n;
    let c = shared < m ? shared : m;
    if (c > n) c = n;
    const big = m > n ? m : n;
    const b = Math.floor((100 * c) / big);
    return b === 100 && this.inContextPossible ? 101 : b;
  }

  /** Best score of a unit not met yet, when `covered` query positions have been read. */
  unseenBound(covered: number): number {
    if (covered === 0 && this.inContextPossible) return 101;
    return Math.floor((100 * (this.n - covered)) / this.n);
  }

  canEnter(score: number, base: number, slot: number): boolean {
    return (
      score > this.kScore ||
      (score === this.kScore && (base > this.kBase || (base === this.kBase && slot < this.kOrder)))
    );
  }

  /**
   * The pattern with numbers by value (what `scoreUnit` compares when numbers differ), made when
   * first needed: each number value of the query is a symbol of its own after the tokens'.
   */
  realPattern(): NonNullable<Search["real"]> {
    if (this.real) return this.real;
    const values = new Map<string, number>();
    const realSymbols = Int32Array.from(this.symbols);
    const keys = this.q.p.keys;
    let next = this.count;
    let k = 0;
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] !== NUMBER_KEY) continue;
      const v = String(this.q.p.numbers[k++]);
      let sym = values.get(v);
      if (sym === undefined) values.set(v, (sym = ++next));
      realSymbols[i] = sym;
    }
    const identity = Int32Array.from({ length: next + 1 }, (_, i) => i);
    this.real = { pattern: new BitPattern(realSymbols, next), values, identity };
    return this.real;
  }
}

/**
 * Fuzzy-match index over translation units: an inverted index from token id to the slots of the
 * units holding it (typed arrays, in slot order), each unit's token ids in one flat array, and each
 * token's document frequency.
 *
 * A lookup is a top-k search with a rising floor (the threshold, then the k-th best score held).
 * It reads posting lists rarest token first, counting for each unit met the query positions of
 * the lists read that it holds (its hits). A unit first met in the list of the token at query
 * position p (positions sorted rarest first) holds none of the tokens before it, so it shares at
 * most n − p tokens with the query and scores at most ⌊100 (n − p) / n⌋: once that falls under
 * the floor no unit not met yet can enter (the prefix filter, with a prefix that shrinks as the
 * floor rises), and later lists are read only to lower the bounds of the units met while that is
 * cheap. A unit met shares at most hits + (n − positions read) tokens; with its length (|n − m|
 * within the edits the floor allows) that bounds its score. After each list the most promising
 * units are checked, to raise the floor early; at the end every unit whose bound reaches the
 * floor is, best bound first: by the tokens of it the query holds, then by a bit-parallel edit
 * distance that stops once the distance exceeds what the floor allows (numbers by value when they
 * differ), then by the penalties known without scoring. Those that can still beat the k-th match
 * held wait in buckets by that bound and are scored in full best first, raising the floor.
 * Penalties only lower a score and numbers compared by value only lengthen the distance, so every
 * bound is an upper bound of the final score and no match is missed; `bruteForce` scores every
 * unit for comparison.
 */
export class TmIndex {
  readonly sourceLang: string;
  private readonly byId = new Map<string, number>();
  private readonly dict = new Map<string, number>();
  /** Token id → key. */
  private readonly keys: string[] = [];
  /** By slot (one per `add`; a removed unit leaves an empty slot). */
  private readonly slotUnits: Array<TmUnit | undefined> = [];
  private readonly extras: Array<Extra | undefined> = [];
  /**
   * Four ints per slot, side by side (a lookup reads them together): the last lookup that met it,
   * its entry in that lookup's pending arrays, its token count (−1 once removed), and where its
   * tokens start in `toks`.
   */
  private meta = new Int32Array(4096);
  private slotCount = 0;
  /** Every slot's token ids, one after the other. */
  private toks = new Int32Array(1 << 14);
  private toksUsed = 0;
  private toksDead = 0;
  /** Per token id: its posting list (slots in increasing order), used length, live units. */
  private postings: Int32Array[] = [];
  private postLen = new Int32Array(1024);
  private df = new Int32Array(1024);
  /** Per token id scratch: last `add` that counted it; query symbol (0 between lookups). */
  private mark = new Int32Array(1024);
  private symbol = new Int32Array(1024);
  /** A lookup's units met: slot, length, hits (reused by every lookup). */
  private pSlot = new Int32Array(1024);
  private pLen = new Int32Array(1024);
  private pHits = new Int32Array(1024);
  /** Scratch: a unit's symbols with numbers by value; units by bound. */
  private unitSymbols = new Int32Array(256);
  private byBound = new Int32Array(1024);
  private readonly levels = new Int32Array(103);
  private addStamp = 0;
  private queryStamp = 0;
  private live = 0;
  /** Candidates waiting to be scored in full, by score bound (0…101): slot, distance, base bound. */
  private readonly buckets: number[][] = Array.from({ length: 102 }, () => []);
  lastStats: LookupStats = TmIndex.noStats();

  private static noStats(): LookupStats {
    return { lists: 0, scanned: 0, met: 0, candidates: 0, distances: 0, verified: 0 };
  }

  constructor(sourceLang: string) {
    this.sourceLang = sourceLang;
  }

  get size(): number {
    return this.live;
  }

  private tokenId(key: string): number {
    let id = this.dict.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.dict.set(key, id);
      this.keys.push(key);
      this.postings.push(new Int32Array(2));
      if (id >= this.postLen.length) {
        const size = this.postLen.length * 2;
        this.postLen = grownInt32(this.postLen, size);
        this.df = grownInt32(this.df, size);
        this.mark = grownInt32(this.mark, size);
        this.symbol = grownInt32(this.symbol, size);
      }
    }
    return id;
  }

  /** Adds a unit (a unit with the same id is replaced and goes last in the tie order). */
  add(unit: TmUnit): void {
    this.remove(unit.id);
    const p = prepare(unit.source, this.sourceLang);
    const m = p.keys.length;
    const slot = this.slotCount++;
    if (4 * slot + 4 > this.meta.length) {
      this.meta = grownInt32(this.meta, this.meta.length * 2);
    }
    if (this.toksDead > 1 << 16 && this.toksDead * 2 > this.toksUsed) this.compactTokens();
    this.toks = grownInt32(this.toks, this.toksUsed + m);
    const start = this.toksUsed;
    const stamp = ++this.addStamp;
    for (let i = 0; i < m; i++) {
      const t = this.tokenId(p.keys[i]!);
      this.toks[start + i] = t;
      if (this.mark[t] === stamp) continue;
      this.mark[t] = stamp;
      let list = this.postings[t]!;
      const len = this.postLen[t]!;
      if (len === list.length) {
        list = grownInt32(list, len + 1);
        this.postings[t] = list;
      }
      list[len] = slot;
      this.postLen[t] = len + 1;
      this.df[t]!++;
    }
    this.toksUsed += m;
    this.meta[4 * slot + LEN] = m;
    this.meta[4 * slot + START] = start;
    this.slotUnits.push(unit);
    this.extras.push(
      p.numbers.length > 0 || p.codes.length > 0
        ? { numbers: p.numbers, numberRaw: p.numberRaw, codes: p.codes }
        : undefined,
    );
    this.byId.set(unit.id, slot);
    this.live++;
  }

  /** Removes a unit by id; true when it was there. */
  remove(id: string): boolean {
    const slot = this.byId.get(id);
    if (slot === undefined) return false;
    const start = this.meta[4 * slot + START]!;
    const m = this.meta[4 * slot + LEN]!;
    const stamp = ++this.addStamp;
    for (let i = start; i < start + m; i++) {
      const t = this.toks[i]!;
      if (this.mark[t] === stamp) continue;
      this.mark[t] = stamp;
      this.df[t]!--;
    }
    this.meta[4 * slot + LEN] = -1;
    this.slotUnits[slot] = undefined;
    this.extras[slot] = undefined;
    this.toksDead += m;
    this.byId.delete(id);
    this.live--;
    return true;
  }

  /** Rewrites the flat token array without the removed units' tokens. */
  private compactTokens(): void {
    const next = new Int32Array(
      Math.max(1 << 14, Math.ceil((this.toksUsed - this.toksDead) * 1.5)),
    );
    let at = 0;
    for (let slot = 0; slot < this.slotCount; slot++) {
      const m = this.meta[4 * slot + LEN]!;
      if (m < 0) continue;
      const start = this.meta[4 * slot + START]!;
      next.set(this.toks.subarray(start, start + m), at);
      this.meta[4 * slot + START] = at;
      at += m;
    }
    this.toks = next;
    this.toksUsed = at;
    this.toksDead = 0;
  }

  /** Drops removed units from a posting list. */
  private compactList(t: number): void {
    const list = this.postings[t]!;
    const len = this.postLen[t]!;
    let w = 0;
    for (let x = 0; x < len; x++) {
      const slot = list[x]!;
      if (this.meta[4 * slot + LEN]! >= 0) list[w++] = slot;
    }
    this.postLen[t] = w;
    if (list.length > 2 * w + 16) this.postings[t] = list.slice(0, Math.max(2, w));
  }

  /** Units in the order they were added (the tie-break order of matches). */
  *units(): IterableIterator<TmUnit> {
    for (const u of this.slotUnits) if (u) yield u;
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

  /** A slot as `scoreUnit` takes it: its keys from the token ids, its numbers and codes. */
  private preparedUnit(slot: number): PreparedUnit {
    const start = this.meta[4 * slot + START]!;
    const m = this.meta[4 * slot + LEN]!;
    const keys = new Array<string>(m);
    for (let i = 0; i < m; i++) keys[i] = this.keys[this.toks[start + i]!]!;
    const extra = this.extras[slot] ?? NO_EXTRA;
    const p: Prepared = {
      keys,
      numbers: extra.numbers,
      numberRaw: extra.numberRaw,
      codes: extra.codes,
    };
    return { unit: this.slotUnits[slot]!, p };
  }

  /** Top matches of a query, best first (see the class comment for how). */
  match(query: TmQuery, options: MatchOptions = {}): TmMatch[] {
    const threshold = Math.max(1, Math.ceil(options.threshold ?? 50));
    const limit = options.limit ?? 5;
    const q = this.prepareQuery(query);
    const n = q.p.keys.length;
    const stats = TmIndex.noStats();
    this.lastStats = stats;
    if (n === 0 || limit <= 0 || threshold > 101) return [];

    // Query symbols: 1… for each distinct token some unit holds, 0 for the others.
    const symbol = this.symbol;
    const qTokens: number[] = [];
    const weight: number[] = [];
    const symbols = new Int32Array(n);
    let unknown = 0;
    for (let i = 0; i < n; i++) {
      const t = this.dict.get(q.p.keys[i]!);
      if (t === undefined || this.df[t] === 0) {
        unknown++;
        continue;
      }
      let sym = symbol[t]!;
      if (sym === 0) {
        qTokens.push(t);
        weight.push(0);
        sym = symbol[t] = qTokens.length;
      }
      weight[sym - 1]!++;
      symbols[i] = sym;
    }
    const hashToken = this.dict.get(NUMBER_KEY) ?? -1;
    const s = new Search(q, threshold, limit, symbols, qTokens.length, hashToken, stats);
    // Rarest first; a token's weight is how many query positions it covers.
    const order = qTokens.map((_, k) => k);
    order.sort((a, b) => this.df[qTokens[a]!]! - this.df[qTokens[b]!]! || a - b);

    let stamp = ++this.queryStamp;
    if (stamp >= 0x7fffffff) {
      for (let x = 0; x < this.meta.length; x += 4) this.meta[x] = 0;
      this.queryStamp = stamp = 1;
    }
    try {
      this.pHits[0] = SETTLED;
      let covered = unknown;
      let adding = true;
      let sinceReview = 0;
      for (let r = 0; r < order.length; r++) {
        const k = order[r]!;
        const t = qTokens[k]!;
        if (adding && s.unseenBound(covered) < s.floor) adding = false;
        if (!adding && (s.open === 0 || this.postLen[t]! > PROBE_RATIO * s.open)) break;
        if (this.postLen[t]! > 2 * this.df[t]! + 16) this.compactList(t);
        const w = weight[k]!;
        sinceReview += this.postLen[t]!;
        if (adding) this.meet(s, t, w, covered, stamp);
        else this.probe(t, w, stamp);
        covered += w;
        // A review reads every unit met: at most about as often as it costs the lists read.
        if (adding && s.pending <= REVIEW_RATIO * sinceReview) {
          this.review(s, covered);
          sinceReview = 0;
        }
      }
      this.settle(s, covered);
      this.drain(s);
    } finally {
      for (const t of qTokens) symbol[t] = 0;
      for (const b of this.buckets) b.length = 0;
    }
    return s.top.map((item) => item.match);
  }

  /** Reads a posting list inside the prefix: units met for the first time open an entry. */
  private meet(s: Search, t: number, w: number, covered: number, stamp: number): void {
    const list = this.postings[t]!;
    const len = this.postLen[t]!;
    const n = s.n;
    s.stats.lists++;
    s.stats.scanned += len;
    const f = Math.min(s.floor, 100);
    // Length filter: the unit shares at most min(n − covered, m) tokens.
    const minLen = Math.ceil((f * n) / 100);
    const maxLen = Math.floor((100 * (n - covered)) / f);
    if (s.pending + len > this.pSlot.length) {
      const size = s.pending + len;
      this.pSlot = grownInt32(this.pSlot, size);
      this.pLen = grownInt32(this.pLen, size);
      this.pHits = grownInt32(this.pHits, size);
    }
    const meta = this.meta;
    const pSlot = this.pSlot;
    const pLen = this.pLen;
    const pHits = this.pHits;
    let pc = s.pending;
    for (let x = 0; x < len; x++) {
      const slot = list[x]!;
      const at = slot << 2;
      if (meta[at] === stamp) {
        pHits[meta[at + PIDX]!]! += w;
        continue;
      }
      meta[at] = stamp;
      const m = meta[at + LEN]!;
      if (m < minLen || m > maxLen) {
        meta[at + PIDX] = 0;
        continue;
      }
      meta[at + PIDX] = pc;
      pSlot[pc] = slot;
      pLen[pc] = m;
      pHits[pc] = w;
      pc++;
    }
    s.stats.met += pc - s.pending;
    s.open += pc - s.pending;
    s.pending = pc;
  }

  /** Reads a posting list past the prefix: only the hits of the units met grow. */
  private probe(t: number, w: number, stamp: number): void {
    const list = this.postings[t]!;
    const len = this.postLen[t]!;
    const meta = this.meta;
    const pHits = this.pHits;
    for (let x = 0; x < len; x++) {
      const at = list[x]! << 2;
      if (meta[at] === stamp) pHits[meta[at + PIDX]!]! += w;
    }
    this.lastStats.lists++;
    this.lastStats.scanned += len;
  }

  /**
   * After a list: settles the units whose bound fell under the floor and, inside the prefix,
   * checks the few with the best bounds (so that the floor rises before the long lists).
   */
  private review(s: Search, covered: number): void {
    const pc = s.pending;
    const pLen = this.pLen;
    const pHits = this.pHits;
    const levels = this.levels;
    levels.fill(0);
    const rest = s.n - covered;
    const floor = s.floor;
    let open = 0;
    for (let p = 1; p < pc; p++) {
      const h = pHits[p]!;
      if (h < 0) continue;
      const b = s.bound(h + rest, pLen[p]!);
      if (b < floor) {
        pHits[p] = SETTLED;
        continue;
      }
      levels[b]!++;
      open++;
    }
    s.open = open;
    if (open === 0) return;
    // The best VERIFY_EACH bounds (ties at the lowest of them in entry order).
    let quota = Math.max(8, 2 * s.limit);
    let level = 101;
    while (level > floor && quota > levels[level]!) quota -= levels[level--]!;
    for (let p = 1; p < pc && quota > 0; p++) {
      const h = pHits[p]!;
      if (h < 0) continue;
      const b = s.bound(h + rest, pLen[p]!);
      if (b < level || b < s.floor) continue;
      if (b === level) quota--;
      pHits[p] = SETTLED;
      s.open--;
      this.consider(s, this.pSlot[p]!, pLen[p]!, b);
    }
    this.drain(s);
  }

  /** Checks every open unit whose bound reaches the floor, best bound first. */
  private settle(s: Search, covered: number): void {
    const pc = s.pending;
    const pLen = this.pLen;
    const pHits = this.pHits;
    const levels = this.levels;
    levels.fill(0);
    const rest = s.n - covered;
    for (let p = 1; p < pc; p++) {
      const h = pHits[p]!;
      if (h >= 0) levels[s.bound(h + rest, pLen[p]!) + 1]!++;
    }
    // Counting sort, best bound first: levels[b + 1] becomes where bound b starts.
    let at = 0;
    for (let b = 101; b >= -1; b--) {
      const c = levels[b + 1]!;
      levels[b + 1] = at;
      at += c;
    }
    if (this.byBound.length < at) this.byBound = new Int32Array(at * 2);
    const byBound = this.byBound;
    for (let p = 1; p < pc; p++) {
      const h = pHits[p]!;
      if (h >= 0) byBound[levels[s.bound(h + rest, pLen[p]!) + 1]!++] = p;
    }
    for (let x = 0; x < at; x++) {
      const p = byBound[x]!;
      const b = s.bound(pHits[p]! + rest, pLen[p]!);
      if (b < s.floor) break;
      this.consider(s, this.pSlot[p]!, pLen[p]!, b);
    }
  }

  /**
   * Checks one unit whose score is at most `bound`: the tokens of it the query holds, its edit
   * distance, its numbers by value and its known penalties; one that can still beat the k-th match
   * held waits in the buckets.
   */
  private consider(s: Search, slot: number, m: number, bound: number): void {
    if (bound < s.floor || !s.canEnter(bound, bound, slot)) return;
    const stats = s.stats;
    stats.candidates++;
    const n = s.n;
    const f = Math.min(s.floor, 100);
    const big = m > n ? m : n;
    const toks = this.toks;
    const symbol = this.symbol;
    const start = this.meta[4 * slot + START]!;
    // The tokens of the unit the query holds bound the tokens they share.
    let c = 0;
    for (let i = start; i < start + m; i++) if (symbol[toks[i]!] !== 0) c++;
    if (100 * (c < n ? c : n) < f * big) return;
    stats.distances++;
    const maxD = Math.floor(((100 - f) * big) / 100);
    const d = s.pattern.distance(toks, start, m, symbol, maxD);
    if (d > maxD) return;
    // Bounds of the final base and score: penalties known without scoring.
    const u = this.slotUnits[slot]!;
    const extra = this.extras[slot] ?? NO_EXTRA;
    const numbersDiffer = !sameStrings(s.q.p.numbers, extra.numbers);
    let base = Math.floor((100 * (big - d)) / big);
    if (numbersDiffer && d > 0) {
      // Numbers by value: the base `scoreUnit` gives (d = 0 may still be substituted).
      const real = s.realPattern();
      if (this.unitSymbols.length < m) this.unitSymbols = new Int32Array(m * 2);
      const us = this.unitSymbols;
      let k = 0;
      for (let i = 0; i < m; i++) {
        const t = toks[start + i]!;
        us[i] = t === s.hashToken ? (real.values.get(String(extra.numbers[k++])) ?? 0) : symbol[t]!;
      }
      const dReal = real.pattern.distance(us, 0, m, real.identity, maxD);
      if (dReal > maxD) return;
      base = Math.floor((100 * (big - dReal)) / big);
    }
    if (d === 0 && s.inContextPossible && !numbersDiffer) {
      if (u.prev !== undefined && u.next !== undefined) base = 101;
    }
    let points = numbersDiffer ? PENALTY_POINTS.numbers : 0;
    if (!sameStrings(s.q.p.codes, extra.codes)) points += PENALTY_POINTS.codes;
    if (u.fromAligner) points += PENALTY_POINTS.aligner;
    if (u.approved === false) points += PENALTY_POINTS.unapproved;
    const level = Math.max(0, base - points);
    if (level < s.floor || !s.canEnter(level, base, slot)) return;
    this.buckets[level]!.push(slot, d, base);
    if (level > s.highest) s.highest = level;
    if (++s.waiting >= DRAIN_EVERY) this.drain(s);
  }

  /** Scores the waiting candidates in full, best bound first, while they can enter. */
  private drain(s: Search): void {
    const top = s.top;
    const limit = s.limit;
    for (let level = s.highest; level >= 0; level--) {
      const bucket = this.buckets[level]!;
      if (level < s.floor) {
        bucket.length = 0;
        continue;
      }
      for (let x = 0; x < bucket.length; x += 3) {
        const slot = bucket[x]!;
        if (!s.canEnter(level, bucket[x + 2]!, slot)) continue;
        s.stats.verified++;
        const match = scoreUnit(s.q, this.preparedUnit(slot), bucket[x + 1]!);
        if (match.score < s.threshold) continue;
        const item = { match, order: slot };
        let at = top.length;
        while (at > 0 && compareMatches(item, top[at - 1]!) < 0) at--;
        if (at >= limit) continue;
        top.splice(at, 0, item);
        if (top.length > limit) top.pop();
        if (top.length === limit) {
          const kth = top[limit - 1]!;
          s.kScore = kth.match.score;
          s.kBase = kth.match.base;
          s.kOrder = kth.order;
          s.floor = Math.max(s.threshold, s.kScore);
        }
      }
      bucket.length = 0;
    }
    s.highest = -1;
    s.waiting = 0;
  }

  /** The baseline: every unit scored with the full edit distance. */
  bruteForce(query: TmQuery, options: MatchOptions = {}): TmMatch[] {
    const threshold = Math.max(1, Math.ceil(options.threshold ?? 50));
    const limit = options.limit ?? 5;
    const q = this.prepareQuery(query);
    if (q.p.keys.length === 0 || limit <= 0) return [];
    const qIds = Int32Array.from(q.p.keys, (k) => this.dict.get(k) ?? -1);
    const found: Array<{ match: TmMatch; order: number }> = [];
    for (let slot = 0; slot < this.slotCount; slot++) {
      const m = this.meta[4 * slot + LEN]!;
      if (m < 0) continue;
      const start = this.meta[4 * slot + START]!;
      const d = editDistance(qIds, this.toks.subarray(start, start + m));
      const match = scoreUnit(q, this.preparedUnit(slot), d);
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
