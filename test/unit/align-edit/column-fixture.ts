import { initialKeys } from "../../../src/core/model/order-key.ts";
import type { Status } from "../../../src/core/model/status.ts";
import type { CellPatch } from "../../../src/core/align-edit/cell-patch.ts";
import { applyCellPatches } from "../../../src/core/align-edit/cell-patch.ts";
import { cellStarts } from "../../../src/core/align-edit/column.ts";
import type { CellEditContext, ColumnRef, TargetCell } from "../../../src/core/align-edit/types.ts";

/** Test vocabulary for target columns: a cell is written as [text, span] with optional extras. */
export interface CellSpec {
  text: string;
  span?: number;
  status?: Status;
  locked?: boolean;
}

export const REF: ColumnRef = { docId: "d", lang: "vi" };

export function makeCtx(): CellEditContext & ColumnRef {
  let n = 0;
  return { ...REF, user: "editor", at: "2026-01-02T00:00:00Z", newId: () => `new${++n}` };
}

export function makeColumn(
  specs: readonly CellSpec[],
  lang: ColumnRef["lang"] = "vi",
): TargetCell[] {
  const keys = initialKeys(specs.length);
  return specs.map((s, k) => ({
    id: `${lang}${k}`,
    docId: "d",
    lang,
    order: keys[k]!,
    span: s.span ?? 1,
    text: s.text,
    status: s.status ?? (s.text.trim() === "" ? "empty" : "translated"),
    origin: "typed",
    confidence: null,
    locked: s.locked ?? false,
    createdBy: "author",
    createdAt: "2026-01-01T00:00:00Z",
    changedBy: "author",
    changedAt: "2026-01-01T00:00:00Z",
  }));
}

/** [text, span] of each cell in order: the shape most assertions care about. */
export function shape(cells: readonly TargetCell[]): [string, number][] {
  return cells.map((c) => [c.text, c.span]);
}

/** Start row of each cell by id. */
export function startsById(cells: readonly TargetCell[]): Map<string, number> {
  const starts = cellStarts(cells);
  return new Map(cells.map((c, k) => [c.id, starts[k]!]));
}

export function run(cells: readonly TargetCell[], patches: readonly CellPatch[]): TargetCell[] {
  return applyCellPatches(cells, patches);
}
