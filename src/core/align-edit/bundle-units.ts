import type { BundleSegment, BundleTarget } from "../model/bundle.ts";
import type { TargetLang } from "../model/languages.ts";
import { joinTexts } from "./column.ts";
import type { GroupedUnits, UnitTarget } from "./group-units.ts";

/** What a unit needs of a source row (a SegmentRecord has all of it). */
export interface SourceRow {
  id: string;
  paragraph: number;
  source: string;
}

function bundleTarget(target: UnitTarget): BundleTarget {
  const withText = target.cells.filter((c) => c.text.trim() !== "");
  const created = withText.reduce((a, b) => (b.createdAt < a.createdAt ? b : a));
  const changed = withText.reduce((a, b) => (b.changedAt > a.changedAt ? b : a));
  return {
    text: target.text,
    status: target.status,
    createdBy: created.createdBy,
    createdAt: created.createdAt,
    changedBy: changed.changedBy,
    changedAt: changed.changedAt,
  };
}

/**
 * The units as the format-neutral segments the writers take (TMX, JSON, XLIFF): one segment per unit,
 * with the id and paragraph of its first row, its rows' sources joined by a space, and a target per
 * language that has text (stamps: the earliest creation and the latest change among its cells).
 * Overflow cells are not included: they have no source to pair with (see `GroupedUnits.overflow`).
 */
export function unitsToBundleSegments(
  rows: readonly SourceRow[],
  grouped: GroupedUnits,
): BundleSegment[] {
  return grouped.units.map((unit) => {
    const [from, to] = unit.rows;
    const first = rows[from];
    const targets: BundleSegment["targets"] = {};
    for (const [lang, target] of Object.entries(unit.targets) as [TargetLang, UnitTarget][]) {
      if (target.text !== "") targets[lang] = bundleTarget(target);
    }
    return {
      id: first?.id ?? `row-${from}`,
      paragraph: first?.paragraph ?? 0,
      source: joinTexts(rows.slice(from, to).map((r) => r.source)),
      targets,
    };
  });
}
