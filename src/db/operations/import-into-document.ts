import type { SelarasDb } from "../database.ts";
import type { Bundle } from "../../core/model/bundle.ts";
import type { TranslationRecord } from "../../core/model/records.ts";
import { translationId } from "../../core/model/records.ts";
import type { RecordPatch } from "../../core/edit/patch.ts";
import { planUnitMatches, type UnitMatchPlan } from "../../core/format/match-units.ts";
import { AppError } from "../../core/model/app-error.ts";
import { nowIso } from "../ids.ts";
import { segmentsOf, translationsOf } from "../queries/segment-rows.ts";
import { commitPatches, commitTables } from "./commit-patches.ts";

/** What importing a file into a document would do (nothing is written). */
export async function planImportIntoDocument(
  db: SelarasDb,
  docId: string,
  bundle: Bundle,
): Promise<UnitMatchPlan> {
  const [segments, translations] = await Promise.all([
    segmentsOf(db, docId),
    translationsOf(db, docId),
  ]);
  return planUnitMatches(bundle, segments, translations);
}

/**
 * Applies a file's matching translations to a document as one undoable step: empty targets are
 * filled, and differing ones replaced only with `replace`. Statuses, authors and dates come from the
 * file (a TMX or JSON export restores them). Re-plans inside the transaction, so it is all-or-nothing
 * against the current data.
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
    const [segments, translations] = await Promise.all([
      segmentsOf(db, docId),
      translationsOf(db, docId),
    ]);
    const plan = planUnitMatches(bundle, segments, translations);
    const patches: RecordPatch[] = [...plan.fills, ...(replace ? plan.changes : [])].map((m) => {
      const id = translationId(m.segmentId, m.lang);
      const after: TranslationRecord = {
        id,
        segmentId: m.segmentId,
        docId,
        lang: m.lang,
        text: m.incoming.text,
        status: m.incoming.status,
        createdBy: m.current?.createdBy ?? m.incoming.createdBy ?? user,
        createdAt: m.current?.createdAt ?? m.incoming.createdAt ?? at,
        changedBy: m.incoming.changedBy ?? user,
        changedAt: m.incoming.changedAt ?? at,
      };
      return { table: "translations", key: id, before: m.current, after };
    });
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
