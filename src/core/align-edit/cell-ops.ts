import { AppError } from "../model/app-error.ts";
import { translationId, type TranslationRecord } from "../model/records.ts";
import { layoutColumn } from "./layout.ts";
import { keyBetween } from "../model/order-key.ts";
import { statusAfterEdit } from "../model/status.ts";
import type { CellPatch } from "./cell-patch.ts";
import { indexOfCell, inOrder, isEmptyCell, joinTexts, keysBetween } from "./column.ts";
import type { CellEditContext, ColumnRef, TargetCell } from "./types.ts";

/**
 * The alignment editor's operations on one target column. Each takes the column (any order; sorted
 * here), the cell and an edit context, and returns the patches of one undoable command; nothing is
 * mutated. A cell whose text or span changes is stamped (changedBy/changedAt), loses its aligner
 * confidence and its lock (its link changed), and goes back to Draft (Empty when it has no text).
 * Cells that only shift to other rows are not patched at all: their rows are implied by the spans.
 */

/** A new empty cell of the column, with the given order key and span. */
export function emptyCell(
  ref: ColumnRef,
  order: string,
  span: number,
  ctx: CellEditContext,
): TargetCell {
  return {
    id: ctx.newId(),
    docId: ref.docId,
    lang: ref.lang,
    order,
    span,
    text: "",
    status: "empty",
    origin: "typed",
    confidence: null,
    locked: false,
    createdBy: ctx.user,
    createdAt: ctx.at,
    changedBy: ctx.user,
    changedAt: ctx.at,
  };
}

/**
 * The cell with a new text typed, pasted, restored or replaced by hand: back to Draft (Empty without
 * text), the aligner's confidence gone; its link (rows, lock) stays as it is.
 */
export function typedText<C extends TargetCell>(
  cell: C,
  text: string,
  user: string,
  at: string,
): C {
  return {
    ...cell,
    text,
    status: statusAfterEdit(text),
    confidence: null,
    changedBy: user,
    changedAt: at,
  };
}

/** The cell with a new text and/or span, marked as edited by hand. */
export function edited(
  cell: TargetCell,
  change: { text?: string; span?: number },
  ctx: CellEditContext,
): TargetCell {
  const text = change.text ?? cell.text;
  return {
    ...cell,
    text,
    span: change.span ?? cell.span,
    status: statusAfterEdit(text),
    confidence: null,
    locked: false,
    changedBy: ctx.user,
    changedAt: ctx.at,
  };
}

function insert(cell: TargetCell): CellPatch {
  return { key: cell.id, before: null, after: cell };
}

function remove(cell: TargetCell): CellPatch {
  return { key: cell.id, before: cell, after: null };
}

function update(before: TargetCell, after: TargetCell): CellPatch {
  return { key: before.id, before, after };
}

/** Inserts an empty span-1 cell before the cell: the cell and the rest of the column shift down a row. */
export function insertEmptyBefore(
  column: readonly TargetCell[],
  cellId: string,
  ctx: CellEditContext,
): CellPatch[] {
  const cells = inOrder(column);
  const i = indexOfCell(cells, cellId);
  const cell = cells[i]!;
  const order = keyBetween(cells[i - 1]?.order ?? null, cell.order);
  return [insert(emptyCell(cell, order, 1, ctx))];
}

/** Moving a cell down one row is inserting an empty cell before it. */
export const moveDown = insertEmptyBefore;

/**
 * Moves a cell (and the rest of the column) up by taking rows from the cell before it: an empty
 * previous cell is deleted (the cell moves up by its span), else a previous cell spanning several
 * rows gives up one. Refused with AppError("align-edit.cannot-move-up") when the previous cell is a
 * one-row (or span-0) cell with text, or there is none.
 */
