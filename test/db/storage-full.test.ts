/**
 * Storage full (issue 14 item 1): with the origin's quota used up, a reload still opens the app
 * (documents listed, readable, exportable, deletable), the journal's unsaved text is kept (in the
 * journal and in its cell) and stored once there is space; nothing stored changes.
 */
import Dexie from "dexie";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  Autosave,
  JOURNAL_KEY,
  RETRY_MIN_MS,
  replayJournal,
  toErrorInfo,
} from "../../src/db/autosave.ts";
import { createDb, storedVersion, type SelarasDb } from "../../src/db/database.ts";
import { SCHEMA_VERSIONS } from "../../src/db/schema.ts";
import { importDocuments } from "../../src/db/operations/import-documents.ts";
import { saveTranslation } from "../../src/db/operations/save-translation.ts";
import { deleteDocument } from "../../src/db/operations/delete-document.ts";
import { loadBundle } from "../../src/db/operations/bundle.ts";
import { documentsWithProgress } from "../../src/db/queries/documents-with-progress.ts";
import { segmentsOf } from "../../src/db/queries/segment-rows.ts";
import { startApp } from "../../src/ui/app/startup.ts";
import { freshDb, MemoryStorage } from "../helpers/fresh-db.ts";
import { fullStorage } from "../helpers/full-storage.ts";

const corpus = [{ path: "id/berita.txt", text: "Satu kalimat. Dua kalimat." }];

/** A database as a user leaves it: the corpus imported, one more document, a stored translation. */
async function populated() {
  const db = await freshDb();
  await startApp(db, corpus, null);
  const [docId] = await importDocuments(db, [
    { title: "Uji", sourceLang: "id", text: "Satu. Dua. Tiga.", origin: { kind: "user" } },
  ]);
  const ids = (await segmentsOf(db, docId!)).map((s) => s.id);
  await saveTranslation(db, { segmentId: ids[0]!, lang: "vi", text: "Một.", user: "u" });
  return { db, docId: docId!, ids };
}

/** Every record of every table (what must not change while the storage is full). */
async function snapshot(db: SelarasDb) {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) out[table.name] = await table.toArray();
  return out;
}

/** The journal a tab left when it was closed (or reloaded) before its edit reached IndexedDB. */
function journalWith(edits: object[]): MemoryStorage {
  const journal = new MemoryStorage();
  journal.setItem(JOURNAL_KEY, JSON.stringify(edits));
  return journal;
}

afterEach(() => {
  fullStorage.free();
  vi.useRealTimers();
});

