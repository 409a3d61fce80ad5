import type { SelarasDb } from "../database.ts";
import type { RecordPatch } from "../../core/edit/patch.ts";
import { collapsePatches, isNoop, mergePatches, PATCHED_TABLES } from "../../core/edit/patch.ts";
import { AppError } from "../../core/model/app-error.ts";
import { checkEditedText } from "../../core/model/limits.ts";
import type { HistoryRecord } from "../records.ts";
import type { RevisionAction, RevisionRecord } from "../records.ts";
import type { SyncPatch } from "../../core/sync/protocol.ts";
import { newId } from "../ids.ts";
import { enqueueGlossary } from "../sync/glossary-outbox.ts";
import {
  amendableEntry,
  asSyncRecord,
  enqueueMutation,
  outboxTables,
  revisionSyncRecord,
  sameStored,
  sharedProjectOf,
} from "../sync/outbox.ts";

/** Successive edits of one cell by one user within this time merge into one revision. */
export const MERGE_WINDOW_MS = 5_000;

/**
 * A typing burst is one undo step while the pauses between its saves stay within this time: words
 * typed with longer pauses are undone one by one (the revision log still keeps the burst as one).
 */
export const STEP_PAUSE_MS = 1_000;

export interface CommitMeta {
  docId: string;
  label: string;
  user: string;
  at: string;
  action: RevisionAction;
  mergeKey?: string | null;
  /** false for undo/redo themselves, which move along the history instead of adding to it. */
  record?: boolean;
  /**
   * Records the caller writes itself in the same transaction that are not part of the undo step
   * (a reject's comment): sent with the command's mutation when the document is shared.
   */
  alsoSync?: readonly SyncPatch[];
}

/** The tables a command touches; callers open their transaction over these. */
export function commitTables(db: SelarasDb) {
  return [
    db.segments,
    db.translations,
    db.comments,
    db.qaDismissals,
    db.glossary,
    db.documents,
    db.revisions,
    db.history,
    ...outboxTables(db),
  ] as const;
}

/**
 * Applies patches inside the caller's rw transaction: checks that each record is still in its
 * `before` state (else AppError "history.conflict"), writes the `after` states, appends a revision per
 * changed target, and records the command in the document's undo history (clearing the redo branch).
 * In a shared document the command (with its revisions, keyed by uid) also goes to the outbox, in
 * the same transaction; a typing burst joins its unsent outbox entry as it joins its undo step.
 * Glossary concepts are project-wide: their patches go to every joined project as a mutation of
 * their own (no document), whether or not the document is shared.
 */
