import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { alignSentences, realignBetween } from "../../../src/core/align/align-sentences.ts";
import type { AlignmentPlan, FixedLink } from "../../../src/core/align/types.ts";
import { AppError } from "../../../src/core/model/app-error.ts";

/** Every sentence of both sides in exactly one link, links in monotone order, confidence in 0..1. */
function expectValidPlan(plan: AlignmentPlan, n: number, m: number): void {
  const source = plan.links.flatMap((l) => l.source);
  const target = plan.links.flatMap((l) => l.target);
  expect(source).toEqual(Array.from({ length: n }, (_, i) => i));
  expect(target).toEqual(Array.from({ length: m }, (_, i) => i));
  for (const link of plan.links) {
    expect(link.source.length + link.target.length).toBeGreaterThan(0);
    expect(link.confidence).toBeGreaterThanOrEqual(0);
    expect(link.confidence).toBeLessThanOrEqual(1);
  }
  expect(plan.sourceCount).toBe(n);
  expect(plan.targetCount).toBe(m);
}

const word = fc.oneof(
  fc.constantFrom(
    "ini",
    "và",
    "the",
    "Hanoi",
    "Việt",
    "Nam",
    "2.500",
    "3,5",
    "40%",
    "?",
    "!",
    "(x)",
  ),
  fc.string({ minLength: 1, maxLength: 9 }),
);
const sentence = fc.array(word, { minLength: 1, maxLength: 12 }).map((ws) => ws.join(" "));
const text = fc.array(sentence, { maxLength: 25 });

