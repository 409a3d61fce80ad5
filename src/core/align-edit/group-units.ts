import type { TargetLang } from "../model/languages.ts";
import type { Status } from "../model/status.ts";
import { cellStarts, inOrder, isEmptyCell, joinTexts } from "./column.ts";
import { placeOf } from "./layout.ts";
import type { TargetCell } from "./types.ts";

/**
 * How far along the review workflow a status is, lowest first. A unit built from several cells is only
 * as far along as its least advanced part, so exporting it never claims more than every part earned:
 * a rejected part ranks below a draft one because a reviewer said it is wrong, which must not be
 * hidden behind a merely unconfirmed status; empty ranks lowest of all. The one place this order lives.
 */
export const STATUS_PROGRESS: Readonly<Record<Status, number>> = {
  empty: 0,
  rejected: 1,
  draft: 2,
  translated: 3,
  approved: 4,
};

/**
 * The status of a unit's target made of these cells: the least advanced status of the cells that have
 * text (an empty cell inside a unit is a 1-0 link, an omission, not a missing part), or "empty" when
 * none has text.
 */
export function leastAdvanced(cells: readonly TargetCell[]): Status {
  let status: Status | null = null;
  for (const c of cells) {
    if (isEmptyCell(c)) continue;
    if (status === null || STATUS_PROGRESS[c.status] < STATUS_PROGRESS[status]) status = c.status;
  }
  return status ?? "empty";
}

export interface UnitTarget {
  /** The cells' texts joined with a space, in column order (span-0 cells where they sit). */
  text: string;
  status: Status;
  cells: TargetCell[];
}

export interface TranslationUnit {
  /** Source rows [start, end). */
  rows: [number, number];
  /** Only the languages with at least one cell in the unit. */
  targets: Partial<Record<TargetLang, UnitTarget>>;
}

export interface GroupedUnits {
  units: TranslationUnit[];
  /** Per language, cells past the last source row (target text with no source to pair with). */
  overflow: Partial<Record<TargetLang, TargetCell[]>>;
}

/**
 * Groups source rows into export units (TMX <tu>): a unit covers the smallest group of rows on which
 * every exported language agrees, i.e. unit boundaries are the row boundaries that are a cell
 * boundary in every language of `languages` (a row past the end of a column, or in a gap, is a boundary there).
 * Linear in rows + cells.
 */
export function groupUnits(
  rowCount: number,
  columns: Partial<Record<TargetLang, readonly TargetCell[]>>,
  languages: readonly TargetLang[],
): GroupedUnits {
  const sorted = languages.map((lang) => {
    const cells = inOrder(columns[lang] ?? []);
    return { lang, cells, starts: cellStarts(cells) };
  });
  // cut[r]: a unit starts at row r.
  const cut = new Array<boolean>(rowCount).fill(true);
  for (const { cells, starts } of sorted) {
    cells.forEach((c, k) => {
      // A gap's rows are uncovered: each one is a boundary, as past the column's end.
      if (c.gap) return;
      const start = starts[k]!;
      for (let r = start + 1; r < Math.min(start + c.span, rowCount); r++) cut[r] = false;
    });
  }
  const units: TranslationUnit[] = [];
  const unitOfRow: number[] = [];
  for (let r = 0; r < rowCount; r++) {
    if (cut[r]) units.push({ rows: [r, r + 1], targets: {} });
    const unit = units.at(-1)!;
    unit.rows[1] = r + 1;
    unitOfRow.push(units.length - 1);
  }
  const overflow: GroupedUnits["overflow"] = {};
  for (const { lang, cells, starts } of sorted) {
    cells.forEach((cell, k) => {
      if (cell.gap) return;
      const start = starts[k]!;
      const place = placeOf(start, cell.span, rowCount);
      if (place === "overflow") {
        (overflow[lang] ??= []).push(cell);
        return;
      }
      const row = place === "rows" ? start : place === "under" ? start - 1 : 0;
      const unit = units[unitOfRow[row]!]!;
      const target = (unit.targets[lang] ??= { text: "", status: "empty", cells: [] });
      target.cells.push(cell);
    });
    for (const unit of units) {
      const target = unit.targets[lang];
      if (!target) continue;
      target.text = joinTexts(target.cells.map((c) => c.text));
      target.status = leastAdvanced(target.cells);
    }
  }
  return { units, overflow };
}
