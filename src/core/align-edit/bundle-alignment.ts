import type { Bundle, BundleCell, BundleDocument } from "../model/bundle.ts";
import { TARGET_LANGS, type TargetLang } from "../model/languages.ts";
import { initialKeys } from "../model/order-key.ts";
import { unitsToBundleSegments } from "./bundle-units.ts";
import { groupUnits } from "./group-units.ts";
import type { TargetCell } from "./types.ts";

/** Is this column more than one target per row (so a bundle must carry its cells)? */
export function needsCells(column: readonly TargetCell[]): boolean {
  return column.some(
    (c) =>
      !c.gap && (c.span !== 1 || c.origin === "alignment" || c.locked || c.confidence !== null),
  );
}

/**
 * A column's cells as a bundle carries them (no ids, no order keys: the list order is the order).
 * A gap (uncovered rows) is written as one empty one-row cell per row, as files always had them.
 */
export function toBundleCells(column: readonly TargetCell[]): BundleCell[] {
  return column.flatMap((c) => (c.gap ? gapCells(c) : [bundleCell(c)]));
}

function gapCells(gap: TargetCell): BundleCell[] {
  const empty: BundleCell = { ...bundleCell(gap), span: 1, text: "", status: "empty" };
  return Array.from({ length: gap.span }, () => ({ ...empty }));
}

function bundleCell(c: TargetCell): BundleCell {
  return {
    span: c.span,
    text: c.text,
    status: c.status,
    origin: c.origin,
    confidence: c.confidence,
    locked: c.locked,
    createdBy: c.createdBy,
    createdAt: c.createdAt,
    changedBy: c.changedBy,
    changedAt: c.changedAt,
  };
}

/**
 * The target columns of a bundle document as cells: from `alignment` where the document has it, else
 * one one-row cell per row down to the column's last target (empty where a row has none).
 */
export function documentColumns(
  doc: BundleDocument,
  ids: { docId: string; newId: (lang: TargetLang, index: number) => string },
  at: string,
): Partial<Record<TargetLang, TargetCell[]>> {
  const out: Partial<Record<TargetLang, TargetCell[]>> = {};
  for (const lang of TARGET_LANGS) {
    const cells = doc.alignment?.[lang] ?? rowCells(doc, lang);
    if (!cells) continue;
    const keys = initialKeys(cells.length);
    out[lang] = cells.map((c, k) => ({
      id: ids.newId(lang, k),
      docId: ids.docId,
      lang,
      order: keys[k]!,
      span: c.span,
      text: c.text,
      status: c.status,
      origin: c.origin,
      confidence: c.confidence,
      locked: c.locked,
      createdBy: c.createdBy ?? "",
      createdAt: c.createdAt ?? at,
      changedBy: c.changedBy ?? "",
      changedAt: c.changedAt ?? at,
    }));
  }
  return out;
}

/** One one-row cell per row down to the column's last target; null when the column has none. */
function rowCells(doc: BundleDocument, lang: TargetLang): BundleCell[] | null {
  let last = -1;
  doc.segments.forEach((s, i) => {
    if (s.targets[lang]) last = i;
  });
  if (last < 0) return null;
  return doc.segments.slice(0, last + 1).map((s) => ({
    text: "",
    status: "empty",
    ...s.targets[lang],
    span: 1,
    origin: "import",
    confidence: null,
    locked: false,
  }));
}

/**
 * A bundle for unit-based formats (TMX, XLIFF, TSV): documents that carry aligned columns become one
 * segment per translation unit, the smallest group of rows on which `languages` agree; the others
 * are unchanged.
 */
export function groupBundle(bundle: Bundle, languages: readonly TargetLang[]): Bundle {
  return {
    documents: bundle.documents.map((doc) => {
      if (!doc.alignment) return doc;
      const columns = documentColumns(doc, { docId: doc.id, newId: (l, k) => `${l}${k}` }, "");
      const grouped = groupUnits(doc.segments.length, columns, languages);
      const { alignment: _alignment, ...rest } = doc;
      return { ...rest, segments: unitsToBundleSegments(doc.segments, grouped) };
    }),
  };
}