export function moveUp(
  column: readonly TargetCell[],
  cellId: string,
  ctx: CellEditContext,
): CellPatch[] {
  const cells = inOrder(column);
  const i = indexOfCell(cells, cellId);
  const prev = cells[i - 1];
  // A gap before the cell gives up one of its rows.
  if (prev?.gap && prev.span > 1)
    return [update(prev, { ...prev, span: prev.span - 1, ...changed(ctx) })];
  if (prev && isEmptyCell(prev)) return [remove(prev)];
  if (prev && prev.span > 1) return [update(prev, edited(prev, { span: prev.span - 1 }, ctx))];
  throw new AppError("align-edit.cannot-move-up", { cellId });
}

/**
 * Merges a cell with the next one: texts joined with one space, spans added, the next cell deleted;
 * the rows after are unchanged. AppError("align-edit.nothing-to-merge") on the last cell.
 */
export function mergeWithNext(
  column: readonly TargetCell[],
  cellId: string,
  ctx: CellEditContext,
): CellPatch[] {
  const cells = inOrder(column);
  const i = indexOfCell(cells, cellId);
  const cell = cells[i]!;
  const next = cells[i + 1];
  if (!next) throw new AppError("align-edit.nothing-to-merge", { cellId });
  if (next.gap) {
    // The next row is uncovered: the cell takes it from the gap (its text unchanged).
    const grown = edited(cell, { span: cell.span + 1 }, ctx);
    return [
      update(cell, grown),
      next.span > 1
        ? update(next, { ...next, span: next.span - 1, ...changed(ctx) })
        : remove(next),
    ];
  }
  const text = joinTexts([cell.text, next.text]);
  const merged = edited(cell, { text, span: cell.span + next.span }, ctx);
  // An empty cell takes the origin of the text merged into it.
  const origin = isEmptyCell(cell) && !isEmptyCell(next) ? next.origin : cell.origin;
  return [update(cell, { ...merged, origin }), remove(next)];
}

/**
 * Splits a cell's text at a character offset (both parts trimmed). The first part stays in the cell;
 * the second becomes a new cell right after it. A cell spanning several rows hands its last row to
 * the new cell; a one-row cell's new part takes a new row (the rest of the column shifts down); a
 * span-0 cell's new part is span 0 too (nothing shifts). AppError("align-edit.split-at-edge") when a
 * side would be empty.
 */
export function splitAt(
  column: readonly TargetCell[],
  cellId: string,
  offset: number,
  ctx: CellEditContext,
): CellPatch[] {
  const cells = inOrder(column);
  const i = indexOfCell(cells, cellId);
  const cell = cells[i]!;
  const left = cell.text.slice(0, offset).trim();
  const right = cell.text.slice(offset).trim();
  if (offset <= 0 || offset >= cell.text.length || left === "" || right === "") {
    throw new AppError("align-edit.split-at-edge", { cellId, offset });
  }
  const keepSpan = cell.span > 1 ? cell.span - 1 : cell.span;
  const newSpan = cell.span === 0 ? 0 : 1;
  const order = keyBetween(cell.order, cells[i + 1]?.order ?? null);
  const second: TargetCell = {
    ...emptyCell(cell, order, newSpan, ctx),
    text: right,
    status: statusAfterEdit(right),
    origin: cell.origin,
  };
  return [update(cell, edited(cell, { text: left, span: keepSpan }, ctx)), insert(second)];
}

/** Appends an empty span-1 cell at the end of the column (it covers the next uncovered row). */
export function insertEmptyAtEnd(
  column: readonly TargetCell[],
  ref: ColumnRef,
  ctx: CellEditContext,
): CellPatch[] {
  const cells = inOrder(column);
  const order = keyBetween(cells.at(-1)?.order ?? null, null);
  return [insert(emptyCell(ref, order, 1, ctx))];
}

/**
 * Deletes an empty cell: the rest of the column shifts up by its span.
 * AppError("align-edit.not-empty") when the cell has text.
 */
export function deleteEmpty(column: readonly TargetCell[], cellId: string): CellPatch[] {
  const cells = inOrder(column);
  const cell = cells[indexOfCell(cells, cellId)]!;
  if (!isEmptyCell(cell)) throw new AppError("align-edit.not-empty", { cellId });
  return [remove(cell)];
}

