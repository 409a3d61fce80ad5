/**
 * Confirms survive a reload in a large document (issue 13 item 3): in a 10,020-segment document,
 * type, Ctrl+Enter within a second and reload within a second, round after round; every confirm
 * must come back as Translated with its text, and the save pill must never say "saved" while the
 * confirm is not stored yet.
 */
import type { Page } from "playwright-core";
import { readTranslation } from "./lib/idb.ts";
import { injectLargeDocument } from "./lib/large-document.ts";
import { noQaQuestionOnConfirm } from "./lib/qa-settings.ts";
import { openCorpusList } from "./pages/document-list-page.ts";
import { GridPage } from "./pages/grid-page.ts";
import { describe, expect, test } from "./setup.ts";

const SEGMENTS = 10_020;
const ROUNDS = 12;

/** The pill and the stored status read together: the pill first, so "saved" must already hold. */
function pillAndStatus(page: Page, segmentId: string): Promise<[string | null, string | null]> {
  return page.evaluate(async (key) => {
    const pill = document.querySelector('[data-testid="save-state"]')?.getAttribute("data-state");
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open("selaras");
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error("open"));
    });
    try {
      const record = await new Promise<{ status?: string } | undefined>((resolve, reject) => {
        const req = db.transaction("translations").objectStore("translations").get(key);
        req.onsuccess = () => resolve(req.result as { status?: string } | undefined);
        req.onerror = () => reject(req.error ?? new Error("get"));
      });
      return [pill ?? null, record?.status ?? null] as [string | null, string | null];
    } finally {
      db.close();
    }
  }, `${segmentId}:vi`);
}

describe("confirms in a large document", () => {
  test(
    "type, Ctrl+Enter and reload within a second: every confirm survives",
    { timeout: 240_000 },
    async ({ page, baseUrl }) => {
      await openCorpusList(page, baseUrl);
      // Durability, not QA: the placeholder texts have QA errors, whose question would wait.
      await noQaQuestionOnConfirm(page);
      const docId = "large10020";
      await injectLargeDocument(page, docId, "Large", SEGMENTS);
      const grid = new GridPage(page, baseUrl);
      await grid.goto(docId);
      await page.reload();
      await grid.waitForRows();
      expect(await grid.segmentCount()).toBe(SEGMENTS);

      const lied: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const text = `Câu số ${round + 1} đã dịch xong.`;
        await grid.typeInto("vi", round, text);
        await page.keyboard.press("Control+Enter");
        // Watch the pill for a moment: whenever it says saved, the confirm must be stored.
        const until = Date.now() + (round % 3) * 150;
        do {
          const [pill, status] = await pillAndStatus(page, `${docId}s${round}`);
          if (pill === "saved" && status !== "translated") lied.push(round);
        } while (Date.now() < until);
        await page.reload();
        await grid.waitForRows();
      }
      await page.reload();
      await grid.waitForRows();
      const lost: string[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const stored = await readTranslation(page, `${docId}s${round}`, "vi");
        if (stored?.status !== "translated" || stored.text !== `Câu số ${round + 1} đã dịch xong.`)
          lost.push(`row ${round + 1}: ${stored?.status ?? "none"} "${stored?.text ?? ""}"`);
      }
      expect(lost).toEqual([]);
      expect(lied).toEqual([]);
    },
  );
});
