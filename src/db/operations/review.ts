import type { SelarasDb } from "../database.ts";
import type { TargetLang } from "../../core/model/languages.ts";
import type { Role } from "../../core/model/profile.ts";
import {
  translationId,
  type CommentRecord,
  type TranslationRecord,
} from "../../core/model/records.ts";
import { statusAfter, type StatusAction } from "../../core/review/transitions.ts";
import { typedText } from "../../core/align-edit/cell-ops.ts";
import type { RecordPatch } from "../../core/edit/patch.ts";
import { AppError } from "../../core/model/app-error.ts";
import { newId, nowIso } from "../ids.ts";
import { commitPatches, commitTables } from "./commit-patches.ts";
import { readDocumentRows } from "../queries/segment-rows.ts";
import { asSyncRecord } from "../sync/outbox.ts";

export interface StatusChange {
  /** The row. */
  segmentId: string;
  lang: TargetLang;
  /** The cell shown in the row, when the caller knows it; else it is looked up. */
  cellId?: string;
}

export interface SetStatusInput {
  changes: readonly StatusChange[];
  action: StatusAction;
  user: string;
  role: Role;
  /** Required for a reject: it opens (or adds to) the segment's comment thread. */
  comment?: string;
  at?: string;
}

export interface SetStatusResult {
  changed: number;
  skipped: number;
}

/**
 * Confirms, approves, rejects or reopens one or many targets as one undoable command. Targets the
 * action does not apply to (empty, already in that state, wrong role) are skipped and counted.
 */
export async function setStatus(db: SelarasDb, input: SetStatusInput): Promise<SetStatusResult> {
  if (input.action === "reject" && !input.comment?.trim()) {
    throw new AppError("review.rejectNeedsComment", {});
  }
  const at = input.at ?? nowIso();
  return db.transaction("rw", [...commitTables(db), db.comments], async () => {
    const patches: RecordPatch[] = [];
    const rejected: StatusChange[] = [];
    let docId: string | null = null;
    let skipped = 0;
    // The cells: by id in one read where the caller knows them, else from the rows (one read).
    const byId = await db.translations.bulkGet(input.changes.map((c) => c.cellId ?? ""));
    let view: Map<string, TranslationRecord> | null = null;
    for (const [i, change] of input.changes.entries()) {
      let current = byId[i];
      if (!change.cellId) {
        if (!view) {
          const segment = await db.segments.get(change.segmentId);
          view = segment ? (await readDocumentRows(db, segment.docId)).view.starts : new Map();
        }
        current = view.get(translationId(change.segmentId, change.lang));
      }
      const next = current
        ? statusAfter(input.action, current.status, input.role, current.text.trim() !== "")
        : null;
      if (!current || !next) {
        skipped++;
        continue;
      }
      docId ??= current.docId;
      const after: TranslationRecord = {
        ...current,
        status: next,
        changedBy: input.user,
        changedAt: at,
      };
      patches.push({ table: "translations", key: current.id, before: current, after });
      if (input.action === "reject") rejected.push(change);
    }
    if (docId === null || patches.length === 0) return { changed: 0, skipped };
    // A reject's comment is not part of the undo step (undoing the reject keeps the reason).
    const comments: CommentRecord[] = rejected.map((t) => ({
      id: newId("c"),
      docId: docId!,
      segmentId: t.segmentId,
      lang: t.lang,
      author: input.user,
      at,
      text: input.comment!.trim(),
      open: 1 as const,
    }));
    await commitPatches(db, patches, {
      docId,
      label: input.action,
      user: input.user,
      at,
      action: input.action,
      alsoSync: comments.map((c) => ({
        table: "comments",
        key: c.id,
        before: null,
        after: asSyncRecord(c),
      })),
    });
    await db.comments.bulkAdd(comments);
    return { changed: patches.length, skipped };
  });
}

/**
 * Restores an older revision's text as a new change (itself a revision, undoable). The target goes
 * to Draft (or Empty): restored text is confirmed again like any edit.
 */
export async function restoreRevision(
  db: SelarasDb,
  revisionId: number,
  user: string,
): Promise<void> {
  const at = nowIso();
  await db.transaction("rw", commitTables(db), async () => {
    const revision = await db.revisions.get(revisionId);
    if (!revision) throw new AppError("history.revisionMissing", { revisionId });
    const current = await db.translations.get(revision.translationId);
    // The cell may be gone (merged into another, or a row edit removed it): nothing to restore into.
    if (!current) {
      throw new AppError("align-edit.cell-missing", { cellId: revision.translationId });
    }
    const after = typedText(current, revision.text, user, at);
    await commitPatches(db, [{ table: "translations", key: after.id, before: current, after }], {
      docId: revision.docId,
      label: "restore",
      user,
      at,
      action: "restore",
    });
  });
}

export interface Replacement {
  /** The row. */
  segmentId: string;
  lang: TargetLang;
  /** The text the preview showed as current; a change since then aborts the whole replace. */
  expected: string;
  text: string;
}

/** Find and replace: applies every previewed change as one undoable command, or none of them. */
export async function replaceTexts(
  db: SelarasDb,
  docId: string,
  replacements: readonly Replacement[],
  user: string,
): Promise<number> {
  const at = nowIso();
  return db.transaction("rw", commitTables(db), async () => {
    const patches: RecordPatch[] = [];
    const view = (await readDocumentRows(db, docId)).view.starts;
    for (const r of replacements) {
      const current = view.get(translationId(r.segmentId, r.lang));
      if (!current || current.text !== r.expected)
        throw new AppError("replace.stale", { segmentId: r.segmentId });
      if (current.text === r.text) continue;
      patches.push({
        table: "translations",
        key: current.id,
        before: current,
        after: typedText(current, r.text, user, at),
      });
    }
    await commitPatches(db, patches, { docId, label: "replace", user, at, action: "replace" });
    return patches.length;
  });
}
