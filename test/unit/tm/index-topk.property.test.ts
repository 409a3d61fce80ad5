import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BitPattern, editDistance } from "../../../src/core/tm/distance.ts";
import { TmIndex, bruteForceMatch } from "../../../src/core/tm/tm-index.ts";
import type { TmMatch, TmUnit } from "../../../src/core/tm/types.ts";
import { CODE_END, CODE_START } from "../../../src/core/text/inline-marks.ts";

// A small vocabulary, so that units share most tokens and scores tie often.
const WORDS = ["harga", "beras", "naik", "yang", "di", "Jakarta", "pada", "negara-negara"];
const NUMS = ["2.500", "12.500", "3,5", "10", "2020"];
const PUNCT = [".", ",", "(", ")", "#"];
const CODES = [`${CODE_START}<b>${CODE_END}`, `${CODE_START}</b>${CODE_END}`];
const CONTEXTS = ["Sebelumnya.", "Berikutnya.", "Lain."];

const token = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.constantFrom(...NUMS) },
  { weight: 2, arbitrary: fc.constantFrom(...PUNCT) },
  { weight: 1, arbitrary: fc.constantFrom(...CODES) },
);
const sentence = fc.array(token, { minLength: 1, maxLength: 12 }).map((t) => t.join(" "));
const context = fc.option(fc.constantFrom(...CONTEXTS), { nil: undefined });
const unitRecord = fc.record({
  source: sentence,
  vi: fc.constantFrom("Giá 2.500 đồng.", "Tăng 3,5 phần trăm.", "Không có số."),
  fromAligner: fc.boolean(),
  approved: fc.option(fc.boolean(), { nil: undefined }),
  prev: context,
  next: context,
});

/** Everything a match says, so that index and brute force must agree on all of it. */
const view = (ms: TmMatch[]) =>
  ms.map((m) => ({
    id: m.unit.id,
    score: m.score,
    base: m.base,
    penalties: m.penalties.map((p) => p.kind),
    exact: m.exact,
    inContext: m.inContext,
    substituted: m.substituted ?? null,
  }));

type Op =
  | { kind: "add"; unit: number }
  | { kind: "remove"; unit: number }
  | {
      kind: "query";
      source: string;
      prev?: string;
      next?: string;
      threshold: number;
      limit: number;
    };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant("add" as const), unit: fc.nat(40) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("remove" as const), unit: fc.nat(40) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("query" as const),
      source: sentence,
      prev: context,
      next: context,
      threshold: fc.oneof(fc.integer({ min: 1, max: 101 }), fc.constantFrom(50, 75, 100, 101)),
      limit: fc.integer({ min: 1, max: 8 }),
    }),
  },
);

type UnitRecordValue = typeof unitRecord extends fc.Arbitrary<infer T> ? T : never;

function unitOf(r: UnitRecordValue, id: string): TmUnit {
  return {
    id,
    source: r.source,
    targets: { vi: r.vi },
    fromAligner: r.fromAligner,
    ...(r.approved !== undefined ? { approved: r.approved } : {}),
    ...(r.prev !== undefined ? { prev: r.prev } : {}),
    ...(r.next !== undefined ? { next: r.next } : {}),
  };
}

