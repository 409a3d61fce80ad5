import type { Transaction } from "dexie";
import type { TargetLang } from "../../core/model/languages.ts";
import type { SegmentRecord, TranslationRecord } from "../../core/model/records.ts";
import type { RecordPatch } from "../../core/edit/patch.ts";
import type { Status } from "../../core/model/status.ts";
import type { HistoryRecord } from "../records.ts";

/** A target as v1–v4 stored it: one per segment and language, keyed `${segmentId}:${lang}`. */
export interface LegacyTranslation {
  id: string;
  segmentId: string;
  docId: string;
  lang: TargetLang;
  text: string;
  status: Status;
  createdBy: string;
  createdAt: string;
  changedBy: string;
  changedAt: string;
}

/** A v4 target as a cell of its segment's row: span 1, the segment's order key, typed by a person. */
export function cellFromLegacy(t: LegacyTranslation, order: string): TranslationRecord {
  return { ...t, order, span: 1, origin: "typed", confidence: null, locked: false };
}

/** An empty one-row cell for a segment that had no target (so the column tiles its rows). */
export function emptyRowCell(
  segment: Pick<SegmentRecord, "id" | "docId" | "order">,
  lang: TargetLang,
  at: string,
): TranslationRecord {
  return {
    id: `${segment.id}:${lang}`,
    segmentId: segment.id,
    docId: segment.docId,
    lang,
    order: segment.order,
    span: 1,
    text: "",
    status: "empty",
    origin: "typed",
    confidence: null,
    locked: false,
    createdBy: "",
    createdAt: at,
    changedBy: "",
    changedAt: at,
  };
}

function isLegacy(t: unknown): t is LegacyTranslation {
  return typeof t === "object" && t !== null && !("span" in t);
}

/**
 * v5 turns the targets into cells of per-language columns (core/align-edit). Each target becomes a
 * one-row cell ordered like its segment; rows without a target up to a column's last target get an
 * empty cell, so the column still lines up with the rows. The undo history is rewritten the same way,
 * so undo and redo keep working across the upgrade: a target a command created or deleted without
 * creating or deleting its segment becomes an empty cell rather than nothing (deleting it would now
 * shift the rows below). A command whose targets cannot be placed (segment gone) is dropped, which
 * only shortens how far back undo reaches.
 */
export async function targetCellsUpgrade(tx: Transaction): Promise<void> {
  const segments = (await tx.table("segments").toArray()) as SegmentRecord[];
  const history = (await tx.table("history").toArray()) as HistoryRecord[];
  const orderOf = new Map(segments.map((s) => [s.id, s.order]));
  for (const h of history) {
    for (const p of h.patches) {
      if (p.table !== "segments") continue;
      const s = p.after ?? p.before;
      if (s && !orderOf.has(s.id)) orderOf.set(s.id, s.order);
    }
  }

  const legacy = (await tx.table("translations").toArray()) as LegacyTranslation[];
  const cells = legacy
    .filter((t) => orderOf.has(t.segmentId))
    .map((t) => cellFromLegacy(t, orderOf.get(t.segmentId)!));
  const have = new Set(cells.map((c) => c.id));
  const lastOrder = new Map<string, string>();
  for (const c of cells) {
    const key = `${c.docId}:${c.lang}`;
    const last = lastOrder.get(key);
    if (last === undefined || c.order > last) lastOrder.set(key, c.order);
  }
  const at = new Date().toISOString();
  for (const [key, last] of lastOrder) {
    const [docId, lang] = key.split(":") as [string, TargetLang];
    for (const s of segments) {
      if (s.docId === docId && s.order < last && !have.has(`${s.id}:${lang}`)) {
        cells.push(emptyRowCell(s, lang, at));
      }
    }
  }
  await tx.table("translations").clear();
  await tx.table("translations").bulkPut(cells);

  for (const h of history) {
    const migrated = migrateCommand(h.patches, orderOf, at);
    if (migrated) await tx.table("history").put({ ...h, patches: migrated });
    else await tx.table("history").delete(h.seq!);
  }
}

function migrateCommand(
  patches: readonly RecordPatch[],
  orderOf: ReadonlyMap<string, string>,
  at: string,
): RecordPatch[] | null {
  const rowChanges = new Set(
    patches
      .filter((p) => p.table === "segments" && (p.before === null || p.after === null))
      .map((p) => p.key),
  );
  const out: RecordPatch[] = [];
  for (const p of patches) {
    if (p.table !== "translations") {
      out.push(p);
      continue;
    }
    const legacyRecord = p.after ?? p.before;
    if (!isLegacy(p.before) && !isLegacy(p.after)) {
      out.push(p);
      continue;
    }
    if (!legacyRecord) continue;
    const order = orderOf.get(legacyRecord.segmentId);
    if (order === undefined) return null;
    const empty = rowChanges.has(legacyRecord.segmentId)
      ? null
      : emptyRowCell(
          { id: legacyRecord.segmentId, docId: legacyRecord.docId, order },
          legacyRecord.lang,
          at,
        );
    const convert = (r: LegacyTranslation | TranslationRecord | null) =>
      r === null ? empty : isLegacy(r) ? cellFromLegacy(r, order) : r;
    out.push({
      table: "translations",
      key: p.key,
      before: convert(p.before),
      after: convert(p.after),
    });
  }
  return out;
}
