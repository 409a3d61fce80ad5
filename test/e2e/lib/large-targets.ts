import type { Page } from "playwright-core";
import { initialKeys } from "../../../src/core/model/order-key.ts";

/**
 * Fills both target columns of a document written by `injectLargeDocument` (segment ids
 * `${id}s${i}`) straight into IndexedDB: one one-row cell per row and language, Translated, with
 * the source as Vietnamese and its first half as English. A document of 10,000 rows then holds
 * 20,000 stored cells, as a translated document does.
 */
export async function injectFilledTargets(page: Page, id: string, count: number): Promise<void> {
  await page.evaluate(
    async ({ id, count, keys }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open("selaras");
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error ?? new Error("open"));
      });
      const segments = await new Promise<Array<Record<string, unknown>>>((resolve, reject) => {
        const req = db
          .transaction("segments")
          .objectStore("segments")
          .index("docId")
          .getAll(IDBKeyRange.only(id));
        req.onsuccess = () => resolve(req.result as Array<Record<string, unknown>>);
        req.onerror = () => reject(req.error ?? new Error("getAll"));
      });
      const source = new Map(segments.map((s) => [String(s["id"]), String(s["source"])]));
      const now = new Date().toISOString();
      const tx = db.transaction("translations", "readwrite");
      const store = tx.objectStore("translations");
      for (let i = 0; i < count; i++) {
        const segmentId = `${id}s${i}`;
        const text = source.get(segmentId) ?? "";
        for (const lang of ["vi", "en"]) {
          store.put({
            id: `${segmentId}:${lang}`,
            segmentId,
            docId: id,
            lang,
            order: keys[i],
            span: 1,
            text: lang === "vi" ? text : text.slice(0, Math.ceil(text.length / 2)),
            status: "translated",
            origin: "typed",
            confidence: null,
            locked: false,
            createdBy: "bench",
            createdAt: now,
            changedBy: "bench",
            changedAt: now,
          });
        }
      }
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error ?? new Error("tx"));
      });
      db.close();
    },
    { id, count, keys: initialKeys(count) },
  );
}

/**
 * Starts recording the page's long tasks (PerformanceObserver "longtask": main-thread tasks over
 * 50 ms); `takeLongTasks` returns their durations (ms) since then and starts a new record.
 */
export async function recordLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks?: number[]; __longTaskObserver?: boolean };
    w.__longTasks = [];
    if (w.__longTaskObserver) return;
    w.__longTaskObserver = true;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks?.push(Math.round(e.duration));
    }).observe({ type: "longtask" });
  });
}

export async function takeLongTasks(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const w = window as unknown as { __longTasks?: number[] };
    const tasks = w.__longTasks ?? [];
    w.__longTasks = [];
    return tasks;
  });
}
