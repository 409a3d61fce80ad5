import { describe, expect, it } from "vitest";
import { LINK_TYPES } from "../../../src/core/align/dp.ts";
import fc from "fast-check";
import { realignBetween } from "../../../src/core/align/align-sentences.ts";
import type { AlignmentPlan } from "../../../src/core/align/types.ts";
import { cellsFromAlignment, replaceColumn } from "../../../src/core/align-edit/from-alignment.ts";
import { applyCellPatches } from "../../../src/core/align-edit/cell-patch.ts";
import { layoutColumn } from "../../../src/core/align-edit/layout.ts";
import { AppError } from "../../../src/core/model/app-error.ts";
import { makeCtx, makeColumn, shape } from "./column-fixture.ts";

const link = (source: number[], target: number[], confidence = 0.9) => ({
  source,
  target,
  confidence,
});

describe("cellsFromAlignment", () => {
  const targets = ["T0.", "T1.", "T2.", "T3.", "T4."];
  const plan: AlignmentPlan = {
    sourceCount: 5,
    targetCount: 5,
    links: [
      link([0], [0], 0.95),
      link([1, 2], [1]),
      link([3], []),
      link([], [2], 0.4),
      link([4], [3, 4]),
    ],
  };

  it("makes one cell per link with span, joined text, status and confidence", () => {
    const cells = cellsFromAlignment(plan, targets, 5, makeCtx());
    expect(shape(cells)).toEqual([
      ["T0.", 1],
      ["T1.", 2],
      ["", 1],
      ["T2.", 0],
      ["T3. T4.", 1],
    ]);
    expect(cells.map((c) => c.status)).toEqual(["draft", "draft", "empty", "draft", "draft"]);
    expect(cells.map((c) => c.confidence)).toEqual([0.95, 0.9, 0.9, 0.4, 0.9]);
    expect(cells.every((c) => c.origin === "alignment" && !c.locked && c.lang === "vi")).toBe(true);
    const orders = cells.map((c) => c.order);
    expect([...orders].sort()).toEqual(orders);
    expect(new Set(orders).size).toBe(orders.length);
    const layout = layoutColumn(cells, 5);
    expect(layout.rows.map((r) => r.cell?.text)).toEqual(["T0.", "T1.", "T1.", "", "T3. T4."]);
    expect(layout.rows[3]!.under.map((c) => c.text)).toEqual(["T2."]);
  });

  it("refuses a plan for other texts or one that does not tile them", () => {
    const code = (fn: () => unknown): string => {
      try {
        fn();
        return "none";
      } catch (e) {
        return e instanceof AppError ? e.code : "other";
      }
    };
    expect(code(() => cellsFromAlignment(plan, targets, 4, makeCtx()))).toBe(
      "align-edit.plan-mismatch",
    );
    const gap = { ...plan, links: plan.links.filter((_, k) => k !== 1) };
    expect(code(() => cellsFromAlignment(gap, targets, 5, makeCtx()))).toBe(
      "align-edit.invalid-plan",
    );
  });

  it("aligns a real text pair into a column covering every row", () => {
    const source = ["Harga beras naik 5%.", "Pemerintah bertindak.", "Rapat pada 12 Mei."];
    const target = ["Rice prices rose 5%.", "The government acted.", "Meeting on 12 May."];
    const plan2 = realignBetween(source, target, [], { sourceLang: "id", targetLang: "en" });
    const cells = cellsFromAlignment(plan2, target, 3, { ...makeCtx(), lang: "en" });
    expect(layoutColumn(cells, 3).rows.map((r) => r.cell?.text)).toEqual(target);
  });
});

describe("replaceColumn", () => {
  it("deletes, inserts and updates by id, and leaves equal cells alone", () => {
    const before = makeColumn([{ text: "a" }, { text: "b" }, { text: "c" }]);
    const after = [before[0]!, { ...before[2]!, text: "C" }, { ...before[1]!, id: "z" }];
    const patches = replaceColumn(before, after);
    expect(patches.map((p) => [p.key, p.before !== null, p.after !== null])).toEqual([
      ["vi1", true, false],
      ["vi2", true, true],
      ["z", false, true],
    ]);
    expect(applyCellPatches(before, patches)).toEqual(
      [...after].sort((x, y) => (x.order < y.order ? -1 : 1)),
    );
  });
});

describe("cellsFromAlignment (property)", () => {
  it("covers every row once and keeps every target sentence, in order", () => {
    // Every link shape the aligner's search may produce.
    const shapeArb = fc.constantFrom(...LINK_TYPES.map(([a, b]): [number, number] => [a, b]));
    fc.assert(
      fc.property(fc.array(shapeArb, { maxLength: 30 }), (shapes) => {
        const links = [];
        let s = 0;
        let t = 0;
        for (const [a, b] of shapes) {
          links.push(link(range(s, s + a), range(t, t + b), (a + b) / 10));
          s += a;
          t += b;
        }
        const sentences = range(0, t).map((k) => `S${k}.`);
        const cells = cellsFromAlignment(
          { links, sourceCount: s, targetCount: t },
          sentences,
          s,
          makeCtx(),
        );
        expect(cells).toHaveLength(links.length);
        expect(
          cells
            .map((c) => c.text)
            .filter((x) => x !== "")
            .join(" "),
        ).toBe(sentences.join(" "));
        const layout = layoutColumn(cells, s);
        expect(layout.rows.every((r) => r.cell !== null)).toBe(true);
        expect(layout.overflow).toEqual(s === 0 ? cells : []);
        expect(cells.reduce((n, c) => n + c.span, 0)).toBe(s);
      }),
    );
  });
});

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, k) => from + k);
}
