/**
 * File hand-off in Chromium (issue 13 item 4): the translator exports JSON or TMX, goes on working,
 * and imports the reviewer's file edited elsewhere: merged cell by cell, conflicts marked and
 * filterable, decided in the conflict view, the merge one undo step.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { readTranslation } from "./lib/idb.ts";
import { openCorpusList } from "./pages/document-list-page.ts";
import { describe, expect, test } from "./setup.ts";

const VI0 = "Bản dịch đầu tiên của Lan.";
const EN1 = "The first English draft.";
const VI0_LOCAL = "Bản dịch đầu tiên của Lan, đã sửa.";
const VI0_REVIEWER = "Bản dịch đầu tiên do Rina duyệt.";
const EN1_REVIEWER = "The English text, reviewed.";
const REASON = 'Wrong term: "summit" <not> "meeting" & co.';

async function stored(page: Page, segmentId: string, lang: "vi" | "en") {
  return (await readTranslation(page, segmentId, lang))?.text;
}

/** The reviewer's edits, made to the exported file elsewhere (another Selaras or a text editor). */
function reviewJson(path: string, docId: string, seg0: string, seg1: string): string {
  const file = JSON.parse(readFileSync(path, "utf8")) as {
    documents: {
      id: string;
      segments: {
        id: string;
        targets: Record<string, Record<string, unknown>>;
        comments?: Record<string, unknown[]>;
      }[];
    }[];
  };
  const doc = file.documents.find((d) => d.id === docId)!;
  const at = new Date(Date.now() + 60_000).toISOString();
  const s0 = doc.segments.find((s) => s.id === seg0)!;
  const s1 = doc.segments.find((s) => s.id === seg1)!;
  s0.targets["vi"] = { text: VI0_REVIEWER, status: "approved", changedBy: "Rina", changedAt: at };
  s1.targets["en"] = { text: EN1_REVIEWER, status: "rejected", changedBy: "Rina", changedAt: at };
  s1.comments = { en: [{ id: "c-rina-1", author: "Rina", at, text: REASON, open: true }] };
  const out = join(mkdtempSync(join(tmpdir(), "selaras-handoff-")), "reviewed.json");
  writeFileSync(out, JSON.stringify(file, null, 2));
  return out;
}

describe("file hand-off", () => {
  test("a reviewer's JSON merges cell by cell: conflicts marked and filterable, one undo step, decided in the conflict view", async ({
    page,
    baseUrl,
  }) => {
    const list = await openCorpusList(page, baseUrl);
    const [title] = await list.titles();
    const docId = await list.docId(title!);
    const grid = await list.open(title!);
    await grid.typeInto("vi", 0, VI0);
    await grid.typeInto("en", 1, EN1);
    await grid.waitForSaved();
    const seg0 = await grid.segmentId(0);
    const seg1 = await grid.segmentId(1);
    await expect.poll(() => stored(page, seg1, "en")).toBe(EN1);

    await list.goto();
    const exported = await (await list.openExportAll()).exportAs("json", "all");
    const reviewed = reviewJson(exported.path, docId, seg0, seg1);

    // Meanwhile the translator changes row 1 (Vietnamese), which the reviewer changed too.
    await grid.goto(docId);
    await grid.target("vi", 0).fill("");
    await grid.typeInto("vi", 0, VI0_LOCAL);
    await grid.waitForSaved();
    await expect.poll(() => stored(page, seg0, "vi")).toBe(VI0_LOCAL);

    await list.goto();
    const { plan, done } = await list.importTm(reviewed, "merge");
    expect(plan).toMatch(/1 from the file, 1 in conflict/);
    expect(done).toMatch(/1 merged, .*1 cell is in conflict/);

    await grid.goto(docId);
    // Row 1 (vi): both changed → the local text stays, marked as a conflict.
    await expect.poll(() => grid.target("vi", 0).inputValue()).toBe(VI0_LOCAL);
    const marker = page.getByTestId("conflict-vi-0");
    await marker.waitFor();
    expect(await marker.getAttribute("aria-label")).toMatch(/Conflict: 1 competing version/);
    // Row 2 (en): only the reviewer changed it → the reviewer's text, status and reason.
    await expect.poll(() => grid.target("en", 1).inputValue()).toBe(EN1_REVIEWER);
    expect(await grid.statusOf("en", 1)).toBe("rejected");
    await page.getByTestId("comments-en-1").waitFor();

    // The Conflict state in the status filter keeps only that row.
    await page.getByTestId("filter-status-vi").selectOption("conflict");
    await expect.poll(() => page.locator('[data-testid^="target-vi-"]').count()).toBe(1);
    await page.getByTestId("filter-status-vi").selectOption("");
    await expect.poll(() => page.locator('[data-testid^="target-vi-"]').count()).toBeGreaterThan(1);

    // The merge is one undo step: Ctrl+Z takes back both cells; Ctrl+Y redoes it.
    await grid.target("vi", 2).click();
    await page.keyboard.press("Control+z");
    await expect.poll(() => grid.target("en", 1).inputValue()).toBe(EN1);
    await expect.poll(() => page.getByTestId("conflict-vi-0").count()).toBe(0);
    await expect.poll(() => grid.target("vi", 0).inputValue()).toBe(VI0_LOCAL);
    await page.keyboard.press("Control+y");
    await expect.poll(() => grid.target("en", 1).inputValue()).toBe(EN1_REVIEWER);
    await page.getByTestId("conflict-vi-0").waitFor();

    // Ctrl+Shift+K in the cell opens the conflict view: the current text, the reviewer's with a diff.
    await grid.target("vi", 0).click();
    await page.keyboard.press("Control+Shift+K");
    const dialog = page.getByTestId("conflict-dialog");
    await dialog.waitFor();
    expect(await dialog.getByTestId("conflict-current-text").innerText()).toBe(VI0_LOCAL);
    expect(await dialog.getByTestId("conflict-diff").locator("ins").allInnerTexts()).toContain(
      "Rina",
    );
    expect(await dialog.getByTestId("conflict-version").innerText()).toMatch(
      /from an imported file · by Rina/,
    );
    // Screenshots of the conflict view for review by eye (the rest of the page is inert behind it).
    const setLanguage = (lang: string) =>
      page.getByTestId("ui-language").evaluate((el, v) => {
        (el as HTMLSelectElement).value = v;
        el.dispatchEvent(new Event("change", { bubbles: true }));
      }, lang);
    for (const lang of ["en", "vi", "id"] as const) {
      await setLanguage(lang);
      for (const [w, h] of [
        [1280, 720],
        [1400, 900],
      ] as const) {
        await page.setViewportSize({ width: w, height: h });
        await page.screenshot({ path: `/tmp/h4-shots/conflict-${lang}-${w}x${h}.png` });
      }
    }
    await setLanguage("en");
    await dialog.getByTestId("conflict-keep-version").click();
    await dialog.waitFor({ state: "detached" });
    await expect.poll(() => grid.target("vi", 0).inputValue()).toBe(VI0_REVIEWER);
    await expect.poll(() => page.getByTestId("conflict-vi-0").count()).toBe(0);
    await expect.poll(() => stored(page, seg0, "vi")).toBe(VI0_REVIEWER);
    // Deciding is undoable too: the conflict comes back.
    await grid.target("vi", 2).click();
    await page.keyboard.press("Control+z");
    await page.getByTestId("conflict-vi-0").waitFor();
    await expect.poll(() => grid.target("vi", 0).inputValue()).toBe(VI0_LOCAL);
  });
});

