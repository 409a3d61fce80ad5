/**
 * Size limits on import (issue 14 item 7): a document past LIMITS is refused by the real import
 * paths with its own code, before anything is written, and the database stays as it was.
 */
import { describe, expect, it } from "vitest";
import { readMemoryFile } from "../../src/core/format/read-memory-file.ts";
import { LIMITS } from "../../src/core/model/limits.ts";
import { applyBundleImport, loadBundle, planBundleImport } from "../../src/db/operations/bundle.ts";
import { importDocuments } from "../../src/db/operations/import-documents.ts";
import { freshDb } from "../helpers/fresh-db.ts";

async function populated() {
  const db = await freshDb();
  await importDocuments(db, [
    { title: "Kerja", sourceLang: "id", text: "Satu. Dua.", origin: { kind: "user" } },
  ]);
  return db;
}

async function snapshot(db: Awaited<ReturnType<typeof freshDb>>) {
  return {
    bundle: await loadBundle(db),
    counts: await Promise.all(db.tables.map(async (t) => [t.name, await t.count()])),
  };
}

async function refusal(task: () => Promise<unknown>): Promise<{ code: string; params: object }> {
  try {
    await task();
  } catch (error) {
    return error as { code: string; params: object };
  }
  throw new Error("expected a refusal");
}

describe("import limits", () => {
  it("a text with one sentence past the segment limit is refused; nothing is written", async () => {
    const db = await populated();
    const before = await snapshot(db);
    const sentence = `${"kata ".repeat(Math.ceil(LIMITS.segmentChars / 5) + 10).trim()}.`;
    const error = await refusal(() =>
      importDocuments(db, [
        { title: "Pendek", sourceLang: "id", text: "Satu kalimat.", origin: { kind: "user" } },
        { title: "Panjang", sourceLang: "id", text: sentence, origin: { kind: "user" } },
      ]),
    );
    expect(error).toMatchObject({
      code: "import.segmentTooLong",
      params: { title: "Panjang", n: 1, limit: LIMITS.segmentChars },
    });
    expect(await snapshot(db)).toEqual(before);
  });

  it("a TSV of more rows than a document holds is refused by the plan and by the import", async () => {
    const db = await populated();
    const before = await snapshot(db);
    const rows = LIMITS.documentSegments + 1;
    const lines = ["id\tvi\ten"];
    for (let i = 0; i < rows; i++) lines.push(`Baris ${i}.\tDòng ${i}.\tRow ${i}.`);
    const read = readMemoryFile(new TextEncoder().encode(lines.join("\n")), "besar.tsv");
    expect(read.bundle.documents[0]!.segments).toHaveLength(rows);
    for (const task of [
      () => planBundleImport(db, read.bundle),
      () => applyBundleImport(db, read.bundle, "merge", "u", read.extras),
    ]) {
      expect(await refusal(task)).toMatchObject({
        code: "import.tooManySegments",
        params: { count: rows, limit: LIMITS.documentSegments },
      });
    }
    expect(await snapshot(db)).toEqual(before);
  }, 60_000);
});
