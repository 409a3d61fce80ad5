/**
 * Screenshots of the built app in each UI language, for review by eye (not a test):
 *   npx vite build && node --import tsx test/e2e/lib/screenshots.ts [OUT_DIR]
 * Writes <lang>-list.png and <lang>-grid.png (en, vi, id) to OUT_DIR (default
 * test-results/screenshots, git-ignored), with two segments translated so the grid shows states.
 */
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { startBrowserBench } from "../../bench/lib/browser.ts";
import { AppHeader } from "../pages/app-header.ts";
import type { UiLanguage } from "../pages/app-header.ts";
import { DocumentListPage } from "../pages/document-list-page.ts";
import { repoRoot } from "./browser-env.ts";

const outDir = resolve(process.argv[2] ?? join(repoRoot, "test-results", "screenshots"));

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const bench = await startBrowserBench();
  try {
    const context = await bench.browser.newContext({
      viewport: { width: 1440, height: 900 },
      deviceScaleFactor: 1,
    });
    await context.addInitScript("globalThis.__name = (fn) => fn;");
    const page = await context.newPage();
    page.on("pageerror", (e) => console.warn(`pageerror: ${e.message}`));
    const list = new DocumentListPage(page, bench.baseUrl);
    await list.goto();
    await list.waitForDocuments(2);
    const [title] = await list.titles();
    if (title === undefined) throw new Error("no document listed");
    const grid = await list.open(title);
    await grid.typeInto("vi", 0, "Chủ tịch nước Lương Cường chủ trì lễ ký Công ước.");
    await page.keyboard.press("Control+Enter");
    await grid.typeInto("en", 0, "President Luong Cuong chaired the signing ceremony.");
    await grid.typeInto("vi", 1, "Chủ tịch nước và Tổng Thư ký Liên Hợp Quốc sẽ phát biểu");
    await grid.waitForSaved();
    const docUrl = page.url();
    const header = new AppHeader(page);
    for (const lang of ["en", "vi", "id"] as UiLanguage[]) {
      await list.goto();
      await header.setLanguage(lang);
      await list.rows.first().waitFor();
      await page.screenshot({ path: join(outDir, `${lang}-list.png`) });
      await page.goto(docUrl);
      await grid.waitForRows();
      await page.screenshot({ path: join(outDir, `${lang}-grid.png`) });
    }
    // The alignment editor: the other article aligned with its corpus translation (the example
    // button), then one cell moved so a suspicious link and an empty cell show.
    await header.setLanguage("en");
    await list.goto();
    const other = (await list.titles()).find((t) => t !== title);
    if (other !== undefined) {
      const aligned = await list.open(other);
      await page.getByTestId("align-open").click();
      await page.getByTestId("align-lang-vi").check();
      await page.getByTestId("align-example").click();
      await page.getByTestId("align-submit").click();
      await page.getByTestId("align-submit").waitFor({ state: "detached", timeout: 30_000 });
      await aligned.target("vi", 5).click();
      await page.keyboard.press("Control+Alt+ArrowDown");
      await aligned.target("vi", 7).click();
      for (const lang of ["en", "vi", "id"] as UiLanguage[]) {
        await header.setLanguage(lang);
        await aligned.waitForRows();
        await page.screenshot({ path: join(outDir, `${lang}-align.png`) });
      }
      await header.setLanguage("en");
      await page.getByTestId("align-open").click();
      await page.getByTestId("align-lang-en").check();
      await page.getByTestId("align-example").click();
      await page.screenshot({ path: join(outDir, "en-align-dialog.png") });
    }
    console.log(`screenshots in ${outDir}`);
    await context.close();
  } finally {
    await bench.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