/**
 * Sets how many source rows a cell covers (extending it over the next rows or giving them back; the
 * rest of the column shifts). AppError("align-edit.invalid-span") unless a whole number ≥ 0.
 */
export function setSpan(
  column: readonly TargetCell[],
  cellId: string,
  span: number,
  ctx: CellEditContext,
): CellPatch[] {
  const cells = inOrder(column);
  const cell = cells[indexOfCell(cells, cellId)]!;
  if (!Number.isInteger(span) || span < 0) {
    throw new AppError("align-edit.invalid-span", { cellId, span });
  }
  if (span === cell.span) return [];
  return [update(cell, edited(cell, { span }, ctx))];
}

/** Confirms (locks) or releases a link; text, status and span are untouched. */
export function lock(
  column: readonly TargetCell[],
  cellId: string,
  locked: boolean,
  ctx: CellEditContext,
): CellPatch[] {
  const cells = inOrder(column);
  const cell = cells[indexOfCell(cells, cellId)]!;
  if (cell.locked === locked) return [];
  return [update(cell, { ...cell, locked, changedBy: ctx.user, changedAt: ctx.at })];
}

export interface RowCell {
  /** The cell shown in the row, existing or created by `patches`. */
  cell: TranslationRecord;
  /**
   * What makes the row's cell when the row is uncovered (else none): the new cell, and the gaps
   * around it (a gap it splits, the uncovered rows between the column's end and the row).
   */
  patches: RowCellPatch[];
}

/** A patch of a stored cell (the shell's records carry the row they were made for). */
export interface RowCellPatch {
  key: string;
  before: TranslationRecord | null;
  after: TranslationRecord | null;
}

/**
 * The cell that starts at a row of a column. An uncovered row (past the end of the column, or in a
 * gap) gets a new empty cell (id `${rowId}:${lang}` when free), to be stored by the caller with the
 * other patches: at most one gap shrunk or deleted and up to two new ones, however far the row is
 * (`cellsAtRows`). A row covered by a cell that starts above is AppError("align.row-covered").
 */
export function cellAtRow(
  column: readonly TranslationRecord[],
  rowIds: readonly string[],
  rowIndex: number,
  ref: ColumnRef,
  ctx: CellEditContext,
): RowCell {
  const layout = layoutColumn(column, rowIds.length);
  const row = layout.rows[rowIndex];
  if (!row) throw new AppError("db.segmentMissing", { segmentId: rowIds[rowIndex] ?? "" });
  if (row.cell) {
    if (!row.starts) throw new AppError("align.row-covered", { row: rowIndex + 1 });
    return { cell: row.cell, patches: [] };
  }
  const made = cellsAtRows(column, rowIds, [rowIndex], ref, ctx);
  return { cell: made.cells.get(rowIndex)!, patches: made.patches };
}

export interface RowCells {
  /** The new empty cell of each uncovered row asked for, by row index. */
  cells: Map<number, TranslationRecord>;
  /** The new cells and the gaps around them, in column order (one command's patches). */
  patches: RowCellPatch[];
}

/**
 * New empty cells for uncovered rows of a column (rows covered by a cell are skipped): each row in
 * a gap splits it (the gap keeps the rows above, a new gap takes those below), and rows past the
 * column's end are reached through one new gap per run of uncovered rows before them. Linear in the
 * column plus the rows asked for; no empty cell is made for a row not asked for.
 */
