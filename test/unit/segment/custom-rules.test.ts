import { describe, expect, it } from "vitest";
import {
  effectiveRules,
  normalizeAbbreviations,
  NO_CUSTOM_SEGMENTATION,
} from "../../../src/core/segment/custom-rules.ts";
import { BUILTIN_RULES } from "../../../src/core/segment/builtin/builtin-rules.ts";
import { segmentParagraph } from "../../../src/core/segment/segment.ts";

describe("custom segmentation", () => {
  it("without customizations the built-in rules are used as they are", () => {
    expect(effectiveRules(NO_CUSTOM_SEGMENTATION)).toBe(BUILTIN_RULES);
  });

  it("a project abbreviation stops a break the built-in rules would make", () => {
    const text = "Rapat di Ruko. Sukamaju dimulai. Semua hadir.";
    expect(segmentParagraph(text, "id")).toEqual([
      "Rapat di Ruko.",
      "Sukamaju dimulai.",
      "Semua hadir.",
    ]);
    const rules = effectiveRules({ ...NO_CUSTOM_SEGMENTATION, abbreviations: { id: ["Ruko."] } });
    expect(segmentParagraph(text, "id", { rules })).toEqual([
      "Rapat di Ruko. Sukamaju dimulai.",
      "Semua hadir.",
    ]);
    // Other languages are not affected.
    expect(segmentParagraph("Go to Ruko. Then stop.", "en", { rules })).toEqual(
      segmentParagraph("Go to Ruko. Then stop.", "en"),
    );
  });

  it("custom rules come first: a break rule can split where the built-ins do not", () => {
    const rules = effectiveRules({
      ...NO_CUSTOM_SEGMENTATION,
      rules: { id: [{ break: true, beforeBreak: ";", afterBreak: "\\s" }] },
    });
    expect(segmentParagraph("Satu; dua.", "id", { rules })).toEqual(["Satu;", "dua."]);
  });

  it("normalizes abbreviation lists", () => {
    expect(normalizeAbbreviations([" Ds. ", "", "Ds.", "a b", "Kp."])).toEqual(["Ds.", "Kp."]);
  });
});