describe("file hand-off through TMX", () => {
  test("a reviewer's TMX edited in a text editor merges: the untouched cell takes the file's text, the cell both changed is a conflict with the reviewer's note as a comment", async ({
    page,
    baseUrl,
  }) => {
    const list = await openCorpusList(page, baseUrl);
    const [title] = await list.titles();
    const docId = await list.docId(title!);
    const grid = await list.open(title!);
    await grid.typeInto("vi", 0, VI0);
    await grid.typeInto("en", 1, EN1);
    await grid.waitForSaved();
    const seg1 = await grid.segmentId(1);
    await expect.poll(() => stored(page, seg1, "en")).toBe(EN1);

    await list.goto();
    const exported = await (await list.openExportAll()).exportAs("tmx", "all");
    const tmx = readFileSync(exported.path, "utf8");
    expect(tmx).toContain(`<seg>${VI0}</seg>`);
    // The reviewer edits the texts in a text editor and writes a note Selaras reads as a comment.
    const note = `<note>[selaras-comment {"id":"c-rina-tmx","lang":"vi","author":"Rina","at":"2026-12-01T10:00:00.000Z","open":true}] ${REASON.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")}</note>`;
    const edited = tmx
      .replace(`<seg>${VI0}</seg>`, `<seg>${VI0_REVIEWER}</seg>`)
      .replace(`<seg>${EN1}</seg>`, `<seg>${EN1_REVIEWER}</seg>`)
      .replace(/(<tu\b[^>]*>)/, `$1\n    ${note}`);
    const out = join(mkdtempSync(join(tmpdir(), "selaras-handoff-")), "reviewed.tmx");
    writeFileSync(out, edited);

    await grid.goto(docId);
    await grid.target("vi", 0).fill("");
    await grid.typeInto("vi", 0, VI0_LOCAL);
    await grid.waitForSaved();

    await list.goto();
    const { plan } = await list.importTm(out, "merge");
    expect(plan).toMatch(/1 from the file, 1 in conflict/);
    await grid.goto(docId);
    await expect.poll(() => grid.target("vi", 0).inputValue()).toBe(VI0_LOCAL);
    await page.getByTestId("conflict-vi-0").waitFor();
    await expect.poll(() => grid.target("en", 1).inputValue()).toBe(EN1_REVIEWER);
    await page.getByTestId("comments-vi-0").waitFor();
    await page.getByTestId("conflict-vi-0").click();
    const dialog = page.getByTestId("conflict-dialog");
    await dialog.getByTestId("conflict-keep-current").click();
    await dialog.waitFor({ state: "detached" });
    await expect.poll(() => page.getByTestId("conflict-vi-0").count()).toBe(0);
    expect(await grid.target("vi", 0).inputValue()).toBe(VI0_LOCAL);
  });
});
