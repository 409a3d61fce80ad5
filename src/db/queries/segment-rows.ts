import type { SelarasDb } from "../database.ts";
import type { SegmentRecord, TranslationRecord } from "../../core/model/records.ts";

/** A document's segments in order. */
export function segmentsOf(db: SelarasDb, docId: string): Promise<SegmentRecord[]> {
  return db.segments.where("[docId+order]").between([docId, ""], [docId, "\uffff"]).toArray();
}

/** A document's translations keyed by translation id (`segmentId:lang`). */
export async function translationsOf(
  db: SelarasDb,
  docId: string,
): Promise<Map<string, TranslationRecord>> {
  const rows = await db.translations.where("docId").equals(docId).toArray();
  return new Map(rows.map((t) => [t.id, t]));
}
