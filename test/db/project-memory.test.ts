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
});
