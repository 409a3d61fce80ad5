import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  deleteEmpty,
  insertEmptyAtEnd,
  lock,
  mergeWithNext,
  moveDown,
  moveUp,
  setSpan,
  splitAt,
} from "../../../src/core/align-edit/cell-ops.ts";
import {
  applyCellPatches,
  invertCellPatches,
  type CellPatch,
} from "../../../src/core/align-edit/cell-patch.ts";
import { layoutColumn } from "../../../src/core/align-edit/layout.ts";
import {
  onSourceRowSplit,
  onSourceRowsMerged,
} from "../../../src/core/align-edit/source-row-ops.ts";
import type { CellEditContext, TargetCell } from "../../../src/core/align-edit/types.ts";
import { AppError } from "../../../src/core/model/app-error.ts";
import { makeColumn, makeCtx, REF, startsById, type CellSpec } from "./column-fixture.ts";

type Op =
  | { kind: "moveDown" | "moveUp" | "merge" | "deleteEmpty" | "lock"; pick: number }
  | { kind: "split"; pick: number; offset: number }
  | { kind: "setSpan"; pick: number; span: number }
  | { kind: "insertAtEnd" }
  | { kind: "rowsMerged"; row: number }
  | { kind: "rowSplit"; row: number };

/** The refusals each operation may answer with; any other error fails the property. */
const REFUSALS: Record<string, string[]> = {
  moveUp: ["align-edit.cannot-move-up"],
  merge: ["align-edit.nothing-to-merge"],
  split: ["align-edit.split-at-edge"],
  deleteEmpty: ["align-edit.not-empty"],
};

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constantFrom("moveDown", "moveUp", "merge", "deleteEmpty", "lock"),
    pick: fc.nat(40),
  }),
  fc.record({ kind: fc.constant("split"), pick: fc.nat(40), offset: fc.nat(30) }),
  fc.record({ kind: fc.constant("setSpan"), pick: fc.nat(40), span: fc.nat(3) }),
  fc.record({ kind: fc.constant("insertAtEnd") }),
  fc.record({ kind: fc.constantFrom("rowsMerged", "rowSplit"), row: fc.nat(20) }),
) as fc.Arbitrary<Op>;

const textArb = fc.oneof(
  fc.constant(""),
  fc.constant("  "),
  fc
    .array(fc.constantFrom("a", "bb", "c.", "Dd!", "é", "x  y"), { minLength: 1, maxLength: 4 })
    .map((ws) => ws.join(" ")),
);

const columnArb = fc.array(
  fc.record({ text: textArb, span: fc.integer({ min: 0, max: 3 }), locked: fc.boolean() }),
  { maxLength: 10 },
);

interface Step {
  patches: CellPatch[];
  rowCount: number;
  /** Expected start-row change of each surviving cell (by id), when the operation defines it. */
  shift?: (id: string, start: number) => number;
}

function plan(
  cells: TargetCell[],
  rowCount: number,
  op: Op,
  spaceSplits: boolean,
  ctx: CellEditContext,
): Step | null {
  if (op.kind === "insertAtEnd") return { patches: insertEmptyAtEnd(cells, REF, ctx), rowCount };
  const position = new Map(cells.map((c, k) => [c.id, k]));
  // Cells after the given column index shift by d rows; the others keep their start.
  const pastIndex = (i: number, d: number) => (id: string, start: number) =>
    (position.get(id) ?? -1) > i ? start + d : start;
  if (op.kind === "rowsMerged" || op.kind === "rowSplit") {
    const layout = layoutColumn(cells, rowCount);
    if (op.kind === "rowSplit") {
      if (rowCount === 0) return null;
      const row = op.row % rowCount;
      const covering = layout.rows[row]!.cell;
      return {
        patches: onSourceRowSplit(cells, row, ctx),
        rowCount: rowCount + 1,
        shift: covering ? pastIndex(position.get(covering.id)!, 1) : pastIndex(-1, 0),
      };
    }
    const row = op.row % Math.max(1, rowCount);
    if (row + 1 >= rowCount) return null;
    const second = layout.rows[row + 1]!.cell;
    return {
      patches: onSourceRowsMerged(cells, row, ctx),
      rowCount: rowCount - 1,
      shift: second ? pastIndex(position.get(second.id)!, -1) : pastIndex(-1, 0),
    };
  }
  if (cells.length === 0) return null;
  const i = op.pick % cells.length;
  const cell = cells[i]!;
  const after = (d: number) => pastIndex(i - 1, d);
  const later = (d: number) => pastIndex(i, d);
  switch (op.kind) {
    case "moveDown":
      return { patches: moveDown(cells, cell.id, ctx), rowCount, shift: after(1) };
    case "moveUp": {
      const prev = cells[i - 1];
      const d = !prev ? 0 : prev.text.trim() === "" ? prev.span : Math.min(prev.span, 1);
      return { patches: moveUp(cells, cell.id, ctx), rowCount, shift: after(-d) };
    }
    case "merge":
      return { patches: mergeWithNext(cells, cell.id, ctx), rowCount, shift: later(0) };
    case "deleteEmpty":
      return { patches: deleteEmpty(cells, cell.id), rowCount, shift: later(-cell.span) };
    case "lock":
      return { patches: lock(cells, cell.id, !cell.locked, ctx), rowCount, shift: later(0) };
    case "setSpan":
      return {
        patches: setSpan(cells, cell.id, op.span, ctx),
        rowCount,
        shift: later(op.span - cell.span),
      };
    case "split": {
      let offset = op.offset;
      if (spaceSplits) {
        const spaces = [...cell.text.matchAll(/\s/g)].map((m) => m.index);
        if (spaces.length === 0) return null;
        offset = spaces[op.offset % spaces.length]!;
      }
      const d = cell.span === 1 ? 1 : 0;
      return { patches: splitAt(cells, cell.id, offset, ctx), rowCount, shift: later(d) };
    }
  }
}

