import { describe, expect, it } from "vitest";
import { unitsToBundleSegments } from "../../../src/core/align-edit/bundle-units.ts";
import { groupUnits } from "../../../src/core/align-edit/group-units.ts";
import { makeColumn } from "./column-fixture.ts";

const rows = [
  { id: "s0", paragraph: 0, source: "Satu." },
  { id: "s1", paragraph: 0, source: "Dua." },
  { id: "s2", paragraph: 1, source: "Tiga." },
];

describe("unitsToBundleSegments", () => {
  it("makes one segment per unit with joined sources and the targets that have text", () => {
    const vi = makeColumn([{ text: "Một hai.", span: 2 }, { text: "" }], "vi");
    const en = makeColumn([{ text: "One." }, { text: "Two." }, { text: "Three." }], "en");
    en[1] = { ...en[1]!, createdAt: "2025-12-31T00:00:00Z", changedAt: "2026-02-01T00:00:00Z" };
    en[1] = { ...en[1]!, createdBy: "early", changedBy: "late", status: "draft" };
    const segments = unitsToBundleSegments(rows, groupUnits(3, { vi, en }, ["vi", "en"]));
    expect(segments.map((s) => [s.id, s.paragraph, s.source])).toEqual([
      ["s0", 0, "Satu. Dua."],
      ["s2", 1, "Tiga."],
    ]);
    expect(segments[0]!.targets.vi).toMatchObject({ text: "Một hai.", status: "translated" });
    expect(segments[0]!.targets.en).toEqual({
      text: "One. Two.",
      status: "draft",
      createdBy: "early",
      createdAt: "2025-12-31T00:00:00Z",
      changedBy: "late",
      changedAt: "2026-02-01T00:00:00Z",
    });
    // The empty vi cell of the last row gives no target.
    expect(Object.keys(segments[1]!.targets)).toEqual(["en"]);
  });
});
