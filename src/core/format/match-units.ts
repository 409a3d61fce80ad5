import type { Bundle, BundleTarget } from "../model/bundle.ts";
import type { SegmentRecord, TranslationRecord } from "../model/records.ts";
import { translationId } from "../model/records.ts";
import { TARGET_LANGS, type TargetLang } from "../model/languages.ts";

/** Source text as matched across files: NFC, white space folded, trimmed. */
export function matchKey(text: string): string {
  return text.normalize("NFC").replace(/\s+/gu, " ").trim();
}

export interface TargetMatch {
  segmentId: string;
  lang: TargetLang;
  incoming: BundleTarget;
  current: TranslationRecord | null;
}

export interface UnitMatchPlan {
  /** Empty targets the file fills. */
  fills: TargetMatch[];
  /** Non-empty targets the file would change (applied only when the user says so). */
  changes: TargetMatch[];
  /** Targets already equal to the file's. */
  same: number;
  /** Segments of the document the file has a unit for. */
  matchedSegments: number;
  /** Units of the file whose source is not in the document. */
  unmatchedUnits: number;
}

/**
 * Matches a file's units to a document's segments by exact source text (after matchKey), the way a
 * CAT tool applies a 100% TM match, and plans what would be filled or changed. When the file has the
 * same source twice, its first unit wins. Nothing is written.
 */
export function planUnitMatches(
  bundle: Bundle,
  segments: readonly SegmentRecord[],
  translations: ReadonlyMap<string, TranslationRecord>,
  /** Rows covered by a cell that starts above (an aligned 2-1 link): not matched one by one. */
  covering: ReadonlyMap<string, TranslationRecord> = new Map(),
): UnitMatchPlan {
  const units = new Map<string, Partial<Record<TargetLang, BundleTarget>>>();
  for (const doc of bundle.documents) {
    for (const seg of doc.segments) {
      const key = matchKey(seg.source);
      if (!units.has(key)) units.set(key, seg.targets);
    }
  }
  const plan: UnitMatchPlan = {
    fills: [],
    changes: [],
    same: 0,
    matchedSegments: 0,
    unmatchedUnits: 0,
  };
  const used = new Set<string>();
  for (const segment of segments) {
    const key = matchKey(segment.source);
    const targets = units.get(key);
    if (!targets) continue;
    used.add(key);
    plan.matchedSegments++;
    for (const lang of TARGET_LANGS) {
      const incoming = targets[lang];
      if (!incoming || incoming.text.trim() === "") continue;
      const key = translationId(segment.id, lang);
      const current = translations.get(key) ?? null;
      if (!current && covering.has(key)) continue;
      const match = { segmentId: segment.id, lang, incoming, current };
      if (!current || current.text.trim() === "") plan.fills.push(match);
      else if (current.text === incoming.text && current.status === incoming.status) plan.same++;
      else plan.changes.push(match);
    }
  }
  plan.unmatchedUnits = [...units.keys()].filter((k) => !used.has(k)).length;
  return plan;
}
