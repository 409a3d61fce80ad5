import type { Transaction } from "dexie";
import type { LegacyTranslation } from "./v5-target-cells.ts";
import type { RevisionRecord } from "../records.ts";

/**
 * v2 adds the revision log, the undo history and comments. Targets that existed before get one
 * "import" revision each, so every target's history starts with its state at the upgrade.
 */
export function revisionFromExisting(t: LegacyTranslation): RevisionRecord {
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
  const translations = (await tx.table("translations").toArray()) as LegacyTranslation[];
  await tx.table("revisions").bulkAdd(translations.map(revisionFromExisting));
}
