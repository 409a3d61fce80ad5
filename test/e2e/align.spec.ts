/**
 * The alignment workflow in the real browser (issue 4): paste the Vietnamese corpus translation,
 * align it in the worker, fix a link by moving a cell, merge two cells, undo, reload, redo, export
 * TMX and validate it.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { repoRoot } from "./lib/browser-env.ts";
import { checkTmxFile, tmxSegTexts } from "./lib/tmx-check.ts";
import { openCorpusList } from "./pages/document-list-page.ts";
import { AppHeader } from "./pages/app-header.ts";
import { describe, expect, test } from "./setup.ts";
import { segmentText } from "../../src/core/segment/segment.ts";

const NAME = "konvensi-hanoi-menteri-luong-tam-quang";
const VI = readFileSync(resolve(repoRoot, `corpus/vi/${NAME}.txt`), "utf8");
const GOLD = JSON.parse(
  readFileSync(resolve(repoRoot, `test/fixtures/align/${NAME}.vi.gold.json`), "utf8"),
) as { links: { source: number[]; target: number[] }[] };
const SENTENCES = segmentText(VI.normalize("NFC"), "vi").flatMap((p) => p.sentences);
/** The gold text of each row's cell (links in order; a 2-1 link's text sits on its first row). */
const goldText = (row: number) => {
  const link = GOLD.links.find((l) => l.source[0] === row);
  return link ? link.target.map((t) => SENTENCES[t]).join(" ") : null;
};

describe("alignment editor", () => {
  test("paste, align, move a cell, merge two cells, undo, reload, redo, export valid TMX, re-align", async ({
    page,
    baseUrl,
  }) => {
    // Tall enough for all 13 rows of the article to be rendered by the virtualized grid.
    await page.setViewportSize({ width: 1400, height: 2000 });
    const list = await openCorpusList(page, baseUrl);
    await new AppHeader(page).ensureProfile();
    const title = (await list.titles()).find((t) => /Menteri/i.test(t));
    expect(title).toBeDefined();
    const grid = await list.open(title!);
    const rows = await grid.segmentCount();
    expect(rows).toBe(13);

    // Paste the Vietnamese text and align it (the worker reports progress, then the dialog closes).
    await page.getByTestId("align-open").click();
    const dialog = page.getByRole("dialog").filter({ has: page.getByTestId("align-submit") });
    await dialog.getByTestId("align-lang-vi").check();
    await dialog.getByTestId("align-text").fill(VI);
    await dialog.getByTestId("align-submit").click();
    await expect.poll(() => dialog.count(), { timeout: 30_000 }).toBe(0);

    // The grid shows the gold alignment: every row's text, the 2-1 link over rows 4-5 as one cell.
    for (let r = 0; r < rows; r++) {
      const expected = goldText(r);
      if (expected === null) {
        await expect.poll(() => grid.target("vi", r).getAttribute("data-covered")).toBe("true");
      } else {
        await expect.poll(() => grid.target("vi", r).inputValue()).toBe(expected);
      }
    }
    const twoToOne = GOLD.links.find((l) => l.source.length === 2)!;
    await expect
      .poll(() => page.getByTestId(`span-vi-${twoToOne.source[0]}`).isVisible())
      .toBe(true);
    await expect.poll(() => grid.statusOf("vi", 0)).toBe("draft");
    await expect.poll(() => page.getByTestId("confidence-vi-0").isVisible()).toBe(true);
    await expect.poll(() => page.getByTestId("minimap-vi").isVisible()).toBe(true);
    // English is another alignment: untouched.
    await expect.poll(() => grid.target("en", 0).inputValue()).toBe("");

    // Fix a link by moving a cell: the cell of row 7 moves down, an empty cell takes row 7.
    const moved = goldText(6)!;
    const next = goldText(7)!;
    await grid.target("vi", 6).click();
    await page.keyboard.press("Control+Alt+ArrowDown");
    await expect.poll(() => grid.target("vi", 6).inputValue()).toBe("");
    await expect.poll(() => grid.target("vi", 7).inputValue()).toBe(moved);
    await expect.poll(() => grid.target("vi", 8).inputValue()).toBe(next);

    // Merge two cells, from the alignment toolbar this time: row 8's cell with row 9's. The merged
    // cell covers both rows.
    await grid.target("vi", 7).click();
    await page.getByTestId("tool-mergeCell").click();
    const merged = `${moved} ${next}`;
    await expect.poll(() => grid.target("vi", 7).inputValue()).toBe(merged);
    await expect.poll(() => grid.target("vi", 8).getAttribute("data-covered")).toBe("true");

    // Undo the merge; the undo survives a reload; redo brings the merge back.
    await page.getByTestId("undo").click();
    await expect.poll(() => grid.target("vi", 8).inputValue()).toBe(next);
    await page.reload();
    await grid.waitForRows();
    await expect.poll(() => grid.target("vi", 7).inputValue()).toBe(moved);
    await expect.poll(() => grid.target("vi", 8).inputValue()).toBe(next);
    await page.getByTestId("redo").click();
    await expect.poll(() => grid.target("vi", 7).inputValue()).toBe(merged);

    // Moving a cell down pushed the column's last cell past the last row: shown, not exported, until
    // the empty cell left at row 7 is deleted (Alt+Delete), which shifts the column back up.
    const last = SENTENCES.at(-1)!;
    await expect.poll(() => page.getByTestId("overflow-vi").innerText()).toContain(last);
    await grid.target("vi", 6).click();
    await page.keyboard.press("Alt+Delete");
    await expect.poll(() => page.getByTestId("overflow-vi").count()).toBe(0);
    await expect.poll(() => grid.target("vi", 6).inputValue()).toBe(merged);
    await expect.poll(() => grid.target("vi", rows - 1).inputValue()).toBe(last);

    // Export TMX: valid TMX 1.4b; the 2-1 link and the merged cell are one unit each.
    const exportDialog = await grid.openExport();
    const file = await exportDialog.exportAs("tmx", "document");
    const { tuCount } = checkTmxFile(file.path);
    expect(tuCount).toBe(rows - 2);
    const vi = tmxSegTexts(file.path, "vi");
    expect(vi).toContain(merged);
    expect(vi).toContain(goldText(twoToOne.source[0]!));
    expect(vi.join(" ")).toBe(SENTENCES.join(" "));

    // Confirm row 1's link, break row 3 by moving its cell down, and re-align the unconfirmed rows
    // (in the worker): the column is the gold alignment again, row 1 still confirmed.
    await grid.target("vi", 0).click();
    await page.keyboard.press("Control+Alt+L");
    await expect.poll(() => page.getByTestId("locked-vi-0").count()).toBe(1);
    await grid.target("vi", 2).click();
    await page.keyboard.press("Control+Alt+ArrowDown");
    await expect.poll(() => grid.target("vi", 2).inputValue()).toBe("");
    await page.getByTestId("realign").click();
    await expect.poll(() => page.getByTestId("grid-notice").innerText()).toMatch(/Re-aligned/);
    for (let r = 0; r < rows; r++) {
      const expected = goldText(r);
      if (expected === null) {
        await expect.poll(() => grid.target("vi", r).getAttribute("data-covered")).toBe("true");
      } else {
        await expect.poll(() => grid.target("vi", r).inputValue()).toBe(expected);
      }
    }
    await expect.poll(() => page.getByTestId("locked-vi-0").count()).toBe(1);
  });
});
