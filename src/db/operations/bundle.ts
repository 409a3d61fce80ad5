import type { SelarasDb } from "../database.ts";
import { checkBundleLimits } from "../../core/model/limits.ts";
import type {
  Bundle,
  BundleComment,
  BundleDocument,
  BundleQaDismissal,
  BundleRevision,
  BundleSegment,
} from "../../core/model/bundle.ts";
import type {
  CommentRecord,
  DocumentRecord,
  SegmentRecord,
  TranslationRecord,
} from "../../core/model/records.ts";
import { translationId } from "../../core/model/records.ts";
import { initialKeys } from "../../core/model/order-key.ts";
import { TARGET_LANGS, type TargetLang } from "../../core/model/languages.ts";
import { groupUnits } from "../../core/align-edit/group-units.ts";
import {
  documentColumns,
  needsCells,
  toBundleCells,
} from "../../core/align-edit/bundle-alignment.ts";
import { cellStarts } from "../../core/align-edit/column.ts";
import type { TargetCell } from "../../core/align-edit/types.ts";
import { unitsToBundleSegments } from "../../core/align-edit/bundle-units.ts";
import { columnsByLang, rowView } from "../../core/align-edit/row-view.ts";
import { newId, nowIso } from "../ids.ts";
import type { RevisionAction, RevisionRecord } from "../records.ts";
import { documentTables } from "./delete-document.ts";
import { commitTables } from "./commit-patches.ts";
import {
  asBundleComment,
  mergeBundleDocument,
  planMergeImport,
  type MergeSummary,
} from "./merge-import.ts";
import { revisionFromExisting } from "../upgrades/v2-review-workflow.ts";
import { documentTmxMeta, extrasRows } from "./tmx-extras.ts";
import { tmxExtrasOf } from "../../core/format/tmx/bundle-tmx-meta.ts";
import { baselineKey } from "./bundle-baseline.ts";
import { dismissalId, type QaDismissalRecord } from "../../core/qa/dismissals.ts";
import { diffSources, type SourceDiff } from "../../core/merge/source-diff.ts";
import type { TmxExtras } from "../../core/format/tmx/tmx-extras.ts";

const REVISION_ACTIONS: readonly RevisionAction[] = [
  "edit",
  "confirm",
  "approve",
  "reject",
  "reopen",
  "restore",
  "undo",
  "redo",
  "replace",
  "import",
];

/** The comment threads of a document by row id and language, oldest first. */
async function commentsByRow(
  db: SelarasDb,
  docId: string,
  languages: readonly TargetLang[],
): Promise<Map<string, Partial<Record<TargetLang, BundleComment[]>>>> {
  const rows = await db.comments
    .where("[docId+open]")
    .between([docId, 0], [docId, 1], true, true)
    .toArray();
  rows.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1));
  const out = new Map<string, Partial<Record<TargetLang, BundleComment[]>>>();
  for (const c of rows) {
    if (!languages.includes(c.lang)) continue;
    let byLang = out.get(c.segmentId);
    if (!byLang) out.set(c.segmentId, (byLang = {}));
    (byLang[c.lang] ??= []).push(asBundleComment(c));
  }
  return out;
}

/**
 * Reads documents (all, or the given ids, in list order) into the format-neutral Bundle. Each
 * bundle segment is a translation unit: the smallest group of source rows on which the columns of
 * every language in `languages` agree (core/align-edit/group-units.ts), so a cell that covers two
 * rows gives one unit with both sources. With one-row cells everywhere a unit is a row.
 * `exportedAt` (ISO) is the export instant: written as each document's baseline unless the document
 * came from (or was merged with) a file, whose baseline it keeps. `rows` (our JSON) also writes
 * competing versions and the revision log.
 */
