import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Autosave, JOURNAL_KEY, replayJournal, type SaveState } from "../../src/db/autosave.ts";
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

describe("Autosave", () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] }));
  afterEach(() => vi.useRealTimers());

  it("debounces keystrokes into one write of the last text", async () => {
    const { db, ids } = await setup();
    const journal = new MemoryStorage();
    const autosave = new Autosave(db, journal, 300);
    const states: SaveState["kind"][] = [];
    autosave.subscribe((s) => states.push(s.kind));
    for (const text of ["M", "Mộ", "Một."])
      autosave.schedule({ segmentId: ids[0]!, lang: "vi", text, user: "u" });
    expect(await db.translations.count()).toBe(0);
    expect(JSON.parse(journal.getItem(JOURNAL_KEY)!)).toMatchObject([{ text: "Một." }]);
    await vi.advanceTimersByTimeAsync(350);
    await autosave.flush();
    expect(await db.translations.get(`${ids[0]}:vi`)).toMatchObject({
      text: "Một.",
      status: "draft",
    });
    expect(journal.getItem(JOURNAL_KEY)).toBeNull();
    expect(states.at(-1)).toBe("saved");
    expect(states).toContain("saving");
  });

  it("flush writes at once, before the debounce ends", async () => {
    const { db, ids } = await setup();
    const autosave = new Autosave(db, new MemoryStorage(), 10_000);
    autosave.schedule({ segmentId: ids[1]!, lang: "en", text: "Two.", user: "u" });
    expect(autosave.pendingText(ids[1]!, "en")).toBe("Two.");
    await autosave.flush();
    expect(await db.translations.get(`${ids[1]}:en`)).toMatchObject({ text: "Two." });
    expect(autosave.pendingText(ids[1]!, "en")).toBeUndefined();
  });

  it("reports a failed write as an error state with a code, keeping the journal", async () => {
    const { db } = await setup();
    const journal = new MemoryStorage();
    const autosave = new Autosave(db, journal, 10);
    autosave.schedule({ segmentId: "gone", lang: "vi", text: "x", user: "u" });
    await autosave.flush();
    expect(autosave.getState()).toMatchObject({
      kind: "error",
      error: { code: "db.segmentMissing" },
    });
    expect(journal.getItem(JOURNAL_KEY)).not.toBeNull();
  });
});

describe("Autosave: confirms and commands", () => {
  it("journals a confirm before writing it, and says saved only once it is stored", async () => {
    const { db, ids } = await setup();
    const journal = new MemoryStorage();
    const autosave = new Autosave(db, journal, 10_000);
    const seen: { state: SaveState["kind"]; stored: Promise<string | undefined> }[] = [];
    autosave.subscribe((s) =>
      seen.push({
        state: s.kind,
        stored: db.translations.get(`${ids[0]}:vi`).then((t) => t?.status),
      }),
    );
    autosave.schedule({ segmentId: ids[0]!, lang: "vi", text: "Mộ", user: "u" });
    const done = autosave.confirm({ segmentId: ids[0]!, lang: "vi", text: "Một.", user: "u" });
    // Synchronously in the journal, with the confirm, before IndexedDB has anything.
    expect(JSON.parse(journal.getItem(JOURNAL_KEY)!)).toMatchObject([
      { text: "Một.", confirm: true },
    ]);
    expect(autosave.getState().kind).toBe("saving");
    await done;
    expect(await db.translations.get(`${ids[0]}:vi`)).toMatchObject({
      text: "Một.",
      status: "translated",
    });
    expect(journal.getItem(JOURNAL_KEY)).toBeNull();
    expect(autosave.getState().kind).toBe("saved");
    // Every "saved" came after the confirm was stored.
    for (const s of seen.filter((x) => x.state === "saved")) {
      expect(await s.stored).toBe("translated");
    }
  });

  it("a confirm left in the journal by a reload is replayed as a confirm", async () => {
    const { db, ids } = await setup();
    const journal = new MemoryStorage();
    // The typed text reached IndexedDB (as Draft) in the same millisecond as the confirm.
    const at = "2026-03-02T09:00:00.000Z";
    await saveTranslation(db, { segmentId: ids[0]!, lang: "vi", text: "Một.", user: "u", at });
    journal.setItem(
      JOURNAL_KEY,
      JSON.stringify([
        { segmentId: ids[0], lang: "vi", text: "Một.", user: "u", at, confirm: true },
      ]),
    );
    expect(await replayJournal(db, journal)).toBe(1);
    expect(await db.translations.get(`${ids[0]}:vi`)).toMatchObject({
      text: "Một.",
      status: "translated",
    });
  });

  it("stays saving while a tracked command runs, even with no text pending", async () => {
    const { db } = await setup();
    const autosave = new Autosave(db, new MemoryStorage(), 10);
    let finish: () => void = () => undefined;
    const command = autosave.track(() => new Promise<void>((r) => (finish = r)));
    expect(autosave.getState()).toEqual({ kind: "saving", pending: 1 });
    await autosave.flush();
    expect(autosave.getState().kind).toBe("saving");
    finish();
    await command;
    expect(autosave.getState().kind).toBe("saved");
  });
});

describe("replayJournal", () => {
  it("stores what a closed tab left in the journal", async () => {
    const { db, ids } = await setup();
    const journal = new MemoryStorage();
    // A tab typed, then closed before the debounced write: only the journal has the text.
    const tab = new Autosave(db, journal, 60_000);
    tab.schedule({ segmentId: ids[0]!, lang: "vi", text: "Còn đây.", user: "u" });
    expect(await db.translations.count()).toBe(0);

    expect(await replayJournal(db, journal)).toBe(1);
    expect(await db.translations.get(`${ids[0]}:vi`)).toMatchObject({ text: "Còn đây." });
    expect(journal.getItem(JOURNAL_KEY)).toBeNull();
  });

  it("does not overwrite a newer change already in the database, and ignores garbage", async () => {
    const { db, ids } = await setup();
    const journal = new MemoryStorage();
    journal.setItem(
      JOURNAL_KEY,
      JSON.stringify([
        { segmentId: ids[0], lang: "vi", text: "old", user: "u", at: "2020-01-01T00:00:00.000Z" },
        {
          segmentId: ids[1],
          lang: "xx",
          text: "bad lang",
          user: "u",
          at: "2020-01-01T00:00:00.000Z",
        },
        { nonsense: true },
      ]),
    );
    await saveTranslation(db, {
      segmentId: ids[0]!,
      lang: "vi",
      text: "new",
      user: "u",
      at: "2021-01-01T00:00:00.000Z",
    });
    expect(await replayJournal(db, journal)).toBe(0);
    expect(await db.translations.get(`${ids[0]}:vi`)).toMatchObject({ text: "new" });
    journal.setItem(JOURNAL_KEY, "{not json");
    expect(await replayJournal(db, journal)).toBe(0);
  });
});
