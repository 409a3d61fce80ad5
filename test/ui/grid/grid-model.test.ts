import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { cellEditFor, nextAwaitingReview, withPinnedRow } from "../../../src/ui/grid/grid-model.ts";
import type { SegmentRecord, TranslationRecord } from "../../../src/core/model/records.ts";
import type { Status } from "../../../src/core/model/status.ts";
import type { TargetLang } from "../../../src/core/model/languages.ts";

const segs: SegmentRecord[] = ["a", "b", "c", "d"].map((id, i) => ({
  id,
  docId: "d",
  order: `${i + 1}`,
  paragraph: 0,
  source: id,
}));
const tr = (segmentId: string, lang: TargetLang, status: Status): [string, TranslationRecord] => [
  `${segmentId}:${lang}`,
  {
    id: `${segmentId}:${lang}`,
    segmentId,
    docId: "d",
    lang,
    order: "a",
    span: 1,
    origin: "typed",
    confidence: null,
    locked: false,
    text: "x",
    status,
    createdBy: "u",
    createdAt: "t",
    changedBy: "u",
    changedAt: "t",
  },
];

describe("nextAwaitingReview", () => {
  const translations = new Map([
    tr("b", "vi", "approved"),
    tr("c", "en", "translated"),
    tr("d", "vi", "translated"),
  ]);
  const all = [0, 1, 2, 3];

  it("finds the next translated target below, in the same language first", () => {
    expect(nextAwaitingReview({ row: 0, lang: "vi" }, segs, all, translations)).toEqual({
      row: 3,
      lang: "vi",
    });
    expect(nextAwaitingReview({ row: 0, lang: "en" }, segs, all, translations)).toEqual({
      row: 2,
      lang: "en",
    });
  });

  it("falls back to the other language, respects the filter, and says null at the end", () => {
    expect(nextAwaitingReview({ row: 3, lang: "vi" }, segs, all, translations)).toBeNull();
    expect(nextAwaitingReview({ row: 0, lang: "vi" }, segs, [0, 1, 2], translations)).toEqual({
      row: 2,
      lang: "en",
    });
  });
});

describe("alignment commands", () => {
  it("map keys and toolbar buttons to the editor's operations; the lock toggles; others are not edits", () => {
    const at = { offset: 7, locked: false };
    expect(cellEditFor("moveCellUp", at)).toEqual({ kind: "moveUp" });
    expect(cellEditFor("moveCellDown", at)).toEqual({ kind: "moveDown" });
    expect(cellEditFor("mergeCell", at)).toEqual({ kind: "mergeWithNext" });
    expect(cellEditFor("splitCell", at)).toEqual({ kind: "split", offset: 7 });
    expect(cellEditFor("insertCell", at)).toEqual({ kind: "insertEmpty" });
    expect(cellEditFor("deleteCell", at)).toEqual({ kind: "deleteEmpty" });
    expect(cellEditFor("lockCell", at)).toEqual({ kind: "lock", locked: true });
    expect(cellEditFor("lockCell", { ...at, locked: true })).toEqual({
      kind: "lock",
      locked: false,
    });
    for (const other of ["nextSuspicious", "confirmAndNext", "mergeSource", "nextRow"] as const) {
      expect(cellEditFor(other, at)).toBeNull();
    }
  });
});

describe("withPinnedRow", () => {
  it("adds the edited row in document order when the filter dropped it, and nothing else", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.nat(200)).map((a) => a.sort((x, y) => x - y)),
        fc.oneof(fc.constant(null), fc.nat(200)),
        (visible, pinned) => {
          const out = withPinnedRow(visible, pinned);
          const expected =
            pinned === null || visible.includes(pinned)
              ? visible
              : [...visible, pinned].sort((x, y) => x - y);
          expect(out).toEqual(expected);
          // The same array when nothing is added, so the grid does not re-render.
          if (pinned === null || visible.includes(pinned)) expect(out).toBe(visible);
        },
      ),
    );
  });
});