export async function loadBundle(
  db: SelarasDb,
  docIds?: readonly string[],
  languages: readonly TargetLang[] = TARGET_LANGS,
  options: { rows?: boolean; exportedAt?: string } = {},
): Promise<Bundle> {
  const tables = [
    db.documents,
    db.segments,
    db.translations,
    db.comments,
    db.revisions,
    db.meta,
    db.qaDismissals,
    db.tmxExtras,
  ];
  return db.transaction("r", tables, async () => {
    const docs = docIds
      ? (await db.documents.bulkGet([...docIds])).filter(
          (d): d is DocumentRecord => d !== undefined,
        )
      : await db.documents.orderBy("title").toArray();
    const documents: BundleDocument[] = [];
    for (const doc of docs) {
      const segments = await db.segments
        .where("[docId+order]")
        .between([doc.id, ""], [doc.id, "\uffff"])
        .toArray();
      const cells = await db.translations.where("docId").equals(doc.id).toArray();
      const columns = columnsByLang(cells);
      const comments = await commentsByRow(db, doc.id, languages);
      const stored = (await db.meta.get(baselineKey(doc.id)))?.value;
      const baseline = typeof stored === "string" ? stored : options.exportedAt;
      const head: Omit<BundleDocument, "segments"> = {
        id: doc.id,
        title: doc.title,
        sourceLang: doc.sourceLang,
        createdAt: doc.createdAt,
        updatedAt: doc.updatedAt,
        ...(baseline ? { baseline } : {}),
      };
      if (options.rows) {
        const body = rowsOf(segments, columns, languages);
        for (const seg of body.segments) {
          const c = comments.get(seg.id);
          if (c) seg.comments = c;
        }
        const revisions = await revisionsOf(db, doc.id, languages);
        const qaDismissals = await qaDismissalsOf(db, doc.id, languages);
        const tmx = await documentTmxMeta(db, doc.id);
        documents.push({
          ...head,
          ...body,
          ...(revisions.length > 0 ? { revisions } : {}),
          ...(qaDismissals.length > 0 ? { qaDismissals } : {}),
          ...(tmx ? { tmx } : {}),
        });
        continue;
      }
      const grouped = groupUnits(segments.length, columns, languages);
      const units = unitsToBundleSegments(segments, grouped);
      // A unit over several rows carries the comments of all of them.
      grouped.units.forEach((unit, k) => {
        const seg = units[k];
        if (!seg) return;
        const merged: Partial<Record<TargetLang, BundleComment[]>> = {};
        for (let r = unit.rows[0]; r < unit.rows[1]; r++) {
          const c = comments.get(segments[r]?.id ?? "");
          for (const lang of languages) if (c?.[lang]) (merged[lang] ??= []).push(...c[lang]);
        }
        if (Object.keys(merged).length > 0) seg.comments = merged;
      });
      documents.push({ ...head, segments: units });
    }
    return { documents };
  });
}

/**
 * A document as rows (for our JSON, a faithful backup): one segment per source row with the text of
 * the cell starting there, and the columns that are more than that as cells.
 */
function rowsOf(
  segments: readonly SegmentRecord[],
  columns: Partial<Record<TargetLang, TranslationRecord[]>>,
  languages: readonly TargetLang[],
): Pick<BundleDocument, "segments" | "alignment"> {
  const view = rowView(
    segments.map((s) => s.id),
    languages.flatMap((l) => columns[l] ?? []),
  );
  const alignment: NonNullable<BundleDocument["alignment"]> = {};
  for (const lang of languages) {
    const column = columns[lang];
    if (column && needsCells(column)) alignment[lang] = toBundleCells(column);
  }
  return {
    segments: segments.map((s) => {
      const targets: BundleSegment["targets"] = {};
      for (const lang of languages) {
        const t = view.starts.get(translationId(s.id, lang));
        if (!t || t.text === "") continue;
        targets[lang] = {
          text: t.text,
          status: t.status,
          createdBy: t.createdBy,
          createdAt: t.createdAt,
          changedBy: t.changedBy,
          changedAt: t.changedAt,
          ...(t.competing && t.competing.length > 0 ? { competing: t.competing } : {}),
        };
      }
      return { id: s.id, paragraph: s.paragraph, source: s.source, targets };
    }),
    ...(Object.keys(alignment).length > 0 ? { alignment } : {}),
  };
}

