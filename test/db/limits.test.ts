/**
 * Size limits on import (issue 14 item 7): a document past LIMITS is refused by the real import
 * paths with its own code, before anything is written, and the database stays as it was.
 */
import { describe, expect, it } from "vitest";
import { readMemoryFile } from "../../src/core/format/read-memory-file.ts";
import { LIMITS } from "../../src/core/model/limits.ts";
import { applyBundleImport, loadBundle, planBundleImport } from "../../src/db/operations/bundle.ts";
import { importDocuments } from "../../src/db/operations/import-documents.ts";
import { freshDb, MemoryStorage } from "../helpers/fresh-db.ts";
import { saveTranslation } from "../../src/db/operations/save-translation.ts";
import { mergeWithNext } from "../../src/db/operations/segment-edits.ts";
import { segmentsOf } from "../../src/db/queries/segment-rows.ts";
import { Autosave, JOURNAL_KEY, type SaveState } from "../../src/db/autosave.ts";
import { startApp } from "../../src/ui/app/startup.ts";

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

describe("edit limits", () => {
  it("a target typed or pasted past the segment limit is refused, nothing written; the autosave keeps it pending until it is shortened", async () => {
    const db = await populated();
    const [doc] = await db.documents.toArray();
    const rows = await segmentsOf(db, doc!.id);
    const before = await snapshot(db);
    const long = "a".repeat(LIMITS.segmentChars + 1);
    const refused = await refusal(() =>
      saveTranslation(db, { segmentId: rows[0]!.id, lang: "vi", text: long, user: "u" }),
    );
    expect(refused).toMatchObject({
      code: "edit.textTooLong",
      params: { length: LIMITS.segmentChars + 1, limit: LIMITS.segmentChars },
    });
    expect(await snapshot(db)).toEqual(before);
    // Exactly the limit is fine.
    await saveTranslation(db, {
      segmentId: rows[0]!.id,
      lang: "vi",
      text: long.slice(1),
      user: "u",
    });
    expect((await db.translations.get(`${rows[0]!.id}:vi`))?.text.length).toBe(LIMITS.segmentChars);

    const autosave = new Autosave(db, new MemoryStorage(), 10);
    const states: SaveState[] = [];
    autosave.subscribe((st) => states.push(st));
    autosave.schedule({ segmentId: rows[1]!.id, lang: "en", text: long, user: "u" });
    await autosave.flush();
    expect(states.at(-1)).toMatchObject({ kind: "error", error: { code: "edit.textTooLong" } });
    expect(autosave.pendingText(rows[1]!.id, "en")).toBe(long);
    expect(await db.translations.get(`${rows[1]!.id}:en`)).toBeUndefined();
    autosave.schedule({ segmentId: rows[1]!.id, lang: "en", text: "Two.", user: "u" });
    await autosave.flush();
    expect(states.at(-1)).toMatchObject({ kind: "saved" });
    expect((await db.translations.get(`${rows[1]!.id}:en`))?.text).toBe("Two.");
  });

  it("merging two segments whose sources together pass the limit is refused; nothing changes", async () => {
    const db = await freshDb();
    const half = `Kata ${"kata ".repeat(Math.ceil(LIMITS.segmentChars / 10) + 5).trim()}.`;
    await importDocuments(db, [
      { title: "Panjang", sourceLang: "id", text: `${half} ${half}`, origin: { kind: "user" } },
    ]);
    const [doc] = await db.documents.toArray();
    const rows = await segmentsOf(db, doc!.id);
    expect(rows).toHaveLength(2);
    const before = await snapshot(db);
    expect(await refusal(() => mergeWithNext(db, doc!.id, rows[0]!.id, "u"))).toMatchObject({
      code: "edit.textTooLong",
    });
    expect(await snapshot(db)).toEqual(before);
  });

  it("a start whose journal holds a text past the limit opens, with the text pending in its cell and the reason said", async () => {
    const db = await populated();
    const [doc] = await db.documents.toArray();
    const rows = await segmentsOf(db, doc!.id);
    const long = "b".repeat(LIMITS.segmentChars + 2);
    const journal = new MemoryStorage();
    const at = new Date().toISOString();
    journal.setItem(
      JOURNAL_KEY,
      JSON.stringify([{ segmentId: rows[0]!.id, lang: "en", text: long, user: "u", at }]),
    );
    await db.pendingEdits.put({
      id: `other|${rows[1]!.id}:vi`,
      journal: "other",
      segmentId: rows[1]!.id,
      lang: "vi",
      text: long,
      user: "u",
      at,
    });
    const autosave = new Autosave(db, journal, 10);
    await startApp(db, [], journal, autosave);
    expect(autosave.pendingText(rows[0]!.id, "en")).toBe(long);
    expect(autosave.pendingText(rows[1]!.id, "vi")).toBe(long);
    expect(autosave.getState()).toMatchObject({
      kind: "error",
      error: { code: "edit.textTooLong" },
    });
    expect(JSON.parse(journal.getItem(JOURNAL_KEY) ?? "[]")).toHaveLength(2);
    expect(await db.translations.count()).toBe(0);
  });
});
