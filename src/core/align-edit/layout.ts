import { inOrder } from "./column.ts";
import type { TargetCell } from "./types.ts";

/**
 * Where a cell sits relative to the source rows, given its start row:
 * - "rows": it covers rows [start, min(start + span, rowCount)) (span ≥ 1, start < rowCount);
 * - "under": a span-0 cell between rows start − 1 and start, shown under row start − 1
 *   (a span-0 cell right after the last row is still under the last row);
 * - "leading": a span-0 cell before the first row;
 * - "overflow": target text past the last row (no source row to pair it with).
 */
export type CellPlace = "rows" | "under" | "leading" | "overflow";

export function placeOf(start: number, span: number, rowCount: number): CellPlace {
  if (span > 0) return start < rowCount ? "rows" : "overflow";
  if (rowCount === 0 || start > rowCount) return "overflow";
  return start === 0 ? "leading" : "under";
}

const NONE: readonly never[] = Object.freeze([]);

export interface RowLayout<C extends TargetCell = TargetCell> {
  /**
   * The cell covering the row; null when the row is uncovered (implicitly empty): the column ends
   * before it, or it lies in a gap.
   */
  cell: C | null;
  /** True on the cell's first row (where its text is shown); false on the rows it continues over. */
  starts: boolean;
  /** Span-0 cells shown under the row (target text between this row and the next), in order. */
  under: readonly C[];
}

export interface ColumnLayout<C extends TargetCell = TargetCell> {
  rows: RowLayout<C>[];
  /** Span-0 cells before the first row. */
  leading: C[];
  /** Cells past the last row, in order. */
  overflow: C[];
}

/** Lays a column over the source rows in one pass (the column is sorted first if it is not). */
export function layoutColumn<C extends TargetCell>(
  cells: readonly C[],
  rowCount: number,
): ColumnLayout<C> {
  const rows: RowLayout<C>[] = [];
  const leading: C[] = [];
  const overflow: C[] = [];
  let start = 0;
  for (const cell of inOrder(cells) as readonly C[]) {
    const place = placeOf(start, cell.span, rowCount);
    if (place === "rows" && cell.gap) {
      // Uncovered rows in the middle of the column, like the rows past its end.
      const end = Math.min(start + cell.span, rowCount);
      for (let r = start; r < end; r++) rows.push({ cell: null, starts: false, under: NONE });
    } else if (place === "rows") {
      const end = Math.min(start + cell.span, rowCount);
      for (let r = start; r < end; r++) rows.push({ cell, starts: r === start, under: NONE });
    } else if (place === "under") {
      const row = rows[start - 1]!;
      row.under = row.under === NONE ? [cell] : [...row.under, cell];
    } else if (place === "leading") {
      leading.push(cell);
    } else if (!cell.gap) {
      overflow.push(cell);
    }
    start += cell.span;
  }
  while (rows.length < rowCount) rows.push({ cell: null, starts: false, under: NONE });
  return { rows, leading, overflow };
}

/** Aligner links below this confidence are highlighted and visited by "next suspicious row". */
export const SUSPICIOUS_BELOW = 0.5;

/** The cells whose text a row shows: the one starting there, then the span-0 cells under it. */
export function cellsShownAt<C extends TargetCell>(row: RowLayout<C>): readonly C[] {
  if (row.cell && row.starts) return row.under.length > 0 ? [row.cell, ...row.under] : [row.cell];
  return row.under;
}

/** A cell worth a look: an aligner link below the threshold that nobody confirmed or edited yet. */
export function isSuspicious(cell: TargetCell, threshold: number): boolean {
  return !cell.locked && cell.confidence !== null && cell.confidence < threshold;
}

/**
 * The first row after `from` (wrapping around to the top) where a suspicious cell starts or sits
 * under; -1 when there is none. For the "next suspicious row" key.
 */
export function nextSuspiciousRow(
  layout: ColumnLayout,
  from: number,
  threshold: number,
  /** Cells whose confidence no longer applies (RowView.shifted). */
  ignore: ReadonlySet<string> = new Set(),
): number {
  const n = layout.rows.length;
  for (let step = 1; step <= n; step++) {
    const r = (((from + step) % n) + n) % n;
    if (
      cellsShownAt(layout.rows[r]!).some((c) => !ignore.has(c.id) && isSuspicious(c, threshold))
    ) {
      return r;
    }
  }
  return -1;
}
