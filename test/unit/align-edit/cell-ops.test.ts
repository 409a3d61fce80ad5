import { describe, expect, it } from "vitest";
import {
  deleteEmpty,
  insertEmptyAtEnd,
  insertEmptyBefore,
  lock,
  mergeWithNext,
  moveDown,
  moveUp,
  setSpan,
  splitAt,
} from "../../../src/core/align-edit/cell-ops.ts";
import { applyCellPatches, invertCellPatches } from "../../../src/core/align-edit/cell-patch.ts";
import { AppError } from "../../../src/core/model/app-error.ts";
import { makeColumn, makeCtx, REF, run, shape, startsById } from "./column-fixture.ts";

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
  return "no error";
}

describe("moveDown / insertEmptyBefore", () => {
  it("inserts an empty one-row cell before the cell, shifting it and the rest down a row", () => {
    const col = makeColumn([{ text: "A" }, { text: "B" }, { text: "C", span: 2 }]);
    const after = run(col, moveDown(col, "vi1", makeCtx()));
    expect(shape(after)).toEqual([
      ["A", 1],
      ["", 1],
      ["B", 1],
      ["C", 2],
    ]);
    const starts = startsById(after);
    expect([starts.get("vi0"), starts.get("vi1"), starts.get("vi2")]).toEqual([0, 2, 3]);
    expect(after[1]).toMatchObject({ status: "empty", origin: "typed", locked: false, lang: "vi" });
  });

  it("works on the first cell and is the same operation as insertEmptyBefore", () => {
    const col = makeColumn([{ text: "A" }]);
    expect(shape(run(col, moveDown(col, "vi0", makeCtx())))).toEqual([
      ["", 1],
      ["A", 1],
    ]);
    expect(insertEmptyBefore).toBe(moveDown);
  });

  it("only adds a cell: the cells that shift are not patched", () => {
    const col = makeColumn([{ text: "A" }, { text: "B" }, { text: "C" }]);
    const patches = moveDown(col, "vi0", makeCtx());
    expect(patches).toHaveLength(1);
    expect(patches[0]!.before).toBeNull();
  });
});

describe("moveUp", () => {
  it("deletes an empty previous cell", () => {
    const col = makeColumn([{ text: "A" }, { text: "" }, { text: "B" }]);
    const after = run(col, moveUp(col, "vi2", makeCtx()));
    expect(shape(after)).toEqual([
      ["A", 1],
      ["B", 1],
    ]);
  });

  it("takes a row from a previous cell spanning several rows", () => {
    const col = makeColumn([{ text: "A", span: 3 }, { text: "B" }]);
    const after = run(col, moveUp(col, "vi1", makeCtx()));
    expect(shape(after)).toEqual([
      ["A", 2],
      ["B", 1],
    ]);
    expect(startsById(after).get("vi1")).toBe(2);
    expect(after[0]).toMatchObject({ status: "draft", changedBy: "editor", locked: false });
  });

  it("deletes an empty previous cell whatever its span (the cell moves up by that span)", () => {
    const col = makeColumn([{ text: "A" }, { text: "", span: 2 }, { text: "B" }]);
    const after = run(col, moveUp(col, "vi2", makeCtx()));
    expect(shape(after)).toEqual([
      ["A", 1],
      ["B", 1],
    ]);
    expect(startsById(after).get("vi2")).toBe(1);
  });

  it("refuses when the previous cell is a one-row cell with text, or there is none", () => {
    const col = makeColumn([{ text: "A" }, { text: "B" }, { text: "C", span: 0 }, { text: "D" }]);
    expect(codeOf(() => moveUp(col, "vi1", makeCtx()))).toBe("align-edit.cannot-move-up");
    expect(codeOf(() => moveUp(col, "vi0", makeCtx()))).toBe("align-edit.cannot-move-up");
    expect(codeOf(() => moveUp(col, "vi3", makeCtx()))).toBe("align-edit.cannot-move-up");
  });

  it("undoes a moveDown", () => {
    const col = makeColumn([{ text: "A" }, { text: "B" }]);
    const down = run(col, moveDown(col, "vi1", makeCtx()));
    expect(run(down, moveUp(down, "vi1", makeCtx()))).toEqual(col);
  });
});

describe("mergeWithNext", () => {
  it("joins the texts with one space and adds the spans; the rows after stay put", () => {
    const col = makeColumn([{ text: " A. " }, { text: "B.", span: 2 }, { text: "C" }]);
    const after = run(col, mergeWithNext(col, "vi0", makeCtx()));
    expect(shape(after)).toEqual([
      ["A. B.", 3],
      ["C", 1],
    ]);
    expect(startsById(after).get("vi2")).toBe(startsById(col).get("vi2"));
    expect(after[0]).toMatchObject({ id: "vi0", status: "draft", locked: false, confidence: null });
  });

  it("skips empty parts and gives Empty when both are empty", () => {
    const col = makeColumn([{ text: "" }, { text: "B" }, { text: " " }, { text: "" }]);
    expect(shape(run(col, mergeWithNext(col, "vi0", makeCtx())))[0]).toEqual(["B", 2]);
    const both = run(col, mergeWithNext(col, "vi2", makeCtx()));
    expect(both[2]).toMatchObject({ text: "", span: 2, status: "empty" });
  });

  it("clears the lock and refuses on the last cell", () => {
    const col = makeColumn([
      { text: "A", locked: true },
      { text: "B", locked: true },
    ]);
    expect(run(col, mergeWithNext(col, "vi0", makeCtx()))[0]!.locked).toBe(false);
    expect(codeOf(() => mergeWithNext(col, "vi1", makeCtx()))).toBe("align-edit.nothing-to-merge");
  });
});

