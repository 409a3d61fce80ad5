/**
 * Settings → Import SRX in the real browser (issue 11 class 9): the file is read in the SRX worker
 * with the reader that leaves out what it cannot translate and names it.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { AppHeader } from "./pages/app-header.ts";
import { openCorpusList } from "./pages/document-list-page.ts";
import { describe, expect, test } from "./setup.ts";

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/segment/srx/${name}`, import.meta.url));

describe("Settings: importing SRX", () => {
  test("a rule JavaScript cannot express is left out and named; OmegaT 3.6's whole file is read while the page answers", async ({
    page,
    baseUrl,
  }) => {
    await openCorpusList(page, baseUrl);
    const header = new AppHeader(page);
    await header.ensureProfile();
    await page.getByTestId("settings-link").click();
    await page.getByTestId("seg-import-srx").setInputFiles({
      name: "one-untranslatable.srx",
      mimeType: "application/xml",
      buffer: fixture("one-untranslatable.srx"),
    });
    const note = page.getByTestId("seg-srx-skipped");
    await note.waitFor({ timeout: 20_000 });
    expect(await note.innerText()).toContain(
      "Rule set English, line 15, column 26 (class intersection &&):",
    );
    expect(await note.innerText()).toContain("class intersection &&");
    expect(await page.getByRole("alert").count()).toBe(0);
    await expect.poll(() => page.getByTestId("seg-base").innerText()).toContain("3");

    // README's screenshots, in the three UI languages, only when asked (SELARAS_SCREENSHOTS=dir).
    const shots = process.env["SELARAS_SCREENSHOTS"];
    if (shots) {
      mkdirSync(shots, { recursive: true });
      for (const lang of ["vi", "id", "en"] as const) {
        await header.setLanguage(lang);
        await note.scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(shots, `settings-srx-${lang}.png`) });
      }
    }

    await page.getByTestId("seg-import-srx").setInputFiles({
      name: "omegat-3.6-defaultRules.srx",
      mimeType: "application/xml",
      buffer: fixture("real/omegat-3.6-defaultRules.srx"),
    });
    // The page answers script while the file is read and checked.
    expect(await page.evaluate(() => 1 + 1)).toBe(2);
    await expect
      .poll(() => page.getByTestId("seg-base").innerText(), { timeout: 30_000 })
      .toContain("16");
    expect(await note.count()).toBe(0);
    expect(await page.getByRole("alert").count()).toBe(0);
  });
});
