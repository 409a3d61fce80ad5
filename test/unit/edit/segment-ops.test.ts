import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  planMergeWithNext,
  planResegment,
  planSplit,
  type DocumentState,
  type EditContext,
} from "../../../src/core/edit/segment-ops.ts";
import { invertPatches, type RecordPatch } from "../../../src/core/edit/patch.ts";
import type {
  CommentRecord,
  SegmentRecord,
  TranslationRecord,
} from "../../../src/core/model/records.ts";
import { initialKeys } from "../../../src/core/model/order-key.ts";
import { segmentParagraph } from "../../../src/core/segment/segment.ts";

type Tables = {
  segments: Map<string, SegmentRecord>;
  translations: Map<string, TranslationRecord>;
  comments: Map<string, CommentRecord>;
};

function makeState(
  paragraphs: string[][],
  vi: Record<number, string> = {},
): { state: DocumentState; tables: Tables } {
  const flat = paragraphs.flatMap((p, pi) => p.map((source) => ({ source, paragraph: pi })));
  const keys = initialKeys(flat.length);
  const segments = flat.map((s, i): SegmentRecord => ({
    id: `s${i}`,
    docId: "d",
    order: keys[i]!,
    paragraph: s.paragraph,
    source: s.source,
  }));
  // The vi column: one one-row cell per row down to the last given text (empty ones between).
  const translations = new Map<string, TranslationRecord>();
  const last = Math.max(-1, ...Object.keys(vi).map(Number));
  for (let i = 0; i <= last; i++) {
    const id = `s${i}:vi`;
    const text = vi[i] ?? "";
    translations.set(id, {
      id,
      segmentId: `s${i}`,
      docId: "d",
      lang: "vi",
      order: keys[i]!,
      span: 1,
      origin: "typed",
      confidence: null,
      locked: false,
      text,
      status: text === "" ? "empty" : "translated",
      createdBy: "u",
      createdAt: "t",
      changedBy: "u",
      changedAt: "t",
    });
  }
  const state: DocumentState = {
    segments,
    columns: { vi: [...translations.values()] },
    comments: new Map(),
  };
  return {
    state,
    tables: {
      segments: new Map(segments.map((s) => [s.id, s])),
      translations,
      comments: new Map(),
    },
  };
}

function apply(tables: Tables, patches: readonly RecordPatch[]): Tables {
  const next: Tables = {
    segments: new Map(tables.segments),
    translations: new Map(tables.translations),
    comments: new Map(tables.comments),
  };
  for (const p of patches) {
    // Segment operations never dismiss QA findings.
    if (p.table === "qaDismissals" || p.table === "glossary") continue;
    const table = next[p.table] as Map<string, unknown>;
    if (p.after) table.set(p.key, p.after);
    else table.delete(p.key);
  }
  return next;
}

const ordered = (t: Tables) =>
  [...t.segments.values()].sort((a, b) => (a.order < b.order ? -1 : 1));

let n = 0;
const ctx: EditContext = { user: "ed", at: "2026-05-01T00:00:00.000Z", newId: () => `n${n++}` };

