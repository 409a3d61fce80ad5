import type { SelarasDb } from "../database.ts";
import type { Bundle } from "../../core/model/bundle.ts";
import type { TranslationRecord } from "../../core/model/records.ts";
import type { RecordPatch } from "../../core/edit/patch.ts";
import { planUnitMatches, type UnitMatchPlan } from "../../core/format/match-units.ts";
import type { TargetLang } from "../../core/model/languages.ts";
import { AppError } from "../../core/model/app-error.ts";
import { nowIso } from "../ids.ts";
import { readDocumentRows } from "../queries/segment-rows.ts";
import { columnsByLang } from "../../core/align-edit/row-view.ts";
import { cellAtRow } from "../../core/align-edit/cell-ops.ts";
import { cellContext } from "./cells.ts";
import { commitPatches, commitTables } from "./commit-patches.ts";

/** What importing a file into a document would do (nothing is written). */
export async function planImportIntoDocument(
  db: SelarasDb,
  docId: string,
  bundle: Bundle,
): Promise<UnitMatchPlan & { rows: ReadonlyMap<string, number> }> {
  const { segments, view } = await readDocumentRows(db, docId);
  const plan = planUnitMatches(bundle, segments, view.starts, view.covering);
  // 1-based row numbers of the segments, as the grid shows them.
  return { ...plan, rows: new Map(segments.map((s, i) => [s.id, i + 1])) };
}

/** The key of a planned change, for choosing some of them: `${segmentId}:${lang}`. */
export function changeKey(m: { segmentId: string; lang: string }): string {
  return `${m.segmentId}:${m.lang}`;
}

/**
 * Applies a file's matching translations to a document as one undoable step: empty targets are
 * filled, and differing ones replaced only with `replace`. Statuses, authors and dates come from the
 * file (a TMX or JSON export restores them). Re-plans inside the transaction, so it is all-or-nothing
 * against the current data. A row past the end of a column gets the empty cells that reach it.
 */
export async function applyImportIntoDocument(
  db: SelarasDb,
  docId: string,
  bundle: Bundle,
  /** Replace the differing targets: all of them, none, or those whose changeKey is listed. */
  replace: boolean | readonly string[],
  user: string,
): Promise<number> {
  const chosen = typeof replace === "boolean" ? null : new Set(replace);
  const at = nowIso();
  return db.transaction("rw", commitTables(db), async () => {
    if (!(await db.documents.get(docId))) throw new AppError("db.documentMissing", { docId });
    const { segments, cells, view } = await readDocumentRows(db, docId);
    const plan = planUnitMatches(bundle, segments, view.starts, view.covering);
    const rowIds = segments.map((s) => s.id);
    const rowIndex = new Map(rowIds.map((id, i) => [id, i]));
    const columns = columnsByLang(cells);
    const patches: RecordPatch[] = [];
    // Rows past the end of their column (no current cell yet): per language, row → its new text.
    const pastEnd = new Map<
      TargetLang,
      Map<number, (cell: TranslationRecord) => TranslationRecord>
    >();
    const changes =
      chosen === null
        ? replace
          ? plan.changes
          : []
        : plan.changes.filter((m) => chosen.has(changeKey(m)));
    for (const m of [...plan.fills, ...changes]) {
      // An empty cell has no author yet: the file's creation stamps count.
      const authored = m.current && m.current.text.trim() !== "" ? m.current : null;
      const incoming = (current: TranslationRecord): TranslationRecord => ({
        ...current,
        text: m.incoming.text.normalize("NFC"),
        status: m.incoming.status,
        origin: "import",
        confidence: null,
        createdBy: authored?.createdBy ?? m.incoming.createdBy ?? user,
        createdAt: authored?.createdAt ?? m.incoming.createdAt ?? at,
        changedBy: m.incoming.changedBy ?? user,
        changedAt: m.incoming.changedAt ?? at,
      });
      if (m.current) {
        const after = incoming(m.current);
        patches.push({ table: "translations", key: m.current.id, before: m.current, after });
      } else {
        const rows = pastEnd.get(m.lang) ?? new Map();
        rows.set(rowIndex.get(m.segmentId)!, incoming);
        pastEnd.set(m.lang, rows);
      }
    }
    // One extension per column, down to its last imported row; the matched rows get their text.
    for (const [lang, rows] of pastEnd) {
      let last = 0;
      for (const row of rows.keys()) last = Math.max(last, row);
      const { fill } = cellAtRow(
        columns[lang] ?? [],
        rowIds,
        last,
        { docId, lang },
        cellContext(user, at),
      );
      const first = last - fill.length + 1;
      fill.forEach((c, k) => {
        const incoming = rows.get(first + k);
        patches.push({
          table: "translations",
          key: c.id,
          before: null,
          after: incoming ? incoming(c) : c,
        });
      });
    }
    const applied = await commitPatches(db, patches, {
      docId,
      label: "import",
      user,
      at,
      action: "import",
    });
    return applied.length;
  });
}
