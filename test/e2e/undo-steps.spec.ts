/**
 * Undo in a translator's day (issue 13 item 15): words typed with pauses over a second are undone
 * one by one, the toolbar's tooltips say which segment and language a step changes, and an undo
 * or redo brings the cell it changed into view and focus, wherever the translator is.
 */
import type { Page } from "playwright-core";
import { injectLargeDocument } from "./lib/large-document.ts";
import { openCorpusList } from "./pages/document-list-page.ts";
import { GridPage } from "./pages/grid-page.ts";
import { describe, expect, test } from "./setup.ts";

function focused(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.getAttribute("data-testid") ?? null);
}

/** Whether an element is inside the grid's scroll viewport (not only in the DOM). */
async function inView(page: Page, testId: string): Promise<boolean> {
  return page.evaluate((id) => {
    const el = document.querySelector(`[data-testid="${id}"]`);
    const scroll = document.querySelector('[data-testid="grid-scroll"]');
    if (!el || !scroll) return false;
    const a = el.getBoundingClientRect();
    const b = scroll.getBoundingClientRect();
    return a.top >= b.top - 1 && a.bottom <= b.bottom + 1;
  }, testId);
}

async function goTo(page: Page, n: number): Promise<void> {
  await page.keyboard.press("Control+g");
  await page.getByTestId("go-to-input").fill(String(n));
  await page.keyboard.press("Enter");
  await page.getByTestId("go-to-dialog").waitFor({ state: "detached" });
}

describe("undo steps (item 15)", () => {
  test("one step per word typed after a pause; tooltips name the cell; undo and redo show it", async ({
    page,
    baseUrl,
  }) => {
    await openCorpusList(page, baseUrl);
    await injectLargeDocument(page, "undo1", "Undo steps", 600);
    const grid = new GridPage(page, baseUrl);
    await grid.goto("undo1");
    await page.reload();
    await grid.waitForRows();
    await expect.poll(() => focused(page)).toBe("target-vi-0");

    await goTo(page, 400);
    await expect.poll(() => focused(page)).toBe("target-vi-399");
    await page.keyboard.type("Một");
    await grid.waitForSaved();
    await page.waitForTimeout(1_500);
    await page.keyboard.type(" hai");
    await grid.waitForSaved();

    const undoButton = page.getByTestId("undo");
    await expect
      .poll(() => undoButton.getAttribute("title"))
      .toBe("Undo: edited (segment 400, Vietnamese)");

    // Far away from the cell, the toolbar's Undo takes back the last word and shows the cell.
    await goTo(page, 2);
    await expect.poll(() => focused(page)).toBe("target-vi-1");
    expect(await inView(page, "target-vi-399")).toBe(false);
    await undoButton.click();
    await expect.poll(() => focused(page)).toBe("target-vi-399");
    expect(await grid.target("vi", 399).inputValue()).toBe("Một");
    expect(await inView(page, "target-vi-399")).toBe(true);
    await expect
      .poll(() => page.getByTestId("redo").getAttribute("title"))
      .toBe("Redo: edited (segment 400, Vietnamese)");

    // Ctrl+Z in another cell takes back the first word, in its own cell.
    await goTo(page, 3);
    await expect.poll(() => focused(page)).toBe("target-vi-2");
    await page.keyboard.press("Control+z");
    await expect.poll(() => focused(page)).toBe("target-vi-399");
    await expect.poll(() => grid.target("vi", 399).inputValue()).toBe("");

    // Redo from the top brings it back into view too.
    await goTo(page, 1);
    await expect.poll(() => focused(page)).toBe("target-vi-0");
    await page.keyboard.press("Control+y");
    await expect.poll(() => focused(page)).toBe("target-vi-399");
    await expect.poll(() => grid.target("vi", 399).inputValue()).toBe("Một");
    expect(await inView(page, "target-vi-399")).toBe(true);
  });
});
