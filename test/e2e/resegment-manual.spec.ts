/**
 * Issue 13 item 7 in the real browser: a manual merge survives Re-segment, and the app's own
 * confirmation dialog says so, with the count, before anything changes.
 */
import { AppHeader } from "./pages/app-header.ts";
import { openCorpusList } from "./pages/document-list-page.ts";
import { describe, expect, test } from "./setup.ts";

describe("re-segment keeps manual edits", () => {
  test("a manual merge is announced in the dialog and kept by Re-segment", async ({
    page,
    baseUrl,
  }) => {
    const list = await openCorpusList(page, baseUrl);
    await list.addFromText({ title: "Uji", text: "Satu dua. Tiga empat. Lima enam." });
    await new AppHeader(page).ensureProfile();
    const { GridPage } = await import("./pages/grid-page.ts");
    const grid = new GridPage(page, baseUrl);
    await grid.waitForRows();
    await expect.poll(() => grid.segmentCount()).toBe(3);
    await grid.target("vi", 0).click();
    await page.keyboard.press("Control+J");
    await expect.poll(() => grid.segmentCount()).toBe(2);

    await page.getByTestId("resegment").click();
    const dialog = page.getByTestId("confirm-dialog");
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain(
      "Your 1 manual split or merge is kept: it is applied again where the text still allows.",
    );
    await dialog.getByTestId("confirm-ok").click();
    await dialog.waitFor({ state: "detached" });
    await grid.waitForSaved();
    await expect.poll(() => grid.segmentCount()).toBe(2);
    expect(await grid.source(0).textContent()).toBe("Satu dua. Tiga empat.");
  });
});
