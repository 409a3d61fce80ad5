import type { SelarasDb } from "../database.ts";
import type { Bundle } from "../../core/model/bundle.ts";
import { translationId, type TranslationRecord } from "../../core/model/records.ts";
import { statusAfterEdit } from "../../core/model/status.ts";
import type { RecordPatch } from "../../core/edit/patch.ts";
import { planUnitMatches, type UnitMatchPlan } from "../../core/format/match-units.ts";
import type { TargetLang } from "../../core/model/languages.ts";
import { AppError } from "../../core/model/app-error.ts";
import { nowIso } from "../ids.ts";
import { readDocumentRows } from "../queries/segment-rows.ts";
import { columnsByLang } from "../../core/align-edit/row-view.ts";
import { cellsAtRows } from "../../core/align-edit/cell-ops.ts";
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
 * A translation planned outside the transaction for an empty target (a fuzzy memory match of the
 * pre-translation, core/tm/pretranslate.ts): written as a draft recording the match's score, and
 * only while the target is still empty.
 */
export interface PlannedFill {
  segmentId: string;
  lang: TargetLang;
  text: string;
  /** The match's score (%), recorded on the cell as an inserted match's is (`tmScore`). */
  score: number;
}

/** What an import into a document wrote. */
export interface IntoDocumentResult {
  /** Records written (cells, and the empty cells that extend a column). */
  patches: number;
  /** Targets that got the file's (or the memory's exact unit's) text. */
  fromFile: number;
  /** Empty targets that got a planned fill's text. */
  planned: number;
}

/**
 * Applies a file's matching translations to a document as one undoable step: empty targets are
 * filled, and differing ones replaced only with `replace`. Statuses, authors and dates come from the
 * file (a TMX or JSON export restores them). Re-plans inside the transaction, so it is all-or-nothing
 * against the current data. A row past the end of a column gets the empty cells that reach it.
 * Returns the number of records written.
 */
export async function applyImportIntoDocument(
  db: SelarasDb,
  docId: string,
  bundle: Bundle,
  /** Replace the differing targets: all of them, none, or those whose changeKey is listed. */
  replace: boolean | readonly string[],
  user: string,
): Promise<number> {
  return (await applyIntoDocument(db, docId, bundle, replace, user)).patches;
}

/**
 * `applyImportIntoDocument`, and in the same undo step the planned fills of targets the file does
 * not fill and that are still empty (a target that has text now, or lies under a cell of several
 * rows, is left alone).
 */
export async function applyIntoDocument(
  db: SelarasDb,
  docId: string,
  bundle: Bundle,
  replace: boolean | readonly string[],
  user: string,
  planned: readonly PlannedFill[] = [],
): Promise<IntoDocumentResult> {
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
    const write = (
      m: { segmentId: string; lang: TargetLang; current: TranslationRecord | null },
      incoming: (current: TranslationRecord) => TranslationRecord,
    ) => {
      if (m.current) {
        const after = incoming(m.current);
        patches.push({ table: "translations", key: m.current.id, before: m.current, after });
      } else {
        const rows = pastEnd.get(m.lang) ?? new Map();
        rows.set(rowIndex.get(m.segmentId)!, incoming);
        pastEnd.set(m.lang, rows);
      }
    };
    const written = new Set<string>();
    for (const m of [...plan.fills, ...changes]) {
      written.add(translationId(m.segmentId, m.lang));
      // An empty cell has no author yet: the file's creation stamps count.
      const authored = m.current && m.current.text.trim() !== "" ? m.current : null;
      write(m, (current) => ({
        ...current,
        text: m.incoming.text.normalize("NFC"),
        status: m.incoming.status,
        origin: "import",
        confidence: null,
        createdBy: authored?.createdBy ?? m.incoming.createdBy ?? user,
        createdAt: authored?.createdAt ?? m.incoming.createdAt ?? at,
        changedBy: m.incoming.changedBy ?? user,
        changedAt: m.incoming.changedAt ?? at,
      }));
    }
    const fromFile = written.size;
    for (const f of planned) {
      const key = translationId(f.segmentId, f.lang);
      if (written.has(key) || !rowIndex.has(f.segmentId)) continue;
      const current = view.starts.get(key) ?? null;
      if (current ? current.span !== 1 || current.text.trim() !== "" : view.covering.has(key))
        continue;
      written.add(key);
      const text = f.text.normalize("NFC");
      write({ segmentId: f.segmentId, lang: f.lang, current }, (cell) => ({
        ...cell,
        text,
        status: statusAfterEdit(text),
        origin: "import",
        confidence: null,
        tmScore: Math.round(f.score),
        createdBy: user,
        createdAt: at,
        changedBy: user,
        changedAt: at,
      }));
    }
    // One extension per column, down to its last imported row; the matched rows get their text.
    for (const [lang, rows] of pastEnd) {
      const made = cellsAtRows(
        columns[lang] ?? [],
        rowIds,
        [...rows.keys()],
        { docId, lang },
        cellContext(user, at),
      );
      const rowOf = new Map([...made.cells].map(([row, c]) => [c.id, row]));
      for (const p of made.patches) {
        const row = p.after ? rowOf.get(p.after.id) : undefined;
        const incoming = row === undefined ? undefined : rows.get(row);
        patches.push({
          table: "translations",
          key: p.key,
          before: p.before,
          after: p.after && incoming ? incoming(p.after) : p.after,
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
    return { patches: applied.length, fromFile, planned: written.size - fromFile };
  });
}
