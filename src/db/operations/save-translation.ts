import type { SelarasDb } from "../database.ts";
import type { TargetLang } from "../../core/model/languages.ts";
import { translationId, type TranslationRecord } from "../../core/model/records.ts";
import { statusAfterConfirm, statusAfterEdit, type Status } from "../../core/model/status.ts";
import { AppError } from "../../core/model/app-error.ts";
import { nowIso } from "../ids.ts";
import { commitPatches, commitTables } from "./commit-patches.ts";

export interface SaveTranslationInput {
  segmentId: string;
  lang: TargetLang;
  text: string;
  user: string;
  /** Confirm the segment (Ctrl+Enter): status becomes Translated when the text is not empty. */
  confirm?: boolean;
  at?: string;
}

function nextStatus(previous: TranslationRecord | undefined, input: SaveTranslationInput): Status {
  if (input.confirm) return statusAfterConfirm(input.text);
  if (previous && previous.text === input.text) return previous.status;
  return statusAfterEdit(input.text);
}

/**
 * Stores one target text (and its status) in one transaction, with a revision and an undo step
 * (successive typing in the same cell merges into one step); returns the stored record.
 */
export async function saveTranslation(
  db: SelarasDb,
  input: SaveTranslationInput,
): Promise<TranslationRecord> {
  const at = input.at ?? nowIso();
  return db.transaction("rw", commitTables(db), async () => {
    const segment = await db.segments.get(input.segmentId);
    if (!segment) throw new AppError("db.segmentMissing", { segmentId: input.segmentId });
    const id = translationId(input.segmentId, input.lang);
    const previous = await db.translations.get(id);
    const status = nextStatus(previous, input);
    if (previous && previous.text === input.text && previous.status === status) return previous;
    const record: TranslationRecord = {
      id,
      segmentId: input.segmentId,
      docId: segment.docId,
      lang: input.lang,
      text: input.text,
      status,
      createdBy: previous?.createdBy ?? input.user,
      createdAt: previous?.createdAt ?? at,
      changedBy: input.user,
      changedAt: at,
    };
    await commitPatches(
      db,
      [{ table: "translations", key: id, before: previous ?? null, after: record }],
      {
        docId: segment.docId,
        label: input.confirm ? "confirm" : "edit",
        user: input.user,
        at,
        action: input.confirm ? "confirm" : "edit",
        mergeKey: input.confirm ? null : `edit:${id}`,
      },
    );
    return record;
  });
}
