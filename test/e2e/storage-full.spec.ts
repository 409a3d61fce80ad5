/**
 * A really full disk (issue 14 item 1): Chromium with its profile on a small tmpfs that a filler
 * file then fills to the last byte (CDP's Storage.overrideQuotaForOrigin is not enforced on
 * IndexedDB writes by Chromium 156, and a write that really runs out of disk makes Chromium delete
 * the origin's IndexedDB: see src/db/space-guard.ts). Type while full (Not saved), reload: the app
 * must open on its documents, say the storage is full and how to free it, show the unsaved text in
 * its cell, export, delete, and store the text once there is space; nothing stored is lost.
 * Needs root (mount); skipped with a message otherwise.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Page } from "playwright-core";
import { describe, expect, test } from "./setup.ts";
import { chromiumArgs, findChromium } from "./lib/browser-env.ts";
import { DocumentListPage } from "./pages/document-list-page.ts";
import { readTranslation } from "./lib/idb.ts";
import { pollUntil } from "./lib/poll.ts";

function mountSmallDisk(): string | null {
  const dir = mkdtempSync(join(tmpdir(), "selaras-full-disk-"));
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=96m", "tmpfs", dir], { stdio: "pipe" });
    return dir;
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
}

function freeKb(dir: string): number {
  const out = execFileSync("df", ["-k", "--output=avail", dir]).toString().trim().split("\n");
  return Number(out.at(-1));
}

/** Fills the disk to the last byte with a filler file (dd stops at "No space left"). */
function fillDisk(dir: string): void {
  try {
    execFileSync("dd", ["if=/dev/zero", `of=${join(dir, "filler")}`, "bs=64k"], { stdio: "pipe" });
  } catch {
    // dd exits 1 on ENOSPC: the disk is full, as wanted.
  }
}

/** Everything the edit journals hold (each tab journals under its own `selaras.pendingEdits.<id>`). */
const journalText = (page: Page) =>
  page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith("selaras.pendingEdits"))
      .map((k) => localStorage.getItem(k) ?? "")
      .join(""),
  );

describe("storage full", () => {
  test("a reload on a full disk opens the documents, keeps the unsaved text and stores it once there is space", async ({
    baseUrl,
    skip,
  }) => {
    const disk = mountSmallDisk();
    if (disk === null) {
      skip("mounting a tmpfs needs root: the full-disk test did not run");
      return;
    }
    const context = await chromium.launchPersistentContext(join(disk, "profile"), {
      executablePath: findChromium(),
      headless: true,
      args: chromiumArgs,
      locale: "en-US",
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      const list = new DocumentListPage(page, baseUrl);
      await list.goto();
      await list.waitForDocuments(2);
      const titles = await list.titles();
      const [keep, spare] = [titles[0]!, titles[1]!];
      const grid = await list.open(keep);
      await grid.typeInto("vi", 0, "Đã lưu trước.");
      await grid.waitForSaved();
      const savedId = await grid.segmentId(0);
      const unsavedId = await grid.segmentId(1);

      fillDisk(disk);
      expect(freeKb(disk)).toBe(0);

      // Typing while full: "Not saved", the banner says the storage is full, the journal keeps it.
      await grid.typeInto("vi", 1, "Chưa lưu được.");
      await pollUntil(
        () => grid.saveStateValue(),
        (s) => s === "error",
        { what: 'save-state "error"', timeout: 20_000 },
      );
      // A refusal not taken for a full disk shows the generic banner: its words say which error.
      await page
        .getByTestId("storage-full")
        .waitFor()
        .catch(async (e: unknown) => {
          const alerts = await page.getByRole("alert").allInnerTexts();
          // What the origin file system (the space guard's probe) says of the full disk.
          const probe = await page.evaluate(async () => {
            try {
              const root = await navigator.storage.getDirectory();
              const file = await root.getFileHandle("diagnose-probe", { create: true });
              const w = await file.createWritable();
              await w.write(new Uint8Array(1 << 20));
              await w.close();
              await root.removeEntry("diagnose-probe");
              return "1 MiB written";
            } catch (error) {
              return `${(error as Error).name}: ${(error as Error).message}`;
            }
          });
          throw new Error(
            `no storage-full banner; alerts: ${JSON.stringify(alerts)}; probe: ${probe}`,
            {
              cause: e,
            },
          );
        });
      expect(await journalText(page)).toContain("Chưa lưu được.");

      // Reload (on the document): it opens, not "could not open its local database", with the
      // stored text and the unsaved one in their cells.
      await page.reload();
      await grid.waitForRows();
      const banner = page.getByTestId("storage-full");
      await banner.waitFor();
      expect(await banner.innerText()).toContain("storage for this site is full");
      expect(await page.getByTestId("storage-full-unsaved").getAttribute("data-count")).toBe("1");
      expect(await page.locator("body").innerText()).not.toContain("could not open");
      expect(await grid.target("vi", 0).inputValue()).toBe("Đã lưu trước.");
      expect(await grid.target("vi", 1).inputValue()).toBe("Chưa lưu được.");
      expect(await journalText(page)).toContain("Chưa lưu được.");

      // The list shows every document.
      await grid.backToList();
      await list.waitForDocuments(2);

      // Export works while full, and says the unsaved change is not in the file.
      const dialog = await list.openExportAll();
      expect(await page.getByTestId("export-unsaved").innerText()).toContain("1 change");
      const exported = await dialog.exportAs("json");
      expect(readFileSync(exported.path, "utf8")).toContain("Đã lưu trước.");
      await dialog.root.waitFor({ state: "detached" });

      // Deleting a document works while full.
      await list
        .row(spare)
        .getByRole("button", { name: `Delete ${spare}`, exact: true })
        .click();
      await page.getByTestId("confirm-ok").click();
      await list.waitForDocuments(1);

      // Space again: the retries (or "Try again", if still shown) store the journal's text, the
      // banner goes.
      rmSync(join(disk, "filler"));
      await page
        .getByTestId("storage-retry")
        .click({ timeout: 2_000 })
        .catch(() => undefined);
      await banner.waitFor({ state: "detached", timeout: 20_000 });
      expect(await readTranslation(page, unsavedId, "vi")).toMatchObject({
        text: "Chưa lưu được.",
      });
      expect(await readTranslation(page, savedId, "vi")).toMatchObject({ text: "Đã lưu trước." });
      await page.reload();
      await list.waitForDocuments(1);
      expect(await list.titles()).toEqual([keep]);
      expect(await journalText(page)).toBe("");
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      execFileSync("umount", [disk]);
      rmSync(disk, { recursive: true, force: true });
    }
  });
});