describe("splitAt", () => {
  it("a one-row cell: the second part takes a new row and the rest shifts down", () => {
    const col = makeColumn([{ text: "One. Two." }, { text: "C" }]);
    const after = run(col, splitAt(col, "vi0", 4, makeCtx()));
    expect(shape(after)).toEqual([
      ["One.", 1],
      ["Two.", 1],
      ["C", 1],
    ]);
    expect(startsById(after).get("vi1")).toBe(2);
    expect(after[1]).toMatchObject({ status: "draft", origin: "typed", locked: false });
  });

  it("a cell over several rows hands its last row to the second part; nothing shifts", () => {
    const col = makeColumn([{ text: "One. Two.", span: 3 }, { text: "C" }]);
    const after = run(col, splitAt(col, "vi0", 5, makeCtx()));
    expect(shape(after)).toEqual([
      ["One.", 2],
      ["Two.", 1],
      ["C", 1],
    ]);
    expect(startsById(after).get("vi1")).toBe(3);
  });

  it("a span-0 cell splits into two span-0 cells", () => {
    const col = makeColumn([{ text: "A" }, { text: "x y", span: 0 }, { text: "C" }]);
    expect(shape(run(col, splitAt(col, "vi1", 1, makeCtx())))).toEqual([
      ["A", 1],
      ["x", 0],
      ["y", 0],
      ["C", 1],
    ]);
  });

  it("refuses a split that leaves an empty side", () => {
    const col = makeColumn([{ text: "  Word  " }]);
    for (const offset of [-1, 0, 1, 2, 6, 8, 9]) {
      expect(codeOf(() => splitAt(col, "vi0", offset, makeCtx()))).toBe("align-edit.split-at-edge");
    }
    expect(shape(run(col, splitAt(col, "vi0", 4, makeCtx())))).toEqual([
      ["Wo", 1],
      ["rd", 1],
    ]);
  });

  it("is undone by merging the parts back when split at a space", () => {
    const col = makeColumn([{ text: "One. Two.", span: 2 }, { text: "C" }]);
    const split = run(col, splitAt(col, "vi0", 4, makeCtx()));
    expect(shape(run(split, mergeWithNext(split, "vi0", makeCtx())))).toEqual(shape(col));
  });
});

describe("insertEmptyAtEnd / deleteEmpty", () => {
  it("appends an empty cell, also to an empty column", () => {
    expect(shape(run([], insertEmptyAtEnd([], REF, makeCtx())))).toEqual([["", 1]]);
    const col = makeColumn([{ text: "A" }]);
    expect(shape(run(col, insertEmptyAtEnd(col, REF, makeCtx())))).toEqual([
      ["A", 1],
      ["", 1],
    ]);
  });

  it("deletes an empty cell (the rest shifts up) and refuses one with text", () => {
    const col = makeColumn([{ text: "", span: 2 }, { text: "B" }]);
    const after = run(col, deleteEmpty(col, "vi0"));
    expect(shape(after)).toEqual([["B", 1]]);
    expect(startsById(after).get("vi1")).toBe(0);
    expect(codeOf(() => deleteEmpty(col, "vi1"))).toBe("align-edit.not-empty");
    expect(codeOf(() => deleteEmpty(col, "nope"))).toBe("align-edit.cell-missing");
  });
});

describe("setSpan / lock", () => {
  it("extends and shrinks a cell over the rows", () => {
    const col = makeColumn([{ text: "A" }, { text: "B" }]);
    const wide = run(col, setSpan(col, "vi0", 3, makeCtx()));
    expect(startsById(wide).get("vi1")).toBe(3);
    expect(wide[0]).toMatchObject({ span: 3, status: "draft" });
    const zero = run(col, setSpan(col, "vi0", 0, makeCtx()));
    expect(startsById(zero).get("vi1")).toBe(0);
    expect(setSpan(col, "vi0", 1, makeCtx())).toEqual([]);
    for (const bad of [-1, 1.5, Number.NaN]) {
      expect(codeOf(() => setSpan(col, "vi0", bad, makeCtx()))).toBe("align-edit.invalid-span");
    }
  });

  it("locks and unlocks without touching text, status or span", () => {
    const col = makeColumn([{ text: "A", span: 2 }]);
    const locked = run(col, lock(col, "vi0", true, makeCtx()));
    expect(locked[0]).toMatchObject({ locked: true, text: "A", span: 2, status: "translated" });
    expect(lock(locked, "vi0", true, makeCtx())).toEqual([]);
    expect(run(locked, lock(locked, "vi0", false, makeCtx()))[0]!.locked).toBe(false);
  });
});

describe("patches", () => {
  it("inverse patches restore the column and stale patches are refused", () => {
    const col = makeColumn([{ text: "A B" }, { text: "C" }]);
    const patches = splitAt(col, "vi0", 1, makeCtx());
    const after = applyCellPatches(col, patches);
    expect(applyCellPatches(after, invertCellPatches(patches))).toEqual(col);
    expect(codeOf(() => applyCellPatches(col, invertCellPatches(patches)))).toBe(
      "align-edit.stale-patch",
    );
  });

  it("operations do not mutate their input", () => {
    const col = makeColumn([{ text: "A B", span: 2 }, { text: "" }, { text: "C" }]);
    const copy = structuredClone(col);
    mergeWithNext(col, "vi0", makeCtx());
    splitAt(col, "vi0", 1, makeCtx());
    moveUp(col, "vi2", makeCtx());
    moveDown(col.slice().reverse(), "vi1", makeCtx());
    expect(col).toEqual(copy);
  });
});