describe("alignSentences properties", () => {
  it("covers every sentence exactly once, in monotone order, with confidence in [0, 1]", () => {
    fc.assert(
      fc.property(text, text, (source, target) => {
        const plan = alignSentences(source, target, { sourceLang: "id", targetLang: "vi" });
        expectValidPlan(plan, source.length, target.length);
      }),
      { numRuns: 150 },
    );
  });

  it("aligns a text with itself 1-1 with high confidence", () => {
    const nonBlank = fc
      .array(fc.string({ minLength: 1, maxLength: 8 }), { minLength: 2, maxLength: 10 })
      .map((ws) => ws.join(" "))
      .filter((s) => s.replace(/\s/g, "").length >= 3);
    fc.assert(
      fc.property(fc.array(nonBlank, { minLength: 1, maxLength: 30 }), (sentences) => {
        const plan = alignSentences(sentences, sentences, { sourceLang: "en", targetLang: "en" });
        expect(plan.links.map((l) => [l.source, l.target])).toEqual(
          sentences.map((_, i) => [[i], [i]]),
        );
        for (const link of plan.links) expect(link.confidence).toBeGreaterThanOrEqual(0.75);
      }),
      { numRuns: 100 },
    );
  });

  it("keeps fixed links as given and realigns only between them", () => {
    fc.assert(
      fc.property(text, text, fc.array(fc.nat(), { maxLength: 6 }), (source, target, picks) => {
        const first = alignSentences(source, target, { sourceLang: "id", targetLang: "en" });
        const chosen = [...new Set(picks.map((p) => p % Math.max(1, first.links.length)))]
          .sort((a, b) => a - b)
          .map((k) => first.links[k])
          .filter((l) => l !== undefined);
        const fixed: FixedLink[] = chosen.map((l) => ({ source: l.source, target: l.target }));
        const plan = realignBetween(source, target, fixed, { sourceLang: "id", targetLang: "en" });
        expectValidPlan(plan, source.length, target.length);
        for (const f of fixed) {
          const kept = plan.links.find(
            (l) => JSON.stringify([l.source, l.target]) === JSON.stringify([f.source, f.target]),
          );
          expect(kept?.confidence).toBe(1);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe("fixed links", () => {
  const source = ["Satu 1.", "Dua 2.", "Tiga 3.", "Empat 4.", "Lima 5."];
  const target = ["One 1.", "Two 2.", "Three 3.", "Four 4.", "Five 5."];

  it("keeps a fixed link the aligner would not choose, and aligns around it", () => {
    const plan = realignBetween(source, target, [{ source: [1, 2], target: [1] }], {
      sourceLang: "id",
      targetLang: "en",
    });
    expect(plan.links.map((l) => [l.source, l.target])).toEqual([
      [[0], [0]],
      [[1, 2], [1]],
      [[3], [2, 3]],
      [[4], [4]],
    ]);
  });

  it("keeps fixed 1-0 and 0-1 links", () => {
    const plan = realignBetween(
      source,
      target,
      [
        { source: [1], target: [] },
        { source: [], target: [3] },
      ],
      { sourceLang: "id", targetLang: "en" },
    );
    expectValidPlan(plan, 5, 5);
    expect(plan.links.some((l) => l.source[0] === 1 && l.target.length === 0)).toBe(true);
    expect(plan.links.some((l) => l.target[0] === 3 && l.source.length === 0)).toBe(true);
  });

  it("rejects fixed links that overlap, go backwards or leave the texts", () => {
    const bad: FixedLink[][] = [
      [
        { source: [0], target: [0] },
        { source: [0], target: [1] },
      ],
      [
        { source: [2], target: [2] },
        { source: [1], target: [3] },
      ],
      [{ source: [1, 3], target: [1] }],
      [{ source: [9], target: [1] }],
      [{ source: [], target: [] }],
    ];
    for (const fixedLinks of bad) {
      expect(() =>
        alignSentences(source, target, { sourceLang: "id", targetLang: "en", fixedLinks }),
      ).toThrow(AppError);
    }
    try {
      alignSentences(source, target, { sourceLang: "id", targetLang: "en", fixedLinks: bad[1] });
    } catch (error) {
      expect((error as AppError).code).toBe("align.invalid-fixed-links");
      expect((error as AppError).params).toEqual({ index: 1 });
    }
  });
});

describe("progress and cancel", () => {
  const source = Array.from({ length: 300 }, (_, i) => `Kalimat nomor ${i} di sini.`);
  const target = Array.from({ length: 300 }, (_, i) => `Câu số ${i} ở đây.`);

  it("reports non-decreasing progress that ends at 1", () => {
    const seen: number[] = [];
    alignSentences(source, target, {
      sourceLang: "id",
      targetLang: "vi",
      onProgress: (f) => seen.push(f),
    });
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.at(-1)).toBe(1);
    for (let k = 1; k < seen.length; k++) expect(seen[k]).toBeGreaterThanOrEqual(seen[k - 1] ?? 0);
  });

  it("reports progress a bounded number of times, even with many gaps", () => {
    const fixedLinks = Array.from({ length: 100 }, (_, k) => ({
      source: [k * 3],
      target: [k * 3],
    }));
    const seen: number[] = [];
    alignSentences(source, target, {
      sourceLang: "id",
      targetLang: "vi",
      fixedLinks,
      onProgress: (f) => seen.push(f),
    });
    expect(seen.length).toBeLessThanOrEqual(202);
    expect(seen.at(-1)).toBe(1);
    for (let k = 1; k < seen.length; k++) expect(seen[k]).toBeGreaterThanOrEqual(seen[k - 1] ?? 0);
  });

  it("stops with AppError align.aborted when the signal is aborted", () => {
    const signal = { aborted: false };
    const run = (): unknown =>
      alignSentences(source, target, {
        sourceLang: "id",
        targetLang: "vi",
        signal,
        onProgress: (f) => {
          if (f > 0.2) signal.aborted = true;
        },
      });
    expect(run).toThrow(expect.objectContaining({ code: "align.aborted" }));
  });
});

describe("banded search", () => {
  it("finds the same alignment as the full search on a long text with drift", () => {
    let seed = 7;
    const rnd = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const source: string[] = [];
    const target: string[] = [];
    for (let k = 0; k < 800; k++) {
      const len = 3 + Math.floor(rnd() * 20);
      const words = Array.from({ length: len }, (_, w) => `w${(k * 31 + w) % 97}`);
      source.push(`${words.join(" ")} ${k}.`);
      if (rnd() < 0.04) target.push("tambahan kalimat yang tidak ada padanannya sama sekali.");
      if (rnd() < 0.04) continue;
      target.push(`${words.map((w) => w.toUpperCase()).join(" ")} ${k}.`);
    }
    const options = { sourceLang: "en", targetLang: "en" };
    const full = alignSentences(source, target, {
      ...options,
      tuning: { fullSearchCells: Infinity },
    });
    const banded = alignSentences(source, target, {
      ...options,
      tuning: { fullSearchCells: 0, band: 8 },
    });
    expect(banded.links).toEqual(full.links);
  }, 30_000);
});
