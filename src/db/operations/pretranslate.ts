import type { SelarasDb } from "../database.ts";
import type { Bundle } from "../../core/model/bundle.ts";
import type { UnitMatchPlan } from "../../core/format/match-units.ts";
import { TARGET_LANGS, type TargetLang } from "../../core/model/languages.ts";
import { translationId } from "../../core/model/records.ts";
import { AppError } from "../../core/model/app-error.ts";
import {
  MIN_PRETRANSLATE_THRESHOLD,
  planFuzzyFills,
  type PretranslateRow,
} from "../../core/tm/pretranslate.ts";
import { readDocumentRows } from "../queries/segment-rows.ts";
import { readMemoryTmUnits } from "../queries/tm-units.ts";
import { memoryMatchesFor } from "./project-memory.ts";
import {
  applyIntoDocument,
  changeKey,
  planImportIntoDocument,
  type PlannedFill,
} from "./import-into-document.ts";

/** Default lowest fuzzy score of a pre-translation (%); 100 fills exact matches only. */
export const DEFAULT_PRETRANSLATE_THRESHOLD = 75;

/** What pre-translating a document from the project memory would do (nothing is written). */
export interface PretranslatePlan {
  threshold: number;
  /** The memory's units with a segment's exact source, as a bundle for the exact plan. */
  bundle: Bundle;
  /** Exact matches: as an import of that bundle into the document. */
  exact: UnitMatchPlan & { rows: ReadonlyMap<string, number> };
  /** Empty targets no exact unit fills that get a fuzzy match as a draft (threshold < 100). */
  fuzzy: PlannedFill[];
  /** Empty one-row targets of the document before the pre-translation. */
  emptyTargets: number;
}

/**
 * Plans the pre-translation of a document from the project memory: exact units as today (their
 * texts and statuses, differing targets listed to choose), then, below 100 %, for every other
 * empty target the best fuzzy match at or above `threshold` (core/tm/pretranslate.ts) in the
 * document's source language. The memory is read and indexed once per call.
 */
export async function planPretranslate(
  db: SelarasDb,
  docId: string,
  threshold: number,
): Promise<PretranslatePlan> {
  const doc = await db.documents.get(docId);
  if (!doc) throw new AppError("db.documentMissing", { docId });
  const bundle = await memoryMatchesFor(db, docId);
  const exact = await planImportIntoDocument(db, docId, bundle);
  const filled = new Set(exact.fills.map(changeKey));
  const { segments, view } = await readDocumentRows(db, docId);
  const langs = TARGET_LANGS.filter((l) => l !== doc.sourceLang) as TargetLang[];
  const rows: PretranslateRow[] = [];
  let emptyTargets = 0;
  segments.forEach((seg, r) => {
    const empty: TargetLang[] = [];
    for (const lang of langs) {
      const key = translationId(seg.id, lang);
      const cell = view.starts.get(key);
      const isEmpty = cell ? cell.span === 1 && cell.text.trim() === "" : !view.covering.has(key);
      if (!isEmpty) continue;
      emptyTargets++;
      if (!filled.has(changeKey({ segmentId: seg.id, lang }))) empty.push(lang);
    }
    if (empty.length === 0) return;
    const prev = segments[r - 1]?.source;
    const next = segments[r + 1]?.source;
    rows.push({
      segmentId: seg.id,
      source: seg.source,
      empty,
      ...(prev !== undefined ? { prev } : {}),
      ...(next !== undefined ? { next } : {}),
    });
  });
  let fuzzy: PlannedFill[] = [];
  if (threshold < 100 && rows.length > 0) {
    const units = (await readMemoryTmUnits(db))
      .filter((u) => u.sourceLang === doc.sourceLang)
      .map((u) => u.unit);
    fuzzy = planFuzzyFills(
      units,
      doc.sourceLang,
      rows,
      Math.max(MIN_PRETRANSLATE_THRESHOLD, threshold),
    ).map((f) => ({
      segmentId: f.segmentId,
      lang: f.lang as TargetLang,
      text: f.text,
      score: f.score,
    }));
  }
  return { threshold, bundle, exact, fuzzy, emptyTargets };
}

/** What a pre-translation wrote. */
export interface PretranslateResult {
  exact: number;
  fuzzy: number;
}

/**
 * Applies a pre-translation plan as one undoable step: the exact units (differing targets only
 * where their changeKey is in `replace`) and the fuzzy drafts of targets that are still empty.
 */
export async function applyPretranslate(
  db: SelarasDb,
  docId: string,
  plan: PretranslatePlan,
  replace: readonly string[],
  user: string,
): Promise<PretranslateResult> {
  const r = await applyIntoDocument(db, docId, plan.bundle, replace, user, plan.fuzzy);
  return { exact: r.fromFile, fuzzy: r.planned };
}
