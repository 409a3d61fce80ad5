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
  /** The cell shown in the row, existing or to be created by `fill`. */
  cell: TranslationRecord;
  /** The empty cells (the last one is `cell`) that extend the column down to the row. */
  fill: TranslationRecord[];
}

/**
 * The cell that starts at a row of a column. A row past the end of the column gets the empty cells
 * that extend the column to it (with the ids `${rowId}:${lang}` when free), to be stored by the
 * caller; a row covered by a cell that starts above is AppError("align.row-covered").
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
    return { cell: row.cell, fill: [] };
  }
  const end = column.reduce((n, c) => n + c.span, 0);
  const first = Math.min(end, rowIndex);
  const used = new Set(column.map((c) => c.id));
  const keys = keysBetween(column.at(-1)?.order ?? null, null, rowIndex - first + 1);
  const fill = keys.map((order, k): TranslationRecord => {
    const rowId = rowIds[first + k]!;
    const preferred = translationId(rowId, ref.lang);
    const cell = emptyCell(ref, order, 1, {
      ...ctx,
      newId: () => (used.has(preferred) ? ctx.newId() : preferred),
    });
    return { ...cell, segmentId: rowId };
  });
  return { cell: fill.at(-1)!, fill };
}
