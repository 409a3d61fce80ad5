/** Text reaches the database in NFC whatever form it was typed, pasted or imported in (issue 13 item 9). */
import { describe, expect, it } from "vitest";
import { Autosave, JOURNAL_KEY, replayJournal } from "../../src/db/autosave.ts";
import { importDocuments } from "../../src/db/operations/import-documents.ts";
import { saveTranslation } from "../../src/db/operations/save-translation.ts";
import { applyImportIntoDocument } from "../../src/db/operations/import-into-document.ts";
import { segmentsOf } from "../../src/db/queries/segment-rows.ts";
import type { Bundle } from "../../src/core/model/bundle.ts";
import { freshDb, MemoryStorage } from "../helpers/fresh-db.ts";

const NFD = "Vie\u0323\u0302t Nam, tie\u0302\u0301ng Vie\u0323\u0302t.";
const NFC = "Việt Nam, tiếng Việt.";

async function setup() {
  const db = await freshDb();
  const [docId] = await importDocuments(db, [
    { title: "Uji", sourceLang: "id", text: "Satu. Dua.", origin: { kind: "user" } },
  ]);
  const segments = await segmentsOf(db, docId!);
  return { db, docId: docId!, ids: segments.map((s) => s.id) };
}

describe("NFC on the way in", () => {
  it("fixtures differ in form only", () => {
    expect(NFD).not.toBe(NFC);
    expect(NFD.normalize("NFC")).toBe(NFC);
  });

  it("saveTranslation stores NFC, and an NFD retype of stored text changes nothing", async () => {
    const { db, ids } = await setup();
    const first = await saveTranslation(db, {
      segmentId: ids[0]!,
      lang: "vi",
      text: NFD,
      user: "u",
    });
    expect(first.text).toBe(NFC);
    const again = await saveTranslation(db, {
      segmentId: ids[0]!,
      lang: "vi",
      text: NFD,
      user: "u",
    });
    expect(again).toEqual(first);
  });

  it("the autosave journals and stores NFC, typed and confirmed; a replayed NFD journal too", async () => {
    const { db, ids } = await setup();
    const journal = new MemoryStorage();
    const autosave = new Autosave(db, journal, 60_000);
    autosave.schedule({ segmentId: ids[0]!, lang: "vi", text: NFD, user: "u" });
    expect(JSON.parse(journal.getItem(JOURNAL_KEY)!)).toMatchObject([{ text: NFC }]);
    expect(autosave.pendingText(ids[0]!, "vi")).toBe(NFC);
    await autosave.confirm({ segmentId: ids[0]!, lang: "vi", text: NFD, user: "u" });
    expect(await db.translations.get(`${ids[0]}:vi`)).toMatchObject({
      text: NFC,
      status: "translated",
    });

    journal.setItem(
      JOURNAL_KEY,
      JSON.stringify([
        { segmentId: ids[1], lang: "en", text: NFD, user: "u", at: "2030-01-01T00:00:00.000Z" },
      ]),
    );
    await replayJournal(db, journal);
    expect((await db.translations.get(`${ids[1]}:en`))?.text).toBe(NFC);
  });

  it("importing translations into a document stores NFC", async () => {
    const { db, docId, ids } = await setup();
    const file: Bundle = {
      documents: [
        {
          id: "other",
          title: "TM",
          sourceLang: "id",
          segments: [
            {
              id: "u1",
              paragraph: 0,
              source: "Satu.",
              targets: { vi: { text: NFD, status: "translated" } },
            },
          ],
        },
      ],
    };
    expect(await applyImportIntoDocument(db, docId, file, false, "me")).toBe(1);
    expect((await db.translations.get(`${ids[0]}:vi`))?.text).toBe(NFC);
  });
});
