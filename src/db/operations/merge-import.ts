import type { SelarasDb } from "../database.ts";
import { dismissalId } from "../../core/qa/dismissals.ts";
import type { BundleComment, BundleDocument } from "../../core/model/bundle.ts";
import type { CommentRecord, TranslationRecord } from "../../core/model/records.ts";
import { translationId } from "../../core/model/records.ts";
import type { RecordPatch } from "../../core/edit/patch.ts";
import type { TargetLang } from "../../core/model/languages.ts";
import { columnsByLang } from "../../core/align-edit/row-view.ts";
import { cellsAtRows } from "../../core/align-edit/cell-ops.ts";
import { mergeDocument, type DocumentMerge } from "../../core/merge/merge-document.ts";
import type { KnownState } from "../../core/merge/merge-cell.ts";
import { readDocumentRows } from "../queries/segment-rows.ts";
import { cellContext } from "./cells.ts";
import { commitPatches } from "./commit-patches.ts";
import { baselineKey } from "./bundle-baseline.ts";

/** What merging a file's document into the local one did (or would do). */
export interface MergeSummary {
  docId: string;
  /** Cells that took the file's version. */
  taken: number;
  /** Cells now in conflict (the file's text kept as a competing version). */
  conflicts: number;
  /** Cells where the local version stayed although the file had another one. */
  kept: number;
  commentsAdded: number;
  commentsResolved: number;
  unmatched: number;
  sourceDiffers: number;
  covered: number;
}

function summary(docId: string, merge: DocumentMerge): MergeSummary {
  return {
    docId,
    taken: merge.cells.filter((c) => c.merge.kind === "take").length,
    conflicts: merge.cells.filter((c) => c.merge.kind === "conflict").length,
    kept: merge.kept,
    commentsAdded: merge.comments.filter((c) => c.isNew).length,
    commentsResolved: merge.comments.filter((c) => !c.isNew).length,
    unmatched: merge.unmatched,
    sourceDiffers: merge.sourceDiffers,
    covered: merge.covered,
  };
}

/** A stored comment as bundles (JSON and the other exports) carry it. */
export function asBundleComment(c: CommentRecord): BundleComment {
  const out: BundleComment = {
    id: c.id,
    author: c.author,
    at: c.at,
    text: c.text,
    open: c.open === 1,
  };
  if (c.resolvedBy !== undefined) out.resolvedBy = c.resolvedBy;
  if (c.resolvedAt !== undefined) out.resolvedAt = c.resolvedAt;
  return out;
}

/** Reads what the merge needs and runs the pure merge (inside the caller's transaction). */
async function planMerge(db: SelarasDb, doc: BundleDocument, baseline: string | null) {
  const { segments, cells, view } = await readDocumentRows(db, doc.id);
  const revisions = await db.revisions
    .where("[docId+at]")
    .between([doc.id, ""], [doc.id, "\uffff"])
    .toArray();
  const known = new Map<string, KnownState[]>();
  for (const r of revisions) {
    const list = known.get(r.translationId) ?? [];
    list.push({ text: r.text, status: r.status });
    known.set(r.translationId, list);
  }
  const comments = await db.comments
    .where("[docId+open]")
    .between([doc.id, 0], [doc.id, 1], true, true)
    .toArray();
  const commentsByKey = new Map<string, CommentRecord[]>();
  for (const c of comments) {
    const key = translationId(c.segmentId, c.lang);
    commentsByKey.set(key, [...(commentsByKey.get(key) ?? []), c]);
  }
  const merge = mergeDocument(
    doc,
    {
      rows: segments,
      cell: (rowId, lang) => {
        const key = translationId(rowId, lang);
        const start = view.starts.get(key);
        if (start) return start.span === 1 ? start : "covered";
        return view.covering.has(key) ? "covered" : null;
      },
      known: (rowId, lang) => {
        const start = view.starts.get(translationId(rowId, lang));
        return start ? (known.get(start.id) ?? []) : [];
      },
      comments: (rowId, lang) =>
        (commentsByKey.get(translationId(rowId, lang)) ?? []).map(asBundleComment),
    },
    baseline,
  );
  return { segments, cells, view, merge, commentsById: new Map(comments.map((c) => [c.id, c])) };
}

/** What merging would do, without writing (for the import plan). */
export async function planMergeImport(db: SelarasDb, doc: BundleDocument): Promise<MergeSummary> {
  return summary(doc.id, (await planMerge(db, doc, doc.baseline ?? null)).merge);
}

