import { layoutColumn } from "../align-edit/layout.ts";
import { cellsAtRows } from "../align-edit/cell-ops.ts";
import type { CellEditContext, ColumnRef } from "../align-edit/types.ts";
import type { TranslationRecord } from "../model/records.ts";
import type { Status } from "../model/status.ts";
import { CODE_END, CODE_START } from "../text/inline-marks.ts";

/**
 * Repetitions (issue 15): rows of one document whose source text is the same. When the translator
 * confirms one, the others that are still Empty or Draft in that language get the same text.
 */

/** The statuses a repetition may be filled over: nothing a person confirmed or reviewed. */
export const FILLABLE_STATUSES: ReadonlySet<Status> = new Set<Status>(["empty", "draft"]);

const CODE_SPLIT = new RegExp(`(${CODE_START}[^${CODE_START}${CODE_END}]*${CODE_END})`, "u");

/**
 * What makes two sources repetitions of each other: the same text after NFC, with runs of white
 * space (any Unicode space, no-break ones too) outside inline codes made one space and the ends
 * trimmed. Case and punctuation count (OmegaT's rule: the exact source text), and inline codes must
 * be the same codes with the same markup, white space inside them included.
 */
export function repetitionKey(source: string): string {
  const parts = source.normalize("NFC").split(CODE_SPLIT);
  // split with a capturing group: even indexes are text, odd ones the codes.
  return parts
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/\s+/gu, " ")))
    .join("")
    .trim();
}

/** True when some two rows are repetitions of each other (a cheap check before reading cells). */
export function anyRepetition(sources: readonly string[]): boolean {
  const seen = new Set<string>();
  for (const source of sources) {
    const key = repetitionKey(source);
    if (key === "") continue;
    if (seen.has(key)) return true;
    seen.add(key);
  }
  return false;
}

export interface RepetitionInput {
  /** The document's rows in order. */
  rowIds: readonly string[];
  /** Their source texts, by row index. */
  sources: readonly string[];
  /** The target column of one language, as it is once the confirm is stored. */
  column: readonly TranslationRecord[];
  /** The cell just confirmed. */
  cellId: string;
  ref: ColumnRef;
  ctx: CellEditContext;
}

export interface RepetitionPatch {
  key: string;
  /** null: a new cell (a repetition's row was uncovered) or a gap made to reach it. */
  before: TranslationRecord | null;
  /** null: a gap the new cells used up. */
  after: TranslationRecord | null;
}

export interface RepetitionPlan {
  patches: RepetitionPatch[];
  /** Row indexes that got the text, in order. */
  rows: number[];
}

const NOTHING: RepetitionPlan = { patches: [], rows: [] };

/** A cell that is one row's whole translation (one row, nothing under it) may give or take text. */
function isWholeRow(
  row: { cell: TranslationRecord | null; starts: boolean; under: readonly unknown[] },
  cell: TranslationRecord,
): boolean {
  return row.cell === cell && row.starts && cell.span === 1 && row.under.length === 0;
}

/** A repetition's cell may take the confirmed text: not confirmed, reviewed, locked or apart. */
export function mayReceive(cell: TranslationRecord): boolean {
  return (
    FILLABLE_STATUSES.has(cell.status) &&
    !cell.locked &&
    !cell.alternative &&
    (cell.competing?.length ?? 0) === 0
  );
}

/** The confirmed cell as a repetition of it: same text and status, confirmed, stamped. */
function filled(
  cell: TranslationRecord,
  from: TranslationRecord,
  ctx: CellEditContext,
): TranslationRecord {
  const { tmScore: _match, ...rest } = cell;
  return {
    ...rest,
    text: from.text,
    status: from.status,
    confidence: null,
    locked: true,
    changedBy: ctx.user,
    changedAt: ctx.at,
  };
}

/**
 * The cells of the other repetitions of a confirmed cell's row that get its text and status, as
 * patches of one command. Nothing when the confirmed cell is not one row's whole translation (it
 * spans rows, has no source row, or target text sits under its row), is empty, or is marked as an
 * alternative translation. A repetition is filled only when its row's whole translation is one cell
 * that may receive (`mayReceive`: Empty or Draft, not locked, not an alternative, no competing
 * versions), or when the row is uncovered (past the column's end or in a gap: its new cell is
 * created with the gaps around it, as typing there would; no empty cell for the rows between).
 */
export function planRepetitions(input: RepetitionInput): RepetitionPlan {
  const { rowIds, sources, column, cellId, ref, ctx } = input;
  const layout = layoutColumn(column, rowIds.length);
  const at = layout.rows.findIndex((r) => r.cell?.id === cellId && r.starts);
  const from = at < 0 ? undefined : layout.rows[at]!.cell!;
  if (!from || !isWholeRow(layout.rows[at]!, from)) return NOTHING;
  if (from.text.trim() === "" || from.alternative) return NOTHING;
  const key = repetitionKey(sources[at] ?? "");
  if (key === "") return NOTHING;

  const patches: RepetitionPatch[] = [];
  const rows: number[] = [];
  const uncovered: number[] = [];
  // The exact string first: most repetitions are byte-identical, and the key costs a regex.
  const raw = sources[at];
  for (let i = 0; i < rowIds.length; i++) {
    if (i === at) continue;
    const source = sources[i] ?? "";
    if (source !== raw && repetitionKey(source) !== key) continue;
    const row = layout.rows[i]!;
    if (row.cell === null) {
      if (row.under.length === 0) uncovered.push(i);
      continue;
    }
    const cell = row.cell;
    if (!isWholeRow(row, cell) || !mayReceive(cell)) continue;
    patches.push({ key: cell.id, before: cell, after: filled(cell, from, ctx) });
    rows.push(i);
  }
  if (uncovered.length > 0) {
    // Only the repetitions' rows get a cell (with the gaps around them), not every row between.
    const made = cellsAtRows(column, rowIds, uncovered, ref, ctx);
    const rowOf = new Map([...made.cells].map(([row, cell]) => [cell.id, row]));
    for (const p of made.patches) {
      const row = p.after ? rowOf.get(p.after.id) : undefined;
      patches.push(row === undefined ? p : { ...p, after: filled(p.after!, from, ctx) });
      if (row !== undefined) rows.push(row);
    }
    rows.sort((a, b) => a - b);
  }
  return { patches, rows };
}
