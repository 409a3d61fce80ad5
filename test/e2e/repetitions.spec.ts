/**
 * Repetitions (issue 15): confirming a segment whose source repeats fills the repetitions that are
 * still empty, says "Applied to 1 repetition.", and one Ctrl+Z takes back both; with the project
 * setting off a confirm fills nothing, nor into a cell marked as an alternative translation.
 */
import type { Page } from "playwright-core";
import { readRecord, readTranslation } from "./lib/idb.ts";
import { AppHeader } from "./pages/app-header.ts";
import { openCorpusList } from "./pages/document-list-page.ts";
import { GridPage } from "./pages/grid-page.ts";
import { describe, expect, test } from "./setup.ts";

const TEXT = "Harga beras naik lagi. Warga mengeluh. Harga beras naik lagi. Pemerintah diam.";
const VI = "Giá gạo lại tăng.";

async function addDoc(page: Page, baseUrl: string): Promise<GridPage> {
  const list = await openCorpusList(page, baseUrl);
  await list.addFromText({ title: "Berulang", text: TEXT });
  await new AppHeader(page).ensureProfile();
  const grid = new GridPage(page, baseUrl);
  await grid.waitForRows();
  return grid;
}

describe("repetitions", () => {
  test("a confirm fills the repeated sentence, says so, and one Ctrl+Z takes back both", async ({
    page,
    baseUrl,
  }) => {
    const grid = await addDoc(page, baseUrl);
    expect(await grid.segmentCount()).toBe(4);
    expect(await grid.source(2).innerText()).toContain("Harga beras naik lagi.");
    const docId = decodeURIComponent(/#\/doc\/([^?]+)/.exec(page.url())?.[1] ?? "");
    const seg2 = await grid.segmentId(2);

    await grid.typeInto("vi", 0, VI);
    await page.keyboard.press("Control+Enter");
    await expect.poll(() => grid.target("vi", 2).inputValue()).toBe(VI);
    await expect.poll(() => grid.statusOf("vi", 2)).toBe("translated");
    expect(await grid.statusOf("vi", 0)).toBe("translated");
    // The other rows and the other language are untouched.
    expect(await grid.target("vi", 1).inputValue()).toBe("");
    expect(await grid.target("vi", 3).inputValue()).toBe("");
    expect(await grid.target("en", 2).inputValue()).toBe("");
    const notice = page.getByTestId("grid-notice");
    await expect.poll(() => notice.innerText()).toContain("Applied to 1 repetition.");
    await expect
      .poll(async () => (await readTranslation(page, seg2, "vi"))?.status, { timeout: 10_000 })
      .toBe("translated");

    // One undo step: the repetition is empty again and the confirmed row is no longer confirmed.
    await grid.waitForSaved();
    await page.keyboard.press("Control+z");
    await expect.poll(() => grid.target("vi", 2).inputValue()).toBe("");
    await expect.poll(() => grid.statusOf("vi", 2)).toBe("empty");
    await expect.poll(() => grid.statusOf("vi", 0)).not.toBe("translated");
    await expect
      .poll(async () => (await readTranslation(page, seg2, "vi"))?.text ?? "", { timeout: 10_000 })
      .toBe("");

    // The project setting turns it off: the same confirm then fills nothing.
    await grid.waitForSaved();
    await page.getByTestId("settings-link").click();
    const propagate = page.getByTestId("repetitions-propagate");
    expect(await propagate.isChecked()).toBe(true);
    await propagate.uncheck();
    await expect.poll(() => page.getByRole("status").allInnerTexts()).toContain("Saved.");
    await grid.goto(docId);
    await grid.target("vi", 0).click();
    await page.keyboard.press("End");
    if ((await grid.target("vi", 0).inputValue()) === "") await page.keyboard.type(VI);
    await page.keyboard.press("Control+Enter");
    await expect.poll(() => grid.statusOf("vi", 0)).toBe("translated");
    await grid.waitForSaved();
    expect(await grid.target("vi", 2).inputValue()).toBe("");
    expect(await notice.count()).toBe(0);
  });

  test("a cell marked as an alternative translation is not filled", async ({ page, baseUrl }) => {
    const grid = await addDoc(page, baseUrl);
    const seg2 = await grid.segmentId(2);
    await grid.target("vi", 2).click();
    await page.keyboard.press("Control+Shift+H");
    const toggle = page.getByTestId("alternative-toggle");
    await toggle.check();
    await expect
      .poll(
        async () =>
          (await readRecord<{ alternative?: boolean }>(page, "translations", `${seg2}:vi`))
            ?.alternative,
        {
          timeout: 10_000,
        },
      )
      .toBe(true);
    await grid.typeInto("vi", 0, VI);
    await page.keyboard.press("Control+Enter");
    await expect.poll(() => grid.statusOf("vi", 0)).toBe("translated");
    await grid.waitForSaved();
    expect(await grid.target("vi", 2).inputValue()).toBe("");
    expect(await page.getByTestId("grid-notice").count()).toBe(0);
  });
});
