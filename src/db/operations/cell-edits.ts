import type { SelarasDb } from "../database.ts";
import type { TargetLang } from "../../core/model/languages.ts";
import type { TranslationRecord } from "../../core/model/records.ts";
import type { AlignmentPlan } from "../../core/align/types.ts";
import type { CellPatch } from "../../core/align-edit/cell-patch.ts";
import { commentsFollowingCells } from "../../core/align-edit/comments-follow.ts";
import { withShortKeys } from "../../core/align-edit/rekey.ts";
import type { RecordPatch } from "../../core/edit/patch.ts";
import {
  deleteEmpty,
  insertEmptyBefore,
  lock,
  mergeWithNext,
  moveUp,
  splitAt,
} from "../../core/align-edit/cell-ops.ts";
import { cellsFromAlignment, replaceColumn } from "../../core/align-edit/from-alignment.ts";
import {
  realignPlanBetweenLocked,
  spliceRealigned,
  type RealignRequest,
} from "../../core/align-edit/realign.ts";
import type { CellEditContext, TargetCell } from "../../core/align-edit/types.ts";
import { nowIso } from "../ids.ts";
import { commitPatches, commitTables } from "./commit-patches.ts";
import {
  cellContext,
  columnWith,
  readColumn,
  readRowIds,
  resolveRowCell,
  toRecordPatches,
} from "./cells.ts";

/** The alignment editor's commands on one target cell (core/align-edit/cell-ops.ts). */
export type CellEdit =
  | { kind: "moveUp" }
  | { kind: "moveDown" }
  | { kind: "mergeWithNext" }
  | { kind: "split"; offset: number }
  | { kind: "insertEmpty" }
  | { kind: "deleteEmpty" }
  | { kind: "lock"; locked: boolean };

export interface CellEditInput {
  docId: string;
  lang: TargetLang;
  /** The row whose cell is edited (the cell that starts there). */
  segmentId: string;
  edit: CellEdit;
  user: string;
  at?: string;
}

/**
 * Runs one editor command on the cell shown in a row, as one undoable step (the before/after
 * patches of every cell it changes). An uncovered row is first given its empty cell (with the gaps
 * around it), in the same step. Refusals are the core's AppErrors (align-edit.*), with nothing changed.
 */
export async function editCell(db: SelarasDb, input: CellEditInput): Promise<number> {
  const at = input.at ?? nowIso();
  return db.transaction("rw", commitTables(db), async () => {
    const {
      rowIds,
      column,
      cell,
      patches: made,
    } = await resolveRowCell(db, input.docId, input.segmentId, input.lang, {
      user: input.user,
      at,
    });
    const filled = columnWith(column, made);
    const fillPatches: CellPatch[] = made;
    const ctx = cellContext(input.user, at);
    const e = input.edit;
    const ops = runCellEdit(filled, cell.id, e, ctx);
    const cellPatches = withShortKeys(column, [...fillPatches, ...ops]);
    const patches = [
      ...toRecordPatches(column, cellPatches, rowIds),
      ...(await commentsFollow(db, input.docId, input.lang, column, cellPatches, rowIds)),
    ];
    const applied = await commitPatches(db, patches, {
      docId: input.docId,
      label: `cell-${e.kind}`,
      user: input.user,
      at,
      action: "edit",
    });
    return applied.length;
  });
}

/** The core operation behind each editor command. */
function runCellEdit(
  column: readonly TargetCell[],
  cellId: string,
  edit: CellEdit,
  ctx: CellEditContext,
): CellPatch[] {
  switch (edit.kind) {
    case "moveUp":
      return moveUp(column, cellId, ctx);
    case "moveDown":
    case "insertEmpty":
      // Moving a cell down is inserting an empty cell before it.
      return insertEmptyBefore(column, cellId, ctx);
    case "mergeWithNext":
      return mergeWithNext(column, cellId, ctx);
    case "split":
      return splitAt(column, cellId, edit.offset, ctx);
    case "deleteEmpty":
      return deleteEmpty(column, cellId);
    case "lock":
      return lock(column, cellId, edit.locked, ctx);
  }
}

export interface ApplyAlignmentInput {
  docId: string;
  lang: TargetLang;
  plan: AlignmentPlan;
  targetSentences: readonly string[];
  user: string;
  at?: string;
}

/**
 * Replaces a whole target column with the aligner's result, as one undoable step: one cell per link
 * (origin "alignment", status Draft, the link's confidence). The other language is not touched.
 */
export async function applyAlignment(db: SelarasDb, input: ApplyAlignmentInput): Promise<number> {
  const at = input.at ?? nowIso();
  return db.transaction("rw", commitTables(db), async () => {
    const [rowIds, column] = await Promise.all([
      readRowIds(db, input.docId),
      readColumn(db, input.docId, input.lang),
    ]);
    const cells = cellsFromAlignment(input.plan, input.targetSentences, rowIds.length, {
      ...cellContext(input.user, at),
      docId: input.docId,
      lang: input.lang,
    });
    const patches = toRecordPatches(column, replaceColumn(column, cells), rowIds);
    const applied = await commitPatches(db, patches, {
      docId: input.docId,
      label: "align",
      user: input.user,
      at,
      action: "edit",
    });
    return applied.length;
  });
}

/** What re-aligning a column's unconfirmed cells needs: its rows, cells and the aligner's request. */
export interface RealignInput {
  rowIds: string[];
  column: TranslationRecord[];
  request: RealignRequest;
}

export async function prepareRealign(
  db: SelarasDb,
  docId: string,
  lang: TargetLang,
  splitSentences: (text: string) => readonly string[],
): Promise<RealignInput> {
  return db.transaction("r", db.segments, db.translations, async () => {
    const [rowIds, column] = await Promise.all([
      readRowIds(db, docId),
      readColumn(db, docId, lang),
    ]);
    return {
      rowIds,
      column,
      request: realignPlanBetweenLocked(column, rowIds.length, splitSentences),
    };
  });
}

/**
 * Stores a re-alignment between the confirmed cells as one undoable step. The column must be as
 * `prepared` read it: a change meanwhile (another tab) is refused as history.conflict.
 */
export async function applyRealign(
  db: SelarasDb,
  docId: string,
  lang: TargetLang,
  prepared: RealignInput,
  plan: AlignmentPlan,
  user: string,
): Promise<number> {
  const at = nowIso();
  return db.transaction("rw", commitTables(db), async () => {
    const cellPatches = spliceRealigned(prepared.column, prepared.request, plan, {
      ...cellContext(user, at),
      docId,
      lang,
    });
    const patches = toRecordPatches(prepared.column, cellPatches, prepared.rowIds);
    const applied = await commitPatches(db, patches, {
      docId,
      label: "realign",
      user,
      at,
      action: "edit",
    });
    return applied.length;
  });
}

/** The comment patches that keep a language's threads with their cells through a command. */
async function commentsFollow(
  db: SelarasDb,
  docId: string,
  lang: TargetLang,
  before: readonly TranslationRecord[],
  cellPatches: readonly CellPatch[],
  rowIds: readonly string[],
): Promise<RecordPatch[]> {
  const comments = (
    await db.comments.where("[docId+open]").between([docId, 0], [docId, 1], true, true).toArray()
  ).filter((c) => c.lang === lang);
  return commentsFollowingCells(comments, rowIds, before, cellPatches);
}
