import { describe, expect, it } from "vitest";
import { boundedDistance, editDistance, similarity } from "../../../src/core/tm/distance.ts";
import { matchDiff } from "../../../src/core/tm/match-diff.ts";
import { formatNumber } from "../../../src/core/tm/substitute.ts";
import { TmIndex } from "../../../src/core/tm/tm-index.ts";
import type { TmUnit } from "../../../src/core/tm/types.ts";
import { matchTokens } from "../../../src/core/text/match-tokens.ts";

const rice: TmUnit = {
  id: "rice",
  source: "Harga beras naik menjadi Rp 12.500 per kilogram.",
  targets: {
    vi: "Giá gạo tăng lên 12.500 Rp mỗi kilôgam.",
    en: "The price of rice rose to Rp 12,500 per kilogram.",
  },
  approved: true,
};

function one(units: TmUnit[], source: string, extra: { prev?: string; next?: string } = {}) {
  const ix = new TmIndex("id");
  for (const u of units) ix.add(u);
  return ix.match({ source, ...extra }, { threshold: 1, limit: 5 });
}

describe("tm tokens", () => {
  it("keeps numbers, joined words, codes and punctuation as tokens", () => {
    expect(
      matchTokens("Rp 2.500, negara-negara (10,5%) \uE000<b>\uE001").map((t) => [t.kind, t.raw]),
    ).toEqual([
      ["w", "Rp"],
      ["n", "2.500"],
      ["p", ","],
      ["w", "negara-negara"],
      ["p", "("],
      ["n", "10,5"],
      ["p", "%"],
      ["p", ")"],
      ["c", "\uE000<b>\uE001"],
    ]);
  });
});

