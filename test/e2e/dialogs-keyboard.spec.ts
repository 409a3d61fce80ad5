/**
 * Dialogs and the side panel by keyboard (issue 13 item 13): dialogs open on their first field (not
 * on ×), Esc closes the side panel and returns to the cell, Ctrl+Enter sends a comment, and the
 * app's own confirmation dialog replaces window.confirm.
 */
import type { Page } from "playwright-core";
import { openCorpusList } from "./pages/document-list-page.ts";
import { describe, expect, test } from "./setup.ts";

/** What has focus: its test id, tag, and whether it is a dialog's close button. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    return {
      testId: el?.getAttribute("data-testid") ?? null,
      tag: el?.tagName.toLowerCase() ?? null,
      inDialog: !!el?.closest("dialog"),
      isClose: !!el?.closest(".dialog-head"),
    };
  });
}

describe("dialogs and panels by keyboard", () => {
  test("dialogs open on their first field, not on ×", async ({ page, baseUrl }) => {
    const list = await openCorpusList(page, baseUrl);
    await list.addButton.click();
    await expect.poll(() => focused(page)).toMatchObject({ inDialog: true, isClose: false });
    expect((await focused(page)).tag).toMatch(/^(input|select|textarea)$/);
    await page.keyboard.press("Escape");

    const [title] = await list.titles();
    const grid = await list.open(title!);
    for (const open of ["replace-open", "export-open", "import-into-doc"]) {
      await grid.root.getByTestId(open).click();
      await expect.poll(() => focused(page)).toMatchObject({ inDialog: true, isClose: false });
      expect((await focused(page)).tag, open).toMatch(/^(input|select|textarea)$/);
      await page.keyboard.press("Escape");
      await expect.poll(() => page.locator("dialog[open]").count()).toBe(0);
    }
  });

  test("Ctrl+Enter sends a comment, Esc closes the side panel and returns to the cell", async ({
    page,
    baseUrl,
  }) => {
    const list = await openCorpusList(page, baseUrl);
    const [title] = await list.titles();
    const grid = await list.open(title!);
    await grid.typeInto("vi", 1, "Hai.");
    await page.keyboard.press("Control+Shift+C");
    const panel = page.getByTestId("comments-panel");
    await panel.getByTestId("comment-text").click();
    await page.keyboard.type("Kiểm tra thuật ngữ.");
    await page.keyboard.press("Control+Enter");
    await expect.poll(() => panel.locator(".comment-list li").count()).toBe(1);
    expect(await panel.getByTestId("comment-text").inputValue()).toBe("");
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.screenshot({ path: "/tmp/h-side-panel.png" });

    await page.keyboard.press("Escape");
    await expect.poll(() => page.getByTestId("side-panel").count()).toBe(0);
    await expect.poll(async () => (await focused(page)).testId).toBe("target-vi-1");
  });

  test("confirmations are the app's dialog, not window.confirm", async ({ page, baseUrl }) => {
    const native: string[] = [];
    page.on("dialog", (d) => {
      native.push(d.message());
      void d.dismiss();
    });
    const list = await openCorpusList(page, baseUrl);
    const [first, second] = await list.titles();
    const grid = await list.open(first!);

    // Re-segment asks first; Esc answers no.
    await grid.root.getByTestId("resegment").click();
    const confirm = page.getByTestId("confirm-dialog");
    await confirm.waitFor();
    expect(await confirm.getByTestId("confirm-message").innerText()).toMatch(/Re-segment/);
    await expect.poll(async () => (await focused(page)).testId).toBe("confirm-ok");
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.screenshot({ path: "/tmp/h-confirm.png" });
    await page.keyboard.press("Escape");
    await confirm.waitFor({ state: "detached" });
    await grid.root.getByTestId("resegment").click();
    await confirm.getByTestId("confirm-ok").click();
    await page.getByTestId("grid-notice").waitFor();

    // Deleting a document: Cancel keeps it, Delete removes it.
    await grid.backToList();
    await list.waitForDocuments(2);
    const del = list.row(second!).getByRole("button", { name: /delete/i });
    await del.click();
    await confirm.getByTestId("confirm-cancel").click();
    await confirm.waitFor({ state: "detached" });
    expect(await list.titles()).toHaveLength(2);
    await del.click();
    await confirm.getByTestId("confirm-ok").click();
    await list.waitForDocuments(1);
    expect(native).toEqual([]);
  });
});
