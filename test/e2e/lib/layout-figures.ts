/**
 * Prints the grid's layout figures (layout-metrics.ts) and takes screenshots, for review by eye
 * (not a test):
 *   npx vite build && node --import tsx test/e2e/lib/layout-figures.ts [OUT_DIR]
 * For 1280×720 and 1920×1080, in en, vi and id, a corpus article and a document of short
 * sentences with a long title, as translator and as reviewer with the comments panel open. Writes
 * figures.json and <doc>-<role>-<lang>-<w>x<h>.png to OUT_DIR (default
 * test-results/layout, git-ignored). With SELARAS_BASE_URL set, measures the app served there.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Page } from "playwright-core";
import { chromium } from "playwright-core";
import { startBrowserBench } from "../../bench/lib/browser.ts";
import { AppHeader, type UiLanguage } from "../pages/app-header.ts";
import { DocumentListPage } from "../pages/document-list-page.ts";
import type { GridPage } from "../pages/grid-page.ts";
import { chromiumArgs, findChromium, repoRoot } from "./browser-env.ts";
import {
  LONG_TITLE,
  measureLayout,
  NAME_SHIM,
  shortSentences,
  summarize,
  type LayoutFigures,
} from "./layout-metrics.ts";

const outDir = resolve(process.argv[2] ?? join(repoRoot, "test-results", "layout"));

async function switchProfile(page: Page, role: "translator" | "reviewer"): Promise<void> {
  await page.getByTestId("profile-open").click();
  const dialog = page.getByTestId("profile-dialog");
  await dialog.getByTestId(`profile-role-${role}`).check();
  await dialog.getByTestId("profile-save").click();
  await dialog.waitFor({ state: "detached" });
}

/** Rows 1 and 2 translated in Vietnamese, row 3 a draft in English (the others empty). */
async function giveStates(page: Page, grid: GridPage): Promise<void> {
  await grid.typeInto("vi", 0, "Chúng tôi đến vào buổi sáng.");
  await page.keyboard.press("Control+Enter");
  await grid.typeInto("vi", 1, "Họ ăn trưa.");
  await page.keyboard.press("Control+Enter");
  await grid.typeInto("en", 2, "Mother goes home");
  await grid.waitForSaved();
}

const README_ROWS: readonly (readonly [string, string])[] = [
  [
    "Chủ tịch nước Lương Cường chủ trì lễ mở ký Công ước với sự tham dự của Tổng Thư ký Liên hợp quốc António Guterres cùng nhiều lãnh đạo cấp cao các nước, các tổ chức khu vực và quốc tế.",
    "President Luong Cuong presided over the signing ceremony of the Convention, attended by UN Secretary-General António Guterres and many senior leaders of countries and regional and international organisations.",
  ],
  [
    "Chủ tịch nước Lương Cường và Tổng Thư ký Liên hợp quốc sẽ có bài phát biểu chính tại phiên khai mạc.",
    "President Luong Cuong and the UN Secretary-General will deliver keynote speeches at the opening session.",
  ],
  [
    "Sự kiện có sự tham dự của đại diện gần 100 quốc gia và hơn 100 tổ chức quốc tế và khu vực.",
    "The event is attended by representatives of nearly 100 countries and more than 100 international and regional organisations.",
  ],
];

