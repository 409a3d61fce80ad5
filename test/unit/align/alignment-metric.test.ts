import { describe, expect, it } from "vitest";
import { countDocument, emptyCounts, scoresOf } from "../../../src/core/align/alignment-metric.ts";
import { formatBead, parseBeads } from "../../../src/core/align/beads.ts";

const beads = (text: string) => parseBeads(text.trim().split(/\s+/).join("\n")) ?? [];

describe("beads", () => {
  it("formats and parses the benchmark format", () => {
    expect(formatBead({ source: [0], target: [0, 1] })).toBe("[0]:[0, 1]");
    expect(formatBead({ source: [], target: [3] })).toBe("[]:[3]");
    expect(parseBeads("[0]:[0, 1]\n[]:[2]\n\n[1, 2]:[]\n")).toEqual([
      { source: [0], target: [0, 1] },
      { source: [], target: [2] },
      { source: [1, 2], target: [] },
    ]);
    expect(parseBeads("[0]:[x]")).toBeNull();
  });
});

describe("alignment metric (Sennrich & Volk 2010)", () => {
  const gold = beads("[0]:[0] [1,2]:[1] []:[2] [3]:[3]");

  it("scores a perfect hypothesis 1 everywhere", () => {
    const s = scoresOf(countDocument(gold, gold));
    expect(s.strict).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(s.lax).toEqual({ precision: 1, recall: 1, f1: 1 });
  });

  it("counts exact links for strict and overlapping links for lax; null links only exactly", () => {
    const hyp = beads("[0]:[0] [1]:[1] [2]:[] []:[2] [3]:[3]");
    const c = countDocument(hyp, gold);
    // precision: 5 judged; strict hits [0]:[0], []:[2], [3]:[3]; lax adds [1]:[1]
    expect(c.precisionTotal).toBe(5);
    expect(c.strictPrecisionHits).toBe(3);
    expect(c.laxPrecisionHits).toBe(4);
    // recall: the 3 non-null gold links; strict misses [1,2]:[1], lax finds it through [1]:[1]
    expect(c.recallTotal).toBe(3);
    expect(c.strictRecallHits).toBe(2);
    expect(c.laxRecallHits).toBe(3);
  });

  it("pools counts over documents before taking ratios", () => {
    const pooled = emptyCounts();
    countDocument(beads("[0]:[0]"), beads("[0]:[0]"), pooled);
    countDocument(beads("[0]:[1] [1]:[0]"), beads("[0]:[0] [1]:[1]"), pooled);
    const s = scoresOf(pooled);
    expect(s.strict.precision).toBeCloseTo(1 / 3);
    expect(s.strict.recall).toBeCloseTo(1 / 3);
  });

  it("counts duplicate links once", () => {
    const c = countDocument(beads("[0]:[0] [0]:[0]"), beads("[0]:[0]"));
    expect(c.precisionTotal).toBe(1);
  });
});
