import type { SelarasDb } from "../database.ts";
import type { MemoryUnitRecord } from "../records.ts";
import type { TmUnit } from "../../core/tm/types.ts";
import type { TargetLang } from "../../core/model/languages.ts";
import { TARGET_LANGS } from "../../core/model/languages.ts";
import {
  translationId,
  type DocumentRecord,
  type SegmentRecord,
  type TranslationRecord,
} from "../../core/model/records.ts";
import type { RowView } from "../../core/align-edit/row-view.ts";
import { readDocumentRows } from "./segment-rows.ts";

/**
 * What a match shows of where it came from (TmUnit.origin, plain strings so it crosses to and
 * from the TM worker): `kind` memory | document, `name` (file or document title), `docId`, and per
 * target language `status.<lang>`, `author.<lang>`, `date.<lang>`; `aligner.<lang>` = "1" for a
 * link from the aligner that no one confirmed.
 */
export type TmOrigin = Record<string, string>;

/** The id of a memory unit in the TM index. */
export function memoryUnitId(id: number): string {
  return `m:${id}`;
}

/** The id of a document row in the TM index (segment ids are unique across documents). */
export function rowUnitId(segmentId: string): string {
  return `s:${segmentId}`;
}

/** A memory record as a TM unit (its targets' texts, approved when every target is approved). */
export function memoryTmUnit(u: MemoryUnitRecord): TmUnit | null {
  const targets: Record<string, string> = {};
  const origin: TmOrigin = { kind: "memory", name: u.origin, date: u.importedAt };
  let approved = true;
  for (const lang of TARGET_LANGS) {
    const t = u.targets[lang];
    if (!t || t.text.trim() === "") continue;
    targets[lang] = t.text;
    origin[`status.${lang}`] = t.status;
    const author = t.changedBy ?? t.createdBy;
    if (author) origin[`author.${lang}`] = author;
    const date = t.changedAt ?? t.createdAt;
    if (date) origin[`date.${lang}`] = date;
    if (t.status !== "approved") approved = false;
  }
  if (Object.keys(targets).length === 0 || u.id === undefined) return null;
  return { id: memoryUnitId(u.id), source: u.source, targets, approved, origin };
}

/** Every unit of the project memory, oldest first, with its source language. */
export async function readMemoryTmUnits(
  db: SelarasDb,
): Promise<Array<{ unit: TmUnit; sourceLang: string }>> {
  const out: Array<{ unit: TmUnit; sourceLang: string }> = [];
  await db.memory.each((u) => {
    const unit = memoryTmUnit(u);
    if (unit) out.push({ unit, sourceLang: u.sourceLang });
  });
  return out;
}

/** Memory units by their numeric ids (missing ones are absent: removed). */
export async function readMemoryTmUnitsById(
  db: SelarasDb,
  ids: readonly number[],
): Promise<Array<{ unit: TmUnit; sourceLang: string }>> {
  const rows = await db.memory.bulkGet([...ids]);
  return rows.flatMap((u) => {
    const unit = u ? memoryTmUnit(u) : null;
    return unit ? [{ unit, sourceLang: u!.sourceLang }] : [];
  });
}

/**
 * A document's rows as TM units: each row with the target text of the cell that starts there and
 * covers only it (a cell over several rows is no translation of one sentence), any status, with
 * the neighbouring sources for in-context matches. Rows with no target text are left out.
 */
export async function readDocumentTmUnits(
  db: SelarasDb,
  docId: string,
  doc?: DocumentRecord,
): Promise<TmUnit[]> {
  return (await readDocumentTmState(db, docId, doc))?.units ?? [];
}

/** What a document's TM units are made of, as read: kept by the TM engine to follow saves. */
export interface DocumentTmState {
  record: DocumentRecord;
  segments: SegmentRecord[];
  cells: Map<string, TranslationRecord>;
  units: TmUnit[];
}

/** The document, its rows and cells, and its TM units (null when there is no such document). */
export async function readDocumentTmState(
  db: SelarasDb,
  docId: string,
  doc?: DocumentRecord,
): Promise<DocumentTmState | null> {
  const record = doc ?? (await db.documents.get(docId));
  if (!record) return null;
  const { segments, cells, view } = await readDocumentRows(db, docId);
  return {
    record,
    segments,
    cells: new Map(cells.map((c) => [c.id, c])),
    units: documentTmUnits(record, segments, view),
  };
}

/** The TM units of a document's rows (`readDocumentTmUnits`), from rows and cells in memory. */
export function documentTmUnits(
  record: DocumentRecord,
  segments: readonly SegmentRecord[],
  view: RowView<TranslationRecord>,
): TmUnit[] {
  const docId = record.id;
  const units: TmUnit[] = [];
  segments.forEach((seg, r) => {
    const targets: Record<string, string> = {};
    const origin: TmOrigin = { kind: "document", name: record.title, docId, row: String(r + 1) };
    let approved = true;
    let fromAligner = false;
    for (const lang of TARGET_LANGS as readonly TargetLang[]) {
      const cell = view.starts.get(translationId(seg.id, lang));
      if (!cell || cell.span !== 1 || cell.text.trim() === "") continue;
      targets[lang] = cell.text;
      origin[`status.${lang}`] = cell.status;
      origin[`author.${lang}`] = cell.changedBy;
      origin[`date.${lang}`] = cell.changedAt;
      if (cell.status !== "approved") approved = false;
      // An aligner's link no one confirmed or changed (a person's edit clears the confidence).
      if (cell.origin === "alignment" && cell.confidence !== null && !cell.locked) {
        fromAligner = true;
        origin[`aligner.${lang}`] = "1";
      }
    }
    if (Object.keys(targets).length === 0) return;
    const prev = segments[r - 1]?.source;
    const next = segments[r + 1]?.source;
    units.push({
      id: rowUnitId(seg.id),
      source: seg.source,
      targets,
      approved,
      fromAligner,
      origin,
      ...(prev !== undefined ? { prev } : {}),
      ...(next !== undefined ? { next } : {}),
    });
  });
  return units;
}
