import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { alignSentences, realignBetween } from "../../../src/core/align/align-sentences.ts";
import type { AlignLink } from "../../../src/core/align/types.ts";
import { unitsToBundleSegments } from "../../../src/core/align-edit/bundle-units.ts";
import { applyCellPatches, invertCellPatches } from "../../../src/core/align-edit/cell-patch.ts";
import { lock, mergeWithNext, moveDown, setSpan } from "../../../src/core/align-edit/cell-ops.ts";
import { joinTexts } from "../../../src/core/align-edit/column.ts";
import { cellsFromAlignment } from "../../../src/core/align-edit/from-alignment.ts";
import { groupUnits } from "../../../src/core/align-edit/group-units.ts";
import { layoutColumn } from "../../../src/core/align-edit/layout.ts";
import { realignPlanBetweenLocked, spliceRealigned } from "../../../src/core/align-edit/realign.ts";
import type { TargetCell } from "../../../src/core/align-edit/types.ts";
import type { TargetLang } from "../../../src/core/model/languages.ts";
import { segmentParagraph, segmentText } from "../../../src/core/segment/segment.ts";
import { makeCtx, shape, startsById } from "./column-fixture.ts";

/** The workflow on the shipped corpus, through the pure core only (no db, no UI). */
const root = join(import.meta.dirname, "..", "..", "..");
const name = "konvensi-hanoi-menteri-luong-tam-quang";

function sentences(lang: string): string[] {
  const text = readFileSync(join(root, "corpus", lang, `${name}.txt`), "utf8");
  return segmentText(text, lang as "id").flatMap((p) => p.sentences);
}

function gold(lang: TargetLang): AlignLink[] {
  const file = join(root, "test", "fixtures", "align", `${name}.${lang}.gold.json`);
  const data = JSON.parse(readFileSync(file, "utf8")) as { links: AlignLink[] };
  return data.links.map((l) => ({ ...l, confidence: 1 }));
}

const source = sentences("id");

function column(lang: TargetLang): { cells: TargetCell[]; target: string[] } {
  const target = sentences(lang);
  const plan = alignSentences(source, target, { sourceLang: "id", targetLang: lang });
  let n = 0;
  const newId = (): string => `${lang}-aligned-${n++}`;
  const cells = cellsFromAlignment(plan, target, source.length, { ...makeCtx(), lang, newId });
  return { cells, target };
}

/** [text, span] of the column the gold alignment describes. */
function goldShape(lang: TargetLang, target: readonly string[]): [string, number][] {
  return gold(lang).map((l) => [joinTexts(l.target.map((t) => target[t]!)), l.source.length]);
}

describe("alignment editor workflow on the corpus", () => {
  it("aligns, edits with undo, re-aligns between locks and exports units", () => {
    const vi = column("vi");
    const en = column("en");
    expect(shape(vi.cells)).toEqual(goldShape("vi", vi.target));
    expect(shape(en.cells)).toEqual(goldShape("en", en.target));

    // Move a cell down, merge two cells, undo both: the exact column again.
    const ctx = makeCtx();
    let cells = vi.cells;
    const history = [];
    for (const op of [
      (c: TargetCell[]) => moveDown(c, c[3]!.id, ctx),
      (c: TargetCell[]) => mergeWithNext(c, c[5]!.id, ctx),
    ]) {
      const patches = op(cells);
      history.push(patches);
      cells = applyCellPatches(cells, patches);
    }
    expect(shape(cells)).not.toEqual(shape(vi.cells));
    for (const patches of history.reverse()) {
      cells = applyCellPatches(cells, invertCellPatches(patches));
    }
    expect(cells).toEqual(vi.cells);

    // Confirm a few links, spoil the others (without moving the confirmed ones: edits above a
    // locked cell shift it like any other), re-align only the unconfirmed ones.
    for (const k of [1, 6, 9])
      cells = applyCellPatches(cells, lock(cells, cells[k]!.id, true, ctx));
    const locked = cells.filter((c) => c.locked);
    const lockedStarts = locked.map((c) => startsById(cells).get(c.id));
    const id = (k: number): string => vi.cells[k]!.id;
    cells = applyCellPatches(cells, mergeWithNext(cells, id(2), ctx));
    cells = applyCellPatches(cells, moveDown(cells, id(4), ctx));
    cells = applyCellPatches(cells, setSpan(cells, id(5), 0, ctx));
    cells = applyCellPatches(cells, mergeWithNext(cells, id(7), ctx));
    expect(shape(cells)).not.toEqual(shape(vi.cells));
    expect(locked.map((c) => startsById(cells).get(c.id))).toEqual(lockedStarts);
    for (const x of locked) expect(cells).toContainEqual(x);
    const req = realignPlanBetweenLocked(cells, source.length, (t) => segmentParagraph(t, "vi"));
    const plan = realignBetween(source, req.targetSentences, req.fixedLinks, {
      sourceLang: "id",
      targetLang: "vi",
    });
    cells = applyCellPatches(cells, spliceRealigned(cells, req, plan, { ...ctx, lang: "vi" }));
    expect(shape(cells)).toEqual(shape(vi.cells));
    for (const c of locked) expect(cells).toContainEqual(c);

    // Export: units on which both languages agree; nothing lost on either side.
    const rows = source.map((s, k) => ({ id: `s${k}`, paragraph: 0, source: s }));
    const grouped = groupUnits(source.length, { vi: cells, en: en.cells }, ["vi", "en"]);
    expect(grouped.overflow).toEqual({});
    const segments = unitsToBundleSegments(rows, grouped);
    expect(joinTexts(segments.map((s) => s.source))).toBe(joinTexts(source));
    expect(joinTexts(segments.map((s) => s.targets.vi?.text ?? ""))).toBe(joinTexts(vi.target));
    expect(joinTexts(segments.map((s) => s.targets.en?.text ?? ""))).toBe(joinTexts(en.target));
    // A unit is never finer than a cell of either language.
    for (const lang of ["vi", "en"] as const) {
      const layout = layoutColumn(lang === "vi" ? cells : en.cells, source.length);
      for (const u of grouped.units) {
        expect(layout.rows[u.rows[0]]!.starts).toBe(true);
      }
    }
  });
});
