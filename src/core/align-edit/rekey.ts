import { initialKeys } from "../model/order-key.ts";
import { applyCellPatches, type CellPatch } from "./cell-patch.ts";
import { inOrder } from "./column.ts";
import type { TargetCell } from "./types.ts";

/** The longest order key of a column (inserts at one place make keys grow by about a digit per 5). */
export function longestKey(cells: readonly TargetCell[]): number {
  return cells.reduce((n, c) => Math.max(n, c.order.length), 0);
}

/**
 * Fresh, evenly spread order keys for the whole column, same order (patches of `order` only; rows,
 * texts and stamps are untouched). `withShortKeys` runs it when keys got long.
 */
export function rekeyColumn(column: readonly TargetCell[]): CellPatch[] {
  const cells = inOrder(column);
  const keys = initialKeys(cells.length);
  const patches: CellPatch[] = [];
  cells.forEach((cell, k) => {
    const order = keys[k]!;
    if (order !== cell.order)
      patches.push({ key: cell.id, before: cell, after: { ...cell, order } });
  });
  return patches;
}

/** Order keys longer than this are renewed in the same command (a few hundred inserts at one place). */
export const LONGEST_KEY = 24;

/**
 * A command's patches, followed by a rekey of the whole column when they leave a key longer than
 * LONGEST_KEY (repeated moves at one place make keys grow), so keys stay short for ever.
 */
export function withShortKeys(
  column: readonly TargetCell[],
  patches: readonly CellPatch[],
): CellPatch[] {
  const after = applyCellPatches(column, patches);
  return longestKey(after) > LONGEST_KEY ? [...patches, ...rekeyColumn(after)] : [...patches];
}
