/**
 * Source segmentation edits in the real browser (issue 3): split at a caret, merge with the next
 * segment, re-segment after a rule change; translations follow and undo works across a reload.
 */
import { AppHeader } from "./pages/app-header.ts";
import { openCorpusList } from "./pages/document-list-page.ts";
import { describe, expect, test } from "./setup.ts";

describe("segmentation edits", () => {
  test("split, merge, re-segment with a project abbreviation, undo after reload", async ({
    page,
    baseUrl,
  }) => {
    const list = await openCorpusList(page, baseUrl);
    await list.addFromText({
      title: "Rapat",
      text: "Rapat di Ruko. Sukamaju dimulai pukul 10.30 WIB. Semua hadir, lalu pulang.",
    });
    await new AppHeader(page).ensureProfile();
    const { GridPage } = await import("./pages/grid-page.ts");
    const grid = new GridPage(page, baseUrl);
    await grid.waitForRows();
    await expect.poll(() => grid.segmentCount()).toBe(3);
    await expect.poll(() => grid.source(0).textContent()).toBe("Rapat di Ruko.");

    // Translate row 1, then split row 3 at the caret the dialog proposes (after the comma).
    await grid.typeInto("vi", 0, "Cuộc họp ở Ruko.");
    await grid.waitForSaved();
    await grid.target("vi", 2).click();
    await page.keyboard.press("Control+E");
    const split = page.getByTestId("split-dialog");
    await split.waitFor();
    await expect
      .poll(() => split.getByTestId("split-preview").locator("li").allTextContents())
      .toEqual(["Semua hadir,", "lalu pulang."]);
    await split.getByTestId("split-source").press("Enter");
    await expect.poll(() => grid.segmentCount()).toBe(4);
    await expect.poll(() => grid.source(3).textContent()).toBe("lalu pulang.");

    // Merge rows 3 and 4 back with Ctrl+J.
    await grid.target("en", 2).click();
    await page.keyboard.press("Control+J");
    await expect.poll(() => grid.segmentCount()).toBe(3);
    await expect.poll(() => grid.source(2).textContent()).toBe("Semua hadir, lalu pulang.");

    // A project abbreviation "Ruko." and a re-segmentation merge rows 1 and 2 and their translations.
    const docUrl = page.url();
    await page.getByTestId("settings-link").click();
    await page.getByTestId("seg-abbreviations").fill("Ruko.");
    await expect
      .poll(() => page.getByTestId("seg-preview").locator("li").count())
      .toBeGreaterThan(0);
    await page.getByTestId("seg-save").click();
    await page.getByTestId("seg-saved").waitFor();
    await page.goto(docUrl);
    await grid.waitForRows();
    await page.getByTestId("resegment").click();
    await page.getByTestId("confirm-dialog").getByTestId("confirm-ok").click();
    await expect.poll(() => grid.segmentCount()).toBe(2);
    await expect
      .poll(() => grid.source(0).textContent())
      .toBe("Rapat di Ruko. Sukamaju dimulai pukul 10.30 WIB.");
    await expect.poll(() => grid.target("vi", 0).inputValue()).toBe("Cuộc họp ở Ruko.");
    await expect.poll(() => grid.statusOf("vi", 0)).toBe("draft");

    // Undo survives a reload.
    await page.reload();
    await grid.waitForRows();
    await page.getByTestId("undo").click();
    await expect.poll(() => grid.segmentCount()).toBe(3);
    await expect.poll(() => grid.source(1).textContent()).toBe("Sukamaju dimulai pukul 10.30 WIB.");
  });
});