/**
 * Merges a file's version of an existing document into the local one cell by cell (core/merge):
 * one undoable command (commitPatches, a revision "import" per changed cell), inside the caller's
 * rw transaction over commitTables(db) and meta. The document's baseline becomes the file's export
 * instant (what the local side has now seen of the other side's data).
 */
export async function mergeBundleDocument(
  db: SelarasDb,
  doc: BundleDocument,
  exportedAt: string | undefined,
  user: string,
  at: string,
): Promise<MergeSummary> {
  const { segments, cells, view, merge, commentsById } = await planMerge(
    db,
    doc,
    doc.baseline ?? null,
  );
  const rowIds = segments.map((s) => s.id);
  const rowIndex = new Map(rowIds.map((id, i) => [id, i]));
  const columns = columnsByLang(cells);
  const patches: RecordPatch[] = [];
  const apply = (
    cell: TranslationRecord,
    change: DocumentMerge["cells"][number],
  ): TranslationRecord => {
    if (change.merge.kind === "take") {
      const t = change.merge.target;
      const authored = cell.text.trim() !== "";
      return {
        ...cell,
        text: t.text.normalize("NFC"),
        status: t.status,
        origin: authored ? cell.origin : "import",
        confidence: null,
        createdBy: authored ? cell.createdBy : (t.createdBy ?? user),
        createdAt: authored ? cell.createdAt : (t.createdAt ?? at),
        changedBy: t.changedBy ?? user,
        changedAt: t.changedAt ?? at,
      };
    }
    return { ...cell, competing: [...(cell.competing ?? []), change.merge.competing] };
  };
  // Uncovered rows (past the end of their column, or in a gap): per language, the changes by row.
  const pastEnd = new Map<TargetLang, Map<number, DocumentMerge["cells"][number]>>();
  for (const change of merge.cells) {
    const current = view.starts.get(translationId(change.rowId, change.lang));
    if (current) {
      patches.push({
        table: "translations",
        key: current.id,
        before: current,
        after: apply(current, change),
      });
    } else {
      const rows = pastEnd.get(change.lang) ?? new Map();
      rows.set(rowIndex.get(change.rowId)!, change);
      pastEnd.set(change.lang, rows);
    }
  }
  for (const [lang, rows] of pastEnd) {
    // A cell only for the rows the file changes (and the gaps around them), not every row between.
    const made = cellsAtRows(
      columns[lang] ?? [],
      rowIds,
      [...rows.keys()],
      { docId: doc.id, lang },
      cellContext(user, at),
    );
    const rowOf = new Map([...made.cells].map(([row, c]) => [c.id, row]));
    for (const p of made.patches) {
      const row = p.after ? rowOf.get(p.after.id) : undefined;
      const change = row === undefined ? undefined : rows.get(row);
      patches.push({
        table: "translations",
        key: p.key,
        before: p.before,
        after: p.after && change ? apply(p.after, change) : p.after,
      });
    }
  }
  for (const change of merge.comments) {
    const c = change.comment;
    const before = commentsById.get(c.id) ?? null;
    const after: CommentRecord = {
      id: c.id,
      docId: doc.id,
      segmentId: change.rowId,
      lang: change.lang,
      author: c.author,
      at: c.at,
      text: c.text.normalize("NFC"),
      open: c.open ? 1 : 0,
      ...(c.resolvedBy !== undefined ? { resolvedBy: c.resolvedBy } : {}),
      ...(c.resolvedAt !== undefined ? { resolvedAt: c.resolvedAt } : {}),
    };
    // A comment id used elsewhere in the database (another document) is not taken over.
    if (change.isNew && (await db.comments.get(c.id))) continue;
    patches.push({ table: "comments", key: c.id, before, after });
  }
  // The file's dismissed QA findings this browser does not have (same rows; the fingerprint holds
  // the texts, so one whose text differs here simply does not match): part of the same undo step.
  for (const q of doc.qaDismissals ?? []) {
    if (!rowIndex.has(q.segmentId)) continue;
    const id = dismissalId(q.segmentId, q.lang, q.fingerprint);
    if (await db.qaDismissals.get(id)) continue;
    patches.push({
      table: "qaDismissals",
      key: id,
      before: null,
      after: { ...q, id, docId: doc.id },
    });
  }
  await commitPatches(db, patches, { docId: doc.id, label: "import", user, at, action: "import" });
  if (exportedAt) {
    const stored = (await db.meta.get(baselineKey(doc.id)))?.value;
    if (typeof stored !== "string" || Date.parse(stored) < Date.parse(exportedAt)) {
      await db.meta.put({ key: baselineKey(doc.id), value: exportedAt });
    }
  }
  return summary(doc.id, merge);
}
