import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { invertPatches, mergePatches, type RecordPatch } from "../../../src/core/edit/patch.ts";
import type { TranslationRecord } from "../../../src/core/model/records.ts";

const tr = (id: string, text: string): TranslationRecord => ({
  id,
  segmentId: id.split(":")[0]!,
  docId: "d",
  lang: "vi",
  order: "a",
  span: 1,
  origin: "typed",
  confidence: null,
  locked: false,
  text,
  status: text ? "draft" : "empty",
  createdBy: "u",
  createdAt: "t0",
  changedBy: "u",
  changedAt: "t1",
});

/** Applies patches to a plain key → record map, as the db does (put after, or delete). */
function apply(state: Map<string, TranslationRecord>, patches: RecordPatch[]) {
  const next = new Map(state);
  for (const p of patches) {
    if (p.after) next.set(p.key, p.after as TranslationRecord);
    else next.delete(p.key);
  }
  return next;
}

/** Random command sequences over a few keys, each patch built from the current state. */
const commands = fc.array(
  fc.array(
    fc.tuple(fc.constantFrom("a:vi", "b:vi", "c:vi"), fc.option(fc.string(), { nil: null })),
    {
      minLength: 1,
      maxLength: 4,
    },
  ),
  { maxLength: 12 },
);

describe("patches", () => {
  it("applying a command then its inverse restores the exact state (property)", () => {
    fc.assert(
      fc.property(commands, (cmds) => {
        let state = new Map<string, TranslationRecord>();
        for (const cmd of cmds) {
          const patches: RecordPatch[] = [];
          let scratch = state;
          for (const [key, text] of cmd) {
            const before = scratch.get(key) ?? null;
            const after = text === null ? null : tr(key, text);
            const p: RecordPatch = { table: "translations", key, before, after };
            patches.push(p);
            scratch = apply(scratch, [p]);
          }
          const afterCmd = apply(state, patches);
          expect(apply(afterCmd, invertPatches(patches))).toEqual(state);
          state = afterCmd;
        }
      }),
    );
  });

  it("merging two successive commands keeps the first before and the second after", () => {
    const p1: RecordPatch = {
      table: "translations",
      key: "a:vi",
      before: null,
      after: tr("a:vi", "X"),
    };
    const p2: RecordPatch = {
      table: "translations",
      key: "a:vi",
      before: tr("a:vi", "X"),
      after: tr("a:vi", "XY"),
    };
    expect(mergePatches([p1], [p2])).toEqual([{ ...p1, after: tr("a:vi", "XY") }]);
    const back: RecordPatch = {
      table: "translations",
      key: "a:vi",
      before: tr("a:vi", "X"),
      after: null,
    };
    expect(mergePatches([p1], [back])).toEqual([]);
  });
});
