import type { CommentRecord } from "../model/records.ts";
import type { RecordPatch } from "../edit/patch.ts";
import { applyCellPatches, type CellPatch } from "./cell-patch.ts";
import { layoutColumn } from "./layout.ts";
import type { TargetCell } from "./types.ts";

/**
 * Comment threads (stored on a row and language) follow their cells when a command shifts cells to
 * other rows. A cell that is gone (merged into another) hands its thread to the cell now covering
 * its old first row. Rows without a cell keep their threads. `comments` are the column's language's.
 */
export function commentsFollowingCells(
  comments: readonly CommentRecord[],
  rowIds: readonly string[],
  before: readonly TargetCell[],
  cellPatches: readonly CellPatch[],
): RecordPatch[] {
  if (comments.length === 0) return [];
  const rowCount = rowIds.length;
  const oldLayout = layoutColumn(before, rowCount);
  const newLayout = layoutColumn(applyCellPatches(before, cellPatches), rowCount);
  const newStart = new Map<string, number>();
  newLayout.rows.forEach((r, i) => {
    if (r.cell && r.starts) newStart.set(r.cell.id, i);
  });
  const rowIndex = new Map(rowIds.map((id, i) => [id, i]));
  const patches: RecordPatch[] = [];
  for (const c of comments) {
    const row = rowIndex.get(c.segmentId);
    if (row === undefined) continue;
    const old = oldLayout.rows[row];
    if (!old?.cell || !old.starts) continue;
    let to = newStart.get(old.cell.id);
    if (to === undefined) {
      const covering = newLayout.rows[row]?.cell;
      to = covering ? newStart.get(covering.id) : undefined;
    }
    if (to === undefined || to === row) continue;
    patches.push({
      table: "comments",
      key: c.id,
      before: c,
      after: { ...c, segmentId: rowIds[to]! },
    });
  }
  return patches;
}
