/**
 * The workbench end to end in headless Chromium against the built app (issue 2): open a corpus
 * document, type into the grid, persistence across reload / tab close / navigation, TMX and JSON
 * export, UI languages, and adding documents.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { repoRoot } from "./lib/browser-env.ts";
import { readTranslation } from "./lib/idb.ts";
import { checkTmxFile, tmxSegTexts } from "./lib/tmx-check.ts";
import { AppHeader } from "./pages/app-header.ts";
import { DocumentListPage, openCorpusList } from "./pages/document-list-page.ts";
import { GridPage } from "./pages/grid-page.ts";
import { describe, expect, test } from "./setup.ts";

const VI = "Xin chào thế giới, tôi là người dịch.";
const EN = "Hello world, I am the translator.";

async function openCorpusDoc(
  page: Page,
  baseUrl: string,
): Promise<{
  list: DocumentListPage;
  grid: GridPage;
  title: string;
  docId: string;
}> {
  const list = await openCorpusList(page, baseUrl);
  const [title] = await list.titles();
  if (title === undefined) throw new Error("no corpus document listed");
  const docId = await list.docId(title);
  const grid = await list.open(title);
  return { list, grid, title, docId };
}

function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => el === document.activeElement);
}

async function expectStored(page: Page, segmentId: string, lang: "vi" | "en", text: string) {
  await expect
    .poll(async () => (await readTranslation(page, segmentId, lang))?.text, { timeout: 10_000 })
    .toBe(text);
}

describe("grid editing and persistence", () => {
  test("typed Vietnamese and English are saved and survive a reload", async ({ page, baseUrl }) => {
    const { grid } = await openCorpusDoc(page, baseUrl);
    expect(await grid.segmentCount()).toBeGreaterThan(2);
    const seg0 = await grid.segmentId(0);
    const seg1 = await grid.segmentId(1);
    // The editors are named for screen readers as the contract says.
    const named = page.getByRole("textbox", { name: "Vietnamese, segment 1", exact: true });
    expect(await named.getAttribute("data-testid")).toBe("target-vi-0");
    const namedEn = page.getByRole("textbox", { name: "English, segment 2", exact: true });
    expect(await namedEn.getAttribute("data-testid")).toBe("target-en-1");

    await grid.typeInto("vi", 0, VI);
    await grid.typeInto("en", 1, EN);
    await expectStored(page, seg0, "vi", VI);
    await expectStored(page, seg1, "en", EN);
    await grid.waitForSaved();
    await expect.poll(() => grid.statusOf("vi", 0)).toBe("draft");

    await page.reload();
    await grid.waitForRows();
    await expect.poll(() => grid.target("vi", 0).inputValue()).toBe(VI);
    await expect.poll(() => grid.target("en", 1).inputValue()).toBe(EN);
    expect(await grid.target("en", 0).inputValue()).toBe("");
    expect(await grid.target("vi", 1).inputValue()).toBe("");
  });

  test("text typed right before the tab closes is kept (flush on pagehide)", async ({
    page,
    baseUrl,
    browserContext,
  }) => {
    const { grid, docId } = await openCorpusDoc(page, baseUrl);
    const seg2 = await grid.segmentId(2);
    await grid.typeInto("vi", 2, VI);
    const closed = page.waitForEvent("close");
    await page.close({ runBeforeUnload: true });
    await closed;

    const again = await browserContext.newPage();
    const grid2 = new GridPage(again, baseUrl);
    await grid2.goto(docId);
    await expect.poll(() => grid2.target("vi", 2).inputValue()).toBe(VI);
    await expectStored(again, seg2, "vi", VI);
  });

  test("text typed right before navigating away is kept", async ({ page, baseUrl }) => {
    const { grid, docId } = await openCorpusDoc(page, baseUrl);
    await grid.typeInto("en", 3, EN);
    await page.goto("about:blank");

    await grid.goto(docId);
    await expect.poll(() => grid.target("en", 3).inputValue()).toBe(EN);
  });

  test("Ctrl+Enter confirms the segment, moves on, and the list counts it as done", async ({
    page,
    baseUrl,
  }) => {
    const { list, grid, title } = await openCorpusDoc(page, baseUrl);
    const segments = await grid.segmentCount();
    await grid.typeInto("vi", 0, VI);
    await page.keyboard.press("Control+Enter");
    await expect.poll(() => grid.statusOf("vi", 0)).toBe("translated");
    await expect.poll(() => isFocused(grid.target("vi", 1))).toBe(true);
    await grid.waitForSaved();

    await list.goto();
    await expect.poll(() => list.progress(title, "vi").innerText()).toContain(`1/${segments}`);
    await expect.poll(() => list.progress(title, "en").innerText()).toContain(`0/${segments}`);
  });

  test("CAT keys: Tab and Shift+Tab between columns, Ctrl+Down/Up between rows, Ctrl+I copies the source", async ({
    page,
    baseUrl,
  }) => {
    const { grid } = await openCorpusDoc(page, baseUrl);
    await grid.target("vi", 1).click();
    await page.keyboard.press("Tab");
    await expect.poll(() => isFocused(grid.target("en", 1))).toBe(true);
    await page.keyboard.press("Shift+Tab");
    await expect.poll(() => isFocused(grid.target("vi", 1))).toBe(true);
    await page.keyboard.press("Control+ArrowDown");
    await expect.poll(() => isFocused(grid.target("vi", 2))).toBe(true);
    await page.keyboard.press("Control+ArrowUp");
    await expect.poll(() => isFocused(grid.target("vi", 1))).toBe(true);

    const source = (await grid.source(1).innerText()).trim();
    await page.keyboard.press("Control+KeyI");
    await expect.poll(() => grid.target("vi", 1).inputValue()).toBe(source);
    await expectStored(page, await grid.segmentId(1), "vi", source);
  });
});

describe("corpus", () => {
  test("the corpus is listed with segment counts matching the grid, and a reload adds no copies", async ({
    page,
    baseUrl,
  }) => {
    const list = await openCorpusList(page, baseUrl);
    const titles = await list.titles();
    for (const title of titles) {
      const listed = await list.segmentCount(title);
      expect(listed).toBeGreaterThan(0);
      const grid = await list.open(title);
      expect(await grid.segmentCount()).toBe(listed);
      await list.goto();
    }
    await page.reload();
    await list.goto();
    await list.waitForDocuments(2);
    expect(await list.titles()).toEqual(titles);
  });
});

describe("export", () => {
  test("TMX of a document validates against the TMX 1.4b DTD and holds the typed texts", async ({
    page,
    baseUrl,
  }) => {
    const { grid } = await openCorpusDoc(page, baseUrl);
    const segments = await grid.segmentCount();
    await grid.typeInto("vi", 0, VI);
    await grid.typeInto("en", 1, EN);
    await grid.waitForSaved();
    await expectStored(page, await grid.segmentId(1), "en", EN);

    const dialog = await grid.openExport();
    const file = await dialog.exportAs("tmx", "document");
    expect(file.suggestedFilename).toMatch(/\.tmx$/);
    const tmx = checkTmxFile(file.path);
    // Only the two translated units: a source alone is not translation memory (issue 13 item 8).
    expect(segments).toBeGreaterThan(2);
    expect(tmx.tuCount).toBe(2);
    expect(tmxSegTexts(file.path, "vi")).toEqual([VI]);
    expect(tmxSegTexts(file.path, "en")).toEqual([EN]);
    expect(tmxSegTexts(file.path, "id")).toHaveLength(2);
    expect(tmx.text).toMatch(/srclang="id"/);
  });
});

type Locale = Record<string, unknown>;

function readLocale(lang: string): Map<string, string> {
  const dir = join(repoRoot, "src", "i18n", "locales", lang);
  const flat = new Map<string, string>();
  const walk = (prefix: string, value: unknown): void => {
    if (typeof value === "string") flat.set(prefix, value);
    else if (value !== null && typeof value === "object") {
      for (const [k, v] of Object.entries(value as Locale)) walk(prefix ? `${prefix}.${k}` : k, v);
    }
  };
  for (const ns of ["common", "grid", "io", "errors"]) {
    try {
      walk(ns, JSON.parse(readFileSync(join(dir, `${ns}.json`), "utf8")) as Locale);
    } catch {
      // a namespace file may not exist yet
    }
  }
  return flat;
}

describe("UI languages", () => {
  test("switching to Vietnamese and Indonesian relabels the UI and is remembered", async ({
    page,
    baseUrl,
  }) => {
    const list = new DocumentListPage(page, baseUrl);
    const header = new AppHeader(page);
    await list.goto();
    await list.waitForDocuments(2);
    expect(await header.language()).toBe("en");

    // Find the i18n key of the "Add document" label from its English text; no hard-coded strings.
    const en = readLocale("en");
    const label = (await list.addButton.innerText()).trim();
    const key = [...en.entries()].find(([, v]) => v.trim() === label)?.[0];
    expect(key, `no key in locales/en has the value "${label}"`).toBeDefined();

    for (const lang of ["vi", "id"] as const) {
      const expected = readLocale(lang).get(key ?? "");
      expect(expected, `locales/${lang} lacks ${key}`).toBeDefined();
      expect(expected).not.toBe(label);
      await header.setLanguage(lang);
      await expect.poll(async () => (await list.addButton.innerText()).trim()).toBe(expected);
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
    }

    await page.reload();
    await list.waitForDocuments(2);
    expect(await header.language()).toBe("id");
    expect(await page.evaluate(() => localStorage.getItem("selaras.lang"))).toBe("id");
  });
});

describe("adding documents", () => {
  test("pasted text becomes a new document with one row per sentence", async ({
    page,
    baseUrl,
  }) => {
    const list = await openCorpusList(page, baseUrl);
    const title = "Catatan harian";
    const text = "Saya suka kopi. Dia minum teh.\n\nHari ini hujan deras.";
    expect(await list.addFromText({ text, title })).toBe("imported");
    await list.goto();
    await list.waitForDocuments(3);
    await expect.poll(() => list.segmentCount(title)).toBe(3);

    const grid = await list.open(title);
    expect(await grid.segmentCount()).toBe(3);
    expect(await grid.source(0).innerText()).toBe("Saya suka kopi.");
    expect(await grid.source(1).innerText()).toBe("Dia minum teh.");
    expect(await grid.source(2).innerText()).toBe("Hari ini hujan deras.");
    const paragraphs = await Promise.all(
      [0, 1, 2].map((k) => grid.row(k).getAttribute("data-paragraph")),
    );
    expect(paragraphs[0]).toBe(paragraphs[1]);
    expect(paragraphs[2]).not.toBe(paragraphs[1]);
  });

  test("a UTF-16 .txt file with BOM is imported with its text intact", async ({
    page,
    baseUrl,
  }) => {
    const list = await openCorpusList(page, baseUrl);
    const text = "Presiden membuka acara itu. Semua tamu hadir.\r\n";
    const buffer = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    const before = await list.titles();
    expect(
      await list.addFiles([{ name: "berita-utf16.txt", mimeType: "text/plain", buffer }]),
    ).toBe("imported");
    await list.goto();
    await list.waitForDocuments(3);
    // The title comes from the file name (the app may prettify it: "Berita Utf16").
    const title = (await list.titles()).find((t) => !before.includes(t));
    expect(title).toMatch(/berita/i);
    const grid = await list.open(title ?? "");
    expect(await grid.segmentCount()).toBe(2);
    expect(await grid.source(0).innerText()).toBe("Presiden membuka acara itu.");
    expect(await grid.source(1).innerText()).toBe("Semua tamu hadir.");
  });

  test("a binary file is refused with an alert naming the file", async ({ page, baseUrl }) => {
    const list = await openCorpusList(page, baseUrl);
    const png = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44,
      0x52, 0x00, 0x00, 0x01, 0x00, 0xc3, 0x28, 0xa0, 0xa1, 0xff, 0xfe, 0xfd,
    ]);
    expect(
      await list.addFiles([{ name: "foto-rusak.txt", mimeType: "text/plain", buffer: png }]),
    ).toBe("error");
    expect(await list.importDialog.getByRole("alert").innerText()).toContain("foto-rusak.txt");
    expect(await list.rows.count()).toBe(2);
  });
});

describe("JSON round trip", () => {
  test("an exported JSON restores the work in a fresh browser, and re-importing it merges without overwriting newer work", async ({
    page,
    baseUrl,
    newContext,
  }) => {
    const { list, grid, docId, title } = await openCorpusDoc(page, baseUrl);
    const segments = await grid.segmentCount();
    await grid.typeInto("vi", 0, VI);
    await grid.typeInto("en", 1, EN);
    await grid.waitForSaved();
    await expectStored(page, await grid.segmentId(1), "en", EN);

    await list.goto();
    const dialog = await list.openExportAll();
    const file = await dialog.exportAs("json", "all");
    expect(file.suggestedFilename).toMatch(/\.json$/);
    const exported = readFileSync(file.path, "utf8");
    expect(exported).toContain(VI);
    expect(exported).toContain(EN);
    expect(exported).toContain(docId);

    // A fresh browser profile: only the corpus, then the JSON import restores the document.
    const other = await newContext();
    const page2 = await other.newPage();
    const list2 = new DocumentListPage(page2, baseUrl);
    await list2.goto();
    await list2.waitForDocuments(2);
    await list2.importTm(file.path, "merge");
    await expect.poll(() => list2.row(title).count()).toBeGreaterThan(0);
    const grid2 = new GridPage(page2, baseUrl);
    await grid2.goto(docId);
    expect(await grid2.segmentCount()).toBe(segments);
    await expect.poll(() => grid2.target("vi", 0).inputValue()).toBe(VI);
    await expect.poll(() => grid2.target("en", 1).inputValue()).toBe(EN);
    expect(await grid2.target("vi", 1).inputValue()).toBe("");

    // Back in the first profile: a merge (the default; there is no "replace") keeps the newer work:
    // the file's text is one this cell already had, so there is nothing to decide.
    await grid.goto(docId);
    await grid.target("vi", 0).fill("");
    await grid.typeInto("vi", 0, "Bản dịch mới hơn.");
    await grid.waitForSaved();
    await expectStored(page, await grid.segmentId(0), "vi", "Bản dịch mới hơn.");
    await list.goto();
    const { plan } = await list.importTm(file.path, "merge");
    expect(plan).toMatch(/0 in conflict/);
    await grid.goto(docId);
    await expect.poll(() => grid.target("vi", 0).inputValue()).toBe("Bản dịch mới hơn.");
    expect(await page.getByTestId("conflict-vi-0").count()).toBe(0);
    await list.goto();
    await list.importTm(file.path, "keep");
    await grid.goto(docId);
    await expect.poll(() => grid.target("vi", 0).inputValue()).toBe("Bản dịch mới hơn.");
  });
});

describe("corpus updates", () => {
  test("a corpus file that changed since import is offered, never applied silently", async ({
    page,
    baseUrl,
  }) => {
    const { list, grid, docId, title } = await openCorpusDoc(page, baseUrl);
    const segments = await grid.segmentCount();
    await grid.typeInto("vi", 0, VI);
    await grid.waitForSaved();
    await expectStored(page, await grid.segmentId(0), "vi", VI);

    // Pretend the shipped corpus changed since it was imported: age the stored content hashes.
    const aged = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open("selaras");
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error ?? new Error("open"));
      });
      const tx = db.transaction("meta", "readwrite");
      const store = tx.objectStore("meta");
      const rows = await new Promise<{ key: string; value: Record<string, unknown> }[]>((res) => {
        const req = store.getAll();
        req.onsuccess = () => res(req.result as { key: string; value: Record<string, unknown> }[]);
      });
      const corpus = rows.filter((r) => r.key.startsWith("corpus:"));
      for (const row of corpus) store.put({ ...row, value: { ...row.value, hash: "stale" } });
      await new Promise<void>((resolve) => (tx.oncomplete = () => resolve()));
      db.close();
      return corpus.length;
    });
    expect(aged).toBe(2);

    await page.reload();
    await list.goto();
    const offers = page.getByTestId("corpus-update");
    await expect.poll(() => offers.count()).toBe(2);
    expect(await list.rows.count()).toBe(2);
    await grid.goto(docId);
    expect(await grid.segmentCount()).toBe(segments);
    expect(await grid.target("vi", 0).inputValue()).toBe(VI);

    // Accepting one imports it as a new document; the translated one stays as it was.
    await list.goto();
    const importAsNew = readLocale("en").get("common.corpus.importAsNew") ?? "";
    expect(importAsNew).not.toBe("");
    await offers.first().getByRole("button", { name: importAsNew, exact: true }).click();
    await list.waitForDocuments(3);
    await expect.poll(() => offers.count()).toBe(1);
    expect((await list.titles()).filter((t) => t === title).length).toBeGreaterThanOrEqual(1);
    await grid.goto(docId);
    expect(await grid.target("vi", 0).inputValue()).toBe(VI);
  });
});
