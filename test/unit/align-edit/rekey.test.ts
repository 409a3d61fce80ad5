import { describe, expect, it } from "vitest";
import { moveDown } from "../../../src/core/align-edit/cell-ops.ts";
import { longestKey, rekeyColumn } from "../../../src/core/align-edit/rekey.ts";
import { makeColumn, makeCtx, run, shape } from "./column-fixture.ts";

describe("rekeyColumn", () => {
  it("brings long keys back to short ones without changing the column", () => {
    let col = makeColumn([{ text: "A" }, { text: "B", span: 2 }]);
    const ctx = makeCtx();
    for (let k = 0; k < 200; k++) col = run(col, moveDown(col, "vi1", ctx));
    expect(longestKey(col)).toBeGreaterThan(20);
    const after = run(col, rekeyColumn(col));
    expect(longestKey(after)).toBeLessThanOrEqual(2);
    expect(shape(after)).toEqual(shape(col));
    expect(after.map((c) => ({ ...c, order: "" }))).toEqual(col.map((c) => ({ ...c, order: "" })));
  });
});
