import { describe, expect, it } from "vitest";
import { resolveCorpusUpdate, syncCorpus } from "../../src/db/corpus-sync.ts";
import { saveTranslation } from "../../src/db/operations/save-translation.ts";
import { segmentsOf } from "../../src/db/queries/segment-rows.ts";
import { freshDb } from "../helpers/fresh-db.ts";

const A = { path: "id/berita-satu.txt", text: "Berita satu. Kalimat dua." };
const B = { path: "id/berita-dua.txt", text: "Berita dua." };

describe("syncCorpus", () => {
  it("imports every corpus file on first start, with readable titles", async () => {
    const db = await freshDb();
    const result = await syncCorpus(db, [A, B]);
    expect(result.imported).toEqual([A.path, B.path]);
    const titles = (await db.documents.toArray()).map((d) => d.title).sort();
    expect(titles).toEqual(["Berita Dua", "Berita Satu"]);
  });

  it("never duplicates on later starts, even when two start at once", async () => {
    const db = await freshDb();
    await Promise.all([syncCorpus(db, [A, B]), syncCorpus(db, [A, B])]);
    await syncCorpus(db, [A, B]);
    expect(await db.documents.count()).toBe(2);
  });

  it("offers a changed file as an update and never touches the user's work", async () => {
    const db = await freshDb();
    await syncCorpus(db, [A]);
    const doc = (await db.documents.toArray())[0]!;
    const [seg] = await segmentsOf(db, doc.id);
    await saveTranslation(db, { segmentId: seg!.id, lang: "vi", text: "Tin một.", user: "u" });

    const changed = { ...A, text: "Berita satu yang baru. Kalimat dua." };
    const result = await syncCorpus(db, [changed]);
    expect(result.updatesOffered).toEqual([A.path]);
    expect(await db.documents.count()).toBe(1);
    expect((await segmentsOf(db, doc.id))[0]?.source).toBe("Berita satu.");
    expect(await db.corpusUpdates.count()).toBe(1);

    // Offered once, not again on the next start.
    expect((await syncCorpus(db, [changed])).updatesOffered).toEqual([]);

    const newId = await resolveCorpusUpdate(db, A.path, "accept");
    expect(newId).not.toBeNull();
    expect(await db.documents.count()).toBe(2);
    expect((await segmentsOf(db, newId!))[0]?.source).toBe("Berita satu yang baru.");
    expect(await db.translations.get(`${seg!.id}:vi`)).toMatchObject({ text: "Tin một." });
    expect(await db.corpusUpdates.count()).toBe(0);
    expect((await syncCorpus(db, [changed])).updatesOffered).toEqual([]);
  });

  it("dismiss keeps the old document and stops offering that version", async () => {
    const db = await freshDb();
    await syncCorpus(db, [A]);
    const changed = { ...A, text: "Teks lain." };
    await syncCorpus(db, [changed]);
    await resolveCorpusUpdate(db, A.path, "dismiss");
    expect(await db.documents.count()).toBe(1);
    expect((await syncCorpus(db, [changed])).updatesOffered).toEqual([]);
    expect((await syncCorpus(db, [{ ...A, text: "Versi ketiga." }])).updatesOffered).toEqual([
      A.path,
    ]);
  });
});
