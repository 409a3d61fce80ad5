/**
 * One durability trial (issue 14 item 4): type a word into a cell, wait `delayMs` after the last
 * keystroke, kill the browser (SIGKILL of every process), start it again on the same profile and
 * look at what the app shows in that cell. Shared by e2e kill-durability and the kill bench.
 */
import type { Page } from "playwright-core";
import { firstPage, launchKillable } from "./killable-chromium.ts";
import { noQaQuestionOnConfirm } from "./qa-settings.ts";

async function openDoc(page: Page, docUrl: string): Promise<void> {
  await page.goto(docUrl);
  // A fresh profile asks who is working first.
  const profile = page.getByTestId("profile-dialog");
  const cell = page.locator('[data-testid="target-vi-0"]');
  await Promise.race([profile.waitFor({ timeout: 30_000 }), cell.waitFor({ timeout: 30_000 })]);
  if ((await profile.count()) > 0) {
    await profile.getByTestId("profile-name").fill("Uji Coba");
    await profile.getByTestId("profile-role-translator").check();
    await profile.getByTestId("profile-save").click();
    await profile.waitFor({ state: "detached" });
  }
  await cell.waitFor({ timeout: 30_000 });
}

/** Opens the app once on the profile (first start: corpus import, profile) and returns the URL of its first document. */
export async function prepareProfile(profileDir: string, baseUrl: string): Promise<string> {
  const chromium = await launchKillable(profileDir);
  try {
    const page = await firstPage(chromium.browser);
    await page.goto(`${baseUrl}#/`);
    const profile = page.getByTestId("profile-dialog");
    await profile.waitFor({ timeout: 30_000 });
    await profile.getByTestId("profile-name").fill("Uji Coba");
    await profile.getByTestId("profile-role-translator").check();
    await profile.getByTestId("profile-save").click();
    await profile.waitFor({ state: "detached" });
    const row = page.getByTestId("doc-row").first();
    await row.waitFor({ timeout: 30_000 });
    const href = await row.locator("a").first().getAttribute("href");
    if (!href) throw new Error("no document link");
    const docUrl = new URL(href, page.url()).toString();
    await openDoc(page, docUrl);
    // The placeholder words have QA errors: Ctrl+Enter would ask first (issue 12); these trials
    // are about durability, so the project setting turns the question off.
    await noQaQuestionOnConfirm(page);
    // Let the first start's writes settle before the first kill.
    await page.waitForTimeout(500);
    await page.close();
    return docUrl;
  } finally {
    await chromium.kill();
  }
}

/**
 * True when the word typed `delayMs` before the kill is in the cell after the restart (and, with
 * `confirm`, the cell confirmed with Ctrl+Enter right after typing is Translated).
 */
export async function killTrial(
  profileDir: string,
  docUrl: string,
  row: number,
  word: string,
  delayMs: number,
  confirm = false,
): Promise<boolean> {
  let chromium = await launchKillable(profileDir);
  try {
    const page = await firstPage(chromium.browser);
    await openDoc(page, docUrl);
    const cell = page.locator(`[data-testid="target-vi-${row}"]`);
    await cell.scrollIntoViewIfNeeded();
    await cell.click();
    await page.keyboard.press("End");
    await page.keyboard.type(` ${word}`);
    if (confirm) await page.keyboard.press("Control+Enter");
    if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
    await chromium.kill();
    chromium = await launchKillable(profileDir);
    const again = await firstPage(chromium.browser);
    await openDoc(again, docUrl);
    const after = again.locator(`[data-testid="target-vi-${row}"]`);
    await after.scrollIntoViewIfNeeded();
    // The journal replay runs at start, before the grid shows; give the cell a moment all the same.
    const status = again.locator(`[data-testid="status-vi-${row}"]`);
    for (let i = 0; i < 20; i++) {
      const kept = (await after.inputValue()).includes(word);
      if (kept && (!confirm || (await status.getAttribute("data-status")) === "translated")) {
        return true;
      }
      await again.waitForTimeout(50);
    }
    return false;
  } finally {
    await chromium.kill();
  }
}
