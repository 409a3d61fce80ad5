import type { Page } from "playwright-core";
import { initialKeys } from "../../../src/core/model/order-key.ts";

/**
 * Writes a document of `count` segments straight into the app's IndexedDB: the corpus segments (as
 * the app stored them, in document and order) repeated, with fresh order keys and paragraphs that
 * follow the corpus. The page must have imported the corpus; reload it afterwards to see the
 * document. Used by e2e specs and the grid bench for documents too large to paste quickly.
 */
export async function injectLargeDocument(
  page: Page,
  id: string,
  title: string,
  count: number,
): Promise<void> {
  await page.evaluate(
    async ({ id, title, count, keys }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open("selaras");
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error ?? new Error("open"));
      });
      const all = await new Promise<Array<Record<string, unknown>>>((resolve, reject) => {
        const req = db.transaction("segments").objectStore("segments").getAll();
        req.onsuccess = () => resolve(req.result as Array<Record<string, unknown>>);
        req.onerror = () => reject(req.error ?? new Error("getAll"));
      });
      all.sort((a, b) =>
        String(a["docId"]) === String(b["docId"])
          ? String(a["order"]) < String(b["order"])
            ? -1
            : 1
          : String(a["docId"]) < String(b["docId"])
            ? -1
            : 1,
      );
      const now = new Date().toISOString();
      const tx = db.transaction(["documents", "segments"], "readwrite");
      tx.objectStore("documents").put({
        id,
        title,
        sourceLang: "id",
        origin: { kind: "user" },
        segmentCount: count,
        createdAt: now,
        updatedAt: now,
      });
      const store = tx.objectStore("segments");
      let paragraph = 0;
      let lastPara = -1;
      for (let i = 0; i < count; i++) {
        const src = all[i % all.length] ?? {};
        const p = Number(src["paragraph"] ?? 0);
        if (p !== lastPara || i % all.length === 0) paragraph++;
        lastPara = p;
        store.put({
          id: `${id}s${i}`,
          docId: id,
          order: keys[i],
          paragraph,
          source: src["source"],
        });
      }
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error ?? new Error("tx"));
      });
      db.close();
    },
    { id, title, count, keys: initialKeys(count) },
  );
}
