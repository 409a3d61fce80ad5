import { describe, expect, it } from "vitest";
import {
  groupUnits,
  leastAdvanced,
  STATUS_PROGRESS,
} from "../../../src/core/align-edit/group-units.ts";
import { STATUSES } from "../../../src/core/model/status.ts";
import { makeColumn } from "./column-fixture.ts";

function summary(result: ReturnType<typeof groupUnits>): string[] {
  return result.units.map((u) => {
    const t = Object.entries(u.targets)
      .map(([lang, target]) => `${lang}=${target.text}`)
      .join(" ");
    return `${u.rows[0]}-${u.rows[1]} ${t}`.trim();
  });
}

describe("groupUnits", () => {
  it("1-1 everywhere: one unit per row", () => {
    const vi = makeColumn([{ text: "a" }, { text: "b" }, { text: "c" }], "vi");
    const en = makeColumn([{ text: "A" }, { text: "B" }, { text: "C" }], "en");
    expect(summary(groupUnits(3, { vi, en }, ["vi", "en"]))).toEqual([
      "0-1 vi=a en=A",
      "1-2 vi=b en=B",
      "2-3 vi=c en=C",
    ]);
  });

  it("vi 2-1 with en 1-1: one unit of two rows, the en cells joined", () => {
    const vi = makeColumn([{ text: "ab", span: 2 }, { text: "c" }], "vi");
    const en = makeColumn([{ text: "A" }, { text: "B" }, { text: "C" }], "en");
    const result = groupUnits(3, { vi, en }, ["vi", "en"]);
    expect(summary(result)).toEqual(["0-2 vi=ab en=A B", "2-3 vi=c en=C"]);
    expect(result.units[0]!.targets.en!.cells.map((c) => c.id)).toEqual(["en0", "en1"]);
  });

  it("overlapping multi-row cells chain into one unit", () => {
    const vi = makeColumn([{ text: "ab", span: 2 }, { text: "c" }, { text: "d" }], "vi");
    const en = makeColumn([{ text: "A" }, { text: "BC", span: 2 }, { text: "D" }], "en");
    expect(summary(groupUnits(4, { vi, en }, ["vi", "en"]))).toEqual([
      "0-3 vi=ab c en=A BC",
      "3-4 vi=d en=D",
    ]);
  });

  it("includes a span-0 cell in the unit of the row it sits under (or the first unit)", () => {
    const vi = makeColumn(
      [{ text: "x", span: 0 }, { text: "a" }, { text: "y", span: 0 }, { text: "b" }],
      "vi",
    );
    expect(summary(groupUnits(2, { vi }, ["vi"]))).toEqual(["0-1 vi=x a y", "1-2 vi=b"]);
  });

  it("reports overflow cells separately and leaves uncovered rows without a target", () => {
    const vi = makeColumn([{ text: "a" }, { text: "b" }, { text: "c" }], "vi");
    const en = makeColumn([{ text: "A" }], "en");
    const result = groupUnits(2, { vi, en }, ["vi", "en"]);
    expect(summary(result)).toEqual(["0-1 vi=a en=A", "1-2 vi=b"]);
    expect(result.overflow.vi?.map((c) => c.text)).toEqual(["c"]);
    expect(result.overflow.en).toBeUndefined();
  });

  it("only the exported languages decide the boundaries", () => {
    const vi = makeColumn([{ text: "a" }, { text: "b" }], "vi");
    const en = makeColumn([{ text: "AB", span: 2 }], "en");
    expect(summary(groupUnits(2, { vi, en }, ["vi"]))).toEqual(["0-1 vi=a", "1-2 vi=b"]);
    expect(summary(groupUnits(2, { vi, en }, ["en"]))).toEqual(["0-2 en=AB"]);
    expect(summary(groupUnits(2, { vi, en }, []))).toEqual(["0-1", "1-2"]);
  });

  it("a unit's status is the least advanced of its cells with text", () => {
    const vi = makeColumn(
      [
        { text: "a", status: "approved" },
        { text: "b", status: "translated" },
        { text: "", status: "empty" },
        { text: "d", status: "draft" },
      ],
      "vi",
    );
    const en = makeColumn([{ text: "ABC", span: 3 }, { text: "D" }], "en");
    const units = groupUnits(4, { vi, en }, ["vi", "en"]).units;
    expect(units[0]!.targets.vi).toMatchObject({ text: "a b", status: "translated" });
    expect(units[1]!.targets.vi).toMatchObject({ text: "d", status: "draft" });
  });

  it("empty cells give an empty target with status Empty", () => {
    const vi = makeColumn([{ text: "" }], "vi");
    expect(groupUnits(1, { vi }, ["vi"]).units[0]!.targets.vi).toMatchObject({
      text: "",
      status: "empty",
    });
  });

  it("ranks every status, rejected below draft", () => {
    expect(Object.keys(STATUS_PROGRESS).sort()).toEqual([...STATUSES].sort());
    const cells = makeColumn([
      { text: "a", status: "draft" },
      { text: "b", status: "rejected" },
    ]);
    expect(leastAdvanced(cells)).toBe("rejected");
    expect(leastAdvanced([])).toBe("empty");
  });
});
