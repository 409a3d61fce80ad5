import { BitPattern, editDistance } from "./distance.ts";
import { NUMBER_KEY, prepare, realKeys } from "./prepare.ts";
import type { Prepared } from "./prepare.ts";
import { compareMatches, scoreUnit } from "./score.ts";
import type { PreparedQuery, PreparedUnit } from "./score.ts";
import { PENALTY_POINTS } from "./types.ts";
import type { MatchOptions, TmMatch, TmQuery, TmUnit } from "./types.ts";

/** Lookup counters of the last `match` (for benches and tests). */
export interface LookupStats {
  /** Posting lists read (all the query's tokens but the commonest). */
  lists: number;
  /** Posting entries read. */
  scanned: number;
  /** Units whose count of shared tokens reached what the threshold needs. */
  met: number;
  /** Units checked one by one, best bound first, until the bound fell under the floor. */
  candidates: number;
  /** Units whose edit distance was computed. */
  distances: number;
  /** Units scored in full (numbers, codes, penalties). */
  verified: number;
}

/** What a unit's index keys do not hold: its numbers and inline codes (most units have none). */
interface Extra {
  numbers: string[];
  numberRaw: string[];
  codes: string[];
  /**
   * Where the unit's value ids start in `TmIndex.values`: for each "#" key, the id of the real key
   * `realKeys` gives it (its number's value).
   */
  values: number;
}

const NO_EXTRA: Extra = Object.freeze({
  numbers: [] as string[],
  numberRaw: [] as string[],
  codes: [] as string[],
  values: 0,
}) as Extra;

/** Fields of a slot in `meta`, `STRIDE` ints per slot side by side. */
const NUMBERS = 0;
const FLAGS = 1;
const LEN = 2;
const START = 3;
const STRIDE = 4;
/** FLAGS: the unit's penalties that do not depend on the query; the rest is a hash of its codes. */
const ALIGNER = 1;
const UNAPPROVED = 2;

/**
 * Posting lists of tokens more than this share of the units hold are not read: every unit counts
 * as holding them until its bound is made exact with the token's bitmaps...
 */
const SKIP_SHARE = 0.1;
/** ...while the query positions skipped are at most this share of those the threshold needs. */
const SKIP_NEED = 0.5;

/** Candidates are scored in full once this many are waiting (the floor rises sooner). */
const DRAIN_EVERY = 32;

/** A 32-bit hash of a list of strings (0 for the empty list). */
function hashStrings(xs: readonly string[]): number {
  if (xs.length === 0) return 0;
  let h = 0x811c9dc5;
  for (const x of xs) {
    for (let i = 0; i < x.length; i++) h = Math.imul(h ^ x.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 0xff, 0x01000193);
  }
  return h | 1;
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function grownInt32(a: Int32Array<ArrayBuffer>, need: number): Int32Array<ArrayBuffer> {
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
  readonly numbersHash: number;
  readonly codesHash: number;
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
  readonly pattern: BitPattern;
  /** The pattern with numbers by value, made when first needed (`TmIndex.realPattern`). */
  real: { pattern: BitPattern; identity: Int32Array; ids: number[] } | null = null;

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
    this.numbersHash = hashStrings(q.p.numbers);
    this.codesHash = hashStrings(q.p.codes) >>> 2;
    this.pattern = new BitPattern(symbols, count);
  }

  /** Best score of a unit of `m` tokens that shares at most `shared` with the query. */
  bound(shared: number, m: number): number {
    const n = this.n;
    let c = shared < m ? shared : m;
    if (c > n) c = n;
    const big = m > n ? m : n;
    const b = Math.floor((100 * c) / big);
    return b === 100 && this.inContextPossible ? 101 : b;
  }

  canEnter(score: number, base: number, slot: number): boolean {
    return (
      score > this.kScore ||
      (score === this.kScore && (base > this.kBase || (base === this.kBase && slot < this.kOrder)))
    );
  }
}