describe("split and merge", () => {
  it("split keeps the targets on the first part (back to Draft) and adds an empty second row", () => {
    const { state, tables } = makeState([["Satu dua. Tiga empat.", "Lima."]], {
      0: "Một hai. Ba bốn.",
    });
    const patches = planSplit(state, "s0", "Satu dua.".length, ctx);
    const after = apply(tables, patches);
    expect(ordered(after).map((s) => s.source)).toEqual(["Satu dua.", "Tiga empat.", "Lima."]);
    expect(after.translations.get("s0:vi")).toMatchObject({
      text: "Một hai. Ba bốn.",
      status: "draft",
      changedBy: "ed",
    });
    // The new second row gets an empty cell, so the rows below keep their cells.
    const newRow = ordered(after)[1]!;
    expect([...after.translations.values()].filter((c) => c.id !== "s0:vi")).toEqual([
      expect.objectContaining({ text: "", status: "empty", span: 1, segmentId: newRow.id }),
    ]);
    expect(apply(after, invertPatches(patches))).toEqual(tables);
  });

  it("split at an edge is refused", () => {
    const { state } = makeState([["Satu."]]);
    expect(() => planSplit(state, "s0", 0, ctx)).toThrow(
      expect.objectContaining({ code: "edit.splitAtEdge" }),
    );
  });

  it("merge joins sources and targets, moves comments, and deletes the second row", () => {
    const { state, tables } = makeState([["Satu.", "Dua.", "Tiga."]], { 0: "Một.", 1: "Hai." });
    const comment: CommentRecord = {
      id: "c1",
      docId: "d",
      segmentId: "s1",
      lang: "vi",
      author: "r",
      at: "t",
      text: "?",
      open: 1,
    };
    const withComment: DocumentState = { ...state, comments: new Map([["s1", [comment]]]) };
    tables.comments.set("c1", comment);
    const patches = planMergeWithNext(withComment, "s0", ctx);
    const after = apply(tables, patches);
    expect(ordered(after).map((s) => s.source)).toEqual(["Satu. Dua.", "Tiga."]);
    expect(after.translations.get("s0:vi")).toMatchObject({ text: "Một. Hai.", status: "draft" });
    expect(after.translations.has("s1:vi")).toBe(false);
    expect(after.comments.get("c1")?.segmentId).toBe("s0");
    expect(apply(after, invertPatches(patches))).toEqual(tables);
  });
});

describe("re-segment", () => {
  it("keeps unchanged segments untouched and clusters merges and splits", () => {
    // Old segmentation split after "Dr." wrongly and missed the break before "Rapat".
    const { state, tables } = makeState([["Dr.", "Sari datang. Rapat dimulai.", "Selesai."]], {
      0: "TS.",
      1: "Sari đến. Cuộc họp bắt đầu.",
      2: "Xong.",
    });
    const patches = planResegment(state, (p) => segmentParagraph(p, "id"), ctx);
    const after = apply(tables, patches);
    expect(ordered(after).map((s) => s.source)).toEqual([
      "Dr. Sari datang.",
      "Rapat dimulai.",
      "Selesai.",
    ]);
    expect(after.translations.get("s0:vi")).toMatchObject({
      text: "TS. Sari đến. Cuộc họp bắt đầu.",
      status: "draft",
    });
    expect(after.translations.get("s2:vi")).toMatchObject({ text: "Xong.", status: "translated" });
    expect(patches.some((p) => p.key === "s2" || p.key === "s2:vi")).toBe(false);
    expect(apply(after, invertPatches(patches))).toEqual(tables);
  });

  it("never loses source text or translations, and is a no-op when nothing changes (property)", () => {
    const sentence = fc.constantFrom(
      "Satu.",
      "Dr.",
      "Sari",
      "datang.",
      "Rapat",
      "dimulai!",
      "Apa?",
      "2.500",
      "orang.",
      "Jl.",
      "Merdeka",
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(sentence, { minLength: 1, maxLength: 5 }), {
          minLength: 1,
          maxLength: 3,
        }),
        (paragraphs) => {
          const { state, tables } = makeState(paragraphs, { 0: "A", 1: "B", 2: "C" });
          const patches = planResegment(state, (p) => segmentParagraph(p, "id"), ctx);
          const after = apply(tables, patches);
          const words = (t: Tables) =>
            ordered(t)
              .map((s) => s.source)
              .join(" ")
              .split(/\s+/);
          expect(words(after)).toEqual(words(tables));
          const viWords = (t: Tables) =>
            [...t.translations.values()]
              .map((x) => x.text)
              .join(" ")
              .split(/\s+/)
              .sort();
          expect(viWords(after)).toEqual(viWords(tables));
          expect(apply(after, invertPatches(patches))).toEqual(tables);
          // Idempotent: re-segmenting the result changes nothing.
          const again = planResegment(
            {
              segments: ordered(after),
              columns: { vi: [...after.translations.values()] },
              comments: new Map(),
            },
            (p) => segmentParagraph(p, "id"),
            ctx,
          );
          expect(again).toEqual([]);
        },
      ),
    );
  });
});
