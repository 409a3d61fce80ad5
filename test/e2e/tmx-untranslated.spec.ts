/**
 * Issue 13 item 8 in the real browser: a TMX export leaves out units that have no target in the
 * exported languages (a source alone is not translation memory), the export dialog says how many,
 * "Include untranslated segments" writes them; every file validates against the TMX 1.4b DTD and
 * translate-toolkit reads it.
 */
import { readWithTranslateToolkit } from "../helpers/xml-validators.ts";
import { checkTmxFile, tmxSegTexts } from "./lib/tmx-check.ts";
import { openCorpusList } from "./pages/document-list-page.ts";
import { describe, expect, test } from "./setup.ts";

describe("TMX export without untranslated units", () => {
  test("leaves out source-only units and says how many; the option writes them", async ({
    page,
    baseUrl,
  }) => {
    const list = await openCorpusList(page, baseUrl);
    const grid = await list.open((await list.titles())[0]!);
    const rows = await grid.segmentCount();
    expect(rows).toBeGreaterThan(3);
    await grid.typeInto("vi", 0, "Câu thứ nhất.");
    await grid.typeInto("en", 1, "The second sentence.");
    await grid.waitForSaved();

    const dialog = await grid.openExport();
    await dialog.chooseFormat("tmx");
    await dialog.chooseScope("document");
    const count = dialog.root.getByTestId("export-untranslated-count");
    await expect
      .poll(() => count.innerText())
      .toBe(
        `${rows - 2} units have no translation in Vietnamese, English: they are left out of the file.`,
      );
    const both = await dialog.download();
    await dialog.root.waitFor({ state: "detached" });
    expect(checkTmxFile(both.path).tuCount).toBe(2);
    expect(tmxSegTexts(both.path, "vi")).toEqual(["Câu thứ nhất."]);
    expect(tmxSegTexts(both.path, "en")).toEqual(["The second sentence."]);

    // An id–en file: only the one English unit, the dialog counting the rest per language.
    const again = await grid.openExport();
    await again.chooseFormat("tmx");
    await again.chooseScope("document");
    await again.root.getByRole("checkbox", { name: "Vietnamese" }).uncheck();
    await expect
      .poll(() => again.root.getByTestId("export-untranslated-count").innerText())
      .toBe(`${rows - 1} units have no translation in English: they are left out of the file.`);
    const english = await again.download();
    await again.root.waitFor({ state: "detached" });
    expect(checkTmxFile(english.path).tuCount).toBe(1);

    const withAll = await grid.openExport();
    await withAll.chooseFormat("tmx");
    await withAll.chooseScope("document");
    await withAll.root.getByTestId("export-untranslated").check();
    await expect
      .poll(() => withAll.root.getByTestId("export-untranslated-count").innerText())
      .toBe(
        `${rows - 2} units have no translation in Vietnamese, English: they are written with their source only.`,
      );
    const all = await withAll.download();
    await withAll.root.waitFor({ state: "detached" });
    expect(checkTmxFile(all.path).tuCount).toBe(rows);

    const [readBoth, readEnglish, readAll] = readWithTranslateToolkit([
      both.path,
      english.path,
      all.path,
    ]);
    expect(readBoth!.map((u) => Object.keys(u.texts).sort())).toEqual([
      ["id", "vi"],
      ["en", "id"],
    ]);
    expect(readEnglish!.map((u) => u.texts["en"])).toEqual(["The second sentence."]);
    expect(readAll).toHaveLength(rows);
  });
});