/**
 * Fuzzy-match index over translation units: an inverted index from token id to the slots of the
 * units holding it (typed arrays, in slot order), each unit's token ids in one flat array, each
 * token's document frequency, and for the commonest tokens bitmaps of the slots holding them
 * (once, twice, three times or more).
 *
 * A lookup is a top-k search with a rising floor (the threshold, then the k-th best score held).
 * It counts, for every unit, the query's token occurrences it holds (ScanCount over the posting
 * lists, rarest first, into a 16-bit counter per slot; a token the query repeats counts as often
 * as the unit holds it, up to 3), except for the commonest tokens: their
 * lists are not read and every unit counts as holding them. A unit of m tokens scores at least f
 * only if it shares at least ⌈f · max(n, m) / 100⌉ tokens, so only units whose count reaches
 * ⌈threshold · n / 100⌉ (less the tokens skipped) are met; the skipped tokens are then checked in
 * their bitmaps, and the count bounds the score (with the length: |n − m| within the edits the
 * floor allows). Units are checked best bound first (ties in slot order) and the search stops when
 * the bound falls under the floor: first the penalties known without the tokens (the number and
 * code lists by hash, aligner, approval), then the tokens an alignment within the allowed edits
 * can match (`BitPattern.inReach`), then a bit-parallel edit distance that stops once the distance exceeds what the floor allows (numbers by
 * value when they differ). Those that can still beat the k-th match held wait in buckets by that
 * bound and are scored in full best first, raising the floor. Penalties only lower a score and
 * numbers compared by value only lengthen the distance, so every bound is an upper bound of the
 * final score and no match is missed; `bruteForce` scores every unit for comparison.
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
   * `STRIDE` ints per slot, side by side: a hash of its numbers, its flags and codes hash, its token
   * count (−1 once removed), and where its tokens start in `toks`.
   */
  private meta = new Int32Array(4096);
  /** Token count of each slot up to 255 (255: look in `meta`), 0 once removed: a lookup's first test. */
  private lens = new Uint8Array(1024);
  private slotCount = 0;
  /** Every slot's token ids, one after the other. */
  private toks = new Int32Array(1 << 14);
  private toksUsed = 0;
  private toksDead = 0;
  /** Per token id: its posting list (slots in increasing order), used length, live units. */
  private postings: Int32Array<ArrayBuffer>[] = [];
  private postLen = new Int32Array(1024);
  private df = new Int32Array(1024);
  /** Bitmaps of the slots holding a token, for the tokens whose lists a lookup skipped. */
  /**
   * Three bitmaps in one array per token: the slots holding it at least once, twice, three times
   * (`bitWords` words each).
   */
  private readonly bitmaps = new Map<number, Uint32Array>();
  private bitWords = 1024 / 32;
  /** Per token id scratch: last `add` that counted it; query symbol (0 between lookups). */
  private mark = new Int32Array(1024);
  private times = new Int32Array(1024);
  private symbol = new Int32Array(1024);
  /** Lookup scratch: shared-token counts by slot (zero between lookups), units met, by bound. */
  private counts = new Uint16Array(1024);
  private met = new Int32Array(1024);
  private byBound = new Int32Array(1024);
  private readonly levels = new Int32Array(103);
  /** Scratch: a unit's symbols with numbers by value. */
  private unitSymbols = new Int32Array(256);
  /** Ids of the real keys of numbers (their values); per id, a lookup's symbol (0 between). */
  private readonly valueIds = new Map<string, number>();
  /** The units' value ids, one after the other (never compacted: 4 bytes per number added). */
  private values = new Int32Array(1024);
  private valuesUsed = 0;
  private valueSymbol = new Int32Array(256);
  private addStamp = 0;
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
        this.times = grownInt32(this.times, size);
        this.symbol = grownInt32(this.symbol, size);
      }
    }
    return id;
  }

  /**
   * Adds a unit (a unit with the same id is replaced and goes last in the tie order). The unit is
   * not to be changed afterwards (its penalties are noted here): add it again instead.
   */
  add(unit: TmUnit): void {
    this.remove(unit.id);
    const p = prepare(unit.source, this.sourceLang);
    const m = p.keys.length;
    // Posting entries hold slot · 4 + times held: 2^29 slots at most (a slot per `add`).
    if (this.slotCount >= 1 << 29) throw new RangeError("TmIndex: too many slots");
    const slot = this.slotCount++;
    if (STRIDE * slot + STRIDE > this.meta.length) {
      // Doubled: the slot capacity stays a multiple of 32 (whole bitmap words).
      const meta = new Int32Array(this.meta.length * 2);
      meta.set(this.meta);
      this.meta = meta;
      const lens = new Uint8Array(this.meta.length / STRIDE);
      lens.set(this.lens);
      this.lens = lens;
      const was = this.bitWords;
      const words = (this.bitWords = this.meta.length / STRIDE / 32);
      for (const [t, bits] of this.bitmaps) {
        const grown = new Uint32Array(3 * words);
        for (let l = 0; l < 3; l++) grown.set(bits.subarray(l * was, (l + 1) * was), l * words);
        this.bitmaps.set(t, grown);
      }
    }
    if (this.toksDead > 1 << 16 && this.toksDead * 2 > this.toksUsed) this.compactTokens();
    this.toks = grownInt32(this.toks, this.toksUsed + m);
    const start = this.toksUsed;
    // How many times the unit holds each token (up to 3: "3 or more").
    const stamp = ++this.addStamp;
    for (let i = 0; i < m; i++) {
      const t = this.tokenId(p.keys[i]!);
      this.toks[start + i] = t;
      if (this.mark[t] === stamp) {
        if (this.times[t]! < 3) this.times[t]!++;
      } else {
        this.mark[t] = stamp;
        this.times[t] = 1;
      }
    }
    const listed = ++this.addStamp;
    for (let i = 0; i < m; i++) {
      const t = this.toks[start + i]!;
      if (this.mark[t] === listed) continue;
      this.mark[t] = listed;
      let list = this.postings[t]!;
      const len = this.postLen[t]!;
      if (len === list.length) {
        list = grownInt32(list, len + 1);
        this.postings[t] = list;
      }
      list[len] = (slot << 2) | this.times[t]!;
      this.postLen[t] = len + 1;
      this.df[t]!++;
      const bits = this.bitmaps.get(t);
      if (bits) {
        const bit = 1 << (slot & 31);
        const times = this.times[t]!;
        for (let l = 0; l < times; l++) bits[l * this.bitWords + (slot >>> 5)]! |= bit;
      }
    }
    this.toksUsed += m;
    const at = STRIDE * slot;
    this.meta[at + NUMBERS] = hashStrings(p.numbers);
    this.meta[at + FLAGS] =
      ((hashStrings(p.codes) >>> 2) << 2) |
      (unit.fromAligner ? ALIGNER : 0) |
      (unit.approved === false ? UNAPPROVED : 0);
    this.meta[at + LEN] = m;
    this.meta[at + START] = start;
    this.lens[slot] = m < 255 ? m : 255;
    this.slotUnits.push(unit);
    const values = this.valuesUsed;
    for (let i = 0, k = 0; i < m; i++) {
      if (p.keys[i] !== NUMBER_KEY) continue;
      const v = String(p.numbers[k++]);
      let id = this.valueIds.get(v);
      if (id === undefined) this.valueIds.set(v, (id = this.valueIds.size));
      this.values = grownInt32(this.values, this.valuesUsed + 1);
      this.values[this.valuesUsed++] = id;
    }
    this.extras.push(
      this.valuesUsed > values || p.codes.length > 0
        ? { numbers: p.numbers, numberRaw: p.numberRaw, codes: p.codes, values }
        : undefined,
    );
    this.byId.set(unit.id, slot);
    this.live++;
  }

  /** Removes a unit by id; true when it was there. */
  remove(id: string): boolean {
    const slot = this.byId.get(id);
    if (slot === undefined) return false;
    const start = this.meta[STRIDE * slot + START]!;
    const m = this.meta[STRIDE * slot + LEN]!;
    const stamp = ++this.addStamp;
    for (let i = start; i < start + m; i++) {
      const t = this.toks[i]!;
      if (this.mark[t] === stamp) continue;
      this.mark[t] = stamp;
      this.df[t]!--;
      const bits = this.bitmaps.get(t);
      if (bits) {
        for (let l = 0; l < 3; l++) bits[l * this.bitWords + (slot >>> 5)]! &= ~(1 << (slot & 31));
      }
    }
    this.meta[STRIDE * slot + LEN] = -1;
    this.lens[slot] = 0;
    this.slotUnits[slot] = undefined;
    this.extras[slot] = undefined;
    this.toksDead += m;
    this.byId.delete(id);
    this.live--;
    return true;
  }

  /** The bitmaps of the slots holding a token (made from its posting list when first needed). */
  private bitmap(t: number): Uint32Array {
    let bits = this.bitmaps.get(t);
    if (!bits) {
      const words = this.bitWords;
      bits = new Uint32Array(3 * words);
      const list = this.postings[t]!;
      const len = this.postLen[t]!;
      for (let x = 0; x < len; x++) {
        const slot = list[x]! >>> 2;
        if (this.meta[STRIDE * slot + LEN]! < 0) continue;
        const times = list[x]! & 3;
        for (let l = 0; l < times; l++) bits[l * words + (slot >>> 5)]! |= 1 << (slot & 31);
      }
      this.bitmaps.set(t, bits);
    }
    return bits;
  }

  /** Rewrites the flat token array without the removed units' tokens. */
  private compactTokens(): void {
    const next = new Int32Array(
      Math.max(1 << 14, Math.ceil((this.toksUsed - this.toksDead) * 1.5)),
    );
    let at = 0;
    for (let slot = 0; slot < this.slotCount; slot++) {
      const m = this.meta[STRIDE * slot + LEN]!;
      if (m < 0) continue;
      const start = this.meta[STRIDE * slot + START]!;
      next.set(this.toks.subarray(start, start + m), at);
      this.meta[STRIDE * slot + START] = at;
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
      const entry = list[x]!;
      if (this.meta[STRIDE * (entry >>> 2) + LEN]! >= 0) list[w++] = entry;
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
    const start = this.meta[STRIDE * slot + START]!;
    const m = this.meta[STRIDE * slot + LEN]!;
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
    // Counts are 16-bit: a query longer than that is scored unit by unit.
    if (n > 0xffff) return this.bruteForce(query, options);

    // Query symbols: 1… for each distinct token some unit holds, 0 for the others.
    const symbol = this.symbol;
    const qTokens: number[] = [];
    const weight: number[] = [];
    const symbols = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const t = this.dict.get(q.p.keys[i]!);
      if (t === undefined || this.df[t] === 0) continue;
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
    const order = qTokens.map((_, k) => k);
    order.sort((a, b) => this.df[qTokens[a]!]! - this.df[qTokens[b]!]! || a - b);
    // Tokens a unit must share for the threshold, whatever its length.
    const need = Math.ceil((Math.min(threshold, 100) * n) / 100);
    // The commonest lists are not read while the tokens they cover stay a small part of `need`.
    let skipped = 0;
    let read = order.length;
    while (read > 0) {
      const k = order[read - 1]!;
      if (this.df[qTokens[k]!]! <= SKIP_SHARE * this.live) break;
      if (skipped + weight[k]! > SKIP_NEED * need) break;
      skipped += weight[k]!;
      read--;
    }
    const need0 = need - skipped;
    // A skipped token of weight w adds min(w, times the unit holds it): 1 for holding it, 1 more
    // for holding it twice when w ≥ 2, w − 2 more for three times when w ≥ 3.
    const bitmaps: Uint32Array[] = [];
    const bitOffsets: number[] = [];
    const bitWeights: number[] = [];
    for (let r = read; r < order.length; r++) {
      const bits = this.bitmap(qTokens[order[r]!]!);
      const w = weight[order[r]!]!;
      for (let l = 0; l < 3 && l < w; l++) {
        bitmaps.push(bits);
        bitOffsets.push(l * this.bitWords);
        bitWeights.push(l < 2 ? 1 : w - 2);
      }
    }

    if (this.counts.length < this.slotCount) this.counts = new Uint16Array(this.slotCount * 2);
    const counts = this.counts;
    try {
      let met = this.met;
      let nm = 0;
      for (let r = 0; r < read; r++) {
        const k = order[r]!;
        const t = qTokens[k]!;
        if (this.postLen[t]! > 2 * this.df[t]! + 16) this.compactList(t);
        const list = this.postings[t]!;
        const len = this.postLen[t]!;
        const w = weight[k]!;
        stats.lists++;
        stats.scanned += len;
        if (nm + len > met.length) met = this.met = grownInt32(met, nm + len);
        if (w === 1) {
          for (let x = 0; x < len; x++) {
            const slot = list[x]! >>> 2;
            const c = counts[slot]! + 1;
            counts[slot] = c;
            if (c === need0) met[nm++] = slot;
          }
        } else {
          // A unit shares min(w, times it holds the token) of these positions.
          for (let x = 0; x < len; x++) {
            const entry = list[x]!;
            const slot = entry >>> 2;
            const times = entry & 3;
            const add = times === 3 || times > w ? w : times;
            const c = counts[slot]! + add;
            counts[slot] = c;
            if (c >= need0 && c - add < need0) met[nm++] = slot;
          }
        }
      }
      stats.met = nm;
      // Each unit's bound, with the skipped tokens it holds; counting sort, best bound first.
      const meta = this.meta;
      const lens = this.lens;
      const levels = this.levels;
      levels.fill(0);
      for (let x = 0; x < nm; x++) {
        const slot = met[x]!;
        let m = lens[slot]!;
        if (m === 255) m = meta[STRIDE * slot + LEN]!;
        let c = counts[slot]!;
        const word = slot >>> 5;
        const bit = slot & 31;
        for (let b = 0; b < bitmaps.length; b++) {
          if ((bitmaps[b]![bitOffsets[b]! + word]! >>> bit) & 1) c += bitWeights[b]!;
        }
        const bound = m === 0 ? -1 : s.bound(c, m);
        if (bound < threshold) {
          met[x] = -1;
          continue;
        }
        counts[slot] = bound;
        levels[bound]!++;
      }
      let at = 0;
      for (let b = 101; b >= 0; b--) {
        const c = levels[b]!;
        levels[b] = at;
        at += c;
      }
      if (this.byBound.length < at) this.byBound = new Int32Array(at * 2);
      const byBound = this.byBound;
      for (let x = 0; x < nm; x++) {
        const slot = met[x]!;
        if (slot >= 0) byBound[levels[counts[slot]!]!++] = slot;
      }
      // Best bound first, each bound in slot order (ties go to the unit added first).
      let from = 0;
      for (let b = 101; b >= s.floor && from < at; b--) {
        const to = levels[b]!;
        if (to === from) continue;
        const level = byBound.subarray(from, to);
        level.sort();
        for (let x = 0; x < level.length && b >= s.floor; x++) {
          const slot = level[x]!;
          const m = lens[slot]!;
          this.consider(s, slot, m === 255 ? meta[STRIDE * slot + LEN]! : m, b);
        }
        from = to;
      }
      this.drain(s);
    } finally {
      if (s.real) for (const id of s.real.ids) this.valueSymbol[id] = 0;
      counts.fill(0, 0, this.slotCount);
      for (const t of qTokens) symbol[t] = 0;
      for (const b of this.buckets) b.length = 0;
    }
    return s.top.map((item) => item.match);
  }

  /**
   * The query's pattern with numbers by value (what `scoreUnit` compares when numbers differ): each
   * number value of the query is a symbol of its own after the tokens', noted by value id in
   * `valueSymbol` (cleared when the lookup ends).
   */
  private realPattern(s: Search): NonNullable<Search["real"]> {
    const own = new Map<string, number>();
    const ids: number[] = [];
    const realSymbols = Int32Array.from(s.symbols);
    const keys = s.q.p.keys;
    if (this.valueSymbol.length < this.valueIds.size) {
      this.valueSymbol = new Int32Array(this.valueIds.size * 2);
    }
    let next = s.count;
    let k = 0;
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] !== NUMBER_KEY) continue;
      const v = String(s.q.p.numbers[k++]);
      let sym = own.get(v);
      if (sym === undefined) {
        own.set(v, (sym = ++next));
        const id = this.valueIds.get(v);
        if (id !== undefined) {
          this.valueSymbol[id] = sym;
          ids.push(id);
        }
      }
      realSymbols[i] = sym;
    }
    const identity = Int32Array.from({ length: next + 1 }, (_, i) => i);
    return { pattern: new BitPattern(realSymbols, next), identity, ids };
  }

  /**
   * Checks one unit whose score is at most `bound`: its known penalties, the tokens of it the
   * query holds, its edit distance and its numbers by value; one that can still beat the k-th
   * match held waits in the buckets.
   */
  private consider(s: Search, slot: number, m: number, bound: number): void {
    if (bound < s.floor || !s.canEnter(bound, bound, slot)) return;
    const stats = s.stats;
    stats.candidates++;
    // Penalties known without the tokens: the bound less them must still be able to enter.
    const meta = this.meta;
    const flags = meta[STRIDE * slot + FLAGS]!;
    let extra: Extra | undefined;
    let numbersDiffer = meta[STRIDE * slot + NUMBERS] !== s.numbersHash;
    if (!numbersDiffer && s.numbersHash !== 0) {
      extra = this.extras[slot] ?? NO_EXTRA;
      numbersDiffer = !sameStrings(s.q.p.numbers, extra.numbers);
    }
    let codesDiffer = flags >>> 2 !== s.codesHash;
    if (!codesDiffer && s.codesHash !== 0) {
      extra ??= this.extras[slot] ?? NO_EXTRA;
      codesDiffer = !sameStrings(s.q.p.codes, extra.codes);
    }
    let points = numbersDiffer ? PENALTY_POINTS.numbers : 0;
    if (codesDiffer) points += PENALTY_POINTS.codes;
    if (flags & ALIGNER) points += PENALTY_POINTS.aligner;
    if (flags & UNAPPROVED) points += PENALTY_POINTS.unapproved;
    const most = numbersDiffer && bound > 100 ? 100 : bound;
    if (most - points < s.floor || !s.canEnter(most - points, most, slot)) return;
    // The base must reach the floor plus the penalties.
    const n = s.n;
    const f = Math.min(s.floor + points, 100);
    const big = m > n ? m : n;
    const toks = this.toks;
    const symbol = this.symbol;
    const start = meta[STRIDE * slot + START]!;
    const maxD = Math.floor(((100 - f) * big) / 100);
    // Tokens an alignment within maxD edits can match bound the score.
    const c = s.pattern.inReach(toks, start, m, symbol, maxD);
    if (100 * c < f * big) return;
    stats.distances++;
    const d = s.pattern.distance(toks, start, m, symbol, maxD);
    if (d > maxD) return;
    let base = Math.floor((100 * (big - d)) / big);
    if (numbersDiffer && d > 0) {
      // Numbers by value: the base `scoreUnit` gives (d = 0 may still be substituted).
      extra ??= this.extras[slot] ?? NO_EXTRA;
      const real = (s.real ??= this.realPattern(s));
      if (this.unitSymbols.length < m) this.unitSymbols = new Int32Array(m * 2);
      const us = this.unitSymbols;
      const values = this.values;
      const valueSymbol = this.valueSymbol;
      let k = extra.values;
      for (let i = 0; i < m; i++) {
        const t = toks[start + i]!;
        us[i] = t === s.hashToken ? valueSymbol[values[k++]!]! : symbol[t]!;
      }
      const dReal = real.pattern.distance(us, 0, m, real.identity, maxD);
      if (dReal > maxD) return;
      base = Math.floor((100 * (big - dReal)) / big);
    }
    if (d === 0 && s.inContextPossible && !numbersDiffer) {
      const u = this.slotUnits[slot]!;
      if (u.prev !== undefined && u.next !== undefined) base = 101;
    }
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
      const m = this.meta[STRIDE * slot + LEN]!;
      if (m < 0) continue;
      const start = this.meta[STRIDE * slot + START]!;
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
