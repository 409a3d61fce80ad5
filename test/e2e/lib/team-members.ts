/**
 * What the team specs do as members: set the local profile, create an account, open the app in a
 * browser context, find a document's row. Shared by team.spec.ts and team-glossary.spec.ts.
 */
import type { BrowserContext, Page } from "playwright-core";
import { pollUntil } from "./poll.ts";

/** The password every test account uses. */
export const PASSWORD = "kata sandi rahasia";

/** Sets the local profile (name and role) in the first-start dialog or the profile dialog. */
export async function profile(
  page: Page,
  name: string,
  role: "translator" | "reviewer",
): Promise<void> {
  const dialog = page.getByTestId("profile-dialog");
  const button = page.getByTestId("profile-open");
  const state = await pollUntil(
    async () => ((await dialog.count()) > 0 ? "asked" : (await button.count()) > 0 ? "known" : ""),
    (s) => s !== "",
    { timeout: 20_000, what: "the profile dialog or button" },
  );
  if (state === "known") await button.click();
  await dialog.getByTestId("profile-name").fill(name);
  await dialog.getByTestId(`profile-role-${role}`).check();
  await dialog.getByTestId("profile-save").click();
  await dialog.waitFor({ state: "detached" });
}

/** Fills the sign-in dialog as a new account. */
export async function signUp(page: Page, name: string): Promise<void> {
  const dialog = page.getByTestId("sign-in-dialog");
  await dialog.waitFor();
  if ((await dialog.getByTestId("sign-up-name").count()) === 0) {
    await dialog.getByTestId("sign-in-switch-signup").click();
  }
  await dialog.getByTestId("sign-up-name").fill(name);
  await dialog.getByTestId("sign-in-password").fill(PASSWORD);
  await dialog.getByTestId("sign-in-submit").click();
  await dialog.waitFor({ state: "detached" });
}

/** A new page of the context, at `url`. */
export async function openApp(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

/** The document list row of the document `docId`. */
export function rowOf(page: Page, docId: string) {
  return page.locator(`[data-testid="doc-row"][data-doc-id="${docId}"]`);
}
