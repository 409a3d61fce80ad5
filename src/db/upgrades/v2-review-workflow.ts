import type { Transaction } from "dexie";
import type { TranslationRecord } from "../../core/model/records.ts";
import type { RevisionRecord } from "../records.ts";

/**
 * v2 adds the revision log, the undo history and comments. Targets that existed before get one
 * "import" revision each, so every target's history starts with its state at the upgrade.
 */
export function revisionFromExisting(t: TranslationRecord): RevisionRecord {
  return {
    translationId: t.id,
    segmentId: t.segmentId,
    docId: t.docId,
    lang: t.lang,
    text: t.text,
    status: t.status,
    user: t.changedBy,
    at: t.changedAt,
    action: "import",
  };
}

export async function seedRevisionsUpgrade(tx: Transaction): Promise<void> {
  const translations = (await tx.table("translations").toArray()) as TranslationRecord[];
  await tx.table("revisions").bulkAdd(translations.map(revisionFromExisting));
}
