/**
 * Translation memory while translating (issue 15), in Chromium on the built app: the corpus memory
 * (test/fixtures/tm/corpus-memory.tmx) imported into the project memory, a document with a
 * sentence close to one of its units; the fuzzy match shows with its diff, Ctrl+1 inserts it,
 * Ctrl+Z takes it back, Alt+K searches the memory. Screenshots of the panel in en, vi, id
 * (docs/screenshots/tm-matches-*.png, 1280×720).
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./lib/browser-env.ts";
import { openCorpusList } from "./pages/document-list-page.ts";
import { AppHeader } from "./pages/app-header.ts";
import { describe, expect, test } from "./setup.ts";

const MEMORY = join(repoRoot, "test/fixtures/tm/corpus-memory.tmx");
// c3 of the memory with one word changed (perwakilan → utusan).
const TEXT =
  "Acara tersebut dihadiri oleh utusan dari hampir 100 negara dan lebih dari 100 organisasi internasional dan regional.";

describe("translation memory in the grid", () => {
  test("fuzzy match with its diff, Ctrl+1 inserts, Ctrl+Z undoes, Alt+K searches", async ({
    page,
    baseUrl,
  }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    const list = await openCorpusList(page, baseUrl);
    // Into the project memory, as a translator does with a memory to match against (importTm
    // would import it as a document).
    expect(await list.importTmIntoMemory(MEMORY)).toMatch(/\b26 units\b/);
    expect(await list.addFromText({ text: TEXT, title: "Liputan" })).toBe("imported");
    if (!/#\/doc\//.test(page.url())) await list.open("Liputan");
    const vi = page.getByTestId("target-vi-0");
    await vi.click();
    const panel = page.getByTestId("tm-panel");
    const first = panel.getByTestId("tm-match-1");
    await first.waitFor();
    const score = Number((await first.getByTestId("tm-score-1").innerText()).replace(/\D/g, ""));
    expect(score).toBeGreaterThanOrEqual(90);
    expect(score).toBeLessThan(100);
    expect(await first.getByTestId("tm-diff-1").locator("del").innerText()).toBe("perwakilan");
    expect(await first.getByTestId("tm-diff-1").locator("ins").innerText()).toBe("utusan");
    const viText = await first.getByTestId("tm-target-1-vi").locator("[lang=vi]").innerText();
    expect(viText).toContain("đại diện");

    // README's screenshots, in the three UI languages, only when asked (SELARAS_SCREENSHOTS=dir).
    const shots = process.env["SELARAS_SCREENSHOTS"];
    if (shots) {
      mkdirSync(shots, { recursive: true });
      const header = new AppHeader(page);
      for (const lang of ["vi", "id", "en"] as const) {
        await header.setLanguage(lang);
        await vi.click();
        await first.waitFor();
        await page.screenshot({ path: join(shots, `tm-matches-${lang}.png`) });
      }
    }

    await vi.click();
    await page.keyboard.press("Control+1");
    await expect.poll(() => vi.inputValue()).toBe(viText);
    await page.keyboard.press("Control+z");
    await expect.poll(() => vi.inputValue()).toBe("");

    await page.keyboard.press("Alt+k");
    const search = page.getByTestId("tm-search");
    await expect.poll(() => search.evaluate((el) => el === document.activeElement)).toBe(true);
    await search.fill("organisasi internasional");
    await search.press("Enter");
    const hits = page.getByTestId("tm-hit");
    await hits.first().waitFor();
    expect((await hits.first().locator("mark").first().innerText()).toLowerCase()).toBe(
      "organisasi internasional",
    );
    expect(await hits.first().innerText()).toMatch(/VI[\s\S]*EN/);

    // Word forms (through the TM worker): "tandatangan" is in no source as written, but
    // menandatangani / penandatanganan are.
    await search.fill("tandatangan");
    await search.press("Enter");
    await page.getByTestId("tm-concordance-none").waitFor();
    await page.getByTestId("tm-stems").check();
    await hits.first().waitFor();
    const marks = (await hits.locator(".tm-source mark").allInnerTexts()).map((m) =>
      m.toLowerCase(),
    );
    expect(marks.length).toBeGreaterThan(3);
    for (const m of marks) expect(m).toMatch(/andatangan/);
  });
});
