import type { SelarasDb } from "../database.ts";
import type { TargetLang } from "../../core/model/languages.ts";
import type { CommentRecord } from "../../core/model/records.ts";
import type { SyncPatch } from "../../core/sync/protocol.ts";
import { AppError } from "../../core/model/app-error.ts";
import { newId, nowIso } from "../ids.ts";
import { asSyncRecord, enqueueMutation, outboxTables, sharedProjectOf } from "../sync/outbox.ts";

export interface AddCommentInput {
  segmentId: string;
  lang: TargetLang;
  author: string;
  text: string;
}

function commentPatch(before: CommentRecord | null, after: CommentRecord | null): SyncPatch {
  return {
    table: "comments",
    key: (after ?? before)!.id,
    before: asSyncRecord(before),
    after: asSyncRecord(after),
  };
}

/**
 * Writes a thread's changed comments in the caller's transaction and, in a shared document, sends
 * them as one mutation.
 */
async function writeThread(
  db: SelarasDb,
  docId: string,
  label: string,
  at: string,
  changes: readonly { before: CommentRecord | null; after: CommentRecord }[],
): Promise<void> {
  if (changes.length === 0) return;
  await db.comments.bulkPut(changes.map((c) => c.after));
  const projectId = await sharedProjectOf(db, docId);
  if (projectId) {
    await enqueueMutation(db, projectId, {
      docId,
      label,
      at,
      patches: changes.map((c) => commentPatch(c.before, c.after)),
    });
  }
}

function threadOf(db: SelarasDb, segmentId: string, lang: TargetLang) {
  return db.comments.where("[segmentId+lang]").equals([segmentId, lang]).toArray();
}

/** Adds a comment to the thread of a segment and language; a comment reopens a resolved thread. */
export async function addComment(db: SelarasDb, input: AddCommentInput): Promise<string> {
  const text = input.text.trim();
  if (!text) throw new AppError("comment.empty", {});
  return db.transaction(
    "rw",
    [db.segments, db.comments, db.documents, ...outboxTables(db)],
    async () => {
      const segment = await db.segments.get(input.segmentId);
      if (!segment) throw new AppError("db.segmentMissing", { segmentId: input.segmentId });
      const at = nowIso();
      const reopened = (await threadOf(db, input.segmentId, input.lang))
        .filter((c) => c.open !== 1)
        .map((c) => ({ before: c, after: { ...c, open: 1 as const } }));
      const id = newId("c");
      const added: CommentRecord = {
        id,
        docId: segment.docId,
        segmentId: input.segmentId,
        lang: input.lang,
        author: input.author,
        at,
        text,
        open: 1,
      };
      await writeThread(db, segment.docId, "comment", at, [
        ...reopened,
        { before: null, after: added },
      ]);
      return id;
    },
  );
}

/** Resolves (or reopens) the whole thread of a segment and language. */
export async function setThreadResolved(
  db: SelarasDb,
  segmentId: string,
  lang: TargetLang,
  resolved: boolean,
  user: string,
): Promise<void> {
  const at = nowIso();
  await db.transaction("rw", [db.comments, db.documents, ...outboxTables(db)], async () => {
    const thread = await threadOf(db, segmentId, lang);
    const changes = thread.map((before) => {
      const after: CommentRecord = { ...before, open: resolved ? 0 : 1 };
      if (resolved) {
        after.resolvedBy = user;
        after.resolvedAt = at;
      } else {
        delete after.resolvedBy;
        delete after.resolvedAt;
      }
      return { before, after };
    });
    const docId = thread[0]?.docId;
    if (docId) await writeThread(db, docId, resolved ? "resolve" : "reopen", at, changes);
  });
}
