import type { SelarasDb } from "../database.ts";
import type { TargetLang } from "../../core/model/languages.ts";
import { translationId, type TranslationRecord } from "../../core/model/records.ts";
import { statusAfterConfirm, statusAfterEdit, type Status } from "../../core/model/status.ts";
import { AppError } from "../../core/model/app-error.ts";
import { nowIso } from "../ids.ts";

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

/** Stores one target text (and its status) in one transaction; returns the stored record. */
export async function saveTranslation(
  db: SelarasDb,
  input: SaveTranslationInput,
): Promise<TranslationRecord> {
  const at = input.at ?? nowIso();
  return db.transaction("rw", db.segments, db.translations, db.documents, async () => {
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
    await db.translations.put(record);
    await db.documents.update(segment.docId, { updatedAt: at });
    return record;
  });
}
