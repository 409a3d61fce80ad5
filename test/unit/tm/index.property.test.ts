import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { boundedDistance, editDistance } from "../../../src/core/tm/distance.ts";
import { TmIndex, bruteForceMatch } from "../../../src/core/tm/tm-index.ts";
import type { TmMatch, TmUnit } from "../../../src/core/tm/types.ts";

const WORDS = [
  "harga",
  "beras",
  "naik",
  "turun",
  "menjadi",
  "per",
  "kilogram",
  "pemerintah",
  "yang",
  "di",
  "Jakarta",
  "warga",
  "negara-negara",
  "mengatakan",
  "pada",
  "Senin",
];
const NUMS = ["2.500", "12.500", "3,5", "10", "2020", "1.000.000"];
const PUNCT = [".", ",", "(", ")", "%"];

const token = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.constantFrom(...NUMS) },
  { weight: 1, arbitrary: fc.constantFrom(...PUNCT) },
);
const sentence = fc.array(token, { minLength: 1, maxLength: 14 }).map((t) => t.join(" "));
const unit = fc.record({
  source: sentence,
  vi: fc.constantFrom("Giá 2.500 đồng.", "Tăng 3,5 phần trăm.", "Không có số."),
  en: fc.constantFrom("Price 2,500.", "Up 3.5 percent.", "No number."),
  fromAligner: fc.boolean(),
  approved: fc.boolean(),
});

const view = (ms: TmMatch[]) => ms.map((m) => [m.unit.id, m.score, m.base, m.substituted ?? null]);

describe("tm index equals brute force", () => {
  it("top-k of the index = top-k of a brute-force scorer, thresholds 50–100, after removals", () => {
    fc.assert(
      fc.property(
        fc.array(unit, { minLength: 1, maxLength: 60 }),
        fc.array(sentence, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 50, max: 100 }),
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        (raw, queries, threshold, limit, removals) => {
          const units: TmUnit[] = raw.map((r, i) => ({
            id: `u${i}`,
            source: r.source,
            targets: { vi: r.vi, en: r.en },
            fromAligner: r.fromAligner,
            approved: r.approved,
          }));
          const ix = new TmIndex("id");
          for (const u of units) ix.add(u);
          const gone = new Set(removals.map((k) => `u${k % units.length}`));
          for (const id of gone) ix.remove(id);
          const kept = units.filter((u) => !gone.has(u.id));
          // Queries: random sentences and units' own sources, some lightly edited.
          const all = [
            ...queries,
            ...units.slice(0, 5).map((u) => u.source),
            ...units.slice(0, 3).map((u) => `${u.source} yang`),
          ];
          for (const q of all) {
            const want = bruteForceMatch(kept, { source: q }, "id", { threshold, limit });
            expect(view(ix.match({ source: q }, { threshold, limit }))).toEqual(view(want));
            expect(view(ix.bruteForce({ source: q }, { threshold, limit }))).toEqual(view(want));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("banded distance is exact up to its bound", () => {
    const seq = fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 20 });
    fc.assert(
      fc.property(seq, seq, fc.integer({ min: 0, max: 22 }), (a, b, k) => {
        const d = editDistance(a, b);
        const got = boundedDistance(Int32Array.from(a), Int32Array.from(b), k);
        expect(got).toBe(d <= k ? d : k + 1);
      }),
      { numRuns: 2000 },
    );
  });
});
