import type { Page } from "playwright-core";

/**
 * Turns off the question asked when a segment with a QA error is confirmed (project setting
 * `askOnConfirm`, meta `qa-settings`), written straight into the app's IndexedDB. For specs about
 * confirming itself (keys, durability, filtered views) whose placeholder translations have QA
 * errors: since issue 12, Ctrl+Enter on such a text asks first. The page must have opened the
 * database; a grid opened before reads it after a reload.
 */
export async function noQaQuestionOnConfirm(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open("selaras");
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error("open"));
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction("meta", "readwrite");
      tx.objectStore("meta").put({
        key: "qa-settings",
        value: { disabled: [], severity: {}, askOnConfirm: false },
      });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error("put"));
    });
    db.close();
  });
}
