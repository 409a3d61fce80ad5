import type { SelarasDb } from "../database.ts";
import type { TargetLang } from "../../core/model/languages.ts";
import type { TranslationRecord } from "../../core/model/records.ts";
import { statusAfterConfirm, statusAfterEdit, type Status } from "../../core/model/status.ts";
import type { RecordPatch } from "../../core/edit/patch.ts";
import { AppError } from "../../core/model/app-error.ts";
import { nowIso } from "../ids.ts";
import { commitPatches, commitTables } from "./commit-patches.ts";
import { columnWith, resolveRowCell, rowCellPatches } from "./cells.ts";
import type { RowCellPatch } from "../../core/align-edit/cell-ops.ts";
import { announceRepetitions, repetitionPatchesFor } from "./repetitions.ts";

export interface SaveTranslationInput {
  /** The row typed into. */
  segmentId: string;
  lang: TargetLang;
  /**
   * The cell shown in that row, when the caller knows it (the grid does): saves skip reading the
   * column. Without it the row's cell is looked up, and created if the row is uncovered (one new
   * cell and the gaps around it, however far the row is below the column's end).
   */
  cellId?: string;
  /**
   * The cell is target text with no source shown under the row (a 0-1 link): it is saved to that
   * cell or not at all (AppError "align-edit.cell-missing" when it is gone), never to the row's own.
   */
  under?: boolean;
  text: string;
  user: string;
  /** Confirm the segment (Ctrl+Enter): status becomes Translated when the text is not empty. */
  confirm?: boolean;
  at?: string;
  /**
   * The stored texts the writer saw while typing this (another tab's autosave passes them). When
   * the cell now holds a text that is none of them, someone else (another tab) wrote it meanwhile:
   * this text is stored and that one kept as a competing version, to decide like any conflict,
   * never overwritten unseen (issue 14 item 3). Absent: no check.
   */
  seen?: readonly string[];
}

/** The cell's text written meanwhile by another tab, when the writer did not see it. */
function unseenVersion(previous: TranslationRecord, input: SaveTranslationInput) {
  if (!input.seen || previous.text === input.text || previous.text.trim() === "") return null;
  if (input.seen.includes(previous.text)) return null;
  if (previous.competing?.some((v) => v.text === previous.text)) return null;
  return {
    text: previous.text,
    status: previous.status,
    by: previous.changedBy,
    at: previous.changedAt,
    // Another person's text (pulled from the team's server) or this person's in another tab.
    source: previous.changedBy === input.user ? ("tab" as const) : ("sync" as const),
  };
}

function nextStatus(previous: TranslationRecord, input: SaveTranslationInput): Status {
  if (input.confirm) return statusAfterConfirm(input.text);
  if (previous.text === input.text) return previous.status;
  return statusAfterEdit(input.text);
}

/**
 * Stores one target text (and its status) in one transaction, with a revision and an undo step
 * (successive typing in the same cell merges into one step); returns the stored record. Editing by
 * hand clears the aligner's confidence; confirming also confirms (locks) the cell's link and, unless
 * the project turned it off, gives the row's Empty and Draft repetitions (same source) the same text
 * in the same command (`repetitions.ts`; announced with `onRepetitionsApplied` once stored).
 */
export async function saveTranslation(
  db: SelarasDb,
  given: SaveTranslationInput,
): Promise<TranslationRecord> {
  // Text is stored in NFC, however it was typed or pasted (search and memory matches rely on it).
  const input = { ...given, text: given.text.normalize("NFC") };
  const at = input.at ?? nowIso();
  let repeated = 0;
  const stored = await db.transaction("rw", [...commitTables(db), db.meta], async () => {
    const segment = await db.segments.get(input.segmentId);
    if (!segment) throw new AppError("db.segmentMissing", { segmentId: input.segmentId });
    let previous = input.cellId ? await db.translations.get(input.cellId) : undefined;
    let made: RowCellPatch[] = [];
    let column: TranslationRecord[] | undefined;
    if (!previous && input.under) {
      throw new AppError("align-edit.cell-missing", { cellId: input.cellId ?? "" });
    }
    if (!previous) {
      const found = await resolveRowCell(db, segment.docId, input.segmentId, input.lang, {
        user: input.user,
        at,
      });
      previous = found.cell;
      made = found.patches;
      column = columnWith(found.column, made);
    }
    const status = nextStatus(previous, input);
    const textChanged = previous.text !== input.text;
    const lockChanged = !!input.confirm && input.text.trim() !== "" && !previous.locked;
    const unseen = unseenVersion(previous, input);
    const record: TranslationRecord = {
      ...previous,
      ...(unseen ? { competing: [...(previous.competing ?? []), unseen] } : {}),
      text: input.text,
      status,
      confidence: textChanged ? null : previous.confidence,
      locked: lockChanged ? true : previous.locked,
      changedBy: input.user,
      changedAt: at,
    };
    // Confirming again what is already confirmed still fills repetitions left empty meanwhile.
    const repetitions =
      input.confirm && status === "translated"
        ? await repetitionPatchesFor(db, record, { user: input.user, at, column })
        : { patches: [], count: 0 };
    if (
      !textChanged &&
      previous.status === status &&
      !lockChanged &&
      made.length === 0 &&
      repetitions.count === 0
    ) {
      return previous;
    }
    const unchanged = !textChanged && previous.status === status && !lockChanged;
    const own: RecordPatch[] =
      made.length > 0
        ? rowCellPatches(made, record)
        : unchanged
          ? []
          : [{ table: "translations", key: record.id, before: previous, after: record }];
    repeated = repetitions.count;
    await commitPatches(db, [...own, ...repetitions.patches], {
      docId: segment.docId,
      label: input.confirm ? "confirm" : "edit",
      user: input.user,
      at,
      action: input.confirm ? "confirm" : "edit",
      mergeKey: input.confirm ? null : `edit:${record.id}`,
    });
    return unchanged ? previous : record;
  });
  if (repeated > 0) {
    announceRepetitions(db, {
      docId: stored.docId,
      lang: stored.lang,
      cellId: stored.id,
      count: repeated,
    });
  }
  return stored;
}
