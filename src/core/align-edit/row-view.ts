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

/** Where each cell of a view lies: its column index and, for a cell on rows, its first row. */
interface ViewIndex {
  column: Map<string, number>;
  start: Map<string, number>;
}

const indexes = new WeakMap<RowView<TargetCell>, ViewIndex>();

function indexOf<C extends TargetCell>(view: RowView<C>): ViewIndex {
  const known = indexes.get(view as RowView<TargetCell>);
  if (known) return known;
  const index: ViewIndex = { column: new Map(), start: new Map() };
  for (const column of Object.values(view.columns)) {
    column.forEach((c, i) => index.column.set(c.id, i));
  }
  for (const layout of Object.values(view.layouts)) {
    layout.rows.forEach((row, r) => {
      if (row.cell && row.starts) index.start.set(row.cell.id, r);
    });
  }
  indexes.set(view as RowView<TargetCell>, index);
  return index;
}

/**
 * What a view made by `withCellsReplaced` changed in `starts` or `covering`: the previous map and
 * the keys set again.
 */
export interface RowMapDelta<C extends TargetCell = TargetCell> {
  previous: ReadonlyMap<string, C>;
  keys: readonly string[];
}

const deltas = new WeakMap<ReadonlyMap<string, TargetCell>, RowMapDelta>();

/**
 * The change of a view's `starts` or `covering` from the view it was patched from, when it was
 * (else undefined): lets a reader of the map (the progress bars) follow a save in O(changed rows).
 */
export function rowMapDelta<C extends TargetCell>(
  map: ReadonlyMap<string, C>,
): RowMapDelta<C> | undefined {
  return deltas.get(map as ReadonlyMap<string, TargetCell>) as RowMapDelta<C> | undefined;
}

/**
 * The view with some cells replaced by new versions of themselves that sit where they sat (same
 * id, language, order and span: a text, status or lock edit, what a save is), without laying the
 * columns out again: linear in the rows those cells cover plus copying the two row maps, not in the
 * cells. Rows and layout rows of other cells keep their identity. Null when a replaced cell is not
 * one the view lays on rows as it is (then build a new view with `rowView`).
 */
export function withCellsReplaced<C extends TargetCell>(
  view: RowView<C>,
  rowIds: readonly string[],
  replaced: readonly C[],
): RowView<C> | null {
  const index = indexOf(view);
  const starts = new Map(view.starts);
  const covering = new Map(view.covering);
  const layouts = { ...view.layouts };
  const columns = { ...view.columns };
  const copied = new Set<TargetLang>();
  let shifted: Set<string> | null = null;
  const keys: string[] = [];
  const coveredKeys: string[] = [];
  for (const cell of replaced) {
    const at = index.column.get(cell.id);
    const start = index.start.get(cell.id);
    const column = view.columns[cell.lang];
    const old = at === undefined ? undefined : column?.[at];
    const layout = view.layouts[cell.lang];
    if (!old || start === undefined || !layout || old.id !== cell.id) return null;
    if (old.order !== cell.order || old.span !== cell.span || !!old.gap !== !!cell.gap) return null;
    if (!copied.has(cell.lang)) {
      copied.add(cell.lang);
      columns[cell.lang] = column!.slice();
      layouts[cell.lang] = { ...layout, rows: layout.rows.slice() };
    }
    (columns[cell.lang] as C[])[at!] = cell;
    const rows = layouts[cell.lang]!.rows;
    const end = Math.min(start + cell.span, rows.length);
    for (let r = start; r < end; r++) {
      rows[r] = { ...rows[r]!, cell };
      const key = translationId(rowIds[r]!, cell.lang);
      covering.set(key, cell);
      coveredKeys.push(key);
      if (r === start) {
        starts.set(key, cell);
        keys.push(key);
      }
    }
    const madeAt = (cell as { segmentId?: string }).segmentId;
    const isShifted = cell.confidence !== null && madeAt !== undefined && madeAt !== rowIds[start];
    if (isShifted !== view.shifted.has(cell.id)) {
      shifted ??= new Set(view.shifted);
      if (isShifted) shifted.add(cell.id);
      else shifted.delete(cell.id);
    }
  }
  const next: RowView<C> = {
    starts,
    covering,
    layouts,
    columns,
    shifted: shifted ?? view.shifted,
  };
  // Same places: the index carries over.
  indexes.set(next as RowView<TargetCell>, index);
  deltas.set(starts as ReadonlyMap<string, TargetCell>, {
    previous: view.starts as ReadonlyMap<string, TargetCell>,
    keys,
  });
  deltas.set(covering as ReadonlyMap<string, TargetCell>, {
    previous: view.covering as ReadonlyMap<string, TargetCell>,
    keys: coveredKeys,
  });
  return next;
}
