import { describe, expect, it } from "vitest";
import { importDocuments } from "../../src/db/operations/import-documents.ts";
import { saveTranslation } from "../../src/db/operations/save-translation.ts";
import { deleteDocument } from "../../src/db/operations/delete-document.ts";
import { cellsOf, segmentsOf } from "../../src/db/queries/segment-rows.ts";
import { documentsWithProgress } from "../../src/db/queries/documents-with-progress.ts";
import { AppError } from "../../src/core/model/app-error.ts";
import { freshDb } from "../helpers/fresh-db.ts";

const TEXT = "Kalimat pertama. Kalimat kedua!\nParagraf baru di sini.";

describe("importDocuments", () => {
  it("segments the text into ordered rows with paragraph indices", async () => {
    const db = await freshDb();
    const [docId] = await importDocuments(db, [
      { title: "Uji", sourceLang: "id", text: TEXT, origin: { kind: "user" } },
    ]);
    const segments = await segmentsOf(db, docId!);
    expect(segments.map((s) => s.source)).toEqual([
      "Kalimat pertama.",
      "Kalimat kedua!",
      "Paragraf baru di sini.",
    ]);
    expect(segments.map((s) => s.paragraph)).toEqual([0, 0, 1]);
    const orders = segments.map((s) => s.order);
    expect([...orders].sort()).toEqual(orders);
    expect(new Set(segments.map((s) => s.id)).size).toBe(3);
    expect((await db.documents.get(docId!))?.segmentCount).toBe(3);
  });

  it("is all-or-nothing: one empty text stores none of the documents", async () => {
    const db = await freshDb();
    await expect(
      importDocuments(db, [
        { title: "Baik", sourceLang: "id", text: TEXT, origin: { kind: "user" } },
        { title: "Kosong", sourceLang: "id", text: " \n \n", origin: { kind: "user" } },
      ]),
    ).rejects.toMatchObject({ code: "import.noText", params: { file: "Kosong" } });
    expect(await db.documents.count()).toBe(0);
    expect(await db.segments.count()).toBe(0);
  });
});

describe("saveTranslation", () => {
  async function setup() {
    const db = await freshDb();
    const [docId] = await importDocuments(db, [
      { title: "Uji", sourceLang: "id", text: TEXT, origin: { kind: "user" } },
    ]);
    const [first] = await segmentsOf(db, docId!);
    return { db, docId: docId!, segmentId: first!.id };
  }

  it("stores text as Draft, stamps who and when, and keeps the creator", async () => {
    const { db, segmentId } = await setup();
    const a = await saveTranslation(db, {
      segmentId,
      lang: "vi",
      text: "Câu đầu.",
      user: "lan",
      at: "2026-01-01T00:00:00.000Z",
    });
    expect(a).toMatchObject({ status: "draft", createdBy: "lan", changedBy: "lan" });
    const b = await saveTranslation(db, {
      segmentId,
      lang: "vi",
      text: "Câu thứ nhất.",
      user: "minh",
      at: "2026-01-02T00:00:00.000Z",
    });
    expect(b).toMatchObject({
      text: "Câu thứ nhất.",
      status: "draft",
      createdBy: "lan",
      createdAt: "2026-01-01T00:00:00.000Z",
      changedBy: "minh",
      changedAt: "2026-01-02T00:00:00.000Z",
    });
  });

  it("confirm makes it Translated; an edit after that sends it back to Draft", async () => {
    const { db, segmentId } = await setup();
    await saveTranslation(db, { segmentId, lang: "en", text: "First.", user: "u" });
    expect(
      (
        await saveTranslation(db, {
          segmentId,
          lang: "en",
          text: "First.",
          user: "u",
          confirm: true,
        })
      ).status,
    ).toBe("translated");
    expect(
      (await saveTranslation(db, { segmentId, lang: "en", text: "First.", user: "u" })).status,
    ).toBe("translated");
    expect(
      (await saveTranslation(db, { segmentId, lang: "en", text: "The first.", user: "u" })).status,
    ).toBe("draft");
  });

  it("an emptied cell is Empty, and confirming empty text does not make it Translated", async () => {
    const { db, segmentId } = await setup();
    await saveTranslation(db, { segmentId, lang: "vi", text: "x", user: "u" });
    expect(
      (await saveTranslation(db, { segmentId, lang: "vi", text: "  ", user: "u" })).status,
    ).toBe("empty");
    expect(
      (await saveTranslation(db, { segmentId, lang: "vi", text: "", user: "u", confirm: true }))
        .status,
    ).toBe("empty");
  });

  it("languages are independent", async () => {
    const { db, docId, segmentId } = await setup();
    await saveTranslation(db, { segmentId, lang: "vi", text: "Việt", user: "u", confirm: true });
    await saveTranslation(db, { segmentId, lang: "en", text: "English", user: "u" });
    const map = new Map((await cellsOf(db, docId)).map((c) => [c.id, c]));
    expect(map.get(`${segmentId}:vi`)).toMatchObject({ text: "Việt", status: "translated" });
    expect(map.get(`${segmentId}:en`)).toMatchObject({ text: "English", status: "draft" });
  });

  it("refuses a segment that does not exist, writing nothing", async () => {
    const { db } = await setup();
    const error = await saveTranslation(db, {
      segmentId: "nope",
      lang: "vi",
      text: "x",
      user: "u",
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("db.segmentMissing");
    expect(await db.translations.count()).toBe(0);
  });

  it("progress counts segments per status and language", async () => {
    const { db, docId, segmentId } = await setup();
    await saveTranslation(db, { segmentId, lang: "vi", text: "Việt", user: "u", confirm: true });
    const [row] = await documentsWithProgress(db);
    expect(row?.document.id).toBe(docId);
    expect(row?.progress.vi).toMatchObject({ translated: 1, empty: 2, draft: 0 });
    expect(row?.progress.en).toMatchObject({ empty: 3, translated: 0 });
  });

  it("deleteDocument removes the document, its segments and translations", async () => {
    const { db, docId, segmentId } = await setup();
    await saveTranslation(db, { segmentId, lang: "vi", text: "Việt", user: "u" });
    await deleteDocument(db, docId);
    expect(await db.documents.count()).toBe(0);
    expect(await db.segments.count()).toBe(0);
    expect(await db.translations.count()).toBe(0);
  });
});

describe("documentsWithProgress words", () => {
  it("counts source words per status and language", async () => {
    const db = await freshDb();
    const [docId] = await importDocuments(db, [
      {
        title: "W",
        sourceLang: "id",
        text: "Satu dua tiga. Empat lima.",
        origin: { kind: "user" },
      },
    ]);
    const [first] = await segmentsOf(db, docId!);
    await saveTranslation(db, {
      segmentId: first!.id,
      lang: "vi",
      text: "Một hai ba.",
      user: "u",
      confirm: true,
    });
    const [row] = await documentsWithProgress(db);
    expect(row?.words.vi).toMatchObject({ translated: 3, empty: 2 });
    expect(row?.words.en).toMatchObject({ empty: 5, translated: 0 });
  });
});
