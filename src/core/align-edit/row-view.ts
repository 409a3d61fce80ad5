import type { TargetLang } from "../model/languages.ts";
import { translationId } from "../model/records.ts";
import { inOrder } from "./column.ts";
import { layoutColumn, type ColumnLayout } from "./layout.ts";
import type { TargetCell } from "./types.ts";

/**
 * The target columns seen from the source rows: what the grid, the filters and the progress counts
 * read. Keys are `${rowSegmentId}:${lang}` (the row's, not the cell's id).
 */
export interface RowView<C extends TargetCell = TargetCell> {
  /** The cell whose text is shown in a row: the one that starts there. */
  starts: Map<string, C>;
  /** The cell covering a row, whether it starts there or continues from the row above. */
  covering: Map<string, C>;
  /** Per language: the column laid over the rows, and the column itself in order. */
  layouts: Partial<Record<TargetLang, ColumnLayout<C>>>;
  columns: Partial<Record<TargetLang, readonly C[]>>;
  /**
   * Aligner cells that no longer start at the row they were aligned to (an edit above shifted them):
   * their confidence was about another pairing, so it is not shown and they are not "suspicious".
   */
  shifted: ReadonlySet<string>;
}

/** The aligner's confidence in a cell where it sits now (null once shifted or changed by a person). */
export function confidenceOf(view: RowView, cell: TargetCell): number | null {
  return view.shifted.has(cell.id) ? null : cell.confidence;
}

/** Groups cells by language, each column in order. */
export function columnsByLang<C extends TargetCell>(
  cells: readonly C[],
): Partial<Record<TargetLang, C[]>> {
  const out: Partial<Record<TargetLang, C[]>> = {};
  for (const c of cells) (out[c.lang] ??= []).push(c);
  for (const lang of Object.keys(out) as TargetLang[]) {
    out[lang] = inOrder(out[lang]!) as C[];
  }
  return out;
}

/** Lays every language's column over the rows (ids in row order) in one pass per column. */
export function rowView<C extends TargetCell>(
  rowIds: readonly string[],
  cells: readonly C[],
): RowView<C> {
  const columns = columnsByLang(cells);
  const starts = new Map<string, C>();
  const covering = new Map<string, C>();
  const layouts: RowView<C>["layouts"] = {};
  const shifted = new Set<string>();
  for (const [lang, column] of Object.entries(columns) as [TargetLang, C[]][]) {
    const layout = layoutColumn(column, rowIds.length);
    layouts[lang] = layout;
    layout.rows.forEach((row, r) => {
      if (!row.cell) return;
      const key = translationId(rowIds[r]!, lang);
      covering.set(key, row.cell);
      if (!row.starts) return;
      starts.set(key, row.cell);
      const madeAt = (row.cell as { segmentId?: string }).segmentId;
      if (row.cell.confidence !== null && madeAt !== undefined && madeAt !== rowIds[r]) {
        shifted.add(row.cell.id);
      }
    });
  }
  return { starts, covering, layouts, columns, shifted };
}
