/**
 * The grid's find (issue 13 item 12): its matches are marked in the column it searches (source
 * text, or a target field through a layer over the textarea), follow the text as it is typed, and
 * the "In" choice and the Aa / W / .* toggles stay while the box is emptied.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { AppHeader } from "./pages/app-header.ts";
import { openCorpusList } from "./pages/document-list-page.ts";
import { describe, expect, test } from "./setup.ts";

async function openDoc(page: Page, baseUrl: string) {
  const list = await openCorpusList(page, baseUrl);
  const [title] = await list.titles();
  if (title === undefined) throw new Error("no corpus document listed");
  const grid = await list.open(title);
  await grid.waitForRows();
  return grid;
}

/** The marked texts in the elements a selector finds, lower-cased. */
function marks(page: Page, selector: string): Promise<string[]> {
  return page.evaluate(
    (sel) =>
      [...document.querySelectorAll(sel)].flatMap((el) =>
        [...el.querySelectorAll("mark.find-match")].map((m) => m.textContent!.toLowerCase()),
      ),
    selector,
  );
}

describe("find in the grid", () => {
  test("marks matches in the source and in a target field; options stay while the box is empty", async ({
    page,
    baseUrl,
  }) => {
    const grid = await openDoc(page, baseUrl);
    const source0 = (await grid.root.getByTestId("source-0").innerText()).trim();
    // A word of the first sentence (4+ letters), searched case-insensitively.
    const word = source0.split(/[^\p{L}]+/u).find((w) => w.length >= 4)!;
    const filterText = page.getByTestId("filter-text");
    await filterText.fill(word.toUpperCase());
    await expect.poll(() => marks(page, '[data-testid="source-0"]')).toContain(word.toLowerCase());
    // Every mark in the source column is the word, and no target field shows a mark.
    const all = await marks(page, '[data-testid^="source-"]');
    expect(all.length).toBeGreaterThan(0);
    expect(new Set(all)).toEqual(new Set([word.toLowerCase()]));
    expect(await page.locator(".target-cell mark.find-match").count()).toBe(0);

    // In Vietnamese: the target field that contains the text gets a mark over the textarea.
    await page.getByTestId("filter-in").selectOption("vi");
    await filterText.fill("mèo");
    await page.getByTestId("filter-text").fill("");
    // The "In" choice stays while the box is empty.
    expect(await page.getByTestId("filter-in").inputValue()).toBe("vi");
    await page.getByTestId("filter-text").fill("mèo");
    expect(await page.locator('[data-testid^="source-"] mark.find-match').count()).toBe(0);
    await page.getByTestId("filter-text").fill("");
    await grid.typeInto("vi", 0, "Con mèo ngủ, mèo con chơi.");
    await grid.waitForSaved();
    await page.getByTestId("filter-text").fill("mèo");
    await expect.poll(() => marks(page, ".col-vi .target-cell")).toEqual(["mèo", "mèo"]);
    // The layer lies over the field, the marks over the words they mark.
    const field = await grid.target("vi", 0).boundingBox();
    const layer = await page.locator(".col-vi [data-find-backdrop]").first().boundingBox();
    expect(layer && field).toBeTruthy();
    expect(Math.abs(layer!.x - field!.x)).toBeLessThanOrEqual(1);
    expect(Math.abs(layer!.y - field!.y)).toBeLessThanOrEqual(1);
    expect(Math.abs(layer!.width - field!.width)).toBeLessThanOrEqual(1);

    // Whole word and case toggles: "Mèo" case-sensitively matches nothing; toggles survive "".
    await page.getByLabel("Match case").check();
    await page.getByTestId("filter-text").fill("Mèo");
    await expect.poll(() => page.locator(".col-vi mark.find-match").count()).toBe(0);
    await page.getByTestId("filter-text").fill("");
    expect(await page.getByLabel("Match case").isChecked()).toBe(true);
    expect(await page.getByTestId("filter-in").inputValue()).toBe("vi");

    // Typing in the focused cell moves the marks with the text.
    await page.getByLabel("Match case").uncheck();
    await page.getByTestId("filter-text").fill("chơi");
    await expect.poll(() => marks(page, ".col-vi .target-cell")).toEqual(["chơi"]);
    await grid.target("vi", 0).click();
    await page.keyboard.press("End");
    await page.keyboard.type(" Chơi!");
    await expect.poll(() => marks(page, ".col-vi .target-cell")).toEqual(["chơi", "chơi"]);

    // Screenshots for review by eye, in the three UI languages, only when asked.
    const shots = process.env["SELARAS_SCREENSHOTS"];
    if (shots) {
      mkdirSync(shots, { recursive: true });
      const header = new AppHeader(page);
      await page.getByTestId("filter-text").fill("");
      await page.getByTestId("filter-in").selectOption("source");
      await page.getByTestId("filter-text").fill(word);
      for (const lang of ["vi", "id", "en"] as const) {
        await header.setLanguage(lang);
        await page.screenshot({ path: join(shots, `find-source-${lang}.png`) });
      }
      await page.setViewportSize({ width: 1600, height: 900 });
      await page.getByTestId("filter-in").selectOption("vi");
      await page.getByTestId("filter-text").fill("mèo");
      await page.screenshot({ path: join(shots, "find-vi-en-1600.png") });
    }
  });
});
