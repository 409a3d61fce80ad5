/**
 * Two tabs are two clients (issue 14 item 3): each journals under its own key, and a text one tab
 * stored while the other was typing in the same cell is kept as a competing version (decided like
 * any conflict), never overwritten unseen.
 */
import { describe, expect, it } from "vitest";
import {
  Autosave,
  replayDurableJournal,
  replayJournal,
  tabJournalKey,
} from "../../src/db/autosave.ts";
import { importDocuments } from "../../src/db/operations/import-documents.ts";
import { saveTranslation } from "../../src/db/operations/save-translation.ts";
import { segmentsOf } from "../../src/db/queries/segment-rows.ts";
import { freshDb, MemoryStorage } from "../helpers/fresh-db.ts";

async function setup() {
  const db = await freshDb();
  const [docId] = await importDocuments(db, [
    { title: "Uji", sourceLang: "id", text: "Satu. Dua.", origin: { kind: "user" } },
  ]);
  const segments = await segmentsOf(db, docId!);
  return { db, ids: segments.map((s) => s.id) };
}

describe("saveTranslation with the texts the writer saw", () => {
  it("keeps a text written meanwhile as a competing version; a seen one is replaced", async () => {
    const { db, ids } = await setup();
    const cell = { segmentId: ids[0]!, lang: "vi" as const };
    await saveTranslation(db, { ...cell, text: "Một.", user: "lan", at: "2026-12-04T10:00:00Z" });
    // Seen: replaced as usual.
    await saveTranslation(db, { ...cell, text: "Một!", user: "lan", seen: ["Một."] });
    expect((await db.translations.get(`${ids[0]}:vi`))?.competing).toBeUndefined();
    // Not seen (typed over "Một." in another tab): both kept, the other as competing.
    const stored = await saveTranslation(db, { ...cell, text: "Mot", user: "lan", seen: ["Một."] });
    expect(stored).toMatchObject({
      text: "Mot",
      competing: [{ text: "Một!", by: "lan", source: "tab" }],
    });
    // No list: no check (callers that are not a tab's autosave).
    await saveTranslation(db, { ...cell, text: "Một cái.", user: "lan" });
    expect((await db.translations.get(`${ids[0]}:vi`))?.competing).toHaveLength(1);
  });
});

describe("two tabs typing into one cell", () => {
  it("neither text disappears: the later save keeps the other's as competing", async () => {
    const { db, ids } = await setup();
    const journal = new MemoryStorage();
    const tabA = new Autosave(db, journal, 10_000);
    const tabB = new Autosave(db, journal, 10_000);
    tabA.useJournalKey(tabJournalKey("a"));
    tabB.useJournalKey(tabJournalKey("b"));
    const cell = { segmentId: ids[0]!, lang: "vi" as const, user: "lan" };
    // Both show the empty cell, both type; each journal holds its own tab's text.
    tabA.observe(cell.segmentId, cell.lang, "");
    tabB.observe(cell.segmentId, cell.lang, "");
    tabA.schedule({ ...cell, text: "Tab A gõ." });
    tabB.schedule({ ...cell, text: "Tab B gõ." });
    expect(JSON.parse(journal.getItem(tabJournalKey("a"))!)).toMatchObject([{ text: "Tab A gõ." }]);
    expect(JSON.parse(journal.getItem(tabJournalKey("b"))!)).toMatchObject([{ text: "Tab B gõ." }]);
    await tabA.flush();
    // A's save left B's journal alone.
    expect(journal.getItem(tabJournalKey("a"))).toBeNull();
    expect(journal.getItem(tabJournalKey("b"))).not.toBeNull();
    await tabB.flush();
    expect(await db.translations.get(`${ids[0]}:vi`)).toMatchObject({
      text: "Tab B gõ.",
      competing: [{ text: "Tab A gõ.", source: "tab" }],
    });

    // A tab that keeps typing over its own saves raises no conflict with itself.
    tabB.schedule({ ...cell, text: "Tab B gõ tiếp." });
    const slow = tabB.flush();
    tabB.schedule({ ...cell, text: "Tab B gõ tiếp nữa." });
    await slow;
    await tabB.flush();
    expect((await db.translations.get(`${ids[0]}:vi`))?.competing).toHaveLength(1);
  });

  it("replays a journal under its own key", async () => {
    const { db, ids } = await setup();
    const journal = new MemoryStorage();
    const key = tabJournalKey("gone");
    journal.setItem(
      key,
      JSON.stringify([
        { segmentId: ids[1], lang: "en", text: "Two.", user: "lan", at: "2026-12-04T10:00:00Z" },
      ]),
    );
    expect(await replayJournal(db, journal, key)).toBe(1);
    expect(journal.getItem(key)).toBeNull();
    expect((await db.translations.get(`${ids[1]}:en`))?.text).toBe("Two.");
  });
});

describe("the durable journal in IndexedDB", () => {
  it("holds each keystroke's text at once, goes once saved, and is replayed per tab journal", async () => {
    const { db, ids } = await setup();
    const journal = new MemoryStorage();
    const tab = new Autosave(db, journal, 10_000);
    tab.useJournalKey(tabJournalKey("a"));
    const cell = { segmentId: ids[0]!, lang: "vi" as const, user: "lan" };
    tab.schedule({ ...cell, text: "Một" });
    tab.schedule({ ...cell, text: "Một." });
    // Written without waiting for the debounce (10 s here).
    await expect
      .poll(async () => (await db.pendingEdits.toArray()).map((r) => [r.journal, r.text]))
      .toEqual([[tabJournalKey("a"), "Một."]]);
    expect(await db.translations.get(`${ids[0]}:vi`)).toBeUndefined();
    await tab.flush();
    await expect.poll(() => db.pendingEdits.count()).toBe(0);

    // What a killed browser left: replayed for the journals asked for, the others kept.
    await db.pendingEdits.bulkPut([
      {
        id: "j1|x",
        journal: "j1",
        segmentId: ids[1]!,
        lang: "en",
        text: "Two.",
        user: "lan",
        at: "2026-12-04T10:00:00Z",
      },
      {
        id: "j2|x",
        journal: "j2",
        segmentId: ids[1]!,
        lang: "vi",
        text: "Hai.",
        user: "lan",
        at: "2026-12-04T10:00:00Z",
      },
    ]);
    expect((await replayDurableJournal(db, (j) => j === "j1")).restored).toBe(1);
    expect((await db.translations.get(`${ids[1]}:en`))?.text).toBe("Two.");
    expect(await db.translations.get(`${ids[1]}:vi`)).toBeUndefined();
    expect((await db.pendingEdits.toArray()).map((r) => r.id)).toEqual(["j2|x"]);
  });
});