/** The document's dismissed QA findings, oldest first (for our JSON: a full backup). */
async function qaDismissalsOf(
  db: SelarasDb,
  docId: string,
  languages: readonly TargetLang[],
): Promise<BundleQaDismissal[]> {
  const rows = await db.qaDismissals.where("docId").equals(docId).toArray();
  return rows
    .filter((d) => languages.includes(d.lang))
    .sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id))
    .map((d) => ({
      segmentId: d.segmentId,
      lang: d.lang,
      code: d.code,
      fingerprint: d.fingerprint,
      reason: d.reason,
      by: d.by,
      at: d.at,
    }));
}

/** The document's revision log, oldest first (for our JSON: a full backup). */
async function revisionsOf(
  db: SelarasDb,
  docId: string,
  languages: readonly TargetLang[],
): Promise<BundleRevision[]> {
  const rows = await db.revisions
    .where("[docId+at]")
    .between([docId, ""], [docId, "\uffff"])
    .toArray();
  return rows
    .filter((r) => languages.includes(r.lang))
    .map((r) => ({
      segmentId: r.segmentId,
      lang: r.lang,
      ...(r.translationId !== translationId(r.segmentId, r.lang)
        ? { cellId: r.translationId }
        : {}),
      text: r.text,
      status: r.status,
      user: r.user,
      at: r.at,
      action: r.action,
    }));
}

export interface ImportConflict {
  docId: string;
  title: string;
  existingTitle: string;
  /** Targets in the database that differ from the file's. */
  changedTargets: number;
  /** What the default choice, a merge, would do. */
  merge: MergeSummary;
  /** How the file's sources differ from this document's (shown before the user chooses). */
  sources: SourceDiff;
}

export interface BundleImportPlan {
  newDocuments: number;
  unchanged: number;
  conflicts: ImportConflict[];
}

/** What importing the bundle would do, without writing anything. */
export async function planBundleImport(db: SelarasDb, bundle: Bundle): Promise<BundleImportPlan> {
  checkBundleLimits(bundle);
  const plan: BundleImportPlan = { newDocuments: 0, unchanged: 0, conflicts: [] };
  const existing = await loadBundle(
    db,
    bundle.documents.map((d) => d.id),
    TARGET_LANGS,
    { rows: true },
  );
  const byId = new Map(existing.documents.map((d) => [d.id, d]));
  for (const doc of bundle.documents) {
    const current = byId.get(doc.id);
    if (!current) {
      plan.newDocuments++;
      continue;
    }
    const changed = countChangedTargets(current, doc);
    const merge = await db.transaction("r", [...commitTables(db), db.meta], () =>
      planMergeImport(db, doc),
    );
    const nothingToMerge =
      merge.taken + merge.conflicts + merge.commentsAdded + merge.commentsResolved === 0;
    if (changed === 0 && sameSource(current, doc) && nothingToMerge) plan.unchanged++;
    else
      plan.conflicts.push({
        docId: doc.id,
        title: doc.title,
        existingTitle: current.title,
        changedTargets: changed,
        merge,
        sources: diffSources(current, doc),
      });
  }
  return plan;
}

function sameSource(a: BundleDocument, b: BundleDocument): boolean {
  return (
    a.segments.length === b.segments.length &&
    a.segments.every((s, i) => s.id === b.segments[i]?.id && s.source === b.segments[i]?.source)
  );
}

