import type { SelarasDb } from "../database.ts";
import type { SyncPatch, SyncTable } from "../../core/sync/protocol.ts";
import { AppError } from "../../core/model/app-error.ts";
import { newId, nowIso } from "../ids.ts";
import { asSyncRecord, enqueueMany, outboxTables, revisionSyncRecord } from "./outbox.ts";

/** At most this many patches in one mutation of a share (the server applies each atomically). */
export const SHARE_CHUNK = 2_000;

export function chunkPatches<T>(patches: readonly T[], size = SHARE_CHUNK): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < patches.length; i += size) chunks.push(patches.slice(i, i + size));
  return chunks;
}

function creates(
  table: SyncTable,
  rows: readonly object[],
  key: (r: never) => string,
): SyncPatch[] {
  return rows.map((r) => ({
    table,
    key: key(r as never),
    before: null,
    after: asSyncRecord(r),
  }));
}

/**
 * Shares a local document into a joined team project, in one transaction: the document names its
 * project, its revisions get uids, and creates of the document and all its records (segments,
 * cells, comments, revisions, kept TMX metadata) are queued as mutations of at most SHARE_CHUNK
 * patches, the document first. Returns how many mutations were queued.
 */
export async function shareDocument(
  db: SelarasDb,
  docId: string,
  projectId: string,
): Promise<number> {
  const at = nowIso();
  return db.transaction(
    "rw",
    [
      db.documents,
      db.segments,
      db.translations,
      db.comments,
      db.revisions,
      db.tmxExtras,
      ...outboxTables(db),
    ],
    async () => {
      const doc = await db.documents.get(docId);
      if (!doc) throw new AppError("db.documentMissing", { docId });
      if (!(await db.syncState.get(projectId))) {
        throw new AppError("sync.unknown_project", { projectId });
      }
      if (doc.projectId) throw new AppError("sync.already_shared", { docId });
      const shared = { ...doc, projectId, sharedAt: at };
      await db.documents.put(shared);
      const [segments, cells, comments, revisions, extras] = await Promise.all([
        db.segments.where("[docId+order]").between([docId, ""], [docId, "\uffff"]).toArray(),
        db.translations.where("docId").equals(docId).toArray(),
        db.comments.where("[docId+open]").between([docId, 0], [docId, 1], true, true).toArray(),
        db.revisions.where("docId").equals(docId).toArray(),
        db.tmxExtras.where("docId").equals(docId).toArray(),
      ]);
      const withUid = revisions.map((r) => (r.uid ? r : { ...r, uid: newId("r") }));
      await db.revisions.bulkPut(withUid);
      const patches: SyncPatch[] = [
        { table: "documents", key: docId, before: null, after: asSyncRecord(shared) },
        ...creates("segments", segments, (s: { id: string }) => s.id),
        ...creates("translations", cells, (t: { id: string }) => t.id),
        ...creates("comments", comments, (c: { id: string }) => c.id),
        ...withUid.map((r) => ({
          table: "revisions" as const,
          key: r.uid!,
          before: null,
          after: revisionSyncRecord(r),
        })),
        ...creates("tmxExtras", extras, (x: { key: string }) => x.key),
      ];
      const ids = await enqueueMany(
        db,
        projectId,
        chunkPatches(patches).map((chunk) => ({ docId, label: "share", at, patches: chunk })),
      );
      return ids.length;
    },
  );
}
