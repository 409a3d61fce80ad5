/**
 * Vietnamese typed or pasted in decomposed form (NFD) is stored in NFC (issue 13 item 9), in the
 * cell (typed, pasted, with the caret where the user left it), in comments, in find and replace and
 * in the text filter.
 */
import type { Page } from "playwright-core";
import { readTranslation } from "./lib/idb.ts";
import { openCorpusList } from "./pages/document-list-page.ts";
import { describe, expect, test } from "./setup.ts";

/** "Việt Nam" and "tiếng" with every mark as its own combining character. */
const VIET_NFD = "Vie\u0323\u0302t Nam";
const TIENG_NFD = "tie\u0302\u0301ng";

async function openDoc(page: Page, baseUrl: string) {
  const list = await openCorpusList(page, baseUrl);
  const [title] = await list.titles();
  if (title === undefined) throw new Error("no corpus document listed");
  const docId = await list.docId(title);
  const grid = await list.open(title);
  return { grid, docId };
}

function caret(page: Page): Promise<number | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLTextAreaElement | null;
    return el && "selectionStart" in el ? el.selectionStart : null;
  });
}

describe("NFC at input", () => {
  test("typed and pasted NFD Vietnamese is stored as NFC, the caret stays where it was", async ({
    page,
    baseUrl,
    browserContext,
  }) => {
    await browserContext.grantPermissions(["clipboard-read", "clipboard-write"], {
      origin: new URL(baseUrl).origin,
    });
    const { grid } = await openDoc(page, baseUrl);
    const seg0 = await grid.segmentId(0);
    const seg1 = await grid.segmentId(1);

    // Typed: a decomposing input sends letters and marks as separate characters.
    await grid.typeInto("vi", 0, "ab");
    await page.keyboard.press("ArrowLeft");
    for (const ch of TIENG_NFD) await page.keyboard.insertText(ch);
    // The caret is right after "tiếng" (5 characters in NFC), before "b".
    expect(await caret(page)).toBe(1 + "tiếng".length);
    await page.keyboard.type("X");
    const expected = "atiếngXb";
    await expect.poll(() => grid.target("vi", 0).inputValue()).toBe(expected);
    await expect
      .poll(async () => (await readTranslation(page, seg0, "vi"))?.text, { timeout: 10_000 })
      .toBe(expected);

    // Pasted with Ctrl+V.
    await grid.target("vi", 1).click();
    await page.evaluate((t) => navigator.clipboard.writeText(t), `${VIET_NFD} là ${TIENG_NFD}`);
    await page.keyboard.press("Control+V");
    await page.keyboard.type(".");
    const pasted = "Việt Nam là tiếng.";
    await expect.poll(() => grid.target("vi", 1).inputValue()).toBe(pasted);
    await expect
      .poll(async () => (await readTranslation(page, seg1, "vi"))?.text, { timeout: 10_000 })
      .toBe(pasted);
    expect(pasted.normalize("NFC")).toBe(pasted);

    // The text filter finds NFC text from an NFD query.
    await page.getByTestId("filter-text").click();
    await page.keyboard.insertText(VIET_NFD);
    await expect.poll(() => page.getByTestId("filter-text").inputValue()).toBe("Việt Nam");
    await page.getByTestId("filter-in").selectOption("vi");
    await expect.poll(() => grid.segmentRows.count()).toBe(1);
    await grid.target("vi", 1).waitFor();
    await page.getByTestId("filter-clear").click();
    await grid.target("vi", 0).waitFor();
  });

  test("comments and find and replace store NFC", async ({ page, baseUrl }) => {
    const { grid } = await openDoc(page, baseUrl);
    const seg0 = await grid.segmentId(0);
    await grid.typeInto("vi", 0, "Xin chào");
    await grid.waitForSaved();

    // Find "chào" (typed NFD) and replace it with NFD "Việt Nam".
    await page.getByTestId("replace-open").click();
    const dialog = page.getByTestId("replace-dialog");
    await dialog.getByTestId("replace-lang").selectOption("vi");
    await dialog.getByTestId("replace-find").click();
    await page.keyboard.insertText("cha\u0300o");
    await dialog.getByTestId("replace-with").click();
    await page.keyboard.insertText(VIET_NFD);
    await dialog.getByTestId("replace-apply").click();
    await dialog.waitFor({ state: "detached" });
    await expect
      .poll(async () => (await readTranslation(page, seg0, "vi"))?.text, { timeout: 10_000 })
      .toBe("Xin Việt Nam");

    // A comment typed in NFD.
    await grid.target("vi", 0).click();
    await page.keyboard.press("Control+Shift+C");
    const panel = page.getByTestId("comments-panel");
    await panel.getByTestId("comment-text").click();
    await page.keyboard.insertText(`Dùng ${TIENG_NFD} chuẩn`);
    await panel.getByTestId("comment-submit").click();
    await expect
      .poll(() =>
        page.evaluate(async () => {
          const db = await new Promise<IDBDatabase>((resolve, reject) => {
            const req = indexedDB.open("selaras");
            req.onsuccess = () => resolve(req.result);
            req.onerror = () => reject(req.error ?? new Error("open"));
          });
          const all = await new Promise<Array<{ text: string }>>((resolve, reject) => {
            const req = db.transaction("comments").objectStore("comments").getAll();
            req.onsuccess = () => resolve(req.result as Array<{ text: string }>);
            req.onerror = () => reject(req.error ?? new Error("getAll"));
          });
          db.close();
          return all.map((c) => c.text);
        }),
      )
      .toEqual(["Dùng tiếng chuẩn"]);
  });
});
