import { TmIndex } from "./tm-index.ts";
import type { TmUnit } from "./types.ts";

/** A row of the document to pre-translate and the target languages whose cell there is empty. */
export interface PretranslateRow {
  segmentId: string;
  source: string;
  prev?: string;
  next?: string;
  /** The languages to fill (the row's cell is empty in them). */
  empty: readonly string[];
}

/** One empty target filled from a fuzzy match. */
export interface FuzzyFill {
  segmentId: string;
  lang: string;
  /** The match's text in that language (its numbers replaced by the row's when it offers it). */
  text: string;
  /** The match's final score (%): what the cell records. */
  score: number;
  /** The unit it came from. */
  unitId: string;
}

/** Lowest threshold a pre-translation accepts (the matches panel shows from 50 % too). */
export const MIN_PRETRANSLATE_THRESHOLD = 50;

/**
 * Fuzzy pre-translation, planned (nothing written): for each empty target of each row, the best
 * unit at or above `threshold` that holds a translation in that language, by the scoring and ties
 * of `TmIndex.match`. One index per target language, so a better unit without that language never
 * hides one that has it. A match that offers its numbers replaced by the row's gives that text.
 */
export function planFuzzyFills(
  units: readonly TmUnit[],
  sourceLang: string,
  rows: readonly PretranslateRow[],
  threshold: number,
): FuzzyFill[] {
  const wanted = new Set(rows.flatMap((r) => r.empty));
  const indexes = new Map<string, TmIndex>();
  for (const lang of wanted) {
    const index = new TmIndex(sourceLang);
    for (const u of units) if ((u.targets[lang] ?? "").trim() !== "") index.add(u);
    indexes.set(lang, index);
  }
  const fills: FuzzyFill[] = [];
  for (const row of rows) {
    for (const lang of row.empty) {
      const index = indexes.get(lang)!;
      if (index.size === 0) continue;
      const [best] = index.match(
        {
          source: row.source,
          ...(row.prev !== undefined ? { prev: row.prev } : {}),
          ...(row.next !== undefined ? { next: row.next } : {}),
        },
        { threshold: Math.max(MIN_PRETRANSLATE_THRESHOLD, threshold), limit: 1 },
      );
      if (!best) continue;
      const text = best.substituted?.[lang] ?? best.unit.targets[lang]!;
      fills.push({
        segmentId: row.segmentId,
        lang,
        text,
        score: best.score,
        unitId: best.unit.id,
      });
    }
  }
  return fills;
}
