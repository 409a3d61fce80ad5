import { describe, expect, it } from "vitest";
import { moveDown } from "../../../src/core/align-edit/cell-ops.ts";
import {
  LONGEST_KEY,
  longestKey,
  rekeyColumn,
  withShortKeys,
} from "../../../src/core/align-edit/rekey.ts";
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

describe("withShortKeys", () => {
  it("keeps keys short over hundreds of moves at one place, the column as the moves made it", () => {
    let plain = makeColumn([{ text: "A" }, { text: "B", span: 2 }]);
    let kept = plain;
    const ctx = makeCtx();
    let rekeyed = 0;
    for (let k = 0; k < 300; k++) {
      plain = run(plain, moveDown(plain, "vi1", ctx));
      const patches = withShortKeys(kept, moveDown(kept, "vi1", ctx));
      if (patches.length > 1) rekeyed++;
      kept = run(kept, patches);
      expect(longestKey(kept)).toBeLessThanOrEqual(LONGEST_KEY);
    }
    expect(longestKey(plain)).toBeGreaterThan(LONGEST_KEY);
    expect(rekeyed).toBeGreaterThan(0);
    expect(shape(kept)).toEqual(shape(plain));
  });
});
