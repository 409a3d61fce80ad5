/**
 * Layout and legibility of the grid in the real browser (issue 13 items 18, 20, 22, 24), in the three
 * UI languages at 1280×720: the grid owns the window below a compact head (the page itself does not
 * scroll, at least 6 rows of short segments are in view, also in reviewer mode with the comments
 * panel open), no label of the header, toolbar or filter bar wraps, a long title leaves the progress
 * on its line, and every badge reads at 4.5:1 or more and 12 px or more. Figures come from the
 * computed styles (lib/layout-metrics.ts; `layout-figures.ts` prints them for all views).
 */
import type { Page } from "playwright-core";
import {
  LONG_TITLE,
  measureLayout,
  NAME_SHIM,
  shortSentences,
  type LayoutFigures,
} from "./lib/layout-metrics.ts";
import { AppHeader, type UiLanguage } from "./pages/app-header.ts";
import { openCorpusList } from "./pages/document-list-page.ts";
import { GridPage } from "./pages/grid-page.ts";
import { describe, expect, test } from "./setup.ts";

async function openShortDocument(page: Page, baseUrl: string, lang: UiLanguage) {
  await page.addInitScript(NAME_SHIM);
  await page.setViewportSize({ width: 1280, height: 720 });
  const list = await openCorpusList(page, baseUrl);
  await new AppHeader(page).setLanguage(lang);
  await list.addFromText({ title: LONG_TITLE, text: shortSentences(40) });
  const grid = new GridPage(page, baseUrl);
  await grid.waitForRows();
  // Every status a row can show next to the empty ones: translated, draft.
  await grid.typeInto("vi", 0, "Chúng tôi đến vào buổi sáng.");
  await page.keyboard.press("Control+Enter");
  await expect.poll(() => grid.statusOf("vi", 0)).toBe("translated");
  await grid.typeInto("en", 1, "They have lunch");
  await grid.waitForSaved();
  await grid.target("vi", 0).click();
  await page.evaluate(() => document.fonts.ready);
  return grid;
}

function expectCompactAndLegible(f: LayoutFigures, minRows: number) {
  expect(f.pageScrolls, "the page itself scrolls").toBe(false);
  expect(f.visibleRows).toBeGreaterThanOrEqual(minRows);
  expect(f.wrapped, "labels of the header, toolbar and filter bar on two lines").toEqual([]);
  expect(f.midWord).toEqual([]);
  expect(f.progressOnTitleLine, "the progress bars beside the title").toBe(true);
  const weak = f.badges.filter((b) => b.ratio < 4.5 || b.fontPx < 12);
  expect(weak, "badges under 4.5:1 or 12 px").toEqual([]);
  expect(f.badges.some((b) => b.selector.startsWith(".status-badge.status-empty"))).toBe(true);
  expect(f.small, "text under 12 px").toEqual([]);
}

describe("grid layout at 1280×720 (issue 13 items 18, 20, 22, 24)", () => {
  for (const lang of ["en", "vi", "id"] as UiLanguage[]) {
    test(`${lang}: the grid owns the window, labels stay whole, badges are legible`, async ({
      page,
      baseUrl,
    }) => {
      const grid = await openShortDocument(page, baseUrl, lang);
      const translator = await measureLayout(page);
      expectCompactAndLegible(translator, 6);
      // The grid is the scroller: it scrolls while the page stays put.
      const scroller = grid.root.getByTestId("grid-scroll");
      const scrolled = await scroller.evaluate((el) => {
        el.scrollTop = 400;
        return el.scrollTop;
      });
      expect(scrolled).toBeGreaterThan(0);
      expect(await page.evaluate(() => document.scrollingElement?.scrollTop ?? 0)).toBe(0);
      await scroller.evaluate((el) => {
        el.scrollTop = 0;
      });

      // Reviewer mode with the comments panel open (Ctrl+Shift+C): still the same rows.
      await page.getByTestId("profile-open").click();
      const dialog = page.getByTestId("profile-dialog");
      await dialog.getByTestId("profile-role-reviewer").check();
      await dialog.getByTestId("profile-save").click();
      await dialog.waitFor({ state: "detached" });
      await grid.target("vi", 0).click();
      await page.keyboard.press("Control+Shift+KeyC");
      await page.getByTestId("comments-panel").waitFor();
      const reviewer = await measureLayout(page);
      expectCompactAndLegible(reviewer, 6);
    });
  }

  test("alignment tools and the confirmed-link mark show on request on a column never aligned (item 19)", async ({
    page,
    baseUrl,
  }) => {
    const grid = await openShortDocument(page, baseUrl, "en");
    const toggle = page.getByTestId("cell-tools-toggle");
    expect(await toggle.isVisible()).toBe(true);
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
    expect(await page.getByTestId("tool-mergeCell").isVisible()).toBe(false);
    // Row 1 is confirmed, so its link is locked: the mark is in the cell but not shown.
    expect(await page.getByTestId("locked-vi-0").count()).toBe(1);
    expect(await page.getByTestId("locked-vi-0").isVisible()).toBe(false);
    await toggle.click();
    expect(await toggle.getAttribute("aria-expanded")).toBe("true");
    expect(await page.getByTestId("tool-mergeCell").isVisible()).toBe(true);
    expect(await page.getByTestId("locked-vi-0").isVisible()).toBe(true);
    // The tools act on the last focused cell, which kept its focus.
    await grid.target("vi", 0).click();
    expect(await page.getByTestId("tool-mergeCell").isEnabled()).toBe(true);
  });
});
