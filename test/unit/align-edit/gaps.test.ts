import { describe, expect, it } from "vitest";
import {
  cellAtRow,
  cellsAtRows,
  mergeWithNext,
  moveUp,
} from "../../../src/core/align-edit/cell-ops.ts";
import { applyCellPatches, invertCellPatches } from "../../../src/core/align-edit/cell-patch.ts";
import { layoutColumn } from "../../../src/core/align-edit/layout.ts";
import { groupUnits } from "../../../src/core/align-edit/group-units.ts";
import { needsCells, toBundleCells } from "../../../src/core/align-edit/bundle-alignment.ts";
import {
  onSourceRowsMerged,
  onSourceRowSplit,
} from "../../../src/core/align-edit/source-row-ops.ts";
import type { TranslationRecord } from "../../../src/core/model/records.ts";
import type { TargetCell } from "../../../src/core/align-edit/types.ts";
import { makeColumn, makeCtx, REF } from "./column-fixture.ts";

/** Issue 13 item 16: a far row is reached through a gap (uncovered rows), not an empty cell per row. */

const ROWS = Array.from({ length: 10_020 }, (_, i) => `r${i}`);

function records(cells: readonly TargetCell[]): TranslationRecord[] {
  return cells.map((c, k) => ({ ...c, segmentId: ROWS[k]! }));
}

/** Per row: null when uncovered, else the text of the cell starting there ("^" when covered). */
function rowTexts(cells: readonly TargetCell[], rowCount: number): (string | null)[] {
  return layoutColumn(cells, rowCount).rows.map((r) =>
    r.cell === null ? null : r.starts ? r.cell.text : "^",
  );
}

