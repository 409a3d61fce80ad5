/**
 * The project glossary in a team (issue 15), in Chromium on the server `npm start` runs, with two
 * browser contexts as two people: Lan (owner) adds a term from the glossary panel and Rina
 * (reviewer) sees it in her glossary panel; Lan's Ctrl+Z takes it back and it is gone for Rina too;
 * Ctrl+Y brings it back; Rina corrects its Vietnamese term and Lan sees the correction.
 *
 * This spec runs its own server (its own PGlite).
 */
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { pollUntil } from "./lib/poll.ts";
import { openApp, profile, rowOf, signUp } from "./lib/team-members.ts";
import { startSelarasServer, type SelarasServer } from "./lib/selaras-server.ts";
import { DocumentListPage } from "./pages/document-list-page.ts";
import { GridPage } from "./pages/grid-page.ts";
import { describe, expect, test } from "./setup.ts";

const LIVE_MS = 15_000;

let server: SelarasServer;

beforeAll(async () => {
  server = await startSelarasServer();
}, 90_000);

afterAll(async () => {
  await server?.close();
});

/** The texts of the glossary panel's hits for the focused row ("" when it lists none). */
async function hitsText(page: Page): Promise<string> {
  const hits = page.getByTestId("glossary-panel").getByTestId("glossary-hits");
  return (await hits.count()) > 0 ? hits.innerText() : "";
}

describe("team glossary", () => {
  test("a term one member adds reaches the other's glossary panel; its undo and redo too; a reviewer's correction comes back", async ({
    newContext,
  }) => {
    const pages: Page[] = [];
    try {
      await scenario(newContext, pages);
    } catch (error) {
      for (const [i, page] of pages.entries()) {
        await page.screenshot({ path: `/tmp/team-glossary-${i}.png` }).catch(() => undefined);
      }
      throw error;
    }
  }, 180_000);
});

async function scenario(newContext: () => Promise<BrowserContext>, pages: Page[]): Promise<void> {
  const base = server.baseUrl;
  const lanContext = await newContext();
  const lan = await openApp(lanContext, `${base}#/`);
  pages.push(lan);
  await profile(lan, "Lan", "translator");
  const lanList = new DocumentListPage(lan, base);
  await lanList.waitForDocuments(2);
  await lan.getByTestId("account-menu").click();
  await signUp(lan, "Lan");
  await expect.poll(() => lan.getByTestId("account-menu").innerText()).toContain("Lan");

  const [title] = await lanList.titles();
  const docId = await lanList.docId(title!);
  await rowOf(lan, docId).getByTestId("share-document").click();
  const share = lan.getByTestId("share-dialog");
  await share.getByTestId("share-project-new").check();
  await share.getByTestId("share-new-name").fill("Istilah bersama");
  await share.getByTestId("share-submit").click();
  await rowOf(lan, docId).getByTestId("shared-marker").waitFor({ timeout: 30_000 });
  if ((await share.getByTestId("share-close").count()) > 0) {
    await share.getByTestId("share-close").click();
  }

  await lan.getByTestId("account-menu").click();
  await lan.getByTestId("account-invite").click();
  const invite = lan.getByTestId("members-dialog");
  await invite.getByTestId("invite-role").selectOption("reviewer");
  await invite.getByTestId("invite-create").click();
  const link = await pollUntil(
    () => invite.getByTestId("invite-link").inputValue(),
    (v) => v.includes("invite="),
    { what: "the invite link" },
  );
  await invite.getByTestId("members-close").click();

  const rinaContext = await newContext();
  const rina = await openApp(rinaContext, link);
  pages.push(rina);
  await profile(rina, "Rina", "reviewer");
  const inviteDialog = rina.getByTestId("invite-dialog");
  await inviteDialog.waitFor();
  await inviteDialog.getByTestId("invite-signup").click();
  await signUp(rina, "Rina");
  await inviteDialog.getByTestId("invite-accepted").waitFor({ timeout: LIVE_MS });
  await inviteDialog.getByTestId("invite-close").click();
  const rinaList = new DocumentListPage(rina, base);
  await rinaList.goto();
  await rowOf(rina, docId).getByTestId("shared-marker").waitFor({ timeout: LIVE_MS });

  const lanGrid = new GridPage(lan, base);
  await lanGrid.goto(docId);
  const rinaGrid = new GridPage(rina, base);
  await rinaGrid.goto(docId);

  // A word of row 1's source becomes a term: Lan adds it from the glossary panel.
  const source = await lanGrid.source(0).innerText();
  const word = source
    .split(/[^\p{L}]+/u)
    .filter((w) => w.length >= 5)
    .at(0)!;
  expect(word).toBeTruthy();
  const term = "thuật ngữ chung";
  await lanGrid.target("vi", 0).click();
  const lanPanel = lan.getByTestId("glossary-panel");
  await lanPanel.getByTestId("glossary-add").click();
  const dialog = lan.getByTestId("glossary-add-dialog");
  await dialog.getByTestId("glossary-add-id").fill(word);
  await dialog.getByTestId("glossary-add-vi").fill(term);
  await dialog.getByTestId("glossary-add-save").click();
  await dialog.waitFor({ state: "detached" });
  await expect.poll(() => hitsText(lan)).toContain(term);

  // Rina sees it in her glossary panel for the same row.
  await rinaGrid.target("vi", 0).click();
  await expect.poll(() => hitsText(rina), { timeout: LIVE_MS }).toContain(term);
  expect(await hitsText(rina)).toContain(word);

  // Lan's Ctrl+Z (the focus is back in her cell) takes it back: gone for Rina too.
  await expect
    .poll(() => lan.evaluate(() => document.activeElement?.getAttribute("data-testid")))
    .toBe("target-vi-0");
  await lan.keyboard.press("Control+z");
  await expect.poll(() => hitsText(lan)).toBe("");
  await expect.poll(() => hitsText(rina), { timeout: LIVE_MS }).toBe("");
  // Ctrl+Y brings it back for both.
  await lan.keyboard.press("Control+y");
  await expect.poll(() => hitsText(lan)).toContain(term);
  await expect.poll(() => hitsText(rina), { timeout: LIVE_MS }).toContain(term);

  // Rina, a reviewer, corrects the Vietnamese term; Lan sees the correction.
  const rinaPanel = rina.getByTestId("glossary-panel");
  await rinaPanel.getByTestId("glossary-edit-1").click();
  const edit = rina.getByTestId("glossary-edit-dialog");
  await edit.getByTestId("glossary-add-vi").fill("thuật ngữ đã sửa");
  await edit.getByTestId("glossary-add-save").click();
  await edit.waitFor({ state: "detached" });
  await expect.poll(() => hitsText(lan), { timeout: LIVE_MS }).toContain("thuật ngữ đã sửa");
}
