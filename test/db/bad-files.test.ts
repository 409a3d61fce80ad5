import { readFileSync, readdirSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { readMemoryFile } from "../../src/core/format/read-memory-file.ts";
import { decodeText } from "../../src/core/format/txt/decode.ts";
import { applyBundleImport, loadBundle } from "../../src/db/operations/bundle.ts";
import { importDocuments } from "../../src/db/operations/import-documents.ts";
import { saveTranslation } from "../../src/db/operations/save-translation.ts";
import { segmentsOf } from "../../src/db/queries/segment-rows.ts";
import { isAppError } from "../../src/core/model/app-error.ts";
import { freshDb } from "../helpers/fresh-db.ts";

const BAD = resolve(process.cwd(), "test/fixtures/bad");
const expected = JSON.parse(readFileSync(`${BAD}/expected-errors.json`, "utf8")) as Record<
  string,
  { code: string }
>;

async function populated() {
  const db = await freshDb();
  const [docId] = await importDocuments(db, [
    { title: "Kerja", sourceLang: "id", text: "Satu. Dua.", origin: { kind: "user" } },
  ]);
  const [seg] = await segmentsOf(db, docId!);
  await saveTranslation(db, {
    segmentId: seg!.id,
    lang: "vi",
    text: "Một.",
    user: "u",
    confirm: true,
  });
  return db;
}

/** Everything the user has, as one comparable value. */
async function snapshot(db: Awaited<ReturnType<typeof freshDb>>) {
  return {
    bundle: await loadBundle(db),
    counts: await Promise.all(db.tables.map(async (t) => [t.name, await t.count()])),
  };
}

describe("bad files against a populated database", () => {
  const files = readdirSync(BAD).filter((f) => f !== "expected-errors.json" && f !== "README.md");

  it("has a case for every file", () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  for (const file of files) {
    it(`${file}: refused with its own code, the database unchanged`, async () => {
      const db = await populated();
      const before = await snapshot(db);
      const bytes = new Uint8Array(readFileSync(`${BAD}/${file}`));
      let error: unknown = null;
      try {
        if (file.endsWith(".txt")) {
          await importDocuments(db, [
            {
              title: file,
              sourceLang: "id",
              text: decodeText(bytes, file),
              origin: { kind: "user" },
            },
          ]);
        } else {
          const read = readMemoryFile(bytes, file);
          await applyBundleImport(db, read.bundle, "merge", "u", read.extras);
        }
      } catch (e) {
        error = e;
      }
      expect(isAppError(error), `${file} must fail with a coded error`).toBe(true);
      if (expected[file]) expect((error as { code: string }).code).toBe(expected[file]!.code);
      expect(await snapshot(db)).toEqual(before);
    });
  }
});
