import { createDb, type SelarasDb } from "../../src/db/database.ts";

let counter = 0;

/** A new, empty database with a unique name (fake-indexeddb in node, real IndexedDB in a browser). */
export async function freshDb(): Promise<SelarasDb> {
  const db = createDb(`selaras-test-${Date.now()}-${counter++}`);
  await db.open();
  return db;
}

/** A Storage-like map for the autosave journal. */
export class MemoryStorage {
  private readonly map = new Map<string, string>();
  getItem(key: string): string | null {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.map.set(key, value);
  }
  removeItem(key: string): void {
    this.map.delete(key);
  }
}
