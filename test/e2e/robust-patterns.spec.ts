/**
 * Hostile user patterns in the real browser (issue 14 item 2). Before the fix each of these froze
 * the tab: the filter's `(\w+\s?)+$` for over 400 s (and again on reopening the bookmarked
 * address), an imported SRX rule in Settings' preview for 27 s.
 */
import { readFileSync } from "node:fs";
import { AppHeader } from "./pages/app-header.ts";
import { openCorpusList } from "./pages/document-list-page.ts";
import { describe, expect, test } from "./setup.ts";

const WORDY =
  "Presiden membuka acara besar di Jakarta pada hari Senin pagi ini bersama para menteri dan tamu!";
/** A long run of words with no end punctuation: where a backtracking engine never ends on `…!$`. */
const UNENDED =
  "Akhirnya datang juga para tamu dari berbagai daerah di Indonesia bersama keluarga mereka";

describe("hostile patterns never freeze the page", () => {
  test("a bookmarked filter with catastrophic backtracking opens, answers and can be changed", async ({
    page,
    baseUrl,
  }) => {
    const list = await openCorpusList(page, baseUrl);
    await list.addFromText({ title: "Hostile", text: `${WORDY}\n${WORDY} Ya.\n${UNENDED}` });
    await new AppHeader(page).ensureProfile();
    const { GridPage } = await import("./pages/grid-page.ts");
    const grid = new GridPage(page, baseUrl);
    await grid.waitForRows();
    const docUrl = page.url().split("?")[0]!;
    for (const pattern of ["(\\w+\\s?)+$", "(a+)+b", "(.*a){20}", "(\\w+\\s?)+!$"]) {
      const q = new URLSearchParams({ q: pattern, in: "source", re: "1" });
      await page.goto(`${docUrl}?${q.toString()}`);
      await page.reload(); // reopening the bookmarked address
      await page.getByTestId("filter-count").waitFor({ timeout: 10_000 });
      // The page answers script at once (a frozen tab would time this out).
      expect(await page.evaluate(() => 1 + 1)).toBe(2);
      await expect.poll(() => page.getByTestId("filter-text").inputValue()).toBe(pattern);
    }
    // The second line is two sentences ("… tamu!" and "Ya."), so the rows are WORDY, WORDY, "Ya."
    // and UNENDED: (\w+\s?)+!$ matches the two rows ending in a word and "!", neither "Ya." nor
    // UNENDED.
    await expect.poll(() => page.getByTestId("filter-count").textContent()).toBe("2 of 4 segments");
    await expect
      .poll(() => grid.segmentRows.locator('[data-testid^="source-"]').allTextContents())
      .toEqual([WORDY, WORDY]);
    // The box still takes typing and a lookahead is refused with a message, not run.
    await page.getByTestId("filter-text").fill("a(?=b)");
    await expect
      .poll(() => page.getByRole("alert").filter({ hasText: "lookahead" }).count())
      .toBeGreaterThan(0);
  });

  test("Settings: an imported SRX with a catastrophic rule is refused, naming the rule; a typed one stops the preview", async ({
    page,
    baseUrl,
  }) => {
    await openCorpusList(page, baseUrl);
    await new AppHeader(page).ensureProfile();
    await page.getByTestId("settings-link").click();
    await page.getByTestId("seg-import-srx").setInputFiles({
      name: "hostile.srx",
      mimeType: "application/xml",
      buffer: readFileSync(new URL("../fixtures/robust/hostile.srx", import.meta.url)),
    });
    const refusal = page.getByRole("alert").filter({ hasText: "(\\w+\\s?)+$" });
    await refusal.waitFor({ timeout: 20_000 });
    await expect.poll(() => refusal.textContent()).toContain("took more than 2 s");
    await expect.poll(() => page.getByTestId("seg-base").textContent()).toMatch(/built-in/i);

    // A rule typed in the table that is slow only on this sample: the preview is stopped. It is a
    // no-break rule (the kind a new row starts with), tried wherever a built-in rule breaks.
    await page.getByRole("button", { name: "Add a rule" }).click();
    await page.getByLabel("Before the break").last().fill("[.!?]");
    await page
      .getByLabel("After the break", { exact: true })
      .last()
      .fill("\\sZaman\\s(\\w+\\s?)+$");
    await page.getByTestId("seg-sample").fill(`Ia datang. Zaman ${WORDY}`);
    const stopped = page.getByRole("alert").filter({ hasText: "Segmenting was stopped after 2 s" });
    await stopped.waitFor({ timeout: 20_000 });
    expect(await page.evaluate(() => 1 + 1)).toBe(2);
    // Saving refuses the rule (checked on the sample), nothing is kept.
    await page.getByTestId("seg-save").click();
    await page
      .getByRole("alert")
      .filter({ hasText: "Zaman" })
      .filter({ hasText: "Nothing was saved" })
      .waitFor({ timeout: 20_000 });
    await expect.poll(() => page.getByTestId("seg-saved").count()).toBe(0);
    // Fixing the rule (a break after a stop before white space) brings the preview back.
    await page.getByLabel("Kind", { exact: true }).last().selectOption("break");
    await page.getByLabel("After the break", { exact: true }).last().fill("\\s");
    await expect
      .poll(() => page.getByTestId("seg-preview").locator("li").allTextContents(), {
        timeout: 10_000,
      })
      .toEqual(["Ia datang.", `Zaman ${WORDY}`]);
    expect(await stopped.count()).toBe(0);
  });
});
