/**
 * Reads the app's IndexedDB ("selaras", Dexie; see src/db/database.ts) from inside the page with
 * the raw IndexedDB API, so tests and benches can check what really got persisted.
 */
import type { Page } from "playwright-core";

export const appDbName = "selaras";

/** One record of a store by primary key, or null (also null when the database does not exist). */
export async function readRecord<T>(page: Page, store: string, key: string): Promise<T | null> {
  return page.evaluate(
    async ({ dbName, store, key }) => {
      const dbs = await indexedDB.databases();
      if (!dbs.some((d) => d.name === dbName)) return null;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(dbName);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error ?? new Error("open failed"));
      });
      try {
        if (!db.objectStoreNames.contains(store)) return null;
        return await new Promise<unknown>((resolve, reject) => {
          const req = db.transaction(store, "readonly").objectStore(store).get(key);
          req.onsuccess = () => resolve(req.result ?? null);
          req.onerror = () => reject(req.error ?? new Error("get failed"));
        });
      } finally {
        db.close();
      }
    },
    { dbName: appDbName, store, key },
  ) as Promise<T | null>;
}

export interface StoredTranslation {
  id: string;
  segmentId: string;
  docId: string;
  lang: string;
  text: string;
  status: string;
}

/** The stored translation of a segment (id `${segmentId}:${lang}`), or null. */
export function readTranslation(
  page: Page,
  segmentId: string,
  lang: "vi" | "en",
): Promise<StoredTranslation | null> {
  return readRecord<StoredTranslation>(page, "translations", `${segmentId}:${lang}`);
}
