/**
 * Timing one rule alone (issue 14 item 2): the check that names a slow rule must actually run it,
 * whatever its kind.
 */
import { describe, expect, it } from "vitest";
import { singleRuleSet } from "../../../src/core/segment/probes.ts";
import type { SegmentationRule } from "../../../src/core/segment/rules.ts";
import { segmentParagraph } from "../../../src/core/segment/segment.ts";

const TEXT = "Ia datang. Lalu pergi.";

describe("singleRuleSet", () => {
  it("runs a no-break rule wherever it matches (alone it would never be tried)", () => {
    const noBreak: SegmentationRule = { break: false, beforeBreak: "\\.", afterBreak: "\\s" };
    expect(segmentParagraph(TEXT, "id", { rules: singleRuleSet(noBreak) })).toEqual([
      "Ia datang.",
      "Lalu pergi.",
    ]);
  });

  it("keeps a break rule as it is, for every language", () => {
    const rule: SegmentationRule = { break: true, beforeBreak: "\\.", afterBreak: "\\s" };
    const set = singleRuleSet(rule);
    expect(set.languageRules[0]?.rules[0]).toBe(rule);
    for (const lang of ["id", "vi", "en"] as const)
      expect(segmentParagraph(TEXT, lang, { rules: set })).toHaveLength(2);
  });
});
