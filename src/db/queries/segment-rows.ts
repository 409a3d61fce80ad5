import type { SelarasDb } from "../database.ts";
import type { SegmentRecord, TranslationRecord } from "../../core/model/records.ts";

/** A document's segments in order. */
export function segmentsOf(db: SelarasDb, docId: string): Promise<SegmentRecord[]> {
  return db.segments.where("[docId+order]").between([docId, ""], [docId, "\uffff"]).toArray();
}

/** A document's target cells (every language, unordered: `rowView` sorts each column). */
export function cellsOf(db: SelarasDb, docId: string): Promise<TranslationRecord[]> {
  return db.translations.where("docId").equals(docId).toArray();
}
