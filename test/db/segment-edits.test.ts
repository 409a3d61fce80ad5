import { describe, expect, it } from "vitest";
import { importDocuments } from "../../src/db/operations/import-documents.ts";
import { saveTranslation } from "../../src/db/operations/save-translation.ts";
import {
  mergeWithNext,
  resegmentDocument,
  splitSegment,
} from "../../src/db/operations/segment-edits.ts";
import {
  getCustomSegmentation,
  saveCustomSegmentation,
} from "../../src/db/operations/segmentation-settings.ts";
import { addComment } from "../../src/db/operations/comments.ts";
import { redo, undo } from "../../src/db/operations/history.ts";
import { segmentsOf } from "../../src/db/queries/segment-rows.ts";
import { NO_CUSTOM_SEGMENTATION } from "../../src/core/segment/custom-rules.ts";
import { freshDb } from "../helpers/fresh-db.ts";

async function setup(text: string) {
  const db = await freshDb();
  const [docId] = await importDocuments(db, [
    { title: "Uji", sourceLang: "id", text, origin: { kind: "user" } },
  ]);
  return { db, docId: docId! };
}

const sources = async (db: Awaited<ReturnType<typeof freshDb>>, docId: string) =>
  (await segmentsOf(db, docId)).map((s) => s.source);

describe("split and merge in the database", () => {
  it("split, merge, undo and redo keep the document whole and its segment count right", async () => {
    const { db, docId } = await setup("Satu dua tiga. Empat.");
    const [a] = await segmentsOf(db, docId);
    await saveTranslation(db, {
      segmentId: a!.id,
      lang: "vi",
      text: "Một hai ba.",
      user: "u",
      confirm: true,
    });
    await splitSegment(db, docId, a!.id, "Satu dua".length, "ed");
    expect(await sources(db, docId)).toEqual(["Satu dua", "tiga.", "Empat."]);
    expect((await db.documents.get(docId))?.segmentCount).toBe(3);
    expect(await db.translations.get(`${a!.id}:vi`)).toMatchObject({
      text: "Một hai ba.",
      status: "draft",
    });

    const [, second] = await segmentsOf(db, docId);
    await addComment(db, { segmentId: second!.id, lang: "en", author: "r", text: "Check." });
    await mergeWithNext(db, docId, a!.id, "ed");
    expect(await sources(db, docId)).toEqual(["Satu dua tiga.", "Empat."]);
    expect((await db.comments.toArray())[0]?.segmentId).toBe(a!.id);
    expect((await db.documents.get(docId))?.segmentCount).toBe(2);

    await undo(db, docId, "ed");
    expect(await sources(db, docId)).toEqual(["Satu dua", "tiga.", "Empat."]);
    expect((await db.comments.toArray())[0]?.segmentId).toBe(second!.id);
    await undo(db, docId, "ed");
    expect(await sources(db, docId)).toEqual(["Satu dua tiga.", "Empat."]);
    expect(await db.translations.get(`${a!.id}:vi`)).toMatchObject({ status: "translated" });
    await redo(db, docId, "ed");
    await redo(db, docId, "ed");
    expect(await sources(db, docId)).toEqual(["Satu dua tiga.", "Empat."]);
    expect((await db.documents.get(docId))?.segmentCount).toBe(2);
  });

  it("merging the last segment is refused and changes nothing", async () => {
    const { db, docId } = await setup("Satu. Dua.");
    const segs = await segmentsOf(db, docId);
    await expect(mergeWithNext(db, docId, segs[1]!.id, "u")).rejects.toMatchObject({
      code: "edit.nothingToMerge",
    });
    expect(await sources(db, docId)).toEqual(["Satu.", "Dua."]);
  });
});

describe("re-segmentation with project rules", () => {
  it("applies a new abbreviation, merging rows and their translations, as one undoable step", async () => {
    const { db, docId } = await setup("Rapat di Ruko. Sukamaju dimulai. Semua hadir.");
    expect(await sources(db, docId)).toEqual([
      "Rapat di Ruko.",
      "Sukamaju dimulai.",
      "Semua hadir.",
    ]);
    const segs = await segmentsOf(db, docId);
    const english = ["Meeting at the shophouse.", "Sukamaju started.", "All present."];
    for (const [i, text] of english.entries()) {
      await saveTranslation(db, {
        segmentId: segs[i]!.id,
        lang: "en",
        text,
        user: "u",
        confirm: true,
      });
    }

    await saveCustomSegmentation(db, {
      ...NO_CUSTOM_SEGMENTATION,
      abbreviations: { id: ["Ruko."] },
    });
    expect((await getCustomSegmentation(db)).abbreviations.id).toEqual(["Ruko."]);
    await resegmentDocument(db, docId, "ed");
    expect(await sources(db, docId)).toEqual(["Rapat di Ruko. Sukamaju dimulai.", "Semua hadir."]);
    expect(await db.translations.get(`${segs[0]!.id}:en`)).toMatchObject({
      text: "Meeting at the shophouse. Sukamaju started.",
      status: "draft",
    });
    expect(await db.translations.get(`${segs[2]!.id}:en`)).toMatchObject({
      text: "All present.",
      status: "translated",
    });
    expect(await resegmentDocument(db, docId, "ed")).toBe(0);

    await undo(db, docId, "ed");
    expect(await sources(db, docId)).toEqual([
      "Rapat di Ruko.",
      "Sukamaju dimulai.",
      "Semua hadir.",
    ]);
    expect(await db.translations.get(`${segs[1]!.id}:en`)).toMatchObject({
      text: "Sukamaju started.",
      status: "translated",
    });
  });

  it("refuses a custom rule whose pattern does not compile, keeping the old settings", async () => {
    const { db } = await setup("Satu.");
    await expect(
      saveCustomSegmentation(db, {
        ...NO_CUSTOM_SEGMENTATION,
        rules: { id: [{ break: true, beforeBreak: "(", afterBreak: "" }] },
      }),
    ).rejects.toMatchObject({ code: "segment.invalid-pattern" });
    expect(await getCustomSegmentation(db)).toEqual(NO_CUSTOM_SEGMENTATION);
  });
});
