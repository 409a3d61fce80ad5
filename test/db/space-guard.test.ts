/**
 * The space guard (issue 14 item 1): a disk with no room is found by a probe file before any
 * IndexedDB write runs out of disk (which makes Chromium delete the origin's data); while it has
 * no room, adds and puts are refused before they reach IndexedDB, deletes go through, the reserve
 * is given up, and writing resumes once there is room for the probe and the reserve again.
 */
import { describe, expect, it } from "vitest";
import { Autosave, JOURNAL_KEY } from "../../src/db/autosave.ts";
import { createDb } from "../../src/db/database.ts";
import { importDocuments } from "../../src/db/operations/import-documents.ts";
import { deleteDocument } from "../../src/db/operations/delete-document.ts";
import { segmentsOf } from "../../src/db/queries/segment-rows.ts";
import {
  installSpaceGuard,
  PROBE_BYTES,
  PROBE_VALID_MS,
  QUICK_PROBE_BYTES,
  QUICK_VALID_MS,
  RESERVE_BYTES,
  SpaceGuard,
  type SpaceStore,
} from "../../src/db/space-guard.ts";
import { startApp } from "../../src/ui/app/startup.ts";
import { MemoryStorage } from "../helpers/fresh-db.ts";

/** A disk of `free` bytes for the probe files (the database's own use is not counted). */
class FakeDisk implements SpaceStore {
  readonly files = new Map<string, number>();
  constructor(public free: number) {}
  write(name: string, bytes: number): Promise<void> {
    const had = this.files.get(name) ?? 0;
    if (bytes - had > this.free)
      return Promise.reject(new DOMException("full", "QuotaExceededError"));
    this.free -= bytes - had;
    this.files.set(name, bytes);
    return Promise.resolve();
  }
  remove(name: string): Promise<void> {
    this.free += this.files.get(name) ?? 0;
    this.files.delete(name);
    return Promise.resolve();
  }
  exists(name: string): Promise<boolean> {
    return Promise.resolve(this.files.has(name));
  }
}

let counter = 0;
async function guardedDb(disk: FakeDisk, clock = { t: 0 }) {
  const db = createDb(`selaras-space-${Date.now()}-${counter++}`);
  const guard = installSpaceGuard(db, new SpaceGuard(disk, () => clock.t));
  await db.open();
  const [docId] = await importDocuments(db, [
    { title: "Uji", sourceLang: "id", text: "Satu. Dua.", origin: { kind: "user" } },
  ]);
  const ids = (await segmentsOf(db, docId!)).map((s) => s.id);
  return { db, guard, docId: docId!, ids, clock };
}

