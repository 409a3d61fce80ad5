import type { SelarasDb } from "../database.ts";
import type { TargetLang } from "../../core/model/languages.ts";
import type { TranslationRecord } from "../../core/model/records.ts";
import type { RecordPatch } from "../../core/edit/patch.ts";
import { statusAfterEdit } from "../../core/model/status.ts";
import { nowIso } from "../ids.ts";
import { commitPatches, commitTables } from "./commit-patches.ts";
import { commandCell, rowCellPatches } from "./cells.ts";

export interface InsertMatchInput {
  /** The row of the focused cell. */
  segmentId: string;
  lang: TargetLang;
  /** The cell shown in that row, when the grid knows it. */
  cellId?: string;
  /** The match's text in that language (numbers already replaced when the match offers it). */
  text: string;
  /** The match's final score (%), recorded on the cell. */
  score: number;
  user: string;
  at?: string;
}

/**
 * Puts a memory match's text into a cell: one undo step of its own (never merged with typing), a
 * revision, the cell a draft (it still needs the translator's confirmation), the aligner's
 * confidence cleared and the match's score recorded on the cell (`tmScore`).
 */
export async function insertMatch(
  db: SelarasDb,
  given: InsertMatchInput,
): Promise<TranslationRecord> {
  const input = { ...given, text: given.text.normalize("NFC") };
  const at = input.at ?? nowIso();
  return db.transaction("rw", commitTables(db), async () => {
    const { docId, cell: previous, patches: made } = await commandCell(db, input, at);
    const record: TranslationRecord = {
      ...previous,
      text: input.text,
      status: previous.text === input.text ? previous.status : statusAfterEdit(input.text),
      confidence: previous.text === input.text ? previous.confidence : null,
      tmScore: Math.round(input.score),
      changedBy: input.user,
      changedAt: at,
    };
    const patches: RecordPatch[] =
      made.length > 0
        ? rowCellPatches(made, record)
        : [{ table: "translations", key: record.id, before: previous, after: record }];
    await commitPatches(db, patches, {
      docId,
      label: "match",
      user: input.user,
      at,
      action: "edit",
      mergeKey: null,
    });
    return record;
  });
}
