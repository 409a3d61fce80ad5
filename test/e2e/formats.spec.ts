/**
 * Translation memory in and out in the real browser (issue 6): a real-world UTF-16 TMX from another
 * tool is read in a Web Worker and imported, edited, exported and validated; a hostile file is
 * refused with a localized error and changes nothing; translations are imported into a document
 * from a TMX; every export format downloads.
 */
import { resolve } from "node:path";
import { readFileSync } from "node:fs";
import { repoRoot } from "./lib/browser-env.ts";
import { checkTmxFile, tmxSegTexts } from "./lib/tmx-check.ts";
import { openCorpusList } from "./pages/document-list-page.ts";
import type { GridPage } from "./pages/grid-page.ts";
import { AppHeader } from "./pages/app-header.ts";
import { describe, expect, test } from "./setup.ts";

const SAMPLE = resolve(
  repoRoot,
  "../shared/samples/tmx/lisa-compkit-ImportTest2A-utf16le-level2.tmx",
);
const BOMB = resolve(repoRoot, "test/fixtures/bad/entity-bomb.tmx");

describe("translation memory import and export", () => {
  test("a real UTF-16 TMX imports, is edited, and exports as valid TMX", async ({
    page,
    baseUrl,
  }) => {
    const list = await openCorpusList(page, baseUrl);
    await page.getByTestId("import-tm").click();
    const dialog = page.getByTestId("import-tm-dialog");
    await dialog.getByTestId("import-tm-file").setInputFiles(SAMPLE);
    const report = dialog.getByTestId("import-tm-file-report");
    await report.waitFor();
    expect(await report.innerText()).toMatch(/utf-16le/);
    expect(await report.innerText()).toMatch(/7/);
    await dialog.getByTestId("import-tm-plan").waitFor();
    await dialog.getByTestId("import-tm-apply").click();
    await dialog.getByRole("status").filter({ hasText: /1/ }).waitFor();
    await dialog.getByRole("button", { name: /close/i }).first().click();
    await list.waitForDocuments(3);

    const title = (await list.titles()).find((t) => !t.startsWith("Konvensi"))!;
    const grid = await list.open(title);
    expect(await grid.segmentCount()).toBe(7);
    await grid.typeInto("vi", 0, "Bản dịch thử nghiệm.");
    await grid.waitForSaved();

    const exportDialog = await grid.openExport();
    const file = await exportDialog.exportAs("tmx", "document");
    const { tuCount } = checkTmxFile(file.path);
    // Every unit: each has its French (a language without a column, kept and written back with
    // every language exported, issue 11), one also the Vietnamese typed here.
    expect(tuCount).toBe(7);
    expect(tmxSegTexts(file.path, "fr-ca").length + tmxSegTexts(file.path, "FR-CA").length).toBe(7);
    expect(tmxSegTexts(file.path, "vi")).toEqual(["Bản dịch thử nghiệm."]);
    // The English source keeps the file's own tag (`en-us`), as every tag it came with (issue 11).
    expect(tmxSegTexts(file.path, "en-us").length).toBeGreaterThan(0);
  });

  test("an entity bomb is refused with a localized error naming the file, and nothing changes", async ({
    page,
    baseUrl,
    problems,
  }) => {
    problems.allow(/.*/);
    const list = await openCorpusList(page, baseUrl);
    await new AppHeader(page).setLanguage("vi");
    await page.getByTestId("import-tm").click();
    const dialog = page.getByTestId("import-tm-dialog");
    await dialog.getByTestId("import-tm-file").setInputFiles(BOMB);
    const alert = dialog.getByRole("alert");
    await alert.waitFor();
    const text = await alert.innerText();
    expect(text).toContain("entity-bomb.tmx");
    expect(text).toMatch(/an toàn|thực thể/);
    expect(await dialog.getByTestId("import-tm-apply").isDisabled()).toBe(true);
    await page.keyboard.press("Escape");
    expect(await list.rows.count()).toBe(2);
  });

  test("translations import into an open document from a TMX, as one undoable step", async ({
    page,
    baseUrl,
  }) => {
    const list = await openCorpusList(page, baseUrl);
    const title = (await list.titles())[0]!;
    const grid = await list.open(title);
    const source0 = (await grid.source(0).textContent()) ?? "";
    const source1 = (await grid.source(1).textContent()) ?? "";
    const tmx = `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="id-ID" datatype="plaintext"/>
<body>
<tu><tuv xml:lang="id-ID"><seg>${source0.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</seg></tuv><tuv xml:lang="vi-VN"><seg>Câu một từ bộ nhớ.</seg></tuv></tu>
<tu><tuv xml:lang="id-ID"><seg>${source1.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</seg></tuv><tuv xml:lang="EN-us"><seg>Sentence two from memory.</seg></tuv></tu>
<tu><tuv xml:lang="id-ID"><seg>Kalimat yang tidak ada.</seg></tuv><tuv xml:lang="vi-VN"><seg>Không khớp.</seg></tuv></tu>
</body></tmx>`;
    await page.getByTestId("import-into-doc").click();
    const dialog = page.getByTestId("import-into-doc-dialog");
    await dialog
      .getByTestId("import-into-doc-file")
      .setInputFiles({ name: "memory.tmx", mimeType: "application/xml", buffer: Buffer.from(tmx) });
    const plan = dialog.getByTestId("import-into-doc-plan");
    await plan.waitFor();
    expect(await plan.innerText()).toMatch(/2 .*2 .*0 .*0 .*1 /s);
    await dialog.getByTestId("import-into-doc-apply").click();
    await dialog.waitFor({ state: "detached" });
    await expect.poll(() => grid.target("vi", 0).inputValue()).toBe("Câu một từ bộ nhớ.");
    await expect.poll(() => grid.target("en", 1).inputValue()).toBe("Sentence two from memory.");
    await page.getByTestId("undo").click();
    await expect.poll(() => grid.target("vi", 0).inputValue()).toBe("");
  });

  test("XLIFF, TSV and CSV exports download with the typed text", async ({ page, baseUrl }) => {
    const list = await openCorpusList(page, baseUrl);
    const grid: GridPage = await list.open((await list.titles())[0]!);
    await grid.typeInto("en", 0, "Typed & exported <ok>");
    await grid.waitForSaved();
    for (const format of ["xliff2", "tsv", "csv"] as const) {
      const dialog = await grid.openExport();
      await page.getByTestId("export-format").selectOption(format);
      if (format === "xliff2") {
        // One file per target language; keep English only so one download comes.
        await dialog.root.getByRole("checkbox", { name: /vietnamese/i }).uncheck();
      }
      const file = await dialog.download();
      const text = readFileSync(file.path, "utf8");
      expect(text).toContain(
        format === "xliff2" ? "Typed &amp; exported &lt;ok&gt;" : "Typed & exported <ok>",
      );
      if (format !== "xliff2") expect(text.charCodeAt(0)).toBe(0xfeff);
      await page.keyboard.press("Escape");
    }
  });

  test("a TMX goes into the project memory and pre-translates a document from there", async ({
    page,
    baseUrl,
  }) => {
    const list = await openCorpusList(page, baseUrl);
    const title = (await list.titles())[0]!;
    const grid = await list.open(title);
    const source0 = ((await grid.source(0).textContent()) ?? "")
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;");
    await grid.backToList();
    const tmx = `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="id" datatype="plaintext"/>
<body><tu><tuv xml:lang="id"><seg>${source0}</seg></tuv><tuv xml:lang="vi"><seg>Từ bộ nhớ dự án.</seg></tuv></tu></body></tmx>`;
    await page.getByTestId("import-tm").click();
    const dialog = page.getByTestId("import-tm-dialog");
    await dialog.getByTestId("import-tm-file").setInputFiles({
      name: "project.tmx",
      mimeType: "application/xml",
      buffer: Buffer.from(tmx),
    });
    await dialog.getByTestId("import-tm-file-report").waitFor();
    await dialog.getByTestId("import-tm-to-memory").check();
    await dialog.getByTestId("import-tm-apply").click();
    await dialog.getByRole("status").filter({ hasText: /1/ }).waitFor();
    await page.keyboard.press("Escape");
    await page.getByTestId("memory-size").waitFor();
    expect(await list.rows.count()).toBe(2);

    const again = await list.open(title);
    await page.getByTestId("import-into-doc").click();
    const into = page.getByTestId("import-into-doc-dialog");
    await into.getByTestId("import-into-doc-from-memory").check();
    await into.getByTestId("import-into-doc-plan").waitFor();
    await into.getByTestId("import-into-doc-apply").click();
    await into.waitFor({ state: "detached" });
    await expect.poll(() => again.target("vi", 0).inputValue()).toBe("Từ bộ nhớ dự án.");
  });
});