describe("tm scoring (OmegaT: 100 × (max(n, m) − distance) / max(n, m))", () => {
  it("computes the formula over word and punctuation tokens", () => {
    // 9 tokens each ("Harga beras naik menjadi Rp 12.500 per kilogram ."), one word differs.
    const [m] = one([rice], "Harga gula naik menjadi Rp 12.500 per kilogram.");
    expect(m!.base).toBe(Math.floor((100 * (9 - 1)) / 9));
    expect(m!.score).toBe(88);
    expect(m!.penalties).toEqual([]);
    expect(m!.exact).toBe(false);
  });

  it("is 100 after NFC and case folding, and 101 with the same previous and next source", () => {
    const nfd = "HARGA BERAS NAIK MENJADI RP 12.500 PER KILOGRAM.".normalize("NFD");
    expect(one([rice], nfd)[0]!.score).toBe(100);
    const ctx = { ...rice, prev: "Pasar ramai.", next: "Pedagang mengeluh." };
    expect(
      one([ctx], rice.source, { prev: "Pasar ramai.", next: "Pedagang mengeluh." })[0],
    ).toMatchObject({
      score: 101,
      inContext: true,
    });
    expect(
      one([ctx], rice.source, { prev: "Pasar sepi.", next: "Pedagang mengeluh." })[0],
    ).toMatchObject({
      score: 100,
      inContext: false,
    });
  });

  it("reports each penalty and takes its points off", () => {
    const [m] = one([{ ...rice, approved: false, fromAligner: true }], rice.source);
    expect(m!.base).toBe(100);
    expect(m!.penalties).toEqual([
      { kind: "aligner", points: 3 },
      { kind: "unapproved", points: 1 },
    ]);
    expect(m!.score).toBe(96);
    const withCode = { ...rice, source: "Harga \uE000<b>\uE001beras naik." };
    const [c] = one([withCode], "Harga \uE000<i>\uE001beras naik.");
    expect(c!.base).toBe(100);
    expect(c!.penalties).toEqual([{ kind: "codes", points: 2 }]);
  });

  it("substitutes numbers when only numbers differ, in each target's notation", () => {
    const [m] = one([rice], "Harga beras naik menjadi Rp 13.750 per kilogram.");
    expect(m!.penalties).toEqual([{ kind: "numbers", points: 2 }]);
    expect(m!.base).toBe(100);
    expect(m!.score).toBe(98);
    expect(m!.substituted).toEqual({
      vi: "Giá gạo tăng lên 13.750 Rp mỗi kilôgam.",
      en: "The price of rice rose to Rp 13,750 per kilogram.",
    });
  });

  it("does not substitute when the target lacks the number, or when words differ too", () => {
    const spelled = {
      ...rice,
      targets: { en: "The price of rice rose to twelve thousand rupiah." },
    };
    const [a] = one([spelled], "Harga beras naik menjadi Rp 13.750 per kilogram.");
    expect(a!.substituted).toBeUndefined();
    expect(a!.base).toBe(88); // the number token differs: one edit of nine
    expect(a!.score).toBe(86);
    const [b] = one([rice], "Harga gula naik menjadi Rp 13.750 per kilogram.");
    expect(b!.substituted).toBeUndefined();
    expect(b!.base).toBe(77);
  });

  it("does not substitute a value that is kept in one place and changed in another", () => {
    const u: TmUnit = {
      id: "c3",
      source: "Hadir 100 negara dan 100 organisasi.",
      targets: { en: "100 countries and 100 organisations attended." },
    };
    // 100 → 120 and 100 → 100: replacing every 100 in the target would change both.
    const [m] = one([u], "Hadir 120 negara dan 100 organisasi.");
    expect(m!.substituted).toBeUndefined();
    expect(m!.base).toBe(85); // one number token of seven differs
    const [both] = one([u], "Hadir 120 negara dan 120 organisasi.");
    expect(both!.substituted).toEqual({ en: "120 countries and 120 organisations attended." });
  });

  it("reads Indonesian 2.500 as English 2,500 and decimals by locale", () => {
    expect(formatNumber("2500", "en", true)).toBe("2,500");
    expect(formatNumber("2500", "vi", true)).toBe("2.500");
    expect(formatNumber("1234567.5", "id", true)).toBe("1.234.567,5");
    expect(formatNumber("3.5", "en", false)).toBe("3.5");
    const u: TmUnit = {
      id: "p",
      source: "Inflasi 3,5 persen.",
      targets: { en: "Inflation of 3.5 percent.", vi: "Lạm phát 3,5 phần trăm." },
    };
    expect(one([u], "Inflasi 4,25 persen.")[0]!.substituted).toEqual({
      en: "Inflation of 4.25 percent.",
      vi: "Lạm phát 4,25 phần trăm.",
    });
  });
});

describe("tm distances", () => {
  it("banded distance equals the full one within the band", () => {
    const a = Int32Array.from([1, 2, 3, 4, 5, 6]);
    const b = Int32Array.from([1, 3, 4, 9, 5, 6, 7]);
    expect(editDistance(a, b)).toBe(3);
    expect(boundedDistance(a, b, 3)).toBe(3);
    expect(boundedDistance(a, b, 2)).toBe(3);
    expect(boundedDistance(a, b, 5)).toBe(3);
    expect(similarity(9, 9, 1)).toBe(88);
  });
});

describe("tm index", () => {
  it("adds and removes units incrementally", () => {
    const ix = new TmIndex("id");
    ix.add(rice);
    expect(ix.size).toBe(1);
    expect(ix.match({ source: rice.source })).toHaveLength(1);
    ix.add({ ...rice, targets: { vi: "mới" } });
    expect(ix.size).toBe(1);
    expect(ix.match({ source: rice.source })[0]!.unit.targets).toEqual({ vi: "mới" });
    expect(ix.remove("rice")).toBe(true);
    expect(ix.match({ source: rice.source })).toEqual([]);
    expect(ix.remove("rice")).toBe(false);
  });
});

describe("tm word diff", () => {
  it("marks what the match has and the current source lacks, and the reverse", () => {
    expect(matchDiff("Harga beras naik.", "Harga gula naik.")).toEqual([
      { kind: "same", text: "Harga " },
      { kind: "removed", text: "beras" },
      { kind: "added", text: "gula" },
      { kind: "same", text: " naik." },
    ]);
  });
});
