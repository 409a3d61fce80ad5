/**
 * An app older than its data (issue 14 item 6): a database written by a newer Selaras (a higher
 * IndexedDB version: a renamed field, a dropped index) is refused with db.newer-version before
 * anything is read or written; the newer data stays exactly as it was.
 */
import Dexie from "dexie";
import { describe, expect, it } from "vitest";
import { createDb, storedVersion } from "../../src/db/database.ts";
import { CURRENT_VERSION, SCHEMA_VERSIONS } from "../../src/db/schema.ts";

let counter = 0;
const uniqueName = () => `selaras-newer-${Date.now()}-${counter++}`;

/** A "Selaras of tomorrow": our versions plus one that renames documents.title and drops an index. */
async function writeFutureDb(name: string): Promise<void> {
  const future = new Dexie(name);
  for (const v of SCHEMA_VERSIONS) future.version(v.version).stores(v.stores);
  future
    .version(CURRENT_VERSION + 1)
    .stores({
      documents: "id, name, updatedAt, projectId",
      translations: "id, docId, segmentId, [docId+lang], [docId+lang+order]",
    })
    .upgrade(async () => undefined);
  await future.open();
  await future.table("documents").put({ id: "d1", name: "Berita", updatedAt: "2026-01-01" });
  await future
    .table("translations")
    .put({ id: "t1", docId: "d1", segmentId: "s1", lang: "vi", body: "Xin chào", status: "draft" });
  future.close();
}

/** The stores, indexes and version as IndexedDB itself has them, and every record. */
async function rawState(name: string) {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const stores: Record<string, { indexes: string[]; rows: unknown[] }> = {};
  for (const storeName of Array.from(db.objectStoreNames)) {
    const tx = db.transaction(storeName, "readonly");
    const store = tx.objectStore(storeName);
    const rows = await new Promise<unknown[]>((resolve) => {
      const r = store.getAll();
      r.onsuccess = () => resolve(r.result);
    });
    stores[storeName] = { indexes: Array.from(store.indexNames).sort(), rows };
  }
  const version = db.version;
  db.close();
  return { version, stores };
}

describe("a database newer than the app", () => {
  it("is refused on open with db.newer-version, nothing read, written or re-indexed", async () => {
    const name = uniqueName();
    await writeFutureDb(name);
    const before = await rawState(name);
    const db = createDb(name);
    await expect(db.open()).rejects.toMatchObject({
      code: "db.newer-version",
      params: { stored: CURRENT_VERSION + 1, supported: CURRENT_VERSION },
    });
    // Every read and write after it fails (the grid never shows wrong data, nothing is written).
    await expect(db.documents.toArray()).rejects.toMatchObject({ name: "DatabaseClosedError" });
    await expect(db.translations.put({ id: "t2" } as never)).rejects.toMatchObject({
      name: "DatabaseClosedError",
    });
    db.close();
    expect(await rawState(name)).toEqual(before);
  });

  it("a first use without open() (auto-open) fails too, and leaves the data as it was", async () => {
    const name = uniqueName();
    await writeFutureDb(name);
    const before = await rawState(name);
    const db = createDb(name);
    await expect(db.documents.toArray()).rejects.toBeDefined();
    await expect(db.documents.put({ id: "d9" } as never)).rejects.toBeDefined();
    db.close();
    expect(await rawState(name)).toEqual(before);
  });

  it("storedVersion: null for a database that does not exist (and does not create it)", async () => {
    const name = uniqueName();
    expect(await storedVersion(name)).toBeNull();
    expect((await indexedDB.databases()).some((d) => d.name === name)).toBe(false);
    const db = createDb(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    db.close();
    expect(await storedVersion(name)).toBe(CURRENT_VERSION);
  });

  it("the same or an older version opens as before", async () => {
    const name = uniqueName();
    const old = new Dexie(name);
    for (const v of SCHEMA_VERSIONS.slice(0, 3)) old.version(v.version).stores(v.stores);
    await old.open();
    old.close();
    const db = createDb(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    db.close();
  });
});
