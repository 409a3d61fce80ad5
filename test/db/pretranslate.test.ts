import { describe, expect, it } from "vitest";
import { importDocuments } from "../../src/db/operations/import-documents.ts";
import { importIntoMemory } from "../../src/db/operations/project-memory.ts";
import { saveTranslation } from "../../src/db/operations/save-translation.ts";
import { applyPretranslate, planPretranslate } from "../../src/db/operations/pretranslate.ts";
import { undo } from "../../src/db/operations/history.ts";
import { segmentsOf } from "../../src/db/queries/segment-rows.ts";
import type { Bundle } from "../../src/core/model/bundle.ts";
import { freshDb } from "../helpers/fresh-db.ts";

const memory: Bundle = {
  documents: [
    {
      id: "tm",
      title: "TM",
      sourceLang: "id",
      segments: [
        {
          id: "u1",
          paragraph: 0,
          source: "Presiden menandatangani perjanjian itu.",
          targets: { vi: { text: "Tổng thống đã ký hiệp định đó.", status: "approved" } },
        },
        {
          id: "u2",
          paragraph: 0,
          source: "Menteri membuka rapat anggaran di Jakarta.",
          targets: {
            vi: { text: "Bộ trưởng khai mạc cuộc họp ngân sách tại Jakarta.", status: "approved" },
            en: { text: "The minister opened the budget meeting in Jakarta.", status: "approved" },
          },
        },
      ],
    },
  ],
};

async function setUp() {
  const db = await freshDb();
  await importIntoMemory(db, memory, "tm.tmx");
  const [docId] = await importDocuments(db, [
    {
      title: "Doc",
      sourceLang: "id",
      text: "Presiden menandatangani perjanjian itu. Menteri membuka rapat anggaran di Bandung. Hujan turun sepanjang hari.",
      origin: { kind: "user" },
    },
  ]);
  const segs = await segmentsOf(db, docId!);
  return { db, docId: docId!, segs };
}

describe("pre-translate a document from the memory", () => {
  it("fills exact matches as before and fuzzy ones as drafts with their score, in one undo step", async () => {
    const { db, docId, segs } = await setUp();
    const plan = await planPretranslate(db, docId, 75);
    expect(plan.exact.fills).toHaveLength(1);
    // Row 2 (6 of 7 tokens, 85 %) in vi and en; row 1's en has no unit holding English near it.
    expect(plan.fuzzy).toEqual([
      {
        segmentId: segs[1]!.id,
        lang: "vi",
        text: "Bộ trưởng khai mạc cuộc họp ngân sách tại Jakarta.",
        score: 85,
      },
      {
        segmentId: segs[1]!.id,
        lang: "en",
        text: "The minister opened the budget meeting in Jakarta.",
        score: 85,
      },
    ]);
    expect(plan.emptyTargets).toBe(6);

    expect(await applyPretranslate(db, docId, plan, [], "me")).toEqual({ exact: 1, fuzzy: 2 });
    expect(await db.translations.get(`${segs[0]!.id}:vi`)).toMatchObject({
      text: "Tổng thống đã ký hiệp định đó.",
      status: "approved",
    });
    const fuzzy = await db.translations.get(`${segs[1]!.id}:en`);
    expect(fuzzy).toMatchObject({
      text: "The minister opened the budget meeting in Jakarta.",
      status: "draft",
      tmScore: 85,
      changedBy: "me",
    });
    expect((await db.translations.get(`${segs[2]!.id}:vi`))?.text ?? "").toBe("");

    await undo(db, docId, "me");
    for (const id of [`${segs[0]!.id}:vi`, `${segs[1]!.id}:vi`, `${segs[1]!.id}:en`])
      expect((await db.translations.get(id))?.text ?? "").toBe("");
  });

  it("100 % fills exact matches only", async () => {
    const { db, docId } = await setUp();
    const plan = await planPretranslate(db, docId, 100);
    expect(plan.fuzzy).toEqual([]);
    expect(await applyPretranslate(db, docId, plan, [], "me")).toEqual({ exact: 1, fuzzy: 0 });
  });

  it("keeps a target typed after planning", async () => {
    const { db, docId, segs } = await setUp();
    const plan = await planPretranslate(db, docId, 75);
    await saveTranslation(db, { segmentId: segs[1]!.id, lang: "vi", text: "Của tôi.", user: "me" });
    expect(await applyPretranslate(db, docId, plan, [], "me")).toEqual({ exact: 1, fuzzy: 1 });
    expect((await db.translations.get(`${segs[1]!.id}:vi`))?.text).toBe("Của tôi.");
  });
});
