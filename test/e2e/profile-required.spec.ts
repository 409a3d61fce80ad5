/**
 * The first-start profile is required (issue 13 item 6): Esc does not skip it (Chromium closes a
 * modal <dialog> on a second Esc unless the app keeps it), it has no close button, it says why, and
 * it closes only once a name and a role are given.
 */
import type { Page } from "playwright-core";
import { describe, expect, test } from "./setup.ts";

async function dialogOpen(page: Page): Promise<boolean> {
  const dialog = page.getByTestId("profile-dialog");
  if ((await dialog.count()) === 0) return false;
  return dialog.evaluate((el) => (el as HTMLDialogElement).open);
}

describe("first-start profile", () => {
  test("cannot be skipped with Esc, has no ×, and needs a name and a role", async ({
    page,
    baseUrl,
  }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(baseUrl);
    const dialog = page.getByTestId("profile-dialog");
    await dialog.waitFor({ timeout: 20_000 });
    await expect.poll(() => dialogOpen(page)).toBe(true);
    expect(await dialog.getByRole("button", { name: "Close" }).count()).toBe(0);

    for (let i = 0; i < 4; i++) {
      await page.keyboard.press("Escape");
      expect(await dialogOpen(page)).toBe(true);
    }
    // It says why it stays.
    await expect
      .poll(() => dialog.getByTestId("profile-required").innerText())
      .toMatch(/name and (a )?role/i);
    expect(await page.getByTestId("profile-open").count()).toBe(0);

    // A name alone is not enough: the role must be chosen.
    await dialog.getByTestId("profile-name").fill("Lan");
    await dialog.getByTestId("profile-save").click();
    expect(await dialogOpen(page)).toBe(true);
    await expect
      .poll(() => dialog.locator('[data-error-code="profile.roleMissing"]').innerText())
      .toMatch(/choose a role/i);
    await page.keyboard.press("Escape");
    await page.keyboard.press("Escape");
    expect(await dialogOpen(page)).toBe(true);
    await page.screenshot({ path: "/tmp/h-profile-required.png" });

    await dialog.getByTestId("profile-role-reviewer").check();
    await dialog.getByTestId("profile-save").click();
    await dialog.waitFor({ state: "detached" });
    await expect
      .poll(() => page.getByTestId("profile-open").getAttribute("data-role"))
      .toBe("reviewer");
  });
});
