import type { SelarasDb } from "../database.ts";
import type { CommentRecord, DocumentRecord } from "../../core/model/records.ts";
import type { RecordPatch } from "../../core/edit/patch.ts";
import {
  planMergeWithNext,
  planResegment,
  planSplit,
  type DocumentState,
  type EditContext,
} from "../../core/edit/segment-ops.ts";
import { segmentParagraph } from "../../core/segment/segment.ts";
import { manualBoundaryOf, type ManualBoundary } from "../../core/edit/manual-boundaries.ts";
import { effectiveRules } from "../../core/segment/custom-rules.ts";
import { AppError } from "../../core/model/app-error.ts";
import { newId, nowIso } from "../ids.ts";
import { cellsOf, segmentsOf } from "../queries/segment-rows.ts";
import { columnsByLang } from "../../core/align-edit/row-view.ts";
import { commitPatches, commitTables } from "./commit-patches.ts";
import { getCustomSegmentation } from "./segmentation-settings.ts";

async function loadState(db: SelarasDb, docId: string): Promise<DocumentState> {
  const [segments, cells, comments] = await Promise.all([
    segmentsOf(db, docId),
    cellsOf(db, docId),
    db.comments.where("[docId+open]").between([docId, 0], [docId, 1], true, true).toArray(),
  ]);
  const bySegment = new Map<string, CommentRecord[]>();
  for (const c of comments) {
    const list = bySegment.get(c.segmentId);
    if (list) list.push(c);
    else bySegment.set(c.segmentId, [c]);
  }
  return { segments, columns: columnsByLang(cells), comments: bySegment };
}

async function runEdit(
  db: SelarasDb,
  docId: string,
  label: string,
  user: string,
  plan: (
    state: DocumentState,
    ctx: EditContext,
    doc: DocumentRecord,
  ) => RecordPatch[] | Promise<RecordPatch[]>,
): Promise<number> {
  const at = nowIso();
  return db.transaction("rw", [...commitTables(db), db.meta], async () => {
    const doc = await db.documents.get(docId);
    if (!doc) throw new AppError("db.documentMissing", { docId });
    const state = await loadState(db, docId);
    const patches = await plan(state, { user, at, newId: () => newId("s") }, doc);
    const applied = await commitPatches(db, patches, { docId, label, user, at, action: "edit" });
    return applied.length;
  });
}

/** Splits a source segment at a character offset (one undoable step). */
export function splitSegment(
  db: SelarasDb,
  docId: string,
  segmentId: string,
  offset: number,
  user: string,
) {
  return runEdit(db, docId, "split", user, (state, ctx) =>
    planSplit(state, segmentId, offset, ctx),
  );
}

/** Merges a source segment with the next one (one undoable step). */
export function mergeWithNext(db: SelarasDb, docId: string, segmentId: string, user: string) {
  return runEdit(db, docId, "merge", user, (state, ctx) =>
    planMergeWithNext(state, segmentId, ctx),
  );
}

/**
 * Re-segments a document with the project's current rules (one undoable step): translations follow
 * their segments; merged segments merge their translations; a split keeps the translation on the first
 * part; every changed target goes back to Draft. Returns the number of changed records (0: no change).
 */
export function resegmentDocument(db: SelarasDb, docId: string, user: string) {
  return runEdit(db, docId, "resegment", user, async (state, ctx, doc) => {
    const rules = effectiveRules(await getCustomSegmentation(db));
    const manual = await manualBoundaries(db, docId);
    return planResegment(
      state,
      (text) => segmentParagraph(text, doc.sourceLang, { rules }),
      ctx,
      manual,
    );
  });
}

/**
 * The user's manual splits and merges of a document, oldest first: the split and merge commands
 * of its undo history that are not undone (issue 13 item 7). Re-segmentation applies them again.
 */
export async function manualBoundaries(db: SelarasDb, docId: string): Promise<ManualBoundary[]> {
  const done = await db.history.where("[docId+undone]").equals([docId, 0]).toArray();
  return done
    .filter((h) => h.label === "split" || h.label === "merge")
    .sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0))
    .flatMap((h) => manualBoundaryOf(h.label, h.patches) ?? []);
}