async function readmeShots(page: Page, list: DocumentListPage, header: AppHeader): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 720 });
  await header.setLanguage("en");
  await list.goto();
  await switchProfile(page, "translator");
  const title = (await list.titles()).find((t) => t.includes("Upacara"));
  if (title === undefined) throw new Error("the ceremony article is not listed");
  const grid = await list.open(title);
  for (const [k, [vi, en]] of README_ROWS.entries()) {
    await grid.typeInto("vi", k, vi);
    await page.keyboard.press("Control+Enter");
    await grid.typeInto("en", k, en);
    await page.keyboard.press("Control+Enter");
  }
  await grid.waitForSaved();
  const docs = join(repoRoot, "docs", "screenshots");
  for (const lang of ["en", "vi", "id"] as UiLanguage[]) {
    await header.setLanguage(lang);
    await page.getByTestId("grid-scroll").evaluate((el) => {
      el.scrollTop = 0;
    });
    await grid.target("vi", 2).click();
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: join(docs, `grid-${lang}.png`) });
  }
}

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  // SELARAS_BASE_URL: an app already served (e.g. `npx vite` while changing styles) instead of dist/.
  const given = process.env["SELARAS_BASE_URL"];
  const bench = given
    ? await chromium
        .launch({ executablePath: findChromium(), headless: true, args: chromiumArgs })
        .then((browser) => ({ browser, baseUrl: given, close: () => browser.close() }))
    : await startBrowserBench();
  const figures: Record<string, LayoutFigures> = {};
  try {
    const context = await bench.browser.newContext({
      viewport: { width: 1280, height: 720 },
      deviceScaleFactor: 1,
      locale: "en-US",
    });
    await context.addInitScript(NAME_SHIM);
    const page = await context.newPage();
    page.on("pageerror", (e) => console.warn(`pageerror: ${e.message}`));
    const list = new DocumentListPage(page, bench.baseUrl);
    await list.goto();
    await list.waitForDocuments(2);
    // The measured article is the other one: the README's shots fill in the ceremony article.
    const corpusTitle = (await list.titles()).find((t) => !t.includes("Upacara"));
    if (corpusTitle === undefined) throw new Error("no document listed");
    await list.addFromText({ title: LONG_TITLE, text: shortSentences(60) });
    await list.goto();
    const shortGrid = await list.open(LONG_TITLE);
    await giveStates(page, shortGrid);
    const shortUrl = page.url();
    await list.goto();
    const corpusGrid = await list.open(corpusTitle);
    await giveStates(page, corpusGrid);
    const corpusUrl = page.url();
    const header = new AppHeader(page);

    const shoot = async (name: string, grid: GridPage) => {
      await grid.waitForRows();
      await page.evaluate(() => document.fonts.ready);
      const f = await measureLayout(page);
      figures[name] = f;
      console.log(`${name.padEnd(34)} ${summarize(f)}`);
      await page.screenshot({ path: join(outDir, `${name}.png`) });
    };

    // LAYOUT_ONLY=<regexp>: only the views whose name matches (e.g. "1280x720").
    const only = new RegExp(process.env["LAYOUT_ONLY"] ?? "");
    for (const role of ["translator", "reviewer"] as const) {
      if (role === "reviewer") await switchProfile(page, "reviewer");
      for (const [doc, url, grid] of [
        ["short", shortUrl, shortGrid],
        ["corpus", corpusUrl, corpusGrid],
      ] as const) {
        for (const lang of ["en", "vi", "id"] as UiLanguage[]) {
          for (const [w, h] of [
            [1280, 720],
            [1920, 1080],
          ] as const) {
            if (!only.test(`${doc}-${role}-${lang}-${w}x${h}`)) continue;
            await page.setViewportSize({ width: w, height: h });
            await page.goto(url);
            await header.setLanguage(lang);
            await grid.waitForRows();
            await page.getByTestId("target-vi-0").click();
            await shoot(`${doc}-${role}-${lang}-${w}x${h}`, grid);
            if (role === "reviewer") {
              // The comments panel of the focused cell (Ctrl+Shift+C).
              await page.keyboard.press("Control+Shift+KeyC");
              await page.getByTestId("comments-panel").waitFor();
              await shoot(`${doc}-${role}-panel-${lang}-${w}x${h}`, grid);
              await page.keyboard.press("Escape");
            }
          }
        }
      }
    }
    writeFileSync(join(outDir, "figures.json"), JSON.stringify(figures, null, 2));
    // LAYOUT_README=1: the README's grid screenshots (docs/screenshots/grid-<lang>.png, 1280×720):
    // the ceremony article with its first three rows translated in both languages.
    if (process.env["LAYOUT_README"] === "1") await readmeShots(page, list, header);
    console.log(`figures and screenshots in ${outDir}`);
    await context.close();
  } finally {
    await bench.close();
  }
}

if (
  process.argv[1] &&
  resolve(process.argv[1]) === resolve(repoRoot, "test/e2e/lib/layout-figures.ts")
) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
