import { describe, expect, it } from "vitest";
import { planFuzzyFills } from "../../../src/core/tm/pretranslate.ts";
import type { TmUnit } from "../../../src/core/tm/types.ts";

const units: TmUnit[] = [
  {
    id: "a",
    source: "Presiden menandatangani perjanjian itu di Jakarta.",
    targets: { vi: "Tổng thống đã ký hiệp định đó tại Jakarta." },
  },
  {
    id: "b",
    source: "Presiden menandatangani perjanjian itu di Bandung.",
    targets: { en: "The president signed the agreement in Bandung." },
  },
  {
    id: "c",
    source: "Anggaran tahun ini naik 2.500 miliar rupiah.",
    targets: {
      vi: "Ngân sách năm nay tăng 2.500 tỷ rupiah.",
      en: "This year's budget rose 2,500 billion rupiah.",
    },
  },
];

describe("fuzzy pre-translation plan", () => {
  it("fills each empty language from the best unit that holds it, at or above the threshold", () => {
    const fills = planFuzzyFills(
      units,
      "id",
      [
        {
          segmentId: "s1",
          source: "Presiden menandatangani perjanjian itu di Surabaya.",
          empty: ["vi", "en"],
        },
      ],
      75,
    );
    // 6 of 7 tokens the same: 85 %. vi only from "a", en only from "b" (one index per language).
    expect(fills).toEqual([
      {
        segmentId: "s1",
        lang: "vi",
        text: "Tổng thống đã ký hiệp định đó tại Jakarta.",
        score: 85,
        unitId: "a",
      },
      {
        segmentId: "s1",
        lang: "en",
        text: "The president signed the agreement in Bandung.",
        score: 85,
        unitId: "b",
      },
    ]);
  });

  it("leaves a target empty under the threshold and fills only the languages asked", () => {
    const row = {
      segmentId: "s1",
      source: "Presiden menandatangani perjanjian itu di Surabaya.",
      empty: ["vi"],
    };
    expect(planFuzzyFills(units, "id", [row], 90)).toEqual([]);
    expect(planFuzzyFills(units, "id", [row], 80).map((f) => f.lang)).toEqual(["vi"]);
  });

  it("takes the match with the row's numbers when only numbers differ (score with the penalty)", () => {
    const [vi, en] = planFuzzyFills(
      units,
      "id",
      [
        {
          segmentId: "s2",
          source: "Anggaran tahun ini naik 3.750 miliar rupiah.",
          empty: ["vi", "en"],
        },
      ],
      75,
    );
    expect(vi).toMatchObject({ text: "Ngân sách năm nay tăng 3.750 tỷ rupiah.", score: 98 });
    expect(en).toMatchObject({ text: "This year's budget rose 3,750 billion rupiah.", score: 98 });
  });

  it("never goes under 50 %", () => {
    const fills = planFuzzyFills(
      units,
      "id",
      [{ segmentId: "s3", source: "Presiden tiba di Surabaya kemarin sore.", empty: ["vi"] }],
      1,
    );
    expect(fills.every((f) => f.score >= 50)).toBe(true);
  });
});
