/**
 * Editing in a filtered grid (issue 13 items 1 and 2): the row being edited stays in the view while
 * it has focus, even when the edit takes it out of the filter; Ctrl+Enter confirms and moves on to
 * the next row that matches the filter.
 */
import type { Locator, Page } from "playwright-core";
import { readTranslation } from "./lib/idb.ts";
import { noQaQuestionOnConfirm } from "./lib/qa-settings.ts";
import { openCorpusList } from "./pages/document-list-page.ts";
import { describe, expect, test } from "./setup.ts";

const SENTENCE = "The ceremony opened with a speech by the minister.";

async function openFiltered(page: Page, baseUrl: string, query: string) {
  const list = await openCorpusList(page, baseUrl);
  // Filtered editing, not QA: confirming the placeholder texts (QA errors) asks nothing.
  await noQaQuestionOnConfirm(page);
  const [title] = await list.titles();
  if (title === undefined) throw new Error("no corpus document listed");
  const docId = await list.docId(title);
  const grid = await list.open(title);
  await page.goto(`${baseUrl}#/doc/${encodeURIComponent(docId)}?${query}`);
  await grid.waitForRows();
  return { grid, docId };
}

function focusedTestId(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.getAttribute("data-testid") ?? null);
}

function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => el === document.activeElement);
}

describe("editing in a filtered view", () => {
  test("two filter changes made before the page's next task both stay", async ({
    page,
    baseUrl,
  }) => {
    const { grid } = await openFiltered(page, baseUrl, "");
    // A quick hand (or a slow machine): the In choice and Match case changed in the same task,
    // before the location's hashchange event; the second change starts from the first.
    await page.evaluate(() => {
      const select = document.querySelector<HTMLSelectElement>('[data-testid="filter-in"]');
      const box = [...document.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].find(
        (el) => el.closest("label")?.textContent?.includes("Match case"),
      );
      if (!select || !box) throw new Error("filter controls not found");
      select.value = "vi";
      select.dispatchEvent(new Event("change", { bubbles: true }));
      box.click();
      if (!box.checked) throw new Error("Match case did not stay checked after the click");
    });
    await expect.poll(() => page.url()).toContain("case=1");
    expect(page.url()).toContain("in=vi");
    expect(await grid.root.getByTestId("filter-in").inputValue()).toBe("vi");
    expect(await grid.root.getByRole("checkbox", { name: "Match case" }).isChecked()).toBe(true);
  });

  test("typing a sentence into a row that leaves the status filter keeps every character and the focus", async ({
    page,
    baseUrl,
  }) => {
    const { grid } = await openFiltered(page, baseUrl, "en=empty");
    const seg0 = await grid.segmentId(0);
    await grid.typeInto("en", 0, SENTENCE);
    await expect
      .poll(async () => (await readTranslation(page, seg0, "en"))?.text, { timeout: 10_000 })
      .toBe(SENTENCE);
    await grid.waitForSaved();
    // Still shown (it is no longer Empty) and still focused while focus is in it.
    expect(await grid.target("en", 0).inputValue()).toBe(SENTENCE);
    expect(await isFocused(grid.target("en", 0))).toBe(true);
    expect(await grid.statusOf("en", 0)).toBe("draft");
    // Focus leaves the row: the view refreshes and the row, no longer Empty, goes.
    await grid.target("en", 1).click();
    await expect.poll(() => grid.target("en", 0).count()).toBe(0);
    expect(await isFocused(grid.target("en", 1))).toBe(true);
  });

  test("a text filter keeps the edited row while it is focused", async ({ page, baseUrl }) => {
    const { grid } = await openFiltered(page, baseUrl, "");
    // Filter on Vietnamese text "Xin": type it into row 2, then edit it away.
    await grid.typeInto("vi", 2, "Xin chào");
    await grid.waitForSaved();
    const docUrl = page.url().replace(/\?.*$/, "");
    await page.goto(`${docUrl}?q=Xin&in=vi`);
    await grid.target("vi", 2).waitFor();
    await expect.poll(() => grid.segmentRows.count()).toBe(1);
    await grid.target("vi", 2).click();
    await page.keyboard.press("Control+A");
    await page.keyboard.type("Tạm biệt các bạn");
    await grid.waitForSaved();
    expect(await grid.target("vi", 2).inputValue()).toBe("Tạm biệt các bạn");
    expect(await isFocused(grid.target("vi", 2))).toBe(true);
    // Focus leaves the grid: the row no longer matches and goes.
    await page.getByTestId("back-to-list").focus();
    await expect.poll(() => grid.target("vi", 2).count()).toBe(0);
  });

  test("Ctrl+Enter in a Not-done view confirms and moves to the next matching segment", async ({
    page,
    baseUrl,
  }) => {
    // Row 1 is confirmed beforehand, so the next Not-done row after row 0 is row 2.
    const { grid, docId } = await openFiltered(page, baseUrl, "");
    await grid.typeInto("vi", 1, "Đã xong.");
    await page.keyboard.press("Control+Enter");
    await expect.poll(() => grid.statusOf("vi", 1)).toBe("translated");
    await page.goto(`${grid.baseUrl}#/doc/${encodeURIComponent(docId)}?vi=empty,draft`);
    await grid.target("vi", 2).waitFor();
    await expect.poll(() => grid.target("vi", 1).count()).toBe(0);

    const seg0 = await grid.segmentId(0);
    await grid.typeInto("vi", 0, "Lễ khai mạc.");
    await page.keyboard.press("Control+Enter");
    await expect.poll(() => focusedTestId(page)).toBe("target-vi-2");
    await expect
      .poll(async () => (await readTranslation(page, seg0, "vi"))?.status, { timeout: 10_000 })
      .toBe("translated");
    // Typing goes on in the next matching row.
    await page.keyboard.type("Câu ba.");
    await expect.poll(() => grid.target("vi", 2).inputValue()).toBe("Câu ba.");
    await page.keyboard.press("Control+Enter");
    await expect.poll(() => focusedTestId(page)).toBe("target-vi-3");
    // The confirmed rows left the view once focus moved on.
    await expect.poll(() => grid.target("vi", 0).count()).toBe(0);
    await expect.poll(() => grid.target("vi", 2).count()).toBe(0);
    expect(await grid.statusOf("vi", 3)).toBe("empty");
  });
});
