import { describe, expect, it } from "vitest";
import {
  clearMemory,
  importIntoMemory,
  memoryMatchesFor,
  memorySize,
} from "../../src/db/operations/project-memory.ts";
import {
  applyImportIntoDocument,
  planImportIntoDocument,
} from "../../src/db/operations/import-into-document.ts";
import { importDocuments } from "../../src/db/operations/import-documents.ts";
import { segmentsOf } from "../../src/db/queries/segment-rows.ts";
import type { Bundle } from "../../src/core/model/bundle.ts";
import { freshDb } from "../helpers/fresh-db.ts";

const tm = (vi: string): Bundle => ({
  documents: [
    {
      id: "f",
      title: "TM",
      sourceLang: "id",
      segments: [
        {
          id: "a",
          paragraph: 0,
          source: "Selamat  pagi.",
          targets: { vi: { text: vi, status: "approved" } },
        },
        { id: "b", paragraph: 0, source: "Tanpa terjemahan.", targets: {} },
      ],
    },
  ],
});

describe("project translation memory", () => {
  it("adds units once, skips untranslated ones, and feeds Import translations of a document", async () => {
    const db = await freshDb();
    expect(await importIntoMemory(db, tm("Chào buổi sáng."), "a.tmx")).toEqual({
      added: 1,
      duplicates: 0,
      withoutTarget: 1,
    });
    expect(await importIntoMemory(db, tm("Chào buổi sáng."), "a.tmx")).toEqual({
      added: 0,
      duplicates: 1,
      withoutTarget: 1,
    });
    expect(await importIntoMemory(db, tm("Xin chào buổi sáng."), "b.tmx")).toEqual({
      added: 1,
      duplicates: 0,
      withoutTarget: 1,
    });
    expect(await memorySize(db)).toBe(2);

    const [docId] = await importDocuments(db, [
      { title: "D", sourceLang: "id", text: "Selamat pagi. Apa kabar?", origin: { kind: "user" } },
    ]);
    const matches = await memoryMatchesFor(db, docId!);
    // The newest unit for a source wins.
    expect(matches.documents[0]?.segments.map((s) => s.targets.vi?.text)).toEqual([
      "Xin chào buổi sáng.",
    ]);
    const plan = await planImportIntoDocument(db, docId!, matches);
    expect(plan.fills).toHaveLength(1);
    await applyImportIntoDocument(db, docId!, matches, false, "me");
    const [first] = await segmentsOf(db, docId!);
    expect(await db.translations.get(`${first!.id}:vi`)).toMatchObject({
      text: "Xin chào buổi sáng.",
      status: "approved",
    });

    await clearMemory(db);
    expect(await memorySize(db)).toBe(0);
    expect(await db.documents.count()).toBe(1);
  });

  it("finds repeats across thousands of units, in the file and in the memory (keys looked up in batches)", async () => {
    const db = await freshDb();
    const file = (from: number, to: number, extra: (k: number) => string = () => ""): Bundle => ({
      documents: [
        {
          id: "big",
          title: "Big",
          sourceLang: "id",
          segments: Array.from({ length: to - from }, (_, i) => {
            const k = from + i;
            return {
              id: `u${k}`,
              paragraph: i,
              source: `Kalimat nomor ${k}.`,
              targets: { vi: { text: `Câu số ${k}${extra(k)}.`, status: "translated" as const } },
            };
          }),
        },
      ],
    });
    expect(await importIntoMemory(db, file(0, 4_500), "a.tmx")).toEqual({
      added: 4_500,
      duplicates: 0,
      withoutTarget: 0,
    });
    // 2,000 held ones again, 3,000 new, 1,000 of the new twice in the file, and 500 held sources
    // with another translation (a unit of its own).
    const again = file(2_500, 7_500);
    const twice = file(5_000, 6_000).documents[0]!.segments;
    const other = file(0, 500, () => " khác").documents[0]!.segments;
    again.documents[0]!.segments.push(...twice, ...other);
    expect(await importIntoMemory(db, again, "b.tmx")).toEqual({
      added: 3_000 + 500,
      duplicates: 2_000 + 1_000,
      withoutTarget: 0,
    });
    expect(await memorySize(db)).toBe(4_500 + 3_500);
  });
});
