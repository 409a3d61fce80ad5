import type { SelarasDb } from "../database.ts";

/** Deletes a document with its segments and translations, in one transaction. */
export async function deleteDocument(db: SelarasDb, docId: string): Promise<void> {
  await db.transaction("rw", db.documents, db.segments, db.translations, async () => {
    await db.translations.where("docId").equals(docId).delete();
    await db.segments.where("docId").equals(docId).delete();
    await db.documents.delete(docId);
  });
}