describe("storage full", () => {
  it("the simulation refuses writes with QuotaExceededError and lets reads and deletes through", async () => {
    const { db, docId, ids } = await populated();
    fullStorage.fill();
    await expect(
      saveTranslation(db, { segmentId: ids[1]!, lang: "vi", text: "Hai.", user: "u" }),
    ).rejects.toSatisfy((e: unknown) => {
      const err = e as { name?: string; inner?: { name?: string } };
      return err.name === "QuotaExceededError" || err.inner?.name === "QuotaExceededError";
    });
    expect(fullStorage.refused()).toBeGreaterThan(0);
    expect(await db.translations.get(`${ids[1]}:vi`)).toBeUndefined();
    expect((await db.documents.get(docId))?.title).toBe("Uji");
  });

  it("a reload with unsaved text in the journal opens: documents listed, read, exported; nothing lost", async () => {
    const { db, docId, ids } = await populated();
    const before = await snapshot(db);
    const edit = {
      segmentId: ids[1]!,
      lang: "vi",
      text: "Hai chưa lưu.",
      user: "u",
      at: "2099-01-01T00:00:00.000Z",
    };
    const journal = journalWith([edit]);
    fullStorage.fill();

    // Before the fix the journal replay's QuotaExceededError failed the whole start.
    await expect(replayJournal(db, journal)).rejects.toBeDefined();
    expect(journal.getItem(JOURNAL_KEY)).not.toBeNull();

    const autosave = new Autosave(db, journal, 10);
    const result = await startApp(db, corpus, journal, autosave);
    expect(result.storageFull).toMatchObject({ code: "storage.quota" });

    // Listed and readable, exportable.
    const listed = await documentsWithProgress(db);
    expect(listed.map((d) => d.document.title).sort()).toEqual(["Berita", "Uji"]);
    const bundle = await loadBundle(db, [docId], ["vi"], { exportedAt: "2026-03-02T09:00:00Z" });
    expect(JSON.stringify(bundle)).toContain("Một.");

    // The unsaved text is kept: in its cell, in the journal, counted, and the state says so.
    expect(autosave.pendingText(ids[1]!, "vi")).toBe("Hai chưa lưu.");
    expect(JSON.parse(journal.getItem(JOURNAL_KEY)!)).toMatchObject([{ text: "Hai chưa lưu." }]);
    expect(autosave.getState()).toMatchObject({ kind: "error", error: { code: "storage.quota" } });
    expect(autosave.unsavedCount()).toBe(1);

    // Nothing stored changed.
    expect(await snapshot(db)).toEqual(before);

    // Space again: the retry stores it and the state clears by itself.
    fullStorage.free();
    await autosave.retryNow();
    expect(await db.translations.get(`${ids[1]}:vi`)).toMatchObject({ text: "Hai chưa lưu." });
    expect(journal.getItem(JOURNAL_KEY)).toBeNull();
    expect(autosave.getState().kind).toBe("saved");
    autosave.dispose();
  });

  it("text typed while full is kept with the journal's and saved by the retry timer", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const { db, ids } = await populated();
    const journal = journalWith([
      { segmentId: ids[1]!, lang: "vi", text: "Hai.", user: "u", at: "2099-01-01T00:00:00.000Z" },
    ]);
    fullStorage.fill();
    const autosave = new Autosave(db, journal, 10);
    await startApp(db, corpus, journal, autosave);
    autosave.schedule({ segmentId: ids[2]!, lang: "en", text: "Three.", user: "u" });
    await vi.advanceTimersByTimeAsync(20);
    await autosave.flush();
    // Both are in the journal (the new text did not overwrite the one left by the reload).
    const kept = JSON.parse(journal.getItem(JOURNAL_KEY)!) as { text: string }[];
    expect(kept.map((e) => e.text).sort()).toEqual(["Hai.", "Three."]);
    expect(autosave.unsavedCount()).toBe(2);
    // Still full at the first retry: kept, retried later with a longer wait.
    await vi.advanceTimersByTimeAsync(RETRY_MIN_MS + 10);
    expect(autosave.getState().kind).toBe("error");
    fullStorage.free();
    await vi.advanceTimersByTimeAsync(4 * RETRY_MIN_MS);
    expect(await db.translations.get(`${ids[1]}:vi`)).toMatchObject({ text: "Hai." });
    expect(await db.translations.get(`${ids[2]}:en`)).toMatchObject({ text: "Three." });
    expect(journal.getItem(JOURNAL_KEY)).toBeNull();
    // "Saved" once the journal entries are deleted too (flush waits for those deletes).
    await autosave.flush();
    expect(autosave.getState().kind).toBe("saved");
    expect(await db.pendingEdits.count()).toBe(0);
    autosave.dispose();
  });

  it("deleting a document while full works, and the refused edits are retried right after it", async () => {
    const { db, ids } = await populated();
    const autosave = new Autosave(db, new MemoryStorage(), 10);
    fullStorage.fill();
    autosave.schedule({ segmentId: ids[2]!, lang: "vi", text: "Ba.", user: "u" });
    await autosave.flush();
    expect(autosave.getState()).toMatchObject({ kind: "error", error: { code: "storage.quota" } });
    const corpusDoc = (await db.documents.toArray()).find((d) => d.title === "Berita")!;
    // The delete frees space (here: the simulation lets writes through again as it commits).
    const deleted = deleteDocument(db, corpusDoc.id).then(() => fullStorage.free());
    await deleted;
    await vi.waitFor(async () =>
      expect(await db.translations.get(`${ids[2]}:vi`)).toMatchObject({ text: "Ba." }),
    );
    expect(await db.documents.get(corpusDoc.id)).toBeUndefined();
    await autosave.flush();
    expect(autosave.getState().kind).toBe("saved");
    expect(await db.pendingEdits.count()).toBe(0);
    autosave.dispose();
  });

  it("a first start on a full storage opens with no documents and says the storage is full", async () => {
    const db = await freshDb();
    fullStorage.fill();
    const result = await startApp(db, corpus, new MemoryStorage());
    expect(result.storageFull).toMatchObject({ code: "storage.quota" });
    expect(await db.documents.count()).toBe(0);
    // Once there is space, the next start imports the corpus.
    fullStorage.free();
    expect((await startApp(db, corpus, new MemoryStorage())).storageFull).toBeNull();
    expect(await db.documents.count()).toBe(1);
  });

  it("an edit the database holds a newer change of is not taken over from the journal", async () => {
    const { db, ids } = await populated();
    const journal = journalWith([
      { segmentId: ids[0]!, lang: "vi", text: "Cũ.", user: "u", at: "2000-01-01T00:00:00.000Z" },
      { segmentId: ids[1]!, lang: "vi", text: "Mới.", user: "u", at: "2099-01-01T00:00:00.000Z" },
    ]);
    fullStorage.fill();
    const autosave = new Autosave(db, journal, 10);
    await startApp(db, corpus, journal, autosave);
    expect(autosave.pendingText(ids[0]!, "vi")).toBeUndefined();
    expect(autosave.pendingText(ids[1]!, "vi")).toBe("Mới.");
    fullStorage.free();
    await autosave.retryNow();
    expect(await db.translations.get(`${ids[0]}:vi`)).toMatchObject({ text: "Một." });
    autosave.dispose();
  });
});

describe("storage full while this version must upgrade the stored data", () => {
  it("opening is refused with a storage error, the old data stays as it was, and opens once there is space", async () => {
    const name = `selaras-full-upgrade-${Date.now()}`;
    const old = new Dexie(name);
    const v1 = SCHEMA_VERSIONS[0]!;
    old.version(v1.version).stores(v1.stores);
    await old.open();
    await old.table("documents").add({
      id: "d1",
      title: "Cũ",
      sourceLang: "id",
      origin: { kind: "user" },
      segmentCount: 1,
      createdAt: "2026-01-01T00:00:00.000Z",
      updatedAt: "2026-01-01T00:00:00.000Z",
    });
    await old
      .table("segments")
      .add({ id: "s1", docId: "d1", order: "i", paragraph: 0, source: "Halo." });
    await old.table("translations").add({
      id: "s1:vi",
      segmentId: "s1",
      docId: "d1",
      lang: "vi",
      text: "Xin chào.",
      status: "translated",
      createdBy: "lan",
      createdAt: "2026-01-01T00:00:00.000Z",
      changedBy: "lan",
      changedAt: "2026-01-01T00:00:00.000Z",
    });
    old.close();

    fullStorage.fill();
    const db = createDb(name);
    const error = await db.open().then(
      () => null,
      (e: unknown) => e,
    );
    expect(toErrorInfo(error)).toMatchObject({ code: "storage.quota" });
    db.close();
    expect(await storedVersion(name)).toBe(1);

    fullStorage.free();
    const again = createDb(name);
    await again.open();
    expect(await again.translations.get("s1:vi")).toMatchObject({ text: "Xin chào." });
    again.close();
  });
});