describe("tm index top-k equals brute force", () => {
  it("after any mix of adds, replacements and removals: same matches, scores, ties and thresholds", () => {
    fc.assert(
      fc.property(
        fc.array(unitRecord, { minLength: 41, maxLength: 41 }),
        fc.array(op, { minLength: 1, maxLength: 80 }),
        (records, ops) => {
          const ix = new TmIndex("id");
          // The reference memory in tie order: a replaced unit goes last, as in the index.
          let memory: TmUnit[] = [];
          let version = 0;
          for (const o of ops) {
            if (o.kind === "add") {
              // Same id, a new version of its text now and then (replacement).
              const id = `u${o.unit}`;
              const r = records[(o.unit + version++) % records.length]!;
              const unit = unitOf(r, id);
              ix.add(unit);
              memory = [...memory.filter((u) => u.id !== id), unit];
            } else if (o.kind === "remove") {
              const id = `u${o.unit}`;
              expect(ix.remove(id)).toBe(memory.some((u) => u.id === id));
              memory = memory.filter((u) => u.id !== id);
            } else {
              const query = {
                source: o.source,
                ...(o.prev !== undefined ? { prev: o.prev } : {}),
                ...(o.next !== undefined ? { next: o.next } : {}),
              };
              const options = { threshold: o.threshold, limit: o.limit };
              const want = bruteForceMatch(memory, query, "id", options);
              expect(view(ix.match(query, options))).toEqual(view(want));
              // A unit's own source (and context) as the query: exact and in-context matches.
              const own = memory[o.limit % Math.max(1, memory.length)];
              if (own) {
                const q2 = {
                  source: own.source,
                  ...(own.prev !== undefined ? { prev: own.prev } : {}),
                  ...(own.next !== undefined ? { next: own.next } : {}),
                };
                expect(view(ix.match(q2, options))).toEqual(
                  view(bruteForceMatch(memory, q2, "id", options)),
                );
              }
            }
            expect(ix.size).toBe(memory.length);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it("over thousands of units with churn (growth, skipped common lists, compaction)", () => {
    const rand = mulberry32(42);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
    // A larger vocabulary with a Zipf-like skew: a few tokens in most units, many rare ones.
    const vocab = Array.from({ length: 300 }, (_, k) => `kata${k}`);
    const word = () => vocab[Math.floor(vocab.length * rand() ** 3)]!;
    const text = (n: number) =>
      Array.from({ length: n }, () =>
        rand() < 0.1 ? pick(NUMS) : rand() < 0.1 ? pick(PUNCT) : word(),
      ).join(" ");
    const ix = new TmIndex("id");
    // Insertion order is the tie order: a replaced unit goes last, as in the index.
    const memory = new Map<string, TmUnit>();
    const put = (unit: TmUnit) => {
      ix.add(unit);
      memory.delete(unit.id);
      memory.set(unit.id, unit);
    };
    const check = () => {
      const units = [...memory.values()];
      for (let k = 0; k < 12; k++) {
        const base = pick(units).source.split(" ");
        // Near copies of units (one word changed) and fresh sentences.
        if (k % 3 !== 2) base[Math.floor(rand() * base.length)] = word();
        const source = k % 3 === 2 ? text(3 + Math.floor(rand() * 25)) : base.join(" ");
        // Every match ≥ 1 in order, then the top-k of each threshold is a prefix of those ≥ it.
        const all = bruteForceMatch(units, { source }, "id", { threshold: 1, limit: Infinity });
        for (const threshold of [50, 70, 90]) {
          const limit = 1 + (k % 6);
          const want = all.filter((m) => m.score >= threshold).slice(0, limit);
          expect(view(ix.match({ source }, { threshold, limit }))).toEqual(view(want));
        }
      }
    };
    for (let k = 0; k < 1500; k++) {
      put({ id: `u${k}`, source: text(3 + Math.floor(rand() * 35)), targets: { vi: "x" } });
    }
    check();
    // Past the first capacities, after bitmaps were made by the lookups above.
    for (let k = 1500; k < 2600; k++) {
      put({ id: `u${k}`, source: text(3 + Math.floor(rand() * 35)), targets: { vi: "x" } });
    }
    check();
    // Churn: every unit replaced twice and a third removed (dead postings, token compaction).
    for (let round = 0; round < 2; round++) {
      for (let k = 0; k < 2600; k++) {
        put({ id: `u${k}`, source: text(20 + Math.floor(rand() * 20)), targets: { vi: "y" } });
      }
    }
    for (let k = 0; k < 2600; k += 3) {
      ix.remove(`u${k}`);
      memory.delete(`u${k}`);
    }
    expect(ix.size).toBe(memory.size);
    check();
  }, 120_000);

  it("units added after a lookup, past several capacity doublings, are found through the bitmaps", () => {
    const rand = mulberry32(7);
    // Common tokens, some twice in every unit (and so in the queries).
    const common = ["yang", "yang", "dan", "di", ",", ",", ","];
    const text = (k: number) =>
      [...common, `kata${k % 97}`, `kata${(k * 7) % 89}`, `nama${k}`]
        .sort(() => rand() - 0.5)
        .join(" ");
    const ix = new TmIndex("id");
    const memory: TmUnit[] = [];
    const put = (k: number) => {
      const unit = { id: `u${k}`, source: text(k), targets: { vi: "x" } };
      ix.add(unit);
      memory.push(unit);
    };
    for (let k = 0; k < 200; k++) put(k);
    // This lookup makes the bitmaps of the common tokens (their lists are skipped).
    ix.match({ source: memory[0]!.source });
    for (let k = 200; k < 12_000; k++) put(k);
    for (const k of [11_999, 11_998, 11_663, 11_648, 9_000, 5_000, 1_500]) {
      const source = memory[k]!.source;
      const options = { threshold: 60, limit: 3 };
      const got = ix.match({ source }, options);
      expect(got[0]?.unit.id).toBe(`u${k}`);
      expect(view(got)).toEqual(view(bruteForceMatch(memory, { source }, "id", options)));
    }
  }, 60_000);

  it("bit-parallel distance and in-reach count agree with the full table", () => {
    const seq = (max: number) => fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: max });
    fc.assert(
      fc.property(seq(90), seq(90), fc.integer({ min: 0, max: 95 }), (a, b, k) => {
        fc.pre(a.length > 0);
        // Pattern symbols 1…5 for tokens 0…4; token 5 is in no pattern.
        const map = Int32Array.from([1, 2, 3, 4, 5, 0]);
        const p = new BitPattern(
          a.map((t) => map[t]!),
          5,
        );
        const text = Int32Array.from(b);
        const d = editDistance(
          a.map((t) => (t === 5 ? -1 : t)),
          b,
        );
        expect(p.distance(text, 0, b.length, map, k)).toBe(d <= k ? d : k + 1);
        // The count bounds the distance of any alignment within k edits.
        if (d <= k) {
          expect(
            Math.max(a.length, b.length) - p.inReach(text, 0, b.length, map, k),
          ).toBeLessThanOrEqual(d);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
