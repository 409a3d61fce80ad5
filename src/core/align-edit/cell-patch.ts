import { AppError } from "../model/app-error.ts";
import type { TargetCell } from "./types.ts";

/**
 * A change to one cell as its state before and after (null = absent). An edit operation returns a
 * list of them; undo applies `invertCellPatches`, redo the patches again.
 */
export interface CellPatch {
  key: string;
  before: TargetCell | null;
  after: TargetCell | null;
}

/** The patches that undo `patches`: each one swapped, in reverse order. */
export function invertCellPatches(patches: readonly CellPatch[]): CellPatch[] {
  return patches.map((p) => ({ key: p.key, before: p.after, after: p.before })).reverse();
}

/** Field-by-field equality (cells hold only primitives; key order does not matter). */
export function sameCell(
  a: TargetCell | null | undefined,
  b: TargetCell | null | undefined,
): boolean {
  if (!a || !b) return !a && !b;
  const keys = Object.keys(a) as (keyof TargetCell)[];
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/**
 * Applies patches to a column held in memory (tests, previews): returns the new column sorted by
 * order. Each patch's `before` must match the current cell, so a stale patch fails loudly with
 * AppError("align-edit.stale-patch", { key }).
 */
export function applyCellPatches(
  cells: readonly TargetCell[],
  patches: readonly CellPatch[],
): TargetCell[] {
  const byId = new Map(cells.map((c) => [c.id, c]));
  for (const p of patches) {
    if (!sameCell(byId.get(p.key), p.before)) {
      throw new AppError("align-edit.stale-patch", { key: p.key });
    }
    if (p.after) byId.set(p.key, p.after);
    else byId.delete(p.key);
  }
  return [...byId.values()].sort(compareCells);
}

/** Column order: by order key (plain string comparison, as the keys are built for). */
export function compareCells(a: TargetCell, b: TargetCell): number {
  return a.order < b.order ? -1 : a.order > b.order ? 1 : 0;
}
