import { AppError } from "../model/app-error.ts";
import { keyBetween } from "../model/order-key.ts";
import { compareCells } from "./cell-patch.ts";
import type { TargetCell } from "./types.ts";

/** The column in order: the same array when it is already sorted (one pass), else a sorted copy. */
export function inOrder(cells: readonly TargetCell[]): readonly TargetCell[] {
  for (let k = 1; k < cells.length; k++) {
    if (compareCells(cells[k - 1]!, cells[k]!) > 0) return [...cells].sort(compareCells);
  }
  return cells;
}

/** The first source row of each cell (the sum of the spans before it), for a sorted column. */
export function cellStarts(cells: readonly TargetCell[]): number[] {
  const starts: number[] = [];
  let row = 0;
  for (const c of cells) {
    starts.push(row);
    row += c.span;
  }
  return starts;
}

/** A run of uncovered rows (`TargetCell.gap`), not a cell anyone sees. */
export function isGap(cell: TargetCell): boolean {
  return cell.gap === true;
}

/** A cell with no text (only white space): a 1-0 link when its span is 1. */
export function isEmptyCell(cell: TargetCell): boolean {
  return cell.text.trim() === "";
}

/** Texts joined with one space, each trimmed, empty ones skipped. */
export function joinTexts(texts: readonly string[]): string {
  return texts
    .map((t) => t.trim())
    .filter((t) => t !== "")
    .join(" ");
}

/** Index of a cell in a sorted column; AppError("align-edit.cell-missing") when absent. */
export function indexOfCell(cells: readonly TargetCell[], cellId: string): number {
  const i = cells.findIndex((c) => c.id === cellId);
  if (i < 0) throw new AppError("align-edit.cell-missing", { cellId });
  return i;
}

/**
 * n ascending keys strictly between a and b (null = open end), spread by bisection so that their
 * length grows with log(n), not n (repeated keyBetween(prev, b) would add a digit every few keys).
 */
export function keysBetween(a: string | null, b: string | null, n: number): string[] {
  if (n <= 0) return [];
  const mid = keyBetween(a, b);
  const left = Math.floor((n - 1) / 2);
  return [...keysBetween(a, mid, left), mid, ...keysBetween(mid, b, n - 1 - left)];
}
