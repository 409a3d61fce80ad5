/**
 * An app older than its data, in Chromium (issue 14 item 6): a newer Selaras upgraded the
 * database (renamed documents.title to name, dropped an index). Reopening this version says so
 * in the user's language and opens nothing; the newer data and its indexes stay as they were.
 * Before the fix the app opened it silently (empty titles) and re-added the dropped index.
 */
import { openCorpusList } from "./pages/document-list-page.ts";
import { describe, expect, test } from "./setup.ts";

describe("a database newer than the app", () => {
  test("is refused with a localized message; nothing is shown or written", async ({
    page,
    baseUrl,
    problems,
  }) => {
    await openCorpusList(page, baseUrl);
    // What a future Selaras does on its first start: a version upgrade (the open app's Dexie
    // closes its connection on versionchange, as it does for a newer tab).
    const future = await page.evaluate(async () => {
      const current = await new Promise<number>((resolve) => {
        const r = indexedDB.open("selaras");
        r.onsuccess = () => {
          resolve(r.result.version);
          r.result.close();
        };
      });
      const next = current + 10;
      await new Promise<void>((resolve, reject) => {
        const r = indexedDB.open("selaras", next);
        r.onupgradeneeded = () => {
          const tx = r.transaction!;
          const docs = tx.objectStore("documents");
          docs.deleteIndex("title");
          docs.createIndex("name", "name");
          const cursor = docs.openCursor();
          cursor.onsuccess = () => {
            const c = cursor.result;
            if (!c) return;
            const { title, ...rest } = c.value as { title: string };
            c.update({ ...rest, name: title });
            c.continue();
          };
        };
        r.onsuccess = () => {
          r.result.close();
          resolve();
        };
        r.onerror = () => reject(r.error);
      });
      return next;
    });
    const snapshot = () =>
      page.evaluate(async () => {
        const db = await new Promise<IDBDatabase>((resolve) => {
          const r = indexedDB.open("selaras");
          r.onsuccess = () => resolve(r.result);
        });
        const store = db.transaction("documents").objectStore("documents");
        const rows = await new Promise<unknown[]>((resolve) => {
          const g = store.getAll();
          g.onsuccess = () => resolve(g.result);
        });
        const out = { version: db.version, indexes: Array.from(store.indexNames).sort(), rows };
        db.close();
        return out;
      });
    const before = await snapshot();
    expect(before.version).toBe(future);
    expect(before.rows.length).toBeGreaterThan(0);

    problems.allow(/./); // the refused open may be logged by the browser
    for (const [lang, words] of [
      ["en", "written by a newer version of Selaras"],
      ["vi", "phiên bản Selaras mới hơn"],
      ["id", "versi Selaras yang lebih baru"],
    ] as const) {
      await page.evaluate((l) => localStorage.setItem("selaras.lang", l), lang);
      await page.reload();
      const banner = page.getByRole("alert").filter({ hasText: words });
      await banner.waitFor({ timeout: 15_000 });
      expect(await banner.textContent()).toContain(String(future / 10));
      await expect.poll(() => page.getByTestId("doc-list").count()).toBe(0);
    }
    expect(await snapshot()).toEqual(before);
  });
});