export async function commitPatches(
  db: SelarasDb,
  rawPatches: readonly RecordPatch[],
  meta: CommitMeta,
): Promise<RecordPatch[]> {
  const patches = collapsePatches(rawPatches).filter((p) => !isNoop(p));
  if (patches.length === 0) return [];
  // No command makes a text longer than a segment may be (README "Limits"): typing, pasting,
  // replacing, a match or a merge. Undo and redo only go back to states that were within it.
  if (meta.record !== false) {
    for (const p of patches) {
      const after = p.after as { text?: unknown; source?: unknown } | null;
      if (!after) continue;
      const changed = p.before as { text?: unknown; source?: unknown } | null;
      for (const field of ["text", "source"] as const) {
        const value = after[field];
        if (typeof value === "string" && value !== changed?.[field]) checkEditedText(value);
      }
    }
  }
  // One read per table for the conflict check and one bulk write per table: a command may touch
  // thousands of records (extending a column to its last row, aligning a whole text).
  for (const table of PATCHED_TABLES) {
    const mine = patches.filter((p) => p.table === table);
    if (mine.length === 0) continue;
    const current = await db.table(table).bulkGet(mine.map((p) => p.key));
    mine.forEach((p, i) => {
      // By content, whatever order a pulled record's keys came in.
      if (!sameStored(current[i] ?? null, p.before)) {
        throw new AppError("history.conflict", { key: p.key });
      }
    });
  }
  // Is this the next step of a typing burst (the document's last command: the same cell, the same
  // user, a pause under MERGE_WINDOW_MS)? Then it joins that undo step and that revision.
  let last: HistoryRecord | undefined;
  if (meta.record !== false) {
    await db.history.where("[docId+undone]").equals([meta.docId, 1]).delete();
    last = await db.history
      .where("[docId+seq]")
      .between([meta.docId, -Infinity], [meta.docId, Infinity])
      .last();
  }
  const mergeable =
    meta.record !== false &&
    !!meta.mergeKey &&
    last !== undefined &&
    last.mergeKey === meta.mergeKey &&
    last.user === meta.user &&
    Date.parse(meta.at) - Date.parse(last.at) <= MERGE_WINDOW_MS;
  const projectId = await sharedProjectOf(db, meta.docId);
  // A shared revision is append-only once sent: a burst merges into it only while its outbox
  // entry is unsent (and then the entry carries the merged revision as one create).
  const amend =
    projectId && mergeable ? await amendableEntry(db, projectId, meta.docId, meta.mergeKey) : null;
  // Dismissed QA findings stay in this browser (a reviewer's own judgement, not team data).
  const syncPatches: SyncPatch[] = projectId
    ? patches
        .flatMap((p) => (p.table === "qaDismissals" || p.table === "glossary" ? [] : [p]))
        .map((p) => ({
          table: p.table,
          key: p.key,
          before: asSyncRecord(p.before),
          after: asSyncRecord(p.after),
        }))
    : [];

  for (const table of PATCHED_TABLES) {
    const mine = patches.filter((p) => p.table === table);
    const removed = mine.filter((p) => p.after === null).map((p) => p.key);
    const written = mine.flatMap((p) => (p.after ? [p.after] : []));
    if (removed.length > 0) await db.table(table).bulkDelete(removed);
    if (written.length > 0) await db.table(table).bulkPut(written);
  }
  const revisions: RevisionRecord[] = [];
  for (const p of patches) {
    // A revision records a target's text and status; moving a cell, changing its span or lock, or
    // creating an empty one (extending a column) leaves both as they were.
    if (
      p.table === "translations" &&
      ((p.before?.text ?? "") !== (p.after?.text ?? "") ||
        (p.before?.status ?? "empty") !== (p.after?.status ?? "empty"))
    ) {
      const t = p.after ?? p.before;
      if (t && mergeable && (!projectId || amend)) {
        const lastRevision = await db.revisions.where("translationId").equals(t.id).last();
        const inAmend =
          !projectId ||
          amend?.mutation.patches.some(
            (q) => q.table === "revisions" && q.key === lastRevision?.uid,
          );
        if (
          lastRevision?.id !== undefined &&
          lastRevision.action === "edit" &&
          lastRevision.user === meta.user &&
          inAmend
        ) {
          const merged: RevisionRecord = {
            ...lastRevision,
            text: p.after?.text ?? "",
            status: p.after?.status ?? "empty",
            at: meta.at,
          };
          await db.revisions.put(merged);
          if (lastRevision.uid) {
            syncPatches.push({
              table: "revisions",
              key: lastRevision.uid,
              before: revisionSyncRecord(lastRevision),
              after: revisionSyncRecord(merged),
            });
          }
          continue;
        }
      }
      if (t) {
        revisions.push({
          ...(projectId ? { uid: newId("r") } : {}),
          translationId: t.id,
          segmentId: t.segmentId,
          docId: t.docId,
          lang: t.lang,
          text: p.after?.text ?? "",
          status: p.after?.status ?? "empty",
          user: meta.user,
          at: meta.at,
          action: meta.action,
        });
      }
    }
  }
  if (revisions.length > 0) await db.revisions.bulkAdd(revisions);
  if (projectId) {
    for (const r of revisions) {
      syncPatches.push({
        table: "revisions",
        key: r.uid!,
        before: null,
        after: revisionSyncRecord(r),
      });
    }
    syncPatches.push(...(meta.alsoSync ?? []));
  }
  if (projectId && syncPatches.length > 0) {
    await enqueueMutation(
      db,
      projectId,
      {
        docId: meta.docId,
        label: meta.label,
        at: meta.at,
        patches: syncPatches,
        mergeKey: meta.mergeKey ?? null,
      },
      amend,
    );
  }
  const glossary = patches.filter((p) => p.table === "glossary");
  if (glossary.length > 0) {
    await enqueueGlossary(
      db,
      glossary.map((p) => ({
        table: p.table,
        key: p.key,
        before: asSyncRecord(p.before),
        after: asSyncRecord(p.after),
      })),
      meta.label,
      meta.at,
    );
  }
  // A glossary command does not change the document.
  if (glossary.length < patches.length) {
    const changes: { updatedAt: string; segmentCount?: number } = { updatedAt: meta.at };
    if (patches.some((p) => p.table === "segments")) {
      changes.segmentCount = await db.segments.where("docId").equals(meta.docId).count();
    }
    await db.documents.update(meta.docId, changes);
  }
  if (meta.record === false) return patches;

  const joinsStep = mergeable && Date.parse(meta.at) - Date.parse(last!.at) <= STEP_PAUSE_MS;
  if (joinsStep && last?.seq !== undefined) {
    const merged = mergePatches(last.patches, patches);
    if (merged.length === 0) await db.history.delete(last.seq);
    else await db.history.update(last.seq, { patches: merged, at: meta.at });
  } else {
    await db.history.add({
      docId: meta.docId,
      label: meta.label,
      mergeKey: meta.mergeKey ?? null,
      patches,
      undone: 0,
      user: meta.user,
      at: meta.at,
    });
  }
  return patches;
}
