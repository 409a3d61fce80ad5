import { describe, expect, it } from "vitest";
import {
  onSourceRowSplit,
  onSourceRowsMerged,
} from "../../../src/core/align-edit/source-row-ops.ts";
import { layoutColumn } from "../../../src/core/align-edit/layout.ts";
import { makeColumn, makeCtx, run, shape, startsById } from "./column-fixture.ts";

describe("onSourceRowsMerged", () => {
  it("merges the two covering cells; the rows after keep their cells", () => {
    const col = makeColumn([{ text: "a" }, { text: "b" }, { text: "c" }]);
    const after = run(col, onSourceRowsMerged(col, 0, makeCtx()));
    expect(shape(after)).toEqual([
      ["a b", 1],
      ["c", 1],
    ]);
    expect(after[0]).toMatchObject({ id: "vi0", status: "draft" });
    expect(layoutColumn(after, 2).rows[1]!.cell?.id).toBe("vi2");
  });

  it("takes the span-0 cells between them along, keeping the text order", () => {
    const col = makeColumn([{ text: "a" }, { text: "x", span: 0 }, { text: "b", span: 2 }]);
    expect(shape(run(col, onSourceRowsMerged(col, 0, makeCtx())))).toEqual([["a x b", 2]]);
  });

  it("shrinks a cell covering both rows, keeping its status and lock", () => {
    const col = makeColumn([{ text: "ab", span: 2, locked: true }, { text: "c" }]);
    const after = run(col, onSourceRowsMerged(col, 0, makeCtx()));
    expect(shape(after)).toEqual([
      ["ab", 1],
      ["c", 1],
    ]);
    expect(after[0]).toMatchObject({ status: "translated", locked: true });
  });

  it("changes nothing where the column ends before the second row", () => {
    const col = makeColumn([{ text: "a" }]);
    expect(onSourceRowsMerged(col, 0, makeCtx())).toEqual([]);
    expect(onSourceRowsMerged(col, 3, makeCtx())).toEqual([]);
  });
});

describe("onSourceRowSplit", () => {
  it("inserts an empty cell for the second part right after a one-row cell", () => {
    const col = makeColumn([{ text: "a" }, { text: "x", span: 0 }, { text: "b" }]);
    const after = run(col, onSourceRowSplit(col, 0, makeCtx()));
    expect(shape(after)).toEqual([
      ["a", 1],
      ["", 1],
      ["x", 0],
      ["b", 1],
    ]);
    expect(after[0]).toMatchObject({ status: "draft" });
    expect(startsById(after).get("vi2")).toBe(2);
  });

  it("grows a cell spanning several rows", () => {
    const col = makeColumn([{ text: "ab", span: 2 }, { text: "c" }]);
    const after = run(col, onSourceRowSplit(col, 1, makeCtx()));
    expect(shape(after)).toEqual([
      ["ab", 3],
      ["c", 1],
    ]);
    expect(after[0]!.status).toBe("translated");
  });

  it("changes nothing for a row past the end of the column", () => {
    expect(onSourceRowSplit(makeColumn([{ text: "a" }]), 1, makeCtx())).toEqual([]);
  });
});
