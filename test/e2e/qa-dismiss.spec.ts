/**
 * The QA workflow of issue 12 in Chromium: a wrong number typed in a target shows its finding, F8
 * moves to it, it is dismissed with a reason from the QA panel, a reload keeps it dismissed (and
 * the panel shows it as dismissed, with the reason, on request), fixing the text removes the
 * finding, and the export writes a QA report (HTML, self-contained) beside the TMX.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Download, Page } from "playwright-core";
import { AppHeader } from "./pages/app-header.ts";
import { openCorpusList } from "./pages/document-list-page.ts";
import { GridPage } from "./pages/grid-page.ts";
import { describe, expect, test } from "./setup.ts";
import { tempDir } from "../helpers/temp-dir.ts";

function focused(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.getAttribute("data-testid") ?? "");
}

describe("QA: dismiss a finding, reload, fix, export with the QA report (issue 12)", () => {
  test("the whole path", { timeout: 120_000 }, async ({ page, baseUrl }) => {
    const list = await openCorpusList(page, baseUrl);
    await list.addFromText({
      title: "Delegasi",
      text: "Lebih dari 2.500 delegasi hadir. Acara berlangsung dua hari.",
    });
    await new AppHeader(page).ensureProfile();
    const grid = new GridPage(page, baseUrl);
    await grid.waitForRows();

    // A wrong number: the finding shows on the cell.
    await grid.typeInto("en", 0, "More than 2,600 delegates came.");
    const marker = page.getByTestId("qa-marker-en-0");
    await marker.waitFor();
    expect(await marker.getAttribute("data-severity")).toBe("error");
    expect(await marker.getAttribute("aria-label")).toMatch(/^1 QA finding: .*2\.500.*2,600/);
    // A second finding (a warning) that stays: after a reload it shows that QA has run.
    await grid.typeInto("vi", 1, "Sự kiện  kéo dài hai ngày.");
    await page.getByTestId("qa-marker-vi-1").waitFor();

    // F8 from another cell moves to the error.
    await grid.target("vi", 0).click();
    await expect.poll(() => focused(page)).toBe("target-vi-0");
    await page.keyboard.press("F8");
    await expect.poll(() => focused(page)).toBe("target-en-0");

    // Dismissed with a reason from the QA panel.
    await page.getByTestId("qa-open").click();
    const panel = page.getByTestId("qa-panel");
    await panel.getByTestId("qa-item-en-0").waitFor();
    await panel.getByTestId("qa-dismiss-en-0").click();
    const reason = panel.getByTestId("qa-dismiss-reason");
    await expect.poll(() => reason.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type("The organisers corrected the figure to 2,600.");
    await page.keyboard.press("Enter");
    await marker.waitFor({ state: "detached" });
    await panel.getByTestId("qa-item-en-0").waitFor({ state: "detached" });
    await grid.waitForSaved();

    // Reloaded: still dismissed once QA has run again (the warning is back, the error is not).
    await page.reload();
    await grid.waitForRows();
    await page.getByTestId("qa-marker-vi-1").waitFor();
    await expect
      .poll(() => page.getByTestId("qa-open").getAttribute("data-checking"))
      .toBe("false");
    expect(await marker.count()).toBe(0);
    await page.getByTestId("qa-open").click();
    await panel.getByTestId("qa-show-dismissed").check();
    const dismissed = panel.getByTestId("qa-item-en-0");
    await dismissed.waitFor();
    expect(await dismissed.getAttribute("data-dismissed")).toBe("true");
    expect(await dismissed.innerText()).toContain("The organisers corrected the figure to 2,600.");
    expect(await marker.getAttribute("data-dismissed")).toBe("true");

    // The text fixed: the finding itself is gone (not only dismissed).
    await grid.target("en", 0).click();
    await page.keyboard.press("Control+a");
    await page.keyboard.type("More than 2,500 delegates came.");
    await marker.waitFor({ state: "detached" });
    await dismissed.waitFor({ state: "detached" });
    await grid.waitForSaved();

    // Export with the QA report: the TMX and an HTML report that a browser shows as it is.
    const dialog = await grid.openExport();
    await dialog.root.getByTestId("export-qa-report").check();
    const dir = tempDir("selaras-e2e-qa-");
    const downloads: Download[] = [];
    page.on("download", (d) => downloads.push(d));
    await dialog.downloadButton.click();
    await expect.poll(() => downloads.length).toBe(2);
    const names = downloads.map((d) => d.suggestedFilename()).sort();
    expect(names[0]).toMatch(/^Delegasi-\d{8}-\d{4}-qa\.html$/);
    expect(names[1]).toMatch(/^Delegasi-\d{8}-\d{4}\.tmx$/);
    const htmlDownload = downloads.find((d) => d.suggestedFilename().endsWith(".html"))!;
    const path = join(dir, htmlDownload.suggestedFilename());
    await htmlDownload.saveAs(path);
    const html = readFileSync(path, "utf8");
    expect(html).toContain("<title>QA report: Delegasi</title>");
    expect(html).toContain("Double space");
    expect(html).not.toContain("2,600");
    const report = await page.context().newPage();
    await report.goto(`file://${path}`);
    expect(await report.title()).toBe("QA report: Delegasi");
    expect(await report.locator("tbody tr").count()).toBeGreaterThan(0);
    expect(await report.locator("tbody tr").first().innerText()).toContain("Double space");
    await report.close();
  });
});
