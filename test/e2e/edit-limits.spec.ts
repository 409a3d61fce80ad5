/**
 * A text past the segment limit typed or pasted into a cell (issue 14 item 7): it is refused with
 * a clear message, stays in the cell (also across a reload), and is saved once shortened.
 */
import { readTranslation } from "./lib/idb.ts";
import { AppHeader } from "./pages/app-header.ts";
import { openCorpusList } from "./pages/document-list-page.ts";
import { GridPage } from "./pages/grid-page.ts";
import { describe, expect, test } from "./setup.ts";

const LIMIT = 65_536;

describe("edit limits", () => {
  test("a pasted text past 65,536 characters is not saved, says so, survives a reload, and is saved once shortened", async ({
    page,
    baseUrl,
  }) => {
    const list = await openCorpusList(page, baseUrl);
    await new AppHeader(page).ensureProfile();
    const [title] = await list.titles();
    const docId = await list.docId(title!);
    const grid = new GridPage(page, baseUrl);
    await grid.goto(docId);
    await grid.waitForRows();
    const segmentId = await grid.segmentId(0);
    const long = `${"Chủ tịch nước phát biểu. ".repeat(Math.ceil(LIMIT / 25))}`.slice(0, LIMIT + 9);
    await grid.target("vi", 0).fill(long);
    const banner = page.getByRole("alert").filter({ hasText: "65,545 characters" });
    await banner.waitFor({ timeout: 10_000 });
    expect(await banner.innerText()).toContain("at most 65,536");
    expect(await grid.saveStateValue()).toBe("error");
    expect(await readTranslation(page, segmentId, "vi")).toBeNull();

    await page.reload();
    await grid.waitForRows();
    // Back to the top, as the translator would scroll (the view reopens where it was left, and
    // may settle there once more after a first scroll).
    const topCell = async () => {
      await page
        .getByTestId("grid-scroll")
        .evaluate((el) => el.scrollTo({ top: 0, behavior: "instant" }));
      const cell = grid.target("vi", 0);
      return (await cell.count()) === 1 ? cell.inputValue({ timeout: 1000 }) : null;
    };
    await expect.poll(topCell, { timeout: 20_000 }).toBe(long);
    await page.getByRole("alert").filter({ hasText: "65,545 characters" }).waitFor();

    await expect.poll(topCell, { timeout: 20_000 }).toBe(long);
    await grid.target("vi", 0).fill(long.slice(0, LIMIT));
    await grid.waitForSaved();
    expect((await readTranslation(page, segmentId, "vi"))?.text.length).toBe(LIMIT);
    expect(await page.getByRole("alert").filter({ hasText: "characters" }).count()).toBe(0);
  });
});
