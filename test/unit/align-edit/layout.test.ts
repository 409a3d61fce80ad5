import { describe, expect, it } from "vitest";
import { layoutColumn, nextSuspiciousRow } from "../../../src/core/align-edit/layout.ts";
import { makeColumn } from "./column-fixture.ts";

function ids(layout: ReturnType<typeof layoutColumn>): string[] {
  return layout.rows.map(
    (r) =>
      `${r.cell ? r.cell.id : "-"}${r.starts ? "*" : ""}${r.under.map((c) => "+" + c.id).join("")}`,
  );
}

describe("layoutColumn", () => {
  it("tiles the rows with the cells' spans", () => {
    const col = makeColumn([{ text: "A" }, { text: "B", span: 2 }, { text: "", span: 1 }]);
    expect(ids(layoutColumn(col, 4))).toEqual(["vi0*", "vi1*", "vi1", "vi2*"]);
  });

  it("leaves rows past the end of the column uncovered", () => {
    const layout = layoutColumn(makeColumn([{ text: "A", span: 2 }]), 4);
    expect(ids(layout)).toEqual(["vi0*", "vi0", "-", "-"]);
    expect(layout.overflow).toEqual([]);
  });

  it("shows a span-0 cell under the row before it, and before the first row as leading", () => {
    const col = makeColumn([
      { text: "x", span: 0 },
      { text: "A" },
      { text: "y", span: 0 },
      { text: "z", span: 0 },
      { text: "B" },
      { text: "w", span: 0 },
    ]);
    const layout = layoutColumn(col, 2);
    expect(layout.leading.map((c) => c.id)).toEqual(["vi0"]);
    expect(ids(layout)).toEqual(["vi1*+vi2+vi3", "vi4*+vi5"]);
    expect(layout.overflow).toEqual([]);
  });

  it("reports cells past the last row as overflow, and clips a cell running past it", () => {
    const col = makeColumn([
      { text: "A", span: 3 },
      { text: "B" },
      { text: "c", span: 0 },
      { text: "D" },
    ]);
    const layout = layoutColumn(col, 2);
    expect(ids(layout)).toEqual(["vi0*", "vi0"]);
    expect(layout.overflow.map((c) => c.id)).toEqual(["vi1", "vi2", "vi3"]);
    expect(layoutColumn(col, 0).overflow).toHaveLength(4);
  });

  it("sorts a column given out of order", () => {
    const col = makeColumn([{ text: "A" }, { text: "B" }]);
    expect(ids(layoutColumn([...col].reverse(), 2))).toEqual(["vi0*", "vi1*"]);
  });
});

describe("nextSuspiciousRow", () => {
  it("finds the next row with an unconfirmed low-confidence link, wrapping around", () => {
    const col = makeColumn([
      { text: "A" },
      { text: "B", span: 2 },
      { text: "c", span: 0 },
      { text: "D" },
      { text: "E" },
    ]).map((c, k) => ({ ...c, confidence: [0.9, 0.2, 0.3, 0.1, 0.2][k]! }));
    col[3] = { ...col[3]!, locked: true };
    const layout = layoutColumn(col, 5);
    // Row 1 starts B (0.2); row 2 continues B and holds c (0.3) under it; row 3 is D (locked).
    expect(nextSuspiciousRow(layout, 0, 0.5)).toBe(1);
    expect(nextSuspiciousRow(layout, 1, 0.5)).toBe(2);
    expect(nextSuspiciousRow(layout, 2, 0.5)).toBe(4);
    expect(nextSuspiciousRow(layout, 4, 0.5)).toBe(1);
    expect(nextSuspiciousRow(layout, -1, 0.25)).toBe(1);
    expect(nextSuspiciousRow(layout, 1, 0.15)).toBe(-1);
    expect(nextSuspiciousRow(layoutColumn([], 0), 0, 1)).toBe(-1);
  });
});