function countChangedTargets(current: BundleDocument, incoming: BundleDocument): number {
  const incomingById = new Map(incoming.segments.map((s) => [s.id, s]));
  let changed = 0;
  for (const seg of current.segments) {
    for (const lang of TARGET_LANGS) {
      const mine = seg.targets[lang];
      if (!mine) continue;
      const theirs = incomingById.get(seg.id)?.targets[lang];
      if (!theirs || theirs.text !== mine.text || theirs.status !== mine.status) changed++;
    }
  }
  return changed;
}

/**
 * What to do with a document that already exists: merge the file into it cell by cell (core/merge:
 * newer local work is never overwritten; both changed → a conflict to decide), import the file's
 * one as a copy, or keep the local one and skip the file's. (There is no "replace": it discarded
 * newer local edits without a trace.)
 */
export type ConflictPolicy = "merge" | "copy" | "keep";

export interface BundleImportResult {
  created: string[];
  /** The file's units written as rows of the created documents. */
  createdUnits: number;
  merged: MergeSummary[];
  kept: string[];
}

/** Imports a bundle in one transaction (all-or-nothing); a merge is one undo step per document. */
export async function applyBundleImport(
  db: SelarasDb,
  bundle: Bundle,
  policy: ConflictPolicy,
  user: string,
  /** Metadata of an imported TMX (props, notes, other languages) to keep for export. */
  extras: TmxExtras | null = null,
  /** When the file was written (its writer's clock): the documents' next merge baseline. */
  exportedAt?: string,
): Promise<BundleImportResult> {
  checkBundleLimits(bundle);
  const result: BundleImportResult = { created: [], createdUnits: 0, merged: [], kept: [] };
  const at = nowIso();
  const tables = [...new Set([...documentTables(db), ...commitTables(db), db.meta])];
  await db.transaction("rw", tables, async () => {
    for (const doc of bundle.documents) {
      const exists = (await db.documents.get(doc.id)) !== undefined;
      if (exists && policy === "keep") {
        result.kept.push(doc.id);
        continue;
      }
      if (exists && policy === "merge") {
        result.merged.push(await mergeBundleDocument(db, doc, exportedAt, user, at));
        continue;
      }
      const id = exists ? newId("d") : doc.id;
      // Segment ids are global: a file's own ("tu-1", "u1", "row-2") may be taken by another
      // document (an unrelated file read the same way), so such a document gets fresh ones.
      const taken =
        exists ||
        (await db.segments.bulkGet(doc.segments.map((s) => s.id))).some((s) => s !== undefined);
      await writeBundleDocument(db, doc, id, taken, user, at, extras);
      if (exportedAt) await db.meta.put({ key: baselineKey(id), value: exportedAt });
      result.created.push(id);
      result.createdUnits += doc.segments.length;
    }
  });
  return result;
}

