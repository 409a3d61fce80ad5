import { describe, expect, it } from "vitest";
import { importDocuments } from "../../src/db/operations/import-documents.ts";
import { saveTranslation } from "../../src/db/operations/save-translation.ts";
import {
  applyAlignment,
  applyRealign,
  editCell,
  prepareRealign,
  type CellEdit,
} from "../../src/db/operations/cell-edits.ts";
import { realignBetween } from "../../src/core/align/align-sentences.ts";
import { segmentText } from "../../src/core/segment/segment.ts";
import { readColumn } from "../../src/db/operations/cells.ts";
import { LONGEST_KEY } from "../../src/core/align-edit/rekey.ts";
import { mergeWithNext, splitSegment } from "../../src/db/operations/segment-edits.ts";
import { redo, undo } from "../../src/db/operations/history.ts";
import { addComment } from "../../src/db/operations/comments.ts";
import { applyBundleImport, loadBundle } from "../../src/db/operations/bundle.ts";
import { writeJson } from "../../src/core/format/json/write-json.ts";
import { readJson } from "../../src/core/format/json/read-json.ts";
import { groupBundle } from "../../src/core/align-edit/bundle-alignment.ts";
import { applyImportIntoDocument } from "../../src/db/operations/import-into-document.ts";
import { setStatus } from "../../src/db/operations/review.ts";
import { documentsWithProgress } from "../../src/db/queries/documents-with-progress.ts";
import { segmentsOf } from "../../src/db/queries/segment-rows.ts";
import { createDb, type SelarasDb } from "../../src/db/database.ts";
import { alignSentences } from "../../src/core/align/align-sentences.ts";
import type { AlignmentPlan } from "../../src/core/align/types.ts";
import { layoutColumn } from "../../src/core/align-edit/layout.ts";
import type { AppError } from "../../src/core/model/app-error.ts";
import type { TargetLang } from "../../src/core/model/languages.ts";
import { freshDb } from "../helpers/fresh-db.ts";

const SOURCE = "Satu. Dua. Tiga. Empat. Lima.";

async function setup(text = SOURCE) {
  const db = await freshDb();
  const [docId] = await importDocuments(db, [
    { title: "Uji", sourceLang: "id", text, origin: { kind: "user" } },
  ]);
  const segments = await segmentsOf(db, docId!);
  return { db, docId: docId!, rows: segments.map((s) => s.id) };
}

/** A hand-made plan: links as [source rows, target sentences] pairs with a confidence. */
function plan(
  links: [number[], number[], number][],
  sourceCount: number,
  targetCount: number,
): AlignmentPlan {
  return {
    sourceCount,
    targetCount,
    links: links.map(([source, target, confidence]) => ({ source, target, confidence })),
  };
}

/** Each row's text in a column as the grid shows it ("^" = covered by the cell above). */
async function rowTexts(db: SelarasDb, docId: string, lang: TargetLang, rowCount: number) {
  const layout = layoutColumn(await readColumn(db, docId, lang), rowCount);
  return layout.rows.map((r) => (r.cell === null ? null : r.starts ? r.cell.text : "^"));
}

const everything = async (db: SelarasDb) => ({
  translations: await db.translations.orderBy("id").toArray(),
  segments: await db.segments.orderBy("id").toArray(),
});

const VI = ["Một.", "Hai và ba.", "Thêm.", "Bốn.", "Năm."];
// Rows 2-3 → "Hai và ba." (2-1), "Thêm." has no source (0-1), row 5 → nothing (1-0)... and back.
const VI_PLAN = plan(
  [
    [[0], [0], 0.95],
    [[1, 2], [1], 0.4],
    [[], [2], 0.3],
    [[3], [3, 4], 0.8],
    [[4], [], 0.6],
  ],
  5,
  5,
);

