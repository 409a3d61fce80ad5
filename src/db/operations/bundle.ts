import type { SelarasDb } from "../database.ts";
import type { Bundle, BundleDocument, BundleSegment } from "../../core/model/bundle.ts";
import type { DocumentRecord, SegmentRecord, TranslationRecord } from "../../core/model/records.ts";
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
import { clearDocumentRows, documentTables } from "./delete-document.ts";
import { revisionFromExisting } from "../upgrades/v2-review-workflow.ts";
import { extrasRows } from "./tmx-extras.ts";
import type { TmxExtras } from "../../core/format/tmx/tmx-extras.ts";

/**
 * Reads documents (all, or the given ids, in list order) into the format-neutral Bundle. Each
 * bundle segment is a translation unit: the smallest group of source rows on which the columns of
 * every language in `languages` agree (core/align-edit/group-units.ts), so a cell that covers two
 * rows gives one unit with both sources. With one-row cells everywhere a unit is a row.
 */
export async function loadBundle(
  db: SelarasDb,
  docIds?: readonly string[],
  languages: readonly TargetLang[] = TARGET_LANGS,
  options: { rows?: boolean } = {},
): Promise<Bundle> {
  return db.transaction("r", db.documents, db.segments, db.translations, async () => {
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
      const head = {
        id: doc.id,
        title: doc.title,
        sourceLang: doc.sourceLang,
        createdAt: doc.createdAt,
        updatedAt: doc.updatedAt,
      };
      if (options.rows) {
        documents.push({ ...head, ...rowsOf(segments, columns, languages) });
        continue;
      }
      const grouped = groupUnits(segments.length, columns, languages);
      documents.push({ ...head, segments: unitsToBundleSegments(segments, grouped) });
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
        };
      }
      return { id: s.id, paragraph: s.paragraph, source: s.source, targets };
    }),
    ...(Object.keys(alignment).length > 0 ? { alignment } : {}),
  };
}

export interface ImportConflict {
  docId: string;
  title: string;
  existingTitle: string;
  /** Targets in the database that the import would change or remove. */
  changedTargets: number;
}

export interface BundleImportPlan {
  newDocuments: number;
  unchanged: number;
  conflicts: ImportConflict[];
}

/** What importing the bundle would do, without writing anything. */
export async function planBundleImport(db: SelarasDb, bundle: Bundle): Promise<BundleImportPlan> {
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
    if (changed === 0 && sameSource(current, doc)) plan.unchanged++;
    else
      plan.conflicts.push({
        docId: doc.id,
        title: doc.title,
        existingTitle: current.title,
        changedTargets: changed,
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

/** What to do with a document that already exists: keep it, replace it, or import the file's one as a copy. */
export type ConflictPolicy = "keep" | "replace" | "copy";

export interface BundleImportResult {
  created: string[];
  replaced: string[];
  kept: string[];
}

/** Imports a bundle in one transaction (all-or-nothing). */
export async function applyBundleImport(
  db: SelarasDb,
  bundle: Bundle,
  policy: ConflictPolicy,
  user: string,
  /** Metadata of an imported TMX (props, notes, other languages) to keep for export. */
  extras: TmxExtras | null = null,
): Promise<BundleImportResult> {
  const result: BundleImportResult = { created: [], replaced: [], kept: [] };
  const at = nowIso();
  await db.transaction("rw", [...documentTables(db), db.documents], async () => {
    for (const doc of bundle.documents) {
      const exists = (await db.documents.get(doc.id)) !== undefined;
      if (exists && policy === "keep") {
        result.kept.push(doc.id);
        continue;
      }
      if (exists && policy === "replace") {
        await clearDocumentRows(db, doc.id);
        await db.documents.delete(doc.id);
        await writeBundleDocument(db, doc, doc.id, false, user, at, extras);
        result.replaced.push(doc.id);
        continue;
      }
      const id = exists ? newId("d") : doc.id;
      await writeBundleDocument(db, doc, id, exists, user, at, extras);
      result.created.push(id);
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
      translations.push({
        ...c,
        id,
        segmentId: rowId,
        createdBy: c.createdBy || user,
        changedBy: c.changedBy || user,
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
  await db.revisions.bulkAdd(translations.filter((t) => t.text !== "").map(revisionFromExisting));
  if (extras) await db.tmxExtras.bulkPut(extrasRows(extras, docId, segmentIds));
}
