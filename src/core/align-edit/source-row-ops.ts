import { keyBetween } from "../model/order-key.ts";
import type { CellPatch } from "./cell-patch.ts";
import { edited, emptyCell } from "./cell-ops.ts";
import { cellStarts, inOrder, joinTexts } from "./column.ts";
import type { CellEditContext, TargetCell } from "./types.ts";

/**
 * How one target column follows a change of the SOURCE rows (segment merge/split in edit/segment-ops),
 * so the links around it stay where they were. The shell applies these patches for every target
 * language in the same command as the segment patches.
 */

/** Index of the cell covering a row (span ≥ 1), or -1 when the column ends before the row. */
function coveringIndex(
  cells: readonly TargetCell[],
  starts: readonly number[],
  row: number,
): number {
  for (let k = 0; k < cells.length; k++) {
    const start = starts[k]!;
    if (start > row) return -1;
    if (row < start + cells[k]!.span) return k;
  }
  return -1;
}

/** The cell stamped as changed, text, status and lock kept (its link covers the same source text). */
function restamped(cell: TargetCell, span: number, ctx: CellEditContext): TargetCell {
  return { ...cell, span, changedBy: ctx.user, changedAt: ctx.at };
}

/**
 * Source rows `row` and `row + 1` became one row. A cell covering both gives up a row; two different
 * covering cells are merged into the first (with any span-0 cells between them, so the text order
 * is kept), which goes back to Draft, unless one of them is a gap (uncovered rows): then the gap gives
 * up the row. Nothing changes when the column ends before row + 1.
 */
export function onSourceRowsMerged(
  column: readonly TargetCell[],
  row: number,
  ctx: CellEditContext,
): CellPatch[] {
  const cells = inOrder(column);
  const starts = cellStarts(cells);
  const a = coveringIndex(cells, starts, row);
  const b = coveringIndex(cells, starts, row + 1);
  if (a < 0 || b < 0) return [];
  const first = cells[a]!;
  if (a === b)
    return [{ key: first.id, before: first, after: restamped(first, first.span - 1, ctx) }];
  // A gap on either side gives up the row (the cell on the other side covers the merged row).
  const gap = first.gap ? first : cells[b]!.gap ? cells[b]! : null;
  if (gap) {
    return [
      gap.span > 1
        ? { key: gap.id, before: gap, after: restamped(gap, gap.span - 1, ctx) }
        : { key: gap.id, before: gap, after: null },
    ];
  }
  const group = cells.slice(a, b + 1);
  const span = group.reduce((sum, c) => sum + c.span, 0) - 1;
  const after = edited(first, { text: joinTexts(group.map((c) => c.text)), span }, ctx);
  return [
    { key: first.id, before: first, after },
    ...group.slice(1).map((c): CellPatch => ({ key: c.id, before: c, after: null })),
  ];
}

/**
 * Source row `row` became two rows. A cell covering several rows (or a gap) grows by one; a one-row cell keeps
 * the first part (back to Draft: its source changed) and an empty span-1 cell is inserted right after
 * it for the second part. Nothing changes when the column ends before the row.
 */
export function onSourceRowSplit(
  column: readonly TargetCell[],
  row: number,
  ctx: CellEditContext,
): CellPatch[] {
  const cells = inOrder(column);
  const a = coveringIndex(cells, cellStarts(cells), row);
  if (a < 0) return [];
  const cell = cells[a]!;
  // A gap grows by the new row (both halves uncovered).
  if (cell.span > 1 || cell.gap)
    return [{ key: cell.id, before: cell, after: restamped(cell, cell.span + 1, ctx) }];
  const order = keyBetween(cell.order, cells[a + 1]?.order ?? null);
  const fresh = emptyCell(cell, order, 1, ctx);
  return [
    { key: cell.id, before: cell, after: edited(cell, {}, ctx) },
    { key: fresh.id, before: null, after: fresh },
  ];
}
