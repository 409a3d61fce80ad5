/**
 * The review workflow end to end (issue 5): a translator confirms three segments, a reviewer rejects
 * one with a comment and approves two, the translator fixes the rejected one, the reviewer approves
 * it, and an "approved only" TMX export holds exactly those segments with the right statuses and
 * authors. Then the history panel shows the changes and undo survives a reload.
 */
import { execFileSync } from "node:child_process";
import type { Page } from "playwright-core";
import { checkTmxFile, tmxSegTexts } from "./lib/tmx-check.ts";
import { openCorpusList } from "./pages/document-list-page.ts";
import type { GridPage } from "./pages/grid-page.ts";
import { describe, expect, test } from "./setup.ts";

async function switchProfile(page: Page, name: string, role: "translator" | "reviewer") {
  await page.getByTestId("profile-open").click();
  const dialog = page.getByTestId("profile-dialog");
  await dialog.getByTestId("profile-name").fill(name);
  await dialog.getByTestId(`profile-role-${role}`).check();
  await dialog.getByTestId("profile-save").click();
  await dialog.waitFor({ state: "detached" });
  await expect.poll(() => page.getByTestId("profile-open").getAttribute("data-role")).toBe(role);
}

async function confirm(grid: GridPage, k: number, text: string) {
  await grid.typeInto("vi", k, text);
  await grid.page.keyboard.press("Control+Enter");
  await expect.poll(() => grid.statusOf("vi", k)).toBe("translated");
}

const TEXTS = [
  "Chủ tịch nước Lương Cường chủ trì lễ ký Công ước.",
  "Chủ tịch nước và Tổng Thư ký sẽ phát biểu tại phiên khai mạc.",
  "Sự kiện có đại diện của gần 100 nước.",
];

describe("review workflow", () => {
  test("translate, review, fix, approve, export approved only", async ({ page, baseUrl }) => {
    const list = await openCorpusList(page, baseUrl);
    await switchProfile(page, "Lan", "translator");
    const title =
      (await list.titles()).find((t) => t.includes("Upacara")) ?? (await list.titles())[0]!;
    const grid = await list.open(title);

    for (let k = 0; k < 3; k++) await confirm(grid, k, TEXTS[k]!);

    await switchProfile(page, "Rina", "reviewer");
    // Reject segment 3 with a comment.
    await grid.target("vi", 2).click();
    await page.keyboard.press("Control+Shift+Backspace");
    const panel = page.getByTestId("comments-panel");
    await panel.getByTestId("comment-text").fill("Thiếu “và hơn 100 tổ chức quốc tế”.");
    await panel.getByTestId("comment-submit").click();
    await expect.poll(() => grid.statusOf("vi", 2)).toBe("rejected");
    // Approve segments 1 and 2 from the keyboard (Ctrl+Enter approves in reviewer mode).
    await grid.target("vi", 0).click();
    await page.keyboard.press("Control+Enter");
    await expect.poll(() => grid.statusOf("vi", 0)).toBe("approved");
    await grid.target("vi", 1).click();
    await page.keyboard.press("Control+Enter");
    await expect.poll(() => grid.statusOf("vi", 1)).toBe("approved");

    await switchProfile(page, "Lan", "translator");
    const fixed = "Sự kiện có đại diện của gần 100 nước và hơn 100 tổ chức quốc tế.";
    await grid.target("vi", 2).fill("");
    await grid.typeInto("vi", 2, fixed);
    await expect.poll(() => grid.statusOf("vi", 2)).toBe("draft");
    await page.keyboard.press("Control+Enter");
    await expect.poll(() => grid.statusOf("vi", 2)).toBe("translated");

    await switchProfile(page, "Rina", "reviewer");
    await page.getByTestId("approve-vi-2").click();
    await expect.poll(() => grid.statusOf("vi", 2)).toBe("approved");

    const dialog = await grid.openExport();
    await dialog.chooseFormat("tmx");
    await page.getByTestId("export-statuses").selectOption("approved");
    const file = await dialog.download();
    const { tuCount } = checkTmxFile(file.path);
    expect(tuCount).toBe(3);
    expect(tmxSegTexts(file.path, "vi")).toEqual([TEXTS[0], TEXTS[1], fixed]);
    expect(tmxSegTexts(file.path, "en")).toEqual([]);
    // Authors and statuses, read with xmllint's XPath (independent of our own reader).
    const xpath = (expr: string) =>
      execFileSync("xmllint", ["--nonet", "--xpath", expr, file.path], { encoding: "utf8" }).trim();
    for (let i = 1; i <= 3; i++) {
      const tuv = `(//tuv[@xml:lang="vi"])[${i}]`;
      expect(xpath(`string(${tuv}/@creationid)`)).toBe("Lan");
      expect(xpath(`string(${tuv}/@changeid)`)).toBe("Rina");
      expect(xpath(`string(${tuv}/prop[@type="x-status"])`)).toBe("approved");
    }

    // The history panel shows who did what, with the rejection and the fix.
    await grid.target("vi", 2).click();
    await page.keyboard.press("Control+Shift+H");
    const history = page.getByTestId("history-panel");
    await expect.poll(() => history.getByTestId("history-entry").count()).toBeGreaterThanOrEqual(5);
    const entries = await history.getByTestId("history-entry").allTextContents();
    expect(entries[0]).toContain("Rina");
    expect(entries.some((e) => e.includes("rejected"))).toBe(true);

    // Undo the last approval, reload: the undo is kept and redo still works.
    await page.getByTestId("undo").click();
    await expect.poll(() => grid.statusOf("vi", 2)).toBe("translated");
    await page.reload();
    await grid.waitForRows();
    await expect.poll(() => grid.statusOf("vi", 2)).toBe("translated");
    await page.getByTestId("redo").click();
    await expect.poll(() => grid.statusOf("vi", 2)).toBe("approved");
  });
});
