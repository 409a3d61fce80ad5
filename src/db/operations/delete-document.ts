import type { SelarasDb } from "../database.ts";
import { AppError } from "../../core/model/app-error.ts";
import { removedDocKey } from "../sync/outbox.ts";

/** Every table that holds rows of a document, in the order they are cleared. */
export function documentTables(db: SelarasDb) {
  return [
    db.comments,
    db.history,
    db.revisions,
    db.translations,
    db.segments,
    db.tmxExtras,
    db.qaDismissals,
  ] as const;
}

/**
 * Deletes a document with its segments, translations, revisions, history and comments (one
 * transaction).
 *
 * A document shared into a team project is removed from this browser only: the team keeps it on
 * the server and nothing goes to the outbox (no member deletes the team's work from the document
 * list). A marker (meta `sync:removedDoc:<docId>`) keeps later pulls from bringing pieces of it
 * back. While the document still has changes waiting to be sent, it is not removed
 * (`sync.delete_pending` {count}): they would be lost; the data stays untouched.
 */
export async function deleteDocument(db: SelarasDb, docId: string): Promise<void> {
  await db.transaction(
    "rw",
    [...documentTables(db), db.documents, db.outbox, db.meta],
    async () => {
      const doc = await db.documents.get(docId);
      if (doc?.projectId) {
        const waiting = await db.outbox
          .where("projectId")
          .equals(doc.projectId)
          .filter((r) => r.mutation.docId === docId)
          .count();
        if (waiting > 0) throw new AppError("sync.delete_pending", { count: waiting });
        await db.meta.put({ key: removedDocKey(docId), value: doc.projectId });
      }
      await clearDocumentRows(db, docId);
      await db.documents.delete(docId);
    },
  );
}

/** Inside a caller's transaction over documentTables(db). */
export async function clearDocumentRows(db: SelarasDb, docId: string): Promise<void> {
  await db.comments.where("[docId+open]").between([docId, 0], [docId, 1], true, true).delete();
  await db.history.where("[docId+seq]").between([docId, -Infinity], [docId, Infinity]).delete();
  await db.revisions.where("docId").equals(docId).delete();
  await db.translations.where("docId").equals(docId).delete();
  await db.segments.where("docId").equals(docId).delete();
  await db.tmxExtras.where("docId").equals(docId).delete();
  await db.qaDismissals.where("docId").equals(docId).delete();
}
