import type { SelarasDb } from "../database.ts";
import type { TargetLang } from "../../core/model/languages.ts";
import type { Role } from "../../core/model/profile.ts";
import { translationId, type TranslationRecord } from "../../core/model/records.ts";
import { statusAfter, type StatusAction } from "../../core/review/transitions.ts";
import { statusAfterEdit } from "../../core/model/status.ts";
import type { RecordPatch } from "../../core/edit/patch.ts";
import { AppError } from "../../core/model/app-error.ts";
import { newId, nowIso } from "../ids.ts";
import { commitPatches, commitTables } from "./commit-patches.ts";

export interface StatusChange {
  segmentId: string;
  lang: TargetLang;
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
    const rejected: TranslationRecord[] = [];
    let docId: string | null = null;
    let skipped = 0;
    for (const change of input.changes) {
      const id = translationId(change.segmentId, change.lang);
      const current = await db.translations.get(id);
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
      patches.push({ table: "translations", key: id, before: current, after });
      if (input.action === "reject") rejected.push(after);
    }
    if (docId === null || patches.length === 0) return { changed: 0, skipped };
    await commitPatches(db, patches, {
      docId,
      label: input.action,
      user: input.user,
      at,
      action: input.action,
    });
    for (const t of rejected) {
      await db.comments.add({
        id: newId("c"),
        docId: t.docId,
        segmentId: t.segmentId,
        lang: t.lang,
        author: input.user,
        at,
        text: input.comment!.trim(),
        open: 1,
      });
    }
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
    const after: TranslationRecord = {
      id: revision.translationId,
      segmentId: revision.segmentId,
      docId: revision.docId,
      lang: revision.lang,
      text: revision.text,
      status: statusAfterEdit(revision.text),
      createdBy: current?.createdBy ?? user,
      createdAt: current?.createdAt ?? at,
      changedBy: user,
      changedAt: at,
    };
    await commitPatches(
      db,
      [{ table: "translations", key: after.id, before: current ?? null, after }],
      { docId: revision.docId, label: "restore", user, at, action: "restore" },
    );
  });
}

export interface Replacement {
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
    for (const r of replacements) {
      const id = translationId(r.segmentId, r.lang);
      const current = await db.translations.get(id);
      if (!current || current.text !== r.expected)
        throw new AppError("replace.stale", { segmentId: r.segmentId });
      if (current.text === r.text) continue;
      patches.push({
        table: "translations",
        key: id,
        before: current,
        after: {
          ...current,
          text: r.text,
          status: statusAfterEdit(r.text),
          changedBy: user,
          changedAt: at,
        },
      });
    }
    await commitPatches(db, patches, { docId, label: "replace", user, at, action: "replace" });
    return patches.length;
  });
}
