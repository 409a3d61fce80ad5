import type { SelarasDb } from "../database.ts";
import type { SegmentRecord, TranslationRecord } from "../../core/model/records.ts";
import { rowView } from "../../core/align-edit/row-view.ts";

/** A document's segments in order. */
export function segmentsOf(db: SelarasDb, docId: string): Promise<SegmentRecord[]> {
  return db.segments.where("[docId+order]").between([docId, ""], [docId, "\uffff"]).toArray();
}

/** A document's target cells (every language, unordered: `rowView` sorts each column). */
export function cellsOf(db: SelarasDb, docId: string): Promise<TranslationRecord[]> {
  return db.translations.where("docId").equals(docId).toArray();
}

/** A document's rows and cells, and the cells laid over the rows (core/align-edit rowView). */
export async function readDocumentRows(db: SelarasDb, docId: string) {
  const [segments, cells] = await Promise.all([segmentsOf(db, docId), cellsOf(db, docId)]);
  return {
    segments,
    cells,
    view: rowView(
      segments.map((s) => s.id),
      cells,
    ),
  };
}