describe("space guard", () => {
  it("keeps a reserve while there is room, and gives it up when the probe finds none", async () => {
    const disk = new FakeDisk(10 << 20);
    const { guard } = await guardedDb(disk);
    expect(await guard.check(true)).toBe(true);
    expect(disk.files.get("selaras-space-reserve")).toBe(RESERVE_BYTES);
    disk.free = PROBE_BYTES - 1;
    expect(await guard.check(true)).toBe(false);
    expect(guard.low).toBe(true);
    expect(disk.files.has("selaras-space-reserve")).toBe(false);
    // The freed reserve alone is not room enough to leave the low state (it would be eaten).
    expect(await guard.check(true)).toBe(false);
    disk.free += PROBE_BYTES + RESERVE_BYTES;
    expect(await guard.check(true)).toBe(true);
    expect(disk.files.get("selaras-space-reserve")).toBe(RESERVE_BYTES);
  });

  it("a probe that fails for another reason than space (no file system) does not stop writing", async () => {
    const disk = new FakeDisk(10 << 20);
    disk.write = () => Promise.reject(new DOMException("no", "SecurityError"));
    const { db, guard } = await guardedDb(disk);
    expect(await guard.check(true)).toBe(true);
    expect(guard.low).toBe(false);
    await db.meta.put({ key: "x", value: 1 });
    expect(await db.meta.get("x")).toMatchObject({ value: 1 });
  });

  it("while low, adds and puts are refused before IndexedDB, deletes go through", async () => {
    const disk = new FakeDisk(10 << 20);
    const { db, guard, docId, ids } = await guardedDb(disk);
    disk.free = 0;
    await guard.check(true);
    await expect(db.meta.put({ key: "x", value: 1 })).rejects.toMatchObject({
      name: "QuotaExceededError",
    });
    expect(await db.meta.get("x")).toBeUndefined();
    await deleteDocument(db, docId);
    expect(await db.documents.get(docId)).toBeUndefined();
    expect(await db.segments.where("docId").equals(docId).count()).toBe(0);
    expect(ids.length).toBe(2);
  });

  it("the autosave asks before writing: refused while full, stored once there is room", async () => {
    const disk = new FakeDisk(10 << 20);
    const { db, guard, ids, clock } = await guardedDb(disk);
    const journal = new MemoryStorage();
    const autosave = new Autosave(db, journal, 10);
    disk.free = 0;
    clock.t += 10_000;
    autosave.schedule({ segmentId: ids[0]!, lang: "vi", text: "Một.", user: "u" });
    await autosave.flush();
    expect(guard.low).toBe(true);
    expect(autosave.getState()).toMatchObject({ kind: "error", error: { code: "storage.quota" } });
    expect(await db.translations.get(`${ids[0]}:vi`)).toBeUndefined();
    expect(journal.getItem(JOURNAL_KEY)).toContain("Một.");
    disk.free = 10 << 20;
    await autosave.retryNow();
    expect(await db.translations.get(`${ids[0]}:vi`)).toMatchObject({ text: "Một." });
    expect(autosave.getState().kind).toBe("saved");
    autosave.dispose();
  });

  it("a disk that fills between two full probes is found before the next keystroke reaches IndexedDB", async () => {
    const disk = new FakeDisk(10 << 20);
    const { db, guard, ids, clock } = await guardedDb(disk);
    const journal = new MemoryStorage();
    const autosave = new Autosave(db, journal, 10_000);
    expect(await guard.check(true)).toBe(true);
    // Filled at once, well within the full probe's PROBE_VALID_MS (it still says there is room).
    disk.free = 0;
    clock.t += QUICK_VALID_MS;
    const puts: string[] = [];
    db.pendingEdits.hook("creating", (_key, record) => void puts.push(record.text));
    db.pendingEdits.hook("updating", (_mods, _key, record) => void puts.push(record.text));
    autosave.schedule({ segmentId: ids[0]!, lang: "vi", text: "Một", user: "u" });
    autosave.schedule({ segmentId: ids[0]!, lang: "vi", text: "Một.", user: "u" });
    await autosave.flush();
    expect(guard.low).toBe(true);
    expect(disk.files.has("selaras-space-reserve")).toBe(false);
    expect(puts).toEqual([]);
    expect(await db.pendingEdits.count()).toBe(0);
    expect(autosave.getState()).toMatchObject({ kind: "error", error: { code: "storage.quota" } });
    expect(journal.getItem(JOURNAL_KEY)).toContain("Một.");
    // Room again: the keystroke's journal entry and the save go through.
    disk.free = 10 << 20;
    await autosave.retryNow();
    expect(await db.translations.get(`${ids[0]}:vi`)).toMatchObject({ text: "Một." });
    clock.t += QUICK_VALID_MS;
    autosave.schedule({ segmentId: ids[1]!, lang: "vi", text: "Hai", user: "u" });
    await expect.poll(() => db.pendingEdits.count()).toBe(1);
    expect(puts).toEqual(["Hai"]);
    autosave.dispose();
  });

  it("the journal entry's delete after a save waits for a probe, gives up the reserve on a full disk, and comes before saved", async () => {
    const disk = new FakeDisk(10 << 20);
    const { db, guard, ids, clock } = await guardedDb(disk);
    const autosave = new Autosave(db, new MemoryStorage(), 10_000);
    expect(await guard.check(true)).toBe(true);
    // What reached the disk, in order: the probe files and the journal table's writes.
    const order: string[] = [];
    const remove = disk.remove.bind(disk);
    disk.remove = (name) => {
      if (name === "selaras-space-reserve" && disk.files.has(name)) order.push("reserve given up");
      return remove(name);
    };
    db.pendingEdits.hook("creating", () => void order.push("put"));
    db.pendingEdits.hook("deleting", () => void order.push("delete"));
    const states: string[] = [];
    autosave.subscribe((s) => states.push(s.kind));
    clock.t += QUICK_VALID_MS;
    autosave.schedule({ segmentId: ids[0]!, lang: "vi", text: "Một.", user: "u" });
    await expect.poll(() => db.pendingEdits.count()).toBe(1);
    // The save is stored; the disk fills before the journal entry's delete (a tombstone write).
    const write = disk.write.bind(disk);
    let stored = false;
    disk.write = (name, bytes) => {
      if (stored) disk.free = 0;
      return write(name, bytes);
    };
    // (The save takes as long as a quick probe's answer is shared: the delete probes anew.)
    db.translations.hook("creating", () => {
      stored = true;
      clock.t += QUICK_VALID_MS;
    });
    clock.t += QUICK_VALID_MS;
    await autosave.flush();
    expect(await db.translations.get(`${ids[0]}:vi`)).toMatchObject({ text: "Một." });
    // The probe found the disk full: the reserve went before the delete, which then ran.
    expect(guard.low).toBe(true);
    expect(order).toEqual(["put", "reserve given up", "delete"]);
    expect(await db.pendingEdits.count()).toBe(0);
    // "Saved" only once the delete was done (it was "saving" until then).
    expect(states.at(-1)).toBe("saved");
    expect(states.slice(0, -1)).not.toContain("saved");
    autosave.dispose();
  });

  it("quick probes are shared while one runs and within QUICK_VALID_MS of the last", async () => {
    const disk = new FakeDisk(10 << 20);
    const { guard, clock } = await guardedDb(disk);
    expect(await guard.check(true)).toBe(true);
    let writes = 0;
    let fullProbes = 0;
    const write = disk.write.bind(disk);
    disk.write = (name, bytes) => {
      if (bytes === QUICK_PROBE_BYTES) writes++;
      if (bytes === PROBE_BYTES) fullProbes++;
      return write(name, bytes);
    };
    clock.t += QUICK_VALID_MS;
    expect(await Promise.all([guard.checkNow(), guard.checkNow()])).toEqual([true, true]);
    expect(await guard.checkNow()).toBe(true);
    expect(writes).toBe(1);
    clock.t += QUICK_VALID_MS;
    expect(await guard.checkNow()).toBe(true);
    expect(writes).toBe(2);
    expect(disk.files.has("selaras-space-quick")).toBe(false);
    // Once the full probe's answer is old, checkNow runs the full probe (room for the reserve too).
    expect(fullProbes).toBe(0);
    clock.t += PROBE_VALID_MS;
    expect(await guard.checkNow()).toBe(true);
    expect([fullProbes, writes]).toEqual([1, 2]);
  });

  it("a start on a full disk probes before opening, holds the journal and opens read-only", async () => {
    const disk = new FakeDisk(10 << 20);
    const { db, guard, ids } = await guardedDb(disk);
    await guard.check(true);
    db.close();
    disk.free = 0;
    const journal = new MemoryStorage();
    journal.setItem(
      JOURNAL_KEY,
      JSON.stringify([
        { segmentId: ids[1], lang: "vi", text: "Hai.", user: "u", at: "2099-01-01T00:00:00.000Z" },
      ]),
    );
    const autosave = new Autosave(db, journal, 10);
    const result = await startApp(db, [], journal, autosave);
    expect(result.storageFull).toMatchObject({ code: "storage.quota" });
    // The reserve was given back before the database was opened.
    expect(disk.files.has("selaras-space-reserve")).toBe(false);
    expect(await db.documents.count()).toBe(1);
    expect(autosave.pendingText(ids[1]!, "vi")).toBe("Hai.");
    expect(await db.translations.get(`${ids[1]}:vi`)).toBeUndefined();
    autosave.dispose();
  });

  it("a start on a full disk with nothing pending says so, until the guard finds room", async () => {
    const disk = new FakeDisk(10 << 20);
    const { db, guard } = await guardedDb(disk);
    db.close();
    disk.free = 0;
    const autosave = new Autosave(db, new MemoryStorage(), 10);
    expect((await startApp(db, [], new MemoryStorage(), autosave)).storageFull).toMatchObject({
      code: "storage.quota",
    });
    expect(autosave.storageFull()).toBe(true);
    disk.free = 10 << 20;
    await guard.check(true);
    expect(autosave.storageFull()).toBe(false);
    autosave.dispose();
  });
});
