import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { realignBetween } from "../../../src/core/align/align-sentences.ts";
import type { AlignLink, AlignmentPlan, FixedLink } from "../../../src/core/align/types.ts";
import { applyCellPatches } from "../../../src/core/align-edit/cell-patch.ts";
import { layoutColumn } from "../../../src/core/align-edit/layout.ts";
import { realignPlanBetweenLocked, spliceRealigned } from "../../../src/core/align-edit/realign.ts";
import { joinTexts } from "../../../src/core/align-edit/column.ts";
import { makeColumn, makeCtx, shape, startsById, type CellSpec } from "./column-fixture.ts";

/** A crude splitter that also splits inside tokens ("example.org"). */
const bySentence = (text: string): string[] => text.match(/[^.!?]+[.!?]*/g) ?? [];
/** A splitter that splits only at white space after . ! ? (as the segmenter does). */
const atSpaces = (text: string): string[] => text.split(/(?<=[.!?])\s+/);

/** A stand-in aligner: keeps the fixed links and tiles each gap with links of random shapes. */
function fakeAlign(
  rowCount: number,
  sentenceCount: number,
  fixed: readonly FixedLink[],
  shapes: readonly [number, number][],
): AlignmentPlan {
  const links: AlignLink[] = [];
  let s = 0;
  let t = 0;
  let pick = 0;
  const fill = (toS: number, toT: number): void => {
    while (s < toS || t < toT) {
      const [a0, b0] = shapes[pick++ % Math.max(1, shapes.length)] ?? [1, 1];
      let a = Math.min(a0, toS - s);
      let b = Math.min(b0, toT - t);
      if (a + b === 0) [a, b] = s < toS ? [1, 0] : [0, 1];
      links.push({
        source: Array.from({ length: a }, (_, k) => s + k),
        target: Array.from({ length: b }, (_, k) => t + k),
        confidence: 0.5,
      });
      s += a;
      t += b;
    }
  };
  for (const f of fixed) {
    fill(f.source[0] ?? s, f.target[0] ?? t);
    links.push({ source: [...f.source], target: [...f.target], confidence: 1 });
    s += f.source.length;
    t += f.target.length;
  }
  fill(rowCount, sentenceCount);
  return { links, sourceCount: rowCount, targetCount: sentenceCount };
}

describe("realignPlanBetweenLocked", () => {
  it("turns the locked cells into fixed links and reports the gaps between them", () => {
    const col = makeColumn([
      { text: "A. B." },
      { text: "C.", span: 2, locked: true },
      { text: "" },
      { text: "D.", span: 0, locked: true },
      { text: "", locked: true },
      { text: "E." },
    ]);
    const req = realignPlanBetweenLocked(col, 6, bySentence);
    expect(req.targetSentences).toEqual(["A.", "B.", "C.", "D.", "E."]);
    expect(req.fixedLinks).toEqual([
      { source: [1, 2], target: [2] },
      { source: [], target: [3] },
      { source: [4], target: [] },
    ]);
    expect(req.lockedCells.map((c) => c.id)).toEqual(["vi1", "vi3", "vi4"]);
    expect(req.gaps).toEqual([
      { rows: [0, 1], sentences: [0, 2] },
      { rows: [3, 4], sentences: [3, 3] },
      { rows: [5, 6], sentences: [4, 5] },
    ]);
  });
});

