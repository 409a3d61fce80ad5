import { describe, expect, it } from "vitest";
import { resolveConflict } from "../../../src/core/merge/resolve-conflict.ts";
import { filterRows, EMPTY_FILTER, isFilterActive } from "../../../src/core/review/filter.ts";
import type { TranslationRecord } from "../../../src/core/model/records.ts";
import { AppError } from "../../../src/core/model/app-error.ts";

const CELL: TranslationRecord = {
  id: "s1:vi",
  docId: "d",
  segmentId: "s1",
  lang: "vi",
  text: "Bản của Lan.",
  status: "translated",
  origin: "typed",
  confidence: null,
  createdBy: "lan",
  createdAt: "2026-11-20T08:00:00.000Z",
  changedBy: "lan",
  changedAt: "2026-11-21T08:00:00.000Z",
  competing: [
    {
      text: "Bản của Rina.",
      status: "approved",
      by: "rina",
      at: "2026-11-21T09:00:00.000Z",
      source: "import",
    },
    { text: "Bản của Minh.", status: "bogus", by: "", at: "", source: "sync" },
  ],
} as TranslationRecord;
const SEEN = ["Bản của Rina.", "Bản của Minh."];
const AT = "2026-11-22T00:00:00.000Z";

describe("resolveConflict", () => {
  it("keeping the current text drops the competing versions and changes nothing else", () => {
    const { competing: _c, ...rest } = CELL;
    expect(resolveConflict(CELL, { kind: "current" }, SEEN, "lan", AT)).toEqual(rest);
  });

  it("keeping a version takes its text, status and author, stamped now", () => {
    expect(resolveConflict(CELL, { kind: "competing", index: 0 }, SEEN, "lan", AT)).toMatchObject({
      text: "Bản của Rina.",
      status: "approved",
      changedBy: "rina",
      changedAt: AT,
    });
    const second = resolveConflict(CELL, { kind: "competing", index: 1 }, SEEN, "lan", AT);
    // No author, an unknown status: the decider's, and the status a typed text gets.
    expect(second).toMatchObject({ text: "Bản của Minh.", status: "draft", changedBy: "lan" });
    expect(second.competing).toBeUndefined();
  });

  it("an edited merge is typed text, in NFC", () => {
    const out = resolveConflict(
      CELL,
      { kind: "merged", text: "Ba\u0309n chung." },
      SEEN,
      "lan",
      AT,
    );
    expect(out).toMatchObject({ text: "Bản chung.", status: "draft", changedBy: "lan" });
    expect(out.competing).toBeUndefined();
  });

  it("is refused when the versions changed since the user saw them", () => {
    const stale = () => resolveConflict(CELL, { kind: "current" }, ["Bản của Rina."], "lan", AT);
    expect(stale).toThrow(AppError);
    expect(stale).toThrow(expect.objectContaining({ code: "conflict.changed" }));
    expect(() => resolveConflict(CELL, { kind: "competing", index: 5 }, SEEN, "lan", AT)).toThrow(
      AppError,
    );
  });
});

describe("the Conflict filter state", () => {
  it("keeps rows whose target of that language has competing versions", () => {
    const rows = [
      {
        source: "a",
        targets: { vi: { text: "x", status: "draft" as const, changedAt: "", conflict: true } },
        hasOpenComments: false,
      },
      {
        source: "b",
        targets: { vi: { text: "y", status: "draft" as const, changedAt: "" } },
        hasOpenComments: false,
      },
      {
        source: "c",
        targets: { en: { text: "z", status: "draft" as const, changedAt: "", conflict: true } },
        hasOpenComments: false,
      },
    ];
    const filter = { ...EMPTY_FILTER, conflicts: ["vi" as const] };
    expect(isFilterActive(filter)).toBe(true);
    expect(filterRows(rows, filter)).toEqual([0]);
    expect(filterRows(rows, { ...EMPTY_FILTER, conflicts: ["en" as const] })).toEqual([2]);
    expect(filterRows(rows, { ...EMPTY_FILTER, conflicts: [] })).toEqual([0, 1, 2]);
  });
});