async function writeBundleDocument(
  db: SelarasDb,
  doc: BundleDocument,
  docId: string,
  freshSegmentIds: boolean,
  user: string,
  at: string,
  extras: TmxExtras | null,
): Promise<void> {
  const keys = initialKeys(doc.segments.length);
  const segmentIds = new Map<string, string>();
  const segments: SegmentRecord[] = [];
  doc.segments.forEach((s, i) => {
    const segmentId = freshSegmentIds ? newId("s") : s.id;
    segmentIds.set(s.id, segmentId);
    segments.push({
      id: segmentId,
      docId,
      order: keys[i] ?? String(i),
      paragraph: s.paragraph,
      source: s.source,
    });
  });
  // Each column as cells: the file's aligned cells, or one one-row cell per row down to the
  // column's last target (empty where the file has none). A cell starting at a row keeps the id
  // `${rowId}:${lang}`; others get fresh ids.
  const translations: TranslationRecord[] = [];
  const rowIds = segments.map((s) => s.id);
  const segmentById = new Map(doc.segments.map((s) => [segmentIds.get(s.id) ?? s.id, s]));
  const columns = documentColumns(doc, { docId, newId: (lang, k) => `${lang}#${k}` }, at);
  for (const [lang, column] of Object.entries(columns) as [TargetLang, TargetCell[]][]) {
    const starts = cellStarts(column);
    const used = new Set<string>();
    column.forEach((c, k) => {
      const start = Math.min(starts[k]!, rowIds.length - 1);
      const rowId = rowIds[Math.max(0, start)] ?? "";
      const preferred = `${rowId}:${lang}`;
      const own = c.span > 0 && starts[k]! < rowIds.length && !used.has(preferred);
      const id = own ? preferred : newId("t");
      used.add(id);
      const competing = c.span === 1 ? segmentById.get(rowId)?.targets[lang]?.competing : undefined;
      translations.push({
        ...c,
        id,
        segmentId: rowId,
        createdBy: c.createdBy || user,
        changedBy: c.changedBy || user,
        ...(competing && competing.length > 0 ? { competing } : {}),
      });
    });
  }
  await db.documents.add({
    id: docId,
    title: doc.title,
    sourceLang: doc.sourceLang,
    origin: { kind: "json" },
    segmentCount: segments.length,
    createdAt: doc.createdAt ?? at,
    updatedAt: doc.updatedAt ?? at,
  });
  await db.segments.bulkAdd(segments);
  await db.translations.bulkAdd(translations);
  // The file's revision log where it has one (our JSON), else one revision per target with text.
  const cellIds = new Set(translations.map((t) => t.id));
  const fileRevisions = (doc.revisions ?? []).flatMap((r): RevisionRecord[] => {
    const segmentId = segmentIds.get(r.segmentId);
    if (!segmentId) return [];
    const translation =
      r.cellId !== undefined && !freshSegmentIds ? r.cellId : translationId(segmentId, r.lang);
    if (!cellIds.has(translation)) return [];
    return [
      {
        translationId: translation,
        segmentId,
        docId,
        lang: r.lang,
        text: r.text,
        status: r.status,
        user: r.user,
        at: r.at,
        action: (REVISION_ACTIONS as readonly string[]).includes(r.action)
          ? (r.action as RevisionAction)
          : "import",
      },
    ];
  });
  const withLog = new Set(fileRevisions.map((r) => r.translationId));
  await db.revisions.bulkAdd([
    ...fileRevisions,
    ...translations.filter((t) => t.text !== "" && !withLog.has(t.id)).map(revisionFromExisting),
  ]);
  const comments: CommentRecord[] = [];
  for (const s of doc.segments) {
    const segmentId = segmentIds.get(s.id)!;
    for (const lang of TARGET_LANGS) {
      for (const c of s.comments?.[lang] ?? []) {
        const clash = freshSegmentIds || (await db.comments.get(c.id)) !== undefined;
        comments.push({
          id: clash ? newId("c") : c.id,
          docId,
          segmentId,
          lang,
          author: c.author,
          at: c.at,
          text: c.text,
          open: c.open ? 1 : 0,
          ...(c.resolvedBy !== undefined ? { resolvedBy: c.resolvedBy } : {}),
          ...(c.resolvedAt !== undefined ? { resolvedAt: c.resolvedAt } : {}),
        });
      }
    }
  }
  if (comments.length > 0) await db.comments.bulkAdd(comments);
  // Dismissed QA findings follow their rows (the fingerprint is of the texts, not of the ids).
  const dismissals = (doc.qaDismissals ?? []).flatMap((q): QaDismissalRecord[] => {
    const segmentId = segmentIds.get(q.segmentId);
    return segmentId
      ? [{ ...q, segmentId, docId, id: dismissalId(segmentId, q.lang, q.fingerprint) }]
      : [];
  });
  if (dismissals.length > 0) await db.qaDismissals.bulkPut(dismissals);
  // The TMX metadata of the file, or what our JSON backup carries of it.
  const kept = extras ?? tmxExtrasOf({ documents: [doc] });
  if (kept) await db.tmxExtras.bulkPut(extrasRows(kept, docId, segmentIds));
}
