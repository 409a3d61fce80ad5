import type { SelarasDb } from "../database.ts";
import type { Bundle } from "../../core/model/bundle.ts";
import type { TranslationRecord } from "../../core/model/records.ts";
import type { RecordPatch } from "../../core/edit/patch.ts";
import { planUnitMatches, type UnitMatchPlan } from "../../core/format/match-units.ts";
import { AppError } from "../../core/model/app-error.ts";
import { nowIso } from "../ids.ts";
import { segmentsOf } from "../queries/segment-rows.ts";
import { columnsByLang, rowView } from "../../core/align-edit/row-view.ts";
import { cellAtRow } from "./cells.ts";
import { commitPatches, commitTables } from "./commit-patches.ts";

/** The document's rows and the cell shown in each row. */
async function rowsAndCells(db: SelarasDb, docId: string) {
  const [segments, cells] = await Promise.all([
    segmentsOf(db, docId),
    db.translations.where("docId").equals(docId).toArray(),
  ]);
  return {
    segments,
    cells,
    view: rowView(
      segments.map((s) => s.id),
      cells,
    ),
  };
}

/** What importing a file into a document would do (nothing is written). */
export async function planImportIntoDocument(
  db: SelarasDb,
  docId: string,
  bundle: Bundle,
): Promise<UnitMatchPlan> {
  const { segments, view } = await rowsAndCells(db, docId);
  return planUnitMatches(bundle, segments, view.starts, view.covering);
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
  replace: boolean,
  user: string,
): Promise<number> {
  const at = nowIso();
  return db.transaction("rw", commitTables(db), async () => {
    if (!(await db.documents.get(docId))) throw new AppError("db.documentMissing", { docId });
    const { segments, cells, view } = await rowsAndCells(db, docId);
    const plan = planUnitMatches(bundle, segments, view.starts, view.covering);
    const rowIds = segments.map((s) => s.id);
    const rowIndex = new Map(rowIds.map((id, i) => [id, i]));
    const columns = columnsByLang(cells);
    const matches = [...plan.fills, ...(replace ? plan.changes : [])].sort(
      (a, b) => rowIndex.get(a.segmentId)! - rowIndex.get(b.segmentId)!,
    );
    const patches: RecordPatch[] = [];
    for (const m of matches) {
      // An empty cell has no author yet: the file's creation stamps count.
      const authored = m.current && m.current.text.trim() !== "" ? m.current : null;
      const incoming = (current: TranslationRecord): TranslationRecord => ({
        ...current,
        text: m.incoming.text,
        status: m.incoming.status,
        origin: "import",
        confidence: null,
        createdBy: authored?.createdBy ?? m.incoming.createdBy ?? user,
        createdAt: authored?.createdAt ?? m.incoming.createdAt ?? at,
        changedBy: m.incoming.changedBy ?? user,
        changedAt: m.incoming.changedAt ?? at,
      });
      if (m.current) {
        patches.push({
          table: "translations",
          key: m.current.id,
          before: m.current,
          after: incoming(m.current),
        });
        continue;
      }
      const column = columns[m.lang] ?? [];
      const { cell, fill } = cellAtRow(
        column,
        rowIds,
        rowIndex.get(m.segmentId)!,
        { docId, lang: m.lang },
        { user, at },
      );
      columns[m.lang] = [...column, ...fill];
      for (const c of fill) {
        patches.push({
          table: "translations",
          key: c.id,
          before: null,
          after: c === cell ? incoming(c) : c,
        });
      }
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
