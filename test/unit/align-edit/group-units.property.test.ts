import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { joinTexts } from "../../../src/core/align-edit/column.ts";
import { groupUnits } from "../../../src/core/align-edit/group-units.ts";
import { layoutColumn } from "../../../src/core/align-edit/layout.ts";
import type { TargetCell } from "../../../src/core/align-edit/types.ts";
import type { TargetLang } from "../../../src/core/model/languages.ts";
import { makeColumn, startsById } from "./column-fixture.ts";

const specsArb = fc.array(
  fc.record({
    text: fc.constantFrom("", "a", "b c", "d."),
    span: fc.integer({ min: 0, max: 3 }),
    status: fc.constantFrom("draft", "translated", "approved", "rejected" as const),
  }),
  { maxLength: 10 },
);

/** Rows [from, to) each cell covers within the rows that exist (span ≥ 1 cells only). */
function coveredRanges(cells: readonly TargetCell[], rowCount: number): [number, number][] {
  const starts = startsById(cells);
  return cells
    .filter((c) => c.span > 0 && starts.get(c.id)! < rowCount)
    .map((c) => {
      const s = starts.get(c.id)!;
      return [s, Math.min(s + c.span, rowCount)];
    });
}

describe("groupUnits (property)", () => {
  it("units tile the rows at the boundaries every exported language agrees on, and no finer", () => {
    fc.assert(
      fc.property(
        specsArb,
        specsArb,
        fc.nat(12),
        fc.subarray(["vi", "en"] as TargetLang[]),
        (viSpecs, enSpecs, rowCount, languages) => {
          const columns = {
            vi: makeColumn(
              viSpecs.map((s) => ({ ...s, status: s.text === "" ? "empty" : s.status })),
              "vi",
            ),
            en: makeColumn(
              enSpecs.map((s) => ({ ...s, status: s.text === "" ? "empty" : s.status })),
              "en",
            ),
          };
          const { units, overflow } = groupUnits(rowCount, columns, languages);
          // A partition of [0, rowCount) in order.
          let row = 0;
          for (const u of units) {
            expect(u.rows[0]).toBe(row);
            expect(u.rows[1]).toBeGreaterThan(row);
            row = u.rows[1];
          }
          expect(row).toBe(rowCount);
          const ranges = languages.flatMap((lang) => coveredRanges(columns[lang], rowCount));
          const straddled = (b: number): boolean => ranges.some(([s, e]) => s < b && b < e);
          for (const u of units) {
            // Agreement: no exported cell crosses a unit boundary...
            expect(straddled(u.rows[0])).toBe(false);
            // ...and minimality: every row boundary inside a unit is crossed by some cell.
            for (let b = u.rows[0] + 1; b < u.rows[1]; b++) expect(straddled(b)).toBe(true);
          }
          for (const lang of ["vi", "en"] as const) {
            const exported = languages.includes(lang);
            const inUnits = units.flatMap((u) => u.targets[lang]?.cells ?? []);
            if (!exported) {
              expect(inUnits).toEqual([]);
              expect(overflow[lang]).toBeUndefined();
              continue;
            }
            // Every cell lands exactly once, in column order: in a unit or in the overflow.
            const layout = layoutColumn(columns[lang], rowCount);
            expect([...inUnits, ...(overflow[lang] ?? [])]).toEqual(columns[lang]);
            expect(overflow[lang] ?? []).toEqual(layout.overflow);
            for (const u of units) {
              const t = u.targets[lang];
              if (!t) continue;
              expect(t.text).toBe(joinTexts(t.cells.map((c) => c.text)));
              if (t.text === "") expect(t.status).toBe("empty");
              else expect(t.cells.some((c) => c.status === t.status && c.text !== "")).toBe(true);
            }
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