describe("gaps: uncovered rows inside a column", () => {
  it("the last row of a 10,020-row document whose column ends at row 1 takes two records", () => {
    const column = records(makeColumn([{ text: "Một." }]));
    const { cell, patches } = cellAtRow(column, ROWS, 10_019, REF, makeCtx());
    expect(patches).toHaveLength(2);
    expect(patches.every((p) => p.before === null)).toBe(true);
    const [gap, made] = patches.map((p) => p.after!);
    expect(gap).toMatchObject({ gap: true, span: 10_018, text: "", segmentId: "r10019" });
    expect(made).toBe(cell);
    expect(cell).toMatchObject({ id: "r10019:vi", span: 1, text: "", segmentId: "r10019" });
    expect(cell.gap).toBeUndefined();
    const after = applyCellPatches(column, patches);
    const layout = layoutColumn(after, ROWS.length);
    expect(layout.rows[0]!.cell?.text).toBe("Một.");
    expect(layout.rows.slice(1, 10_019).every((r) => r.cell === null)).toBe(true);
    expect(layout.rows[10_019]).toMatchObject({ cell: { id: "r10019:vi" }, starts: true });
    expect(layout.overflow).toEqual([]);
    // The row right after the column's end needs no gap.
    expect(cellAtRow(column, ROWS, 1, REF, makeCtx()).patches).toHaveLength(1);
  });

  it("typing into a gap splits it: the rows above and below stay uncovered; undo restores it", () => {
    const ctx = makeCtx();
    const column = records(makeColumn([{ text: "A" }]));
    const reach = cellAtRow(column, ROWS.slice(0, 8), 7, REF, ctx);
    const one = applyCellPatches(column, reach.patches);
    expect(rowTexts(one, 8)).toEqual(["A", null, null, null, null, null, null, ""]);
    const inside = cellAtRow(one as TranslationRecord[], ROWS.slice(0, 8), 3, REF, ctx);
    // The gap keeps rows 1-2, the new cell takes row 3, a new gap rows 4-6.
    expect(
      inside.patches.map((p) => [p.before?.span ?? null, p.after?.span, !!p.after?.gap]),
    ).toEqual([
      [6, 2, true],
      [null, 1, false],
      [null, 3, true],
    ]);
    const two = applyCellPatches(one, inside.patches);
    expect(rowTexts(two, 8)).toEqual(["A", null, null, "", null, null, null, ""]);
    expect(applyCellPatches(two, invertCellPatches(inside.patches))).toEqual(one);
    // A gap's first row: the gap goes, the new cell and a smaller gap take its place, in order.
    const first = cellAtRow(two as TranslationRecord[], ROWS.slice(0, 8), 1, REF, ctx);
    expect(first.patches.map((p) => [p.before?.span ?? null, p.after?.span ?? null])).toEqual([
      [2, null],
      [null, 1],
      [null, 1],
    ]);
    const three = applyCellPatches(two, first.patches);
    expect(rowTexts(three, 8)).toEqual(["A", "", null, "", null, null, null, ""]);
    const orders = three.map((c) => c.order);
    expect([...orders].sort()).toEqual(orders);
  });

  it("cellsAtRows makes only the rows asked for, in gaps and past the end, ids as if typed", () => {
    const ctx = makeCtx();
    const column = records(makeColumn([{ text: "A" }]));
    const reach = applyCellPatches(
      column,
      cellAtRow(column, ROWS.slice(0, 10), 5, REF, ctx).patches,
    );
    const made = cellsAtRows(
      reach as TranslationRecord[],
      ROWS.slice(0, 10),
      [2, 3, 8, 5, 0],
      REF,
      ctx,
    );
    // Row 0 and row 5 have cells already.
    expect([...made.cells.keys()].sort((a, b) => a - b)).toEqual([2, 3, 8]);
    expect([...made.cells.values()].map((c) => c.id)).toEqual(["r2:vi", "r3:vi", "r8:vi"]);
    const after = applyCellPatches(reach, made.patches);
    expect(rowTexts(after, 10)).toEqual(["A", null, "", "", null, "", null, null, "", null]);
    expect(after.filter((c) => !c.gap)).toHaveLength(5);
  });

  it("layout, units and files treat a gap's rows as uncovered", () => {
    const column = records(makeColumn([{ text: "A" }]));
    const after = applyCellPatches(
      column,
      cellAtRow(column, ROWS.slice(0, 4), 3, REF, makeCtx()).patches,
    );
    const typed = after.map((c) =>
      c.id === "r3:vi" ? { ...c, text: "D", status: "draft" as const } : c,
    );
    // Each row is its own unit; the gap gives no target.
    const { units } = groupUnits(4, { vi: typed }, ["vi"]);
    expect(units.map((u) => [u.rows, u.targets.vi?.text ?? null])).toEqual([
      [[0, 1], "A"],
      [[1, 2], null],
      [[2, 3], null],
      [[3, 4], "D"],
    ]);
    // A file carries the gap as one empty one-row cell per row, as before gaps existed.
    expect(needsCells(typed)).toBe(false);
    expect(toBundleCells(typed).map((c) => [c.text, c.span])).toEqual([
      ["A", 1],
      ["", 1],
      ["", 1],
      ["D", 1],
    ]);
  });

  it("editor and source-row commands next to a gap move one row, not the whole gap", () => {
    const base = records(makeColumn([{ text: "A" }]));
    const col = applyCellPatches(
      base,
      cellAtRow(base, ROWS.slice(0, 6), 4, REF, makeCtx()).patches,
    );
    const typed = col.map((c) => (c.id === "r4:vi" ? { ...c, text: "E" } : c));
    expect(rowTexts(typed, 6)).toEqual(["A", null, null, null, "E", null]);
    // Moving E up takes one row from the gap.
    const up = applyCellPatches(typed, moveUp(typed, "r4:vi", makeCtx()));
    expect(rowTexts(up, 6)).toEqual(["A", null, null, "E", null, null]);
    // Merging A with the uncovered row below: A covers it, the gap shrinks.
    const merged = applyCellPatches(typed, mergeWithNext(typed, "vi0", makeCtx()));
    expect(rowTexts(merged, 6)).toEqual(["A", "^", null, null, "E", null]);
    // Source rows 0 and 1 merged: the gap gives up the row, E stays with its source.
    const rowsMerged = applyCellPatches(typed, onSourceRowsMerged(typed, 0, makeCtx()));
    expect(rowTexts(rowsMerged, 5)).toEqual(["A", null, null, "E", null]);
    // A source row in the gap split in two: the gap grows, E still with its source.
    const split = applyCellPatches(typed, onSourceRowSplit(typed, 2, makeCtx()));
    expect(rowTexts(split, 7)).toEqual(["A", null, null, null, null, "E", null]);
    expect(split.filter((c) => c.gap).map((c) => c.span)).toEqual([4]);
  });
});
