import type { SelarasDb } from "../database.ts";

/** Every table that holds rows of a document, in the order they are cleared. */
export function documentTables(db: SelarasDb) {
  return [
    db.comments,
    db.history,
    db.revisions,
    db.translations,
    db.segments,
    db.tmxExtras,
  ] as const;
}

/** Deletes a document with its segments, translations, revisions, history and comments (one transaction). */
export async function deleteDocument(db: SelarasDb, docId: string): Promise<void> {
  await db.transaction("rw", [...documentTables(db), db.documents], async () => {
    await clearDocumentRows(db, docId);
    await db.documents.delete(docId);
  });
}

/** Inside a caller's transaction over documentTables(db). */
export async function clearDocumentRows(db: SelarasDb, docId: string): Promise<void> {
  await db.comments.where("[docId+open]").between([docId, 0], [docId, 1], true, true).delete();
  await db.history.where("[docId+seq]").between([docId, -Infinity], [docId, Infinity]).delete();
  await db.revisions.where("docId").equals(docId).delete();
  await db.translations.where("docId").equals(docId).delete();
  await db.segments.where("docId").equals(docId).delete();
  await db.tmxExtras.where("docId").equals(docId).delete();
}