export function cellsAtRows(
  column: readonly TranslationRecord[],
  rowIds: readonly string[],
  rows: readonly number[],
  ref: ColumnRef,
  ctx: CellEditContext,
): RowCells {
  const cells = inOrder(column) as readonly TranslationRecord[];
  const used = new Set(cells.map((c) => c.id));
  const wanted = [...new Set(rows)]
    .filter((r) => r >= 0 && r < rowIds.length)
    .sort((a, b) => a - b);
  const out: RowCells = { cells: new Map(), patches: [] };
  // Where each wanted row lies: in the gap cells[k] (k ≥ 0) or past the end (k = cells.length).
  const byPlace = new Map<number, number[]>();
  let start = 0;
  let w = 0;
  const starts: number[] = [];
  cells.forEach((c, k) => {
    starts.push(start);
    const end = start + c.span;
    while (w < wanted.length && wanted[w]! < end) {
      if (c.gap && wanted[w]! >= start) {
        const list = byPlace.get(k) ?? [];
        list.push(wanted[w]!);
        byPlace.set(k, list);
      }
      w++;
    }
    start = end;
  });
  const columnEnd = start;
  for (; w < wanted.length; w++) {
    if (wanted[w]! < columnEnd) continue;
    const list = byPlace.get(cells.length) ?? [];
    list.push(wanted[w]!);
    byPlace.set(cells.length, list);
  }
  const newId = (row: number): string => {
    const preferred = translationId(rowIds[row]!, ref.lang);
    const id = used.has(preferred) ? ctx.newId() : preferred;
    used.add(id);
    return id;
  };
  const stamp = { createdBy: ctx.user, createdAt: ctx.at, changedBy: ctx.user, changedAt: ctx.at };
  for (const k of [...byPlace.keys()].sort((a, b) => a - b)) {
    const targets = byPlace.get(k)!;
    const gap = cells[k];
    const first = gap ? starts[k]! : columnEnd;
    const last = gap ? first + gap.span : targets.at(-1)! + 1;
    // The pieces of [first, last): uncovered runs and the new cells, in row order.
    const pieces: { row: number; span: number; cell: boolean }[] = [];
    let row = first;
    for (const t of targets) {
      if (t > row) pieces.push({ row, span: t - row, cell: false });
      pieces.push({ row: t, span: 1, cell: true });
      row = t + 1;
    }
    if (row < last) pieces.push({ row, span: last - row, cell: false });
    // The old gap keeps its place (and id) as the first piece when that is a gap; else it goes.
    const keep = gap !== undefined && !pieces[0]!.cell;
    if (gap && keep) {
      const span = pieces[0]!.span;
      out.patches.push({ key: gap.id, before: gap, after: { ...gap, span, ...changed(ctx) } });
    } else if (gap) {
      out.patches.push({ key: gap.id, before: gap, after: null });
    }
    const fresh = keep ? pieces.slice(1) : pieces;
    // A gap records the row it was made to reach (the new cell after it; a gap's last piece, the
    // new cell before it), so that a step's rows are the rows typed into.
    const madeFor: number[] = new Array<number>(fresh.length);
    let reach = -1;
    for (let i = fresh.length - 1; i >= 0; i--) {
      if (fresh[i]!.cell) reach = fresh[i]!.row;
      madeFor[i] = reach;
    }
    for (let i = 0; i < fresh.length; i++) {
      if (fresh[i]!.cell) reach = fresh[i]!.row;
      if (madeFor[i]! < 0) madeFor[i] = reach;
    }
    const lo = keep ? gap.order : (cells[k - 1]?.order ?? null);
    const hi = cells[k + 1]?.order ?? null;
    const keys = keysBetween(
      gap ? lo : (cells.at(-1)?.order ?? null),
      gap ? hi : null,
      fresh.length,
    );
    fresh.forEach((piece, i) => {
      const made: TranslationRecord = {
        ...emptyCell(ref, keys[i]!, piece.span, {
          ...ctx,
          // A row keeps its own id free for the cell typed there later.
          newId: piece.cell ? () => newId(piece.row) : ctx.newId,
        }),
        ...stamp,
        segmentId: rowIds[madeFor[i]!]!,
        ...(piece.cell ? {} : { gap: true as const }),
      };
      if (piece.cell) out.cells.set(piece.row, made);
      out.patches.push({ key: made.id, before: null, after: made });
    });
  }
  return out;
}

function changed(ctx: CellEditContext): Pick<TargetCell, "changedBy" | "changedAt"> {
  return { changedBy: ctx.user, changedAt: ctx.at };
}