describe("alignment links in the database", () => {
  it("stores one cell per link (spans 2, 0 and an empty 1-0 cell), and leaves the other language", async () => {
    const { db, docId } = await setup();
    await saveTranslation(db, {
      segmentId: (await segmentsOf(db, docId))[0]!.id,
      lang: "en",
      text: "One.",
      user: "u",
    });
    const before = await everything(db);
    await applyAlignment(db, {
      docId,
      lang: "vi",
      plan: VI_PLAN,
      targetSentences: VI,
      user: "lan",
    });

    const column = await readColumn(db, docId, "vi");
    expect(column.map((c) => [c.span, c.text, c.status, c.origin, c.confidence])).toEqual([
      [1, "Một.", "draft", "alignment", 0.95],
      [2, "Hai và ba.", "draft", "alignment", 0.4],
      [0, "Thêm.", "draft", "alignment", 0.3],
      [1, "Bốn. Năm.", "draft", "alignment", 0.8],
      [1, "", "empty", "alignment", 0.6],
    ]);
    expect(await rowTexts(db, docId, "vi", 5)).toEqual([
      "Một.",
      "Hai và ba.",
      "^",
      "Bốn. Năm.",
      "",
    ]);
    // The span-0 cell sits under row 3 (after the 2-1 link).
    expect(layoutColumn(column, 5).rows[2]!.under.map((c) => c.text)).toEqual(["Thêm."]);
    expect(await rowTexts(db, docId, "en", 5)).toEqual(["One.", null, null, null, null]);

    // One undo step; it survives a reconnect; redo gives the same cells back.
    const after = await everything(db);
    const name = db.name;
    db.close();
    const again = createDb(name);
    await again.open();
    await undo(again, docId, "lan");
    expect(await everything(again)).toEqual(before);
    await redo(again, docId, "lan");
    expect(await everything(again)).toEqual(after);
    again.close();
  });

  it("refuses a plan made for other texts, writing nothing", async () => {
    const { db, docId } = await setup();
    const before = await everything(db);
    const error = await applyAlignment(db, {
      docId,
      lang: "vi",
      plan: plan([[[0, 1, 2, 3], [0], 1]], 4, 1),
      targetSentences: ["x"],
      user: "u",
    }).catch((e: unknown) => e);
    expect((error as AppError).code).toBe("align-edit.plan-mismatch");
    expect(await everything(db)).toEqual(before);
  });

  it("every editor command is one undoable step that restores the exact state", async () => {
    const { db, docId, rows } = await setup();
    await applyAlignment(db, {
      docId,
      lang: "vi",
      plan: VI_PLAN,
      targetSentences: VI,
      user: "lan",
    });
    const cases: [number, CellEdit, (string | null)[]][] = [
      [0, { kind: "moveDown" }, ["", "Một.", "Hai và ba.", "^", "Bốn. Năm."]],
      [0, { kind: "mergeWithNext" }, ["Một. Hai và ba.", "^", "^", "Bốn. Năm.", ""]],
      [3, { kind: "split", offset: "Bốn.".length }, ["Một.", "Hai và ba.", "^", "Bốn.", "Năm."]],
      [3, { kind: "insertEmpty" }, ["Một.", "Hai và ba.", "^", "", "Bốn. Năm."]],
      [4, { kind: "deleteEmpty" }, ["Một.", "Hai và ba.", "^", "Bốn. Năm.", null]],
    ];
    for (const [row, edit, expected] of cases) {
      const before = await everything(db);
      const steps = () => db.history.where("[docId+undone]").equals([docId, 0]).count();
      const historyBefore = await steps();
      await editCell(db, { docId, lang: "vi", segmentId: rows[row]!, edit, user: "ed" });
      expect(await rowTexts(db, docId, "vi", 5), edit.kind).toEqual(expected);
      expect(await steps()).toBe(historyBefore + 1);
      await undo(db, docId, "ed");
      expect(await everything(db), edit.kind).toEqual(before);
    }
    // Moving a cell up into the empty cell a move down left restores the rows.
    const original = await rowTexts(db, docId, "vi", 5);
    await editCell(db, {
      docId,
      lang: "vi",
      segmentId: rows[0]!,
      edit: { kind: "moveDown" },
      user: "ed",
    });
    await editCell(db, {
      docId,
      lang: "vi",
      segmentId: rows[1]!,
      edit: { kind: "moveUp" },
      user: "ed",
    });
    expect(await rowTexts(db, docId, "vi", 5)).toEqual(original);
  });

  it("comment threads follow their cells when cells move or merge, and come back on undo", async () => {
    const { db, docId, rows } = await setup();
    await applyAlignment(db, {
      docId,
      lang: "vi",
      plan: VI_PLAN,
      targetSentences: VI,
      user: "lan",
    });
    await addComment(db, { segmentId: rows[0]!, lang: "vi", author: "r", text: "Sai nghĩa." });
    await addComment(db, { segmentId: rows[3]!, lang: "vi", author: "r", text: "Thiếu dấu." });
    await addComment(db, { segmentId: rows[3]!, lang: "en", author: "r", text: "Other language." });
    const threads = async () =>
      (await db.comments.toArray())
        .map((c) => [c.text, rows.indexOf(c.segmentId), c.lang])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    const before = await threads();
    // Row 1's cell moves down: its thread goes to row 2 with it; row 4's cell shifts to row 5.
    await editCell(db, {
      docId,
      lang: "vi",
      segmentId: rows[0]!,
      edit: { kind: "moveDown" },
      user: "ed",
    });
    expect(await threads()).toEqual([
      ["Other language.", 3, "en"],
      ["Sai nghĩa.", 1, "vi"],
      ["Thiếu dấu.", 4, "vi"],
    ]);
    await undo(db, docId, "ed");
    expect(await threads()).toEqual(before);
    // Merging row 2's cell into row 1's: no thread moves (row 1's cell stays where it is) …
    await editCell(db, {
      docId,
      lang: "vi",
      segmentId: rows[0]!,
      edit: { kind: "mergeWithNext" },
      user: "ed",
    });
    expect(await threads()).toEqual(before);
    await undo(db, docId, "ed");
    // … but the thread of a cell merged away goes to the cell that took it in.
    await addComment(db, { segmentId: rows[1]!, lang: "vi", author: "r", text: "Gộp?" });
    await editCell(db, {
      docId,
      lang: "vi",
      segmentId: rows[0]!,
      edit: { kind: "mergeWithNext" },
      user: "ed",
    });
    expect((await threads()).find((t) => t[0] === "Gộp?")).toEqual(["Gộp?", 0, "vi"]);
  });

  it("an edit of text with no source goes to its own cell, never to the row's, even once it is gone", async () => {
    const { db, docId, rows } = await setup();
    await applyAlignment(db, {
      docId,
      lang: "vi",
      plan: VI_PLAN,
      targetSentences: VI,
      user: "lan",
    });
    const under = (await readColumn(db, docId, "vi")).find((c) => c.span === 0)!;
    const edit = {
      segmentId: rows[2]!,
      lang: "vi" as const,
      cellId: under.id,
      under: true,
      user: "ed",
    };
    await saveTranslation(db, { ...edit, text: "Thêm nữa." });
    expect(await db.translations.get(under.id)).toMatchObject({ text: "Thêm nữa.", span: 0 });
    // Merged into the cell above, the no-source cell is gone: a late edit is refused, not moved.
    await editCell(db, {
      docId,
      lang: "vi",
      segmentId: rows[1]!,
      edit: { kind: "mergeWithNext" },
      user: "ed",
    });
    const before = await everything(db);
    const error = await saveTranslation(db, { ...edit, text: "Sai chỗ." }).catch((e: unknown) => e);
    expect((error as AppError).code).toBe("align-edit.cell-missing");
    expect(await everything(db)).toEqual(before);
  });

  it("a command on a row past the end of a column works with comment threads in that language", async () => {
    const { db, docId, rows } = await setup();
    await addComment(db, { segmentId: rows[0]!, lang: "vi", author: "r", text: "Chưa dịch." });
    await editCell(db, {
      docId,
      lang: "vi",
      segmentId: rows[2]!,
      edit: { kind: "insertEmpty" },
      user: "ed",
    });
    // Row 3's new cell moved down a row by the inserted empty cell; rows 1 and 2 stay uncovered
    // (a gap), not two stored empty cells (issue 13 item 16).
    expect(await rowTexts(db, docId, "vi", 5)).toEqual([null, null, "", "", null]);
    expect((await db.comments.toArray()).map((c) => c.segmentId)).toEqual([rows[0]]);
  });

  it("many inserts at one place keep order keys short, within the same undo steps", async () => {
    const { db, docId, rows } = await setup();
    await applyAlignment(db, {
      docId,
      lang: "vi",
      plan: VI_PLAN,
      targetSentences: VI,
      user: "lan",
    });
    for (let k = 0; k < 240; k++) {
      await editCell(db, {
        docId,
        lang: "vi",
        segmentId: rows[1]!,
        edit: { kind: "moveDown" },
        user: "ed",
      });
    }
    const column = await readColumn(db, docId, "vi");
    expect(Math.max(...column.map((c) => c.order.length))).toBeLessThanOrEqual(LONGEST_KEY);
    expect(column).toHaveLength(245);
    expect(await rowTexts(db, docId, "vi", 5)).toEqual(["Một.", "", "", "", ""]);
    await undo(db, docId, "ed");
    expect(await rowTexts(db, docId, "vi", 5)).toEqual(["Một.", "", "", "", ""]);
    expect(await readColumn(db, docId, "vi")).toHaveLength(244);
  }, 60_000);

  it("moving the cell of row 2 up is refused while row 1 has text, with nothing changed", async () => {
    const { db, docId, rows } = await setup();
    await applyAlignment(db, {
      docId,
      lang: "vi",
      plan: VI_PLAN,
      targetSentences: VI,
      user: "lan",
    });
    const before = await everything(db);
    const error = await editCell(db, {
      docId,
      lang: "vi",
      segmentId: rows[1]!,
      edit: { kind: "moveUp" },
      user: "ed",
    }).catch((e: unknown) => e);
    expect((error as AppError).code).toBe("align-edit.cannot-move-up");
    expect(await everything(db)).toEqual(before);
  });

  it("confirming a cell locks its link; lock toggles; an edited text loses the aligner's confidence", async () => {
    const { db, docId, rows } = await setup();
    await applyAlignment(db, {
      docId,
      lang: "vi",
      plan: VI_PLAN,
      targetSentences: VI,
      user: "lan",
    });
    await saveTranslation(db, {
      segmentId: rows[0]!,
      lang: "vi",
      text: "Một.",
      user: "ed",
      confirm: true,
    });
    expect((await readColumn(db, docId, "vi"))[0]).toMatchObject({
      status: "translated",
      locked: true,
      confidence: 0.95,
    });
    await editCell(db, {
      docId,
      lang: "vi",
      segmentId: rows[0]!,
      edit: { kind: "lock", locked: false },
      user: "ed",
    });
    expect((await readColumn(db, docId, "vi"))[0]!.locked).toBe(false);
    await saveTranslation(db, { segmentId: rows[3]!, lang: "vi", text: "Bốn, năm.", user: "ed" });
    expect((await readColumn(db, docId, "vi"))[3]).toMatchObject({
      confidence: null,
      status: "draft",
    });
  });

  it("typing past the end of a column stores the cell and one gap, not an empty cell per row; a covered row is refused", async () => {
    const { db, docId, rows } = await setup();
    await saveTranslation(db, { segmentId: rows[3]!, lang: "en", text: "Four.", user: "u" });
    // Issue 13 item 16: rows 1-3 are uncovered (one gap), as the rows past the column's end are;
    // this test expected three stored empty cells there.
    expect(await rowTexts(db, docId, "en", 5)).toEqual([null, null, null, "Four.", null]);
    const stored = await readColumn(db, docId, "en");
    expect(stored.map((c) => [c.span, c.gap ?? false, c.text])).toEqual([
      [3, true, ""],
      [1, false, "Four."],
    ]);
    expect(stored[1]!.id).toBe(`${rows[3]}:en`);
    // Typing into the gap splits it: the row above stays uncovered, the row below too.
    await saveTranslation(db, { segmentId: rows[1]!, lang: "en", text: "Two.", user: "u" });
    expect(await rowTexts(db, docId, "en", 5)).toEqual([null, "Two.", null, "Four.", null]);
    expect((await readColumn(db, docId, "en")).map((c) => [c.span, c.gap ?? false])).toEqual([
      [1, true],
      [1, false],
      [1, true],
      [1, false],
    ]);
    await undo(db, docId, "u");
    expect(await rowTexts(db, docId, "en", 5)).toEqual([null, null, null, "Four.", null]);
    await undo(db, docId, "u");
    expect(await db.translations.count()).toBe(0);

    await applyAlignment(db, {
      docId,
      lang: "vi",
      plan: VI_PLAN,
      targetSentences: VI,
      user: "lan",
    });
    const error = await saveTranslation(db, {
      segmentId: rows[2]!,
      lang: "vi",
      text: "x",
      user: "u",
    }).catch((e: unknown) => e);
    expect((error as AppError).code).toBe("align.row-covered");
  });

  it("source row merges and splits carry the links along", async () => {
    const { db, docId, rows } = await setup();
    await applyAlignment(db, {
      docId,
      lang: "vi",
      plan: VI_PLAN,
      targetSentences: VI,
      user: "lan",
    });
    // Rows 2 and 3 (covered by one 2-1 cell) become one row: the cell now covers one row, as it was.
    await mergeWithNext(db, docId, rows[1]!, "ed");
    expect(await rowTexts(db, docId, "vi", 4)).toEqual(["Một.", "Hai và ba.", "Bốn. Năm.", ""]);
    expect((await readColumn(db, docId, "vi"))[1]).toMatchObject({
      span: 1,
      status: "draft",
      confidence: 0.4,
    });
    await undo(db, docId, "ed");
    // Splitting row 1: its one-row cell keeps the text; an empty cell covers the new row.
    await splitSegment(db, docId, rows[0]!, 2, "ed");
    expect(await rowTexts(db, docId, "vi", 6)).toEqual([
      "Một.",
      "",
      "Hai và ba.",
      "^",
      "Bốn. Năm.",
      "",
    ]);
  });

  it("exports one unit per group of rows the exported languages agree on", async () => {
    const { db, docId, rows } = await setup();
    await applyAlignment(db, {
      docId,
      lang: "vi",
      plan: VI_PLAN,
      targetSentences: VI,
      user: "lan",
    });
    for (const [i, text] of ["One.", "Two.", "Three.", "Four.", "Five."].entries()) {
      await saveTranslation(db, { segmentId: rows[i]!, lang: "en", text, user: "u" });
    }
    const units = (langs: TargetLang[]) =>
      loadBundle(db, [docId], langs).then((b) =>
        b.documents[0]!.segments.map((s) => [s.source, s.targets.vi?.text, s.targets.en?.text]),
      );
    expect(await units(["vi", "en"])).toEqual([
      ["Satu.", "Một.", "One."],
      ["Dua. Tiga.", "Hai và ba. Thêm.", "Two. Three."],
      ["Empat.", "Bốn. Năm.", "Four."],
      ["Lima.", undefined, "Five."],
    ]);
    // English alone is row by row: its cells are all one-row cells.
    expect((await units(["en"])).map((u) => u[0])).toEqual([
      "Satu.",
      "Dua.",
      "Tiga.",
      "Empat.",
      "Lima.",
    ]);
  });

  it("our JSON keeps an aligned document whole: rows, cells, confidences and locks come back", async () => {
    const { db, docId, rows } = await setup();
    await applyAlignment(db, {
      docId,
      lang: "vi",
      plan: VI_PLAN,
      targetSentences: VI,
      user: "lan",
    });
    await saveTranslation(db, {
      segmentId: rows[0]!,
      lang: "vi",
      text: "Một.",
      user: "ed",
      confirm: true,
    });
    await saveTranslation(db, { segmentId: rows[1]!, lang: "en", text: "Two.", user: "ed" });
    const bundle = await loadBundle(db, [docId], ["vi", "en"], { rows: true });
    expect(bundle.documents[0]!.segments).toHaveLength(5);
    expect(Object.keys(bundle.documents[0]!.alignment ?? {})).toEqual(["vi"]);
    const json = writeJson(bundle, { exportedAt: new Date(), toolVersion: "t" });

    const other = await freshDb();
    await applyBundleImport(other, readJson(json), "keep", "someone");
    const shape = async (d: SelarasDb, lang: TargetLang) =>
      (await readColumn(d, docId, lang)).map((c) => [
        c.span,
        c.text,
        c.status,
        c.origin,
        c.confidence,
        c.locked,
        c.changedBy,
      ]);
    expect(await shape(other, "vi")).toEqual(await shape(db, "vi"));
    expect(await rowTexts(other, docId, "vi", 5)).toEqual(await rowTexts(db, docId, "vi", 5));
    expect(await rowTexts(other, docId, "en", 5)).toEqual(["", "Two.", null, null, null]);
    // The same file as TMX units: the 2-1 link and the no-source text are one unit.
    const units = groupBundle(readJson(json), ["vi"]).documents[0]!.segments;
    expect(units.map((u) => u.targets.vi?.text)).toEqual([
      "Một.",
      "Hai và ba. Thêm.",
      "Bốn. Năm.",
      undefined,
    ]);
  });

  it("re-aligning keeps confirmed cells and fixes the unconfirmed ones between them, as one step", async () => {
    const { db, docId, rows } = await setup(
      "Harga naik 2.500 rupiah. Rapat dimulai pukul 10.30. Semua setuju. Acara selesai pada 17 Oktober.",
    );
    const target = [
      "Giá tăng 2.500 đồng.",
      "Cuộc họp bắt đầu lúc 10:30.",
      "Mọi người đồng ý.",
      "Sự kiện kết thúc vào ngày 17 tháng 10.",
    ];
    // A bad alignment: everything after row 1 shifted by one (row 2 empty, the last in overflow).
    await applyAlignment(db, {
      docId,
      lang: "vi",
      plan: plan(
        [
          [[0], [0], 0.9],
          [[1], [], 0.2],
          [[2], [1], 0.2],
          [[3], [2], 0.2],
          [[], [3], 0.2],
        ],
        4,
        4,
      ),
      targetSentences: target,
      user: "lan",
    });
    await editCell(db, {
      docId,
      lang: "vi",
      segmentId: rows[0]!,
      edit: { kind: "lock", locked: true },
      user: "ed",
    });
    const before = await everything(db);
    const split = (text: string) => segmentText(text, "vi").flatMap((p) => p.sentences);
    const prepared = await prepareRealign(db, docId, "vi", split);
    const source = (await segmentsOf(db, docId)).map((s) => s.source);
    const p = realignBetween(
      source,
      prepared.request.targetSentences,
      prepared.request.fixedLinks,
      {
        sourceLang: "id",
        targetLang: "vi",
      },
    );
    await applyRealign(db, docId, "vi", prepared, p, "ed");
    expect(await rowTexts(db, docId, "vi", 4)).toEqual(target);
    const column = await readColumn(db, docId, "vi");
    expect(column[0]).toMatchObject({ locked: true, confidence: 0.9, text: target[0] });
    await undo(db, docId, "ed");
    expect(await everything(db)).toEqual(before);
  });

  it("progress counts every row a cell covers; approving a 2-1 cell approves both rows", async () => {
    const { db, docId, rows } = await setup();
    await applyAlignment(db, {
      docId,
      lang: "vi",
      plan: VI_PLAN,
      targetSentences: VI,
      user: "lan",
    });
    await saveTranslation(db, {
      segmentId: rows[1]!,
      lang: "vi",
      text: "Hai và ba.",
      user: "ed",
      confirm: true,
    });
    await setStatus(db, {
      changes: [{ segmentId: rows[1]!, lang: "vi" }],
      action: "approve",
      user: "r",
      role: "reviewer",
    });
    const [doc] = await documentsWithProgress(db);
    expect(doc!.progress.vi).toMatchObject({ approved: 2, draft: 2, empty: 1 });
  });

  it("importing translations into rows past the end of a column extends it", async () => {
    const { db, docId, rows } = await setup();
    const bundle = {
      documents: [
        {
          id: "x",
          title: "x",
          sourceLang: "id" as const,
          segments: [
            {
              id: "u",
              paragraph: 0,
              source: "Empat.",
              targets: { en: { text: "Four.", status: "translated" as const } },
            },
            {
              id: "v",
              paragraph: 0,
              source: "Dua.",
              targets: { en: { text: "Two.", status: "translated" as const } },
            },
          ],
        },
      ],
    };
    await applyImportIntoDocument(db, docId, bundle, false, "u");
    // Only the imported rows get a cell; the rows between are uncovered (gaps), not empty cells.
    expect(await rowTexts(db, docId, "en", 5)).toEqual([null, "Two.", null, "Four.", null]);
    // Ids as if typed: a cell made for a row is `${rowId}:${lang}`.
    const column = await readColumn(db, docId, "en");
    expect(column.filter((c) => !c.gap).map((c) => c.id)).toEqual([
      `${rows[1]}:en`,
      `${rows[3]}:en`,
    ]);
    expect(column.filter((c) => c.gap).map((c) => c.span)).toEqual([1, 1]);
  });

  it("aligns the corpus-like texts with the real aligner and stores a tiling column", async () => {
    const { db, docId } = await setup(
      "Harga naik 2.500 rupiah. Rapat dimulai pukul 10.30. Semua setuju.",
    );
    const target = ["Giá tăng 2.500 đồng.", "Cuộc họp bắt đầu lúc 10:30.", "Mọi người đồng ý."];
    const source = (await segmentsOf(db, docId)).map((s) => s.source);
    const p = alignSentences(source, target, { sourceLang: "id", targetLang: "vi" });
    await applyAlignment(db, { docId, lang: "vi", plan: p, targetSentences: target, user: "u" });
    expect(await rowTexts(db, docId, "vi", 3)).toEqual(target);
  });
});
