import { describe, expect, it } from "vitest";
import { rowView, rowMapDelta, withCellsReplaced } from "../../../src/core/align-edit/row-view.ts";
import { makeColumn } from "./column-fixture.ts";

/** A save patches the grid's view in place instead of laying every column out again. */
describe("withCellsReplaced", () => {
  const rows = Array.from({ length: 8 }, (_, i) => `r${i}`);
  const cells = [
    ...makeColumn([{ text: "A" }, { text: "BC", span: 2 }, { text: "x", span: 0 }, { text: "D" }]),
    ...makeColumn([{ text: "a" }, { text: "b" }], "en"),
  ].map((c) => ({ ...c, segmentId: "r0" }));

  it("gives what rowView gives for text and status edits, keeping other rows' objects", () => {
    const view = rowView(rows, cells);
    const edited = cells.map((c) =>
      c.id === "vi1"
        ? { ...c, text: "B C", status: "draft" as const }
        : c.id === "en1"
          ? { ...c, text: "bb" }
          : c,
    );
    const patched = withCellsReplaced(
      view,
      rows,
      edited.filter((c, i) => c !== cells[i]),
    );
    expect(patched).not.toBeNull();
    const fresh = rowView(rows, edited);
    expect([...patched!.starts]).toEqual([...fresh.starts]);
    expect([...patched!.covering]).toEqual([...fresh.covering]);
    expect(patched!.layouts).toEqual(fresh.layouts);
    expect(patched!.columns).toEqual(fresh.columns);
    expect(patched!.layouts.vi!.rows[0]).toBe(view.layouts.vi!.rows[0]);
    const delta = rowMapDelta(patched!.starts);
    expect(delta?.previous).toBe(view.starts);
    expect(delta?.keys).toEqual(["r1:vi", "r1:en"]);
    expect(rowMapDelta(patched!.covering)?.keys).toEqual(["r1:vi", "r2:vi", "r1:en"]);
    // Patched again from the patched view.
    const again = withCellsReplaced(patched!, rows, [{ ...edited[0]!, text: "AA" }]);
    expect(again!.starts.get("r0:vi")?.text).toBe("AA");
  });

  it("refuses what moves a cell (span, order) or a cell not on rows (span 0)", () => {
    const view = rowView(rows, cells);
    expect(withCellsReplaced(view, rows, [{ ...cells[1]!, span: 1 }])).toBeNull();
    expect(withCellsReplaced(view, rows, [{ ...cells[0]!, order: "zz" }])).toBeNull();
    expect(withCellsReplaced(view, rows, [{ ...cells[2]!, text: "y" }])).toBeNull();
  });
});
