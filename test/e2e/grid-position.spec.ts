/**
 * The reading position survives a reload (issue 13 item 17): a document reopens with the same
 * first row in view and the same focused cell, per document; Ctrl+G goes to segment N (a small
 * dialog, listed in the shortcut sheet, in the three UI languages).
 */
import type { Page } from "playwright-core";
import { injectLargeDocument } from "./lib/large-document.ts";
import { AppHeader } from "./pages/app-header.ts";
import { openCorpusList } from "./pages/document-list-page.ts";
import { GridPage } from "./pages/grid-page.ts";
import { describe, expect, test } from "./setup.ts";

/** The focused element's data-testid. */
function focused(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.getAttribute("data-testid") ?? null);
}

/** The 0-based segment index of the first row whose bottom is inside the grid's scroll viewport. */
function firstRowInView(page: Page): Promise<number> {
  return page.evaluate(() => {
    const scroll = document.querySelector('[data-testid="grid-scroll"]')!;
    const top = scroll.getBoundingClientRect().top;
    const rows = [...scroll.querySelectorAll<HTMLElement>('[role="row"][aria-rowindex]')]
      .map((r) => ({
        k: Number(r.getAttribute("aria-rowindex")) - 2,
        box: r.getBoundingClientRect(),
      }))
      .filter((r) => r.box.bottom > top + 2)
      .sort((a, b) => a.box.top - b.box.top);
    return rows[0]?.k ?? -1;
  });
}

/**
 * The first row in view once the view has stopped moving (the same row on three reads 100 ms
 * apart): the virtualizer measures rows and re-aims its scroll for some frames after a jump or a
 * reopen, more of them on a busy machine; a read in the middle sees a view on its way.
 */
async function settledFirstRow(page: Page): Promise<number> {
  let last = await firstRowInView(page);
  let same = 0;
  for (let i = 0; i < 50 && same < 2; i++) {
    await page.waitForTimeout(100);
    const now = await firstRowInView(page);
    same = now === last ? same + 1 : 0;
    last = now;
  }
  return last;
}

async function openLarge(page: Page, baseUrl: string, id: string, count: number) {
  await openCorpusList(page, baseUrl);
  await injectLargeDocument(page, id, `Large ${id}`, count);
  const grid = new GridPage(page, baseUrl);
  await grid.goto(id);
  await page.reload();
  await grid.waitForRows();
  return grid;
}

describe("the reading position is kept per document (item 17)", () => {
  test("Ctrl+G goes to segment N; after a reload the same cell has focus and is in view", async ({
    page,
    baseUrl,
  }) => {
    const grid = await openLarge(page, baseUrl, "pos1", 2_000);
    await expect.poll(() => focused(page)).toBe("target-vi-0");

    // Ctrl+G from a cell: the dialog opens on its number field, with the current segment offered.
    await page.keyboard.press("Control+g");
    const dialog = page.getByTestId("go-to-dialog");
    await dialog.waitFor();
    await expect.poll(() => focused(page)).toBe("go-to-input");
    expect(await page.getByTestId("go-to-input").inputValue()).toBe("1");
    // Out of range: said in the dialog, which stays open.
    await page.keyboard.type("2001");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByTestId("go-to-error").innerText()).toMatch(/1 to 2000/);
    await page.getByTestId("go-to-input").fill("1234");
    await page.keyboard.press("Enter");
    await dialog.waitFor({ state: "detached" });
    await expect.poll(() => focused(page)).toBe("target-vi-1233");

    // Move to English and type there; then reload.
    await page.keyboard.press("Tab");
    await expect.poll(() => focused(page)).toBe("target-en-1233");
    await page.keyboard.type("Kept here.");
    await grid.waitForSaved();
    const before = await settledFirstRow(page);
    expect(before).toBeGreaterThan(1200);
    await page.reload();
    await grid.root.waitFor();
    await expect.poll(() => focused(page), { timeout: 20_000 }).toBe("target-en-1233");
    expect(await grid.target("en", 1233).inputValue()).toBe("Kept here.");
    expect(Math.abs((await settledFirstRow(page)) - before)).toBeLessThanOrEqual(1);
    // The focused cell is inside the scroll viewport, not just in the DOM.
    // (A cell cut by the edge scrolls into view once the view has settled, so this is polled.)
    const inView = () =>
      grid.target("en", 1233).evaluate((el) => {
        const box = el.getBoundingClientRect();
        const view = document.querySelector('[data-testid="grid-scroll"]')!.getBoundingClientRect();
        return box.top >= view.top - 1 && box.bottom <= view.bottom + 1;
      });
    await expect.poll(inView, { timeout: 5_000 }).toBe(true);

    // Another document keeps its own position: it opens at row 1.
    await injectLargeDocument(page, "pos2", "Large pos2", 300);
    await grid.goto("pos2");
    await expect.poll(() => focused(page)).toBe("target-vi-0");
    expect(await firstRowInView(page)).toBe(0);
  });

  test("scrolling without focusing a cell is kept too; a hidden segment is said in the dialog", async ({
    page,
    baseUrl,
  }) => {
    const grid = await openLarge(page, baseUrl, "pos3", 1_000);
    await grid.scrollToRow("vi", 400);
    await grid.grid.evaluate(() => {
      const scroll = document.querySelector('[data-testid="grid-scroll"]')!;
      scroll.scrollTop += 123;
    });
    await expect.poll(() => firstRowInView(page)).toBeGreaterThan(300);
    const before = await firstRowInView(page);
    await page.reload();
    await grid.root.waitFor();
    // The view settles over a few frames (rows are measured as they render): then it is where it was.
    await expect
      .poll(async () => Math.abs((await firstRowInView(page)) - before), { timeout: 20_000 })
      .toBeLessThanOrEqual(1);

    // A filter hides segment 5: Ctrl+G says so instead of going elsewhere.
    await grid.typeInto("vi", before, "Sudah.");
    await page.getByTestId("filter-status-vi").selectOption("draft");
    await expect.poll(() => grid.segmentRows.count()).toBe(1);
    await page.keyboard.press("Control+g");
    await page.getByTestId("go-to-input").fill("5");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByTestId("go-to-error").innerText()).toMatch(/hidden/);
  });

  test("Go to segment in the shortcut sheet and the dialog in Vietnamese and Indonesian", async ({
    page,
    baseUrl,
  }) => {
    const list = await openCorpusList(page, baseUrl);
    const [title] = await list.titles();
    await list.open(title!);
    const header = new AppHeader(page);
    const expected = {
      en: ["Go to segment N", "Go to segment"],
      vi: ["Đi tới phân đoạn số N", "Đi tới phân đoạn"],
      id: ["Ke segmen nomor N", "Ke segmen"],
    } as const;
    for (const lang of ["en", "vi", "id"] as const) {
      await header.setLanguage(lang);
      await page.keyboard.press("Alt+h");
      const sheet = page.getByTestId("shortcut-sheet");
      await sheet.waitFor();
      const row = sheet.locator("tr", { hasText: expected[lang][0] });
      await expect.poll(() => row.innerText()).toContain("Ctrl+G");
      await page.keyboard.press("Escape");
      await sheet.waitFor({ state: "detached" });
      await page.keyboard.press("Control+g");
      const dialog = page.getByTestId("go-to-dialog");
      await expect.poll(() => dialog.getByRole("heading").innerText()).toBe(expected[lang][1]);
      await page.keyboard.press("Escape");
      await dialog.waitFor({ state: "detached" });
    }
  });
});