describe("spliceRealigned", () => {
  it("keeps locked cells and unchanged links, replaces the rest between them", () => {
    const col = makeColumn([
      { text: "A. B." },
      { text: "C.", locked: true },
      { text: "D." },
      { text: "E. F.", span: 2 },
    ]);
    const req = realignPlanBetweenLocked(col, 5, bySentence);
    const plan: AlignmentPlan = {
      sourceCount: 5,
      targetCount: 6,
      links: [
        { source: [0], target: [0, 1], confidence: 0.8 },
        { source: [1], target: [2], confidence: 1 },
        { source: [2], target: [3], confidence: 0.7 },
        { source: [3], target: [4], confidence: 0.6 },
        { source: [4], target: [5], confidence: 0.6 },
      ],
    };
    const patches = spliceRealigned(col, req, plan, makeCtx());
    const after = applyCellPatches(col, patches);
    expect(shape(after)).toEqual([
      ["A. B.", 1],
      ["C.", 1],
      ["D.", 1],
      ["E.", 1],
      ["F.", 1],
    ]);
    // Unchanged cells (the locked one and the ones the plan reproduces) are not even patched.
    expect(patches.map((p) => p.key).sort()).toEqual(["new1", "new2", "vi3"]);
    expect(after[0]).toEqual(col[0]);
    expect(after[3]).toMatchObject({ origin: "alignment", status: "draft", confidence: 0.6 });
  });

  it("re-aligns a scrambled region with the real aligner around a locked cell", () => {
    const source = [
      "Harga beras naik 5% pada 2023.",
      "Pemerintah menambah impor 2.500 ton.",
      "Apakah harga akan turun?",
      "Laporan lengkap di https://example.org/beras.",
    ];
    const en = [
      "Rice prices rose 5% in 2023.",
      "The government added imports of 2,500 tonnes.",
      "Will prices fall?",
      "Full report at https://example.org/beras.",
    ];
    const col = makeColumn([
      { text: `${en[0]} ${en[1]}`, span: 1 },
      { text: "", span: 1 },
      { text: en[2]!, locked: true },
      { text: "", span: 1 },
      { text: en[3]!, span: 0 },
    ]);
    const req = realignPlanBetweenLocked(col, 4, bySentence);
    const plan = realignBetween(source, req.targetSentences, req.fixedLinks, {
      sourceLang: "id",
      targetLang: "en",
    });
    const after = applyCellPatches(col, spliceRealigned(col, req, plan, makeCtx()));
    expect(layoutColumn(after, 4).rows.map((r) => r.cell?.text)).toEqual(en);
    expect(after.find((c) => c.id === "vi2")).toEqual(col[2]);
  });

  it("property: locked cells keep their rows and no sentence is lost or duplicated", () => {
    const spec = fc.record({
      text: fc.constantFrom("", "A.", "B. C.", "D!  E? F.", "x.y z"),
      span: fc.integer({ min: 0, max: 3 }),
      locked: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(spec, { maxLength: 12 }),
        fc.integer({ min: 0, max: 4 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })), {
          minLength: 1,
          maxLength: 8,
        }),
        (specs: CellSpec[], extraRows, shapes) => {
          const col = makeColumn(specs);
          const covered = specs.reduce((n, s) => n + (s.span ?? 1), 0);
          const rowCount = covered + extraRows;
          const req = realignPlanBetweenLocked(col, rowCount, atSpaces);
          const plan = fakeAlign(rowCount, req.targetSentences.length, req.fixedLinks, shapes);
          const after = applyCellPatches(col, spliceRealigned(col, req, plan, makeCtx()));
          const orders = after.map((c) => c.order);
          for (let k = 1; k < orders.length; k++) expect(orders[k - 1]! < orders[k]!).toBe(true);
          // The column's text, read in order, is unchanged (up to runs of white space).
          const words = (cells: typeof col): string =>
            joinTexts(cells.map((c) => c.text)).replace(/\s+/g, " ");
          expect(words(after)).toBe(words(col));
          // Locked cells are kept as they are; those with rows keep their rows (a span-0 cell
          // pins no source row, so the aligner may place it under another row).
          const before = startsById(col);
          const now = startsById(after);
          for (const cell of req.lockedCells) {
            // Only its order key may change (when the aligner put it past another locked cell),
            // and its span when it ran past the last row.
            const start = before.get(cell.id)!;
            const span = Math.max(
              0,
              Math.min(start + cell.span, rowCount) - Math.min(start, rowCount),
            );
            expect({ ...after.find((c) => c.id === cell.id), order: "" }).toEqual({
              ...cell,
              order: "",
              span,
            });
            if (cell.span > 0 && start + cell.span <= rowCount) {
              expect(now.get(cell.id)).toBe(start);
            }
          }
          // Every row is covered after a re-alignment.
          expect(layoutColumn(after, rowCount).rows.every((r) => r.cell !== null)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("spliceRealigned with the real aligner (property)", () => {
  it("accepts the aligner's result around any locks: locks kept, text kept, rows covered", () => {
    const words = ["harga", "beras", "naik", "2.500", "ton", "Jakarta", "pada", "12", "Mei"];
    const sentenceArb = fc
      .array(fc.constantFrom(...words), { minLength: 1, maxLength: 6 })
      .map((ws) => ws.join(" ") + ".");
    const cellArb = fc.record({
      text: fc.oneof(
        fc.constant(""),
        fc.array(sentenceArb, { minLength: 1, maxLength: 2 }).map((ss) => ss.join(" ")),
      ),
      span: fc.integer({ min: 0, max: 2 }),
      locked: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(cellArb, { maxLength: 8 }),
        fc.array(sentenceArb, { maxLength: 10 }),
        (specs: CellSpec[], source) => {
          const col = makeColumn(specs);
          const req = realignPlanBetweenLocked(col, source.length, atSpaces);
          // The request's fixed links are always valid for the aligner: no refusal expected.
          const plan = realignBetween(source, req.targetSentences, req.fixedLinks, {
            sourceLang: "id",
            targetLang: "vi",
          });
          const after = applyCellPatches(col, spliceRealigned(col, req, plan, makeCtx()));
          const flat = (cells: typeof col): string =>
            joinTexts(cells.map((c) => c.text)).replace(/\s+/g, " ");
          expect(flat(after)).toBe(flat(col));
          const before = startsById(col);
          const now = startsById(after);
          for (const cell of req.lockedCells) {
            // Only its order key may change (when the aligner put it past another locked cell),
            // and its span when it ran past the last row.
            const start = before.get(cell.id)!;
            const span = Math.max(
              0,
              Math.min(start + cell.span, source.length) - Math.min(start, source.length),
            );
            expect({ ...after.find((c) => c.id === cell.id), order: "" }).toEqual({
              ...cell,
              order: "",
              span,
            });
            if (cell.span > 0 && start + cell.span <= source.length) {
              expect(now.get(cell.id)).toBe(start);
            }
          }
          const layout = layoutColumn(after, source.length);
          expect(layout.rows.every((r) => r.cell !== null)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("pinned property counterexamples", () => {
  it("a locked span-0 cell keeps its place when the aligner orders it before a 1-0 link", () => {
    // fast-check seed -1720306141: [empty span 1, locked "A." span 0], one row; the stand-in
    // aligner puts the fixed 0-1 link first.
    const col = makeColumn([{ text: "" }, { text: "A.", span: 0, locked: true }]);
    const req = realignPlanBetweenLocked(col, 1, atSpaces);
    expect(req.fixedLinks).toEqual([{ source: [], target: [0] }]);
    const plan = fakeAlign(1, 1, req.fixedLinks, [[0, 0]]);
    expect(plan.links.map((l) => [l.source.length, l.target.length])).toEqual([
      [0, 1],
      [1, 0],
    ]);
    expect(spliceRealigned(col, req, plan, makeCtx())).toEqual([]);
  });

  it("locked 0-1 and 1-0 links in the aligner's other order keep their column order", () => {
    // Found with the real aligner: it ordered the two locked one-sided links the other way round,
    // and the splice asked for a key between "o" and "c".
    const col = makeColumn([
      { text: "harga.", span: 0, locked: true },
      { text: "", span: 1, locked: true },
    ]);
    const source = ["harga.", "harga."];
    const req = realignPlanBetweenLocked(col, 2, atSpaces);
    const plan = realignBetween(source, req.targetSentences, req.fixedLinks, {
      sourceLang: "id",
      targetLang: "vi",
    });
    const after = applyCellPatches(col, spliceRealigned(col, req, plan, makeCtx()));
    expect(after.slice(0, 2)).toEqual(col);
    expect(shape(after)).toEqual([
      ["harga.", 0],
      ["", 1],
      ["", 1],
    ]);
  });

  it("a kept cell the aligner moved past a locked one gets a new key and nothing else", () => {
    // Real aligner: the unlocked empty row-0 cell (reproduced by a 1-0 link at row 0) comes
    // before the locked 0-1 link in the plan but after it in the column.
    const col = makeColumn([
      { text: "harga.", span: 0 },
      { text: "harga.", span: 0, locked: true },
      { text: "", span: 1 },
    ]);
    const source = ["harga.", "harga.", "harga.", "naik."];
    const req = realignPlanBetweenLocked(col, 4, atSpaces);
    const plan = realignBetween(source, req.targetSentences, req.fixedLinks, {
      sourceLang: "id",
      targetLang: "vi",
    });
    const after = applyCellPatches(col, spliceRealigned(col, req, plan, makeCtx()));
    expect(after.find((c) => c.id === "vi1")).toEqual(col[1]);
    const orders = after.map((c) => c.order);
    expect(new Set(orders).size).toBe(orders.length);
    expect(layoutColumn(after, 4).rows.every((r) => r.cell !== null)).toBe(true);
  });

  it("a locked cell the aligner put past another locked one keeps its rows, with a new key", () => {
    const col = makeColumn([
      { text: "harga.", span: 0 },
      { text: "harga.", span: 0, locked: true },
      { text: "", span: 1, locked: true },
    ]);
    const req = realignPlanBetweenLocked(col, 2, atSpaces);
    const plan = realignBetween(["harga.", "harga."], req.targetSentences, req.fixedLinks, {
      sourceLang: "id",
      targetLang: "vi",
    });
    const after = applyCellPatches(col, spliceRealigned(col, req, plan, makeCtx()));
    const locked = after.filter((c) => c.locked);
    expect(locked.map((c) => ({ ...c, order: "" })).sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(
      [col[1]!, col[2]!].map((c) => ({ ...c, order: "" })).sort((a, b) => (a.id < b.id ? -1 : 1)),
    );
    expect(startsById(after).get("vi2")).toBe(0);
  });

  it("sentences cut inside a token lose no character when the aligner separates them", () => {
    const col = makeColumn([{ text: "x.y z", span: 0 }]);
    const req = realignPlanBetweenLocked(col, 0, bySentence);
    expect(req.targetSentences).toEqual(["x.", "y z"]);
    const plan = fakeAlign(0, 2, req.fixedLinks, [[0, 1]]);
    const after = applyCellPatches(col, spliceRealigned(col, req, plan, makeCtx()));
    expect(after.map((c) => c.text).join("")).toBe("x.y z");
    const together = fakeAlign(0, 2, req.fixedLinks, [[0, 2]]);
    expect(
      applyCellPatches(col, spliceRealigned(col, req, together, makeCtx())).map((c) => c.text),
    ).toEqual(["x.y z"]);
  });
});

describe("realignPlanBetweenLocked with an untrustworthy splitter", () => {
  it("takes a cell as one sentence when the splitter would lose or rewrite text", () => {
    const col = makeColumn([{ text: "Một. Hai." }, { text: "Ba. Bốn." }]);
    const lossy = (t: string): string[] => (t.startsWith("Một") ? ["Một."] : ["Ba.", "Bốn."]);
    expect(realignPlanBetweenLocked(col, 2, lossy).targetSentences).toEqual([
      "Một. Hai.",
      "Ba.",
      "Bốn.",
    ]);
    expect(realignPlanBetweenLocked(col, 2, () => []).targetSentences).toEqual([
      "Một. Hai.",
      "Ba. Bốn.",
    ]);
  });
});
