import type { SelarasDb } from "../database.ts";
import type { TargetLang } from "../../core/model/languages.ts";
import type { TranslationRecord } from "../../core/model/records.ts";
import type { RecordPatch } from "../../core/edit/patch.ts";
import { AppError } from "../../core/model/app-error.ts";
import { applyCellPatches, type CellPatch } from "../../core/align-edit/cell-patch.ts";
import { cellStarts } from "../../core/align-edit/column.ts";
import { cellAtRow, type RowCell, type RowCellPatch } from "../../core/align-edit/cell-ops.ts";
import type { CellEditContext, TargetCell } from "../../core/align-edit/types.ts";
import { newId } from "../ids.ts";

/** One target column of a document, in order (one range query on [docId+lang+order]). */
export function readColumn(
  db: SelarasDb,
  docId: string,
  lang: TargetLang,
): Promise<TranslationRecord[]> {
  return db.translations
    .where("[docId+lang+order]")
    .between([docId, lang, ""], [docId, lang, "\uffff"])
    .toArray();
}

/** The document's row ids (segment ids) in order. */
export async function readRowIds(db: SelarasDb, docId: string): Promise<string[]> {
  const keys = await db.segments
    .where("[docId+order]")
    .between([docId, ""], [docId, "\uffff"])
    .primaryKeys();
  return keys as string[];
}

/** An edit context for the core's cell operations: new cells get fresh random ids. */
export function cellContext(user: string, at: string): CellEditContext {
  return { user, at, newId: () => newId("t") };
}

/**
 * Cell patches as stored-record patches. A new cell (made by the core, which knows no segments) is
 * given the id of the row it starts at after the command as its `segmentId`.
 */
export function toRecordPatches(
  column: readonly TranslationRecord[],
  patches: readonly CellPatch[],
  rowIds: readonly string[],
): RecordPatch[] {
  const needsRow = patches.some((p) => p.after && !("segmentId" in p.after));
  let rowOf = new Map<string, string>();
  if (needsRow) {
    const after = applyCellPatches(column, patches);
    const starts = cellStarts(after);
    const last = rowIds.length - 1;
    rowOf = new Map(
      after.map((c, k) => [c.id, rowIds[Math.max(0, Math.min(starts[k]!, last))] ?? ""]),
    );
  }
  return patches.map((p) => ({
    table: "translations",
    key: p.key,
    before: p.before as TranslationRecord | null,
    after: p.after ? withSegmentId(p.after, rowOf.get(p.key) ?? "") : null,
  }));
}

function withSegmentId(cell: TargetCell, segmentId: string): TranslationRecord {
  return "segmentId" in cell ? (cell as TranslationRecord) : { ...cell, segmentId };
}

/**
 * The cell shown in a row of a stored column (or the patches that make it: the new cell and the gaps
 * around it), with the row ids and the column it was found in, for a command on that column.
 */
export async function resolveRowCell(
  db: SelarasDb,
  docId: string,
  segmentId: string,
  lang: TargetLang,
  ctx: { user: string; at: string },
): Promise<RowCell & { rowIds: string[]; column: TranslationRecord[] }> {
  const [rowIds, column] = await Promise.all([readRowIds(db, docId), readColumn(db, docId, lang)]);
  const index = rowIds.indexOf(segmentId);
  if (index < 0) throw new AppError("db.segmentMissing", { segmentId });
  return {
    rowIds,
    column,
    ...cellAtRow(column, rowIds, index, { docId, lang }, cellContext(ctx.user, ctx.at)),
  };
}

/**
 * The patches that make a row's cell (`RowCell.patches`) as stored-record patches, with the new
 * cell in the state `cell` (the command's result for it).
 */
export function rowCellPatches(
  patches: readonly RowCellPatch[],
  cell: TranslationRecord,
): RecordPatch[] {
  return patches.map((p) => ({
    table: "translations",
    key: p.key,
    before: p.before,
    after: p.after?.id === cell.id ? cell : p.after,
  }));
}

/** The column once the patches that make a row's cell are applied (in order). */
export function columnWith(
  column: readonly TranslationRecord[],
  patches: readonly RowCellPatch[],
): TranslationRecord[] {
  return patches.length === 0
    ? [...column]
    : (applyCellPatches(column, patches) as TranslationRecord[]);
}

/**
 * The cell a command on one row acts on: the stored cell `cellId` when the caller knows it, else
 * the row's cell resolved from its column (with the patches that make it when the row is
 * uncovered, to be stored in the same commit, and the column as read). Throws db.segmentMissing.
 */
export async function commandCell(
  db: SelarasDb,
  input: { segmentId: string; lang: TargetLang; cellId?: string | undefined; user: string },
  at: string,
): Promise<{
  docId: string;
  cell: TranslationRecord;
  patches: RowCellPatch[];
  column?: TranslationRecord[];
}> {
  const segment = await db.segments.get(input.segmentId);
  if (!segment) throw new AppError("db.segmentMissing", { segmentId: input.segmentId });
  const known = input.cellId ? await db.translations.get(input.cellId) : undefined;
  if (known) return { docId: segment.docId, cell: known, patches: [] };
  const found = await resolveRowCell(db, segment.docId, input.segmentId, input.lang, {
    user: input.user,
    at,
  });
  return { docId: segment.docId, cell: found.cell, patches: found.patches, column: found.column };
}