const letters = (cells: readonly TargetCell[]): string =>
  cells.map((c) => c.text.replace(/\s+/g, "")).join("");
const words = (cells: readonly TargetCell[]): string[] =>
  cells.flatMap((c) => c.text.split(/\s+/).filter((w) => w !== ""));

function checkColumn(cells: readonly TargetCell[], rowCount: number): void {
  for (let k = 0; k < cells.length; k++) {
    const c = cells[k]!;
    expect(c.order).toMatch(/^[0-9a-z]*[1-9a-z]$/);
    if (k > 0) expect(cells[k - 1]!.order < c.order).toBe(true);
    expect(Number.isInteger(c.span) && c.span >= 0).toBe(true);
    expect(c.text.trim() === "").toBe(c.status === "empty");
  }
  // Layout: a covered prefix of rows, monotone in column order; each cell placed exactly once.
  const layout = layoutColumn(cells, rowCount);
  expect(layout.rows).toHaveLength(rowCount);
  const position = new Map(cells.map((c, k) => [c.id, k]));
  const seen = new Map<string, number>();
  const count = (c: TargetCell): void => void seen.set(c.id, (seen.get(c.id) ?? 0) + 1);
  let last = -1;
  let uncovered = false;
  const starts = startsById(cells);
  layout.rows.forEach((row, r) => {
    if (!row.cell) {
      uncovered = true;
      expect(row.under).toEqual([]);
      return;
    }
    expect(uncovered).toBe(false);
    const k = position.get(row.cell.id)!;
    expect(k).toBeGreaterThanOrEqual(last);
    expect(row.starts).toBe(k !== last);
    expect(row.starts).toBe(starts.get(row.cell.id) === r);
    last = k;
    if (row.starts) count(row.cell);
    row.under.forEach(count);
  });
  layout.leading.forEach(count);
  layout.overflow.forEach(count);
  expect(cells.every((c) => seen.get(c.id) === 1)).toBe(true);
}

function runSequence(specs: CellSpec[], extraRows: number, ops: Op[], spaceSplits: boolean): void {
  const ctx = makeCtx();
  let cells = makeColumn(specs);
  let rowCount = specs.reduce((n, s) => n + (s.span ?? 1), 0) + extraRows;
  const text = letters(cells);
  const wordList = words(cells);
  checkColumn(cells, rowCount);
  for (const op of ops) {
    let step: Step | null;
    try {
      step = plan(cells, rowCount, op, spaceSplits, ctx);
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect(REFUSALS[op.kind] ?? []).toContain((e as AppError).code);
      continue;
    }
    if (!step) continue;
    const next = applyCellPatches(cells, step.patches);
    // Undo restores the exact column.
    expect(applyCellPatches(next, invertCellPatches(step.patches))).toEqual(cells);
    // No character is lost or duplicated; splits at white space keep the words too.
    expect(letters(next)).toBe(text);
    if (spaceSplits) expect(words(next)).toEqual(wordList);
    checkColumn(next, step.rowCount);
    if (step.shift) {
      const before = startsById(cells);
      const now = startsById(next);
      for (const [id, start] of before) {
        if (now.has(id)) expect(now.get(id)).toBe(step.shift(id, start));
      }
    }
    cells = next;
    rowCount = step.rowCount;
  }
}

describe("alignment editor operations (property)", () => {
  it("never lose or duplicate text, undo exactly, keep order, spans and layout sound", () => {
    fc.assert(
      fc.property(columnArb, fc.nat(3), fc.array(opArb, { maxLength: 30 }), (specs, extra, ops) =>
        runSequence(specs, extra, ops, false),
      ),
      { numRuns: 400 },
    );
  });

  it("splitting only at white space keeps the exact word sequence", () => {
    fc.assert(
      fc.property(columnArb, fc.nat(3), fc.array(opArb, { maxLength: 30 }), (specs, extra, ops) =>
        runSequence(specs, extra, ops, true),
      ),
      { numRuns: 400 },
    );
  });
});
