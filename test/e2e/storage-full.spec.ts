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
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
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

/** The site's stores in a Chromium profile (not the browser's own files: sessions, caches of code). */
const SITE_STORES = ["IndexedDB", "File System", "WebStorage", "Service Worker", "Local Storage"];

/** Every file of the site's stores with its size and time of change. */
function storeFiles(profile: string): string {
  const out: string[] = [];
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      try {
        const st = statSync(path);
        if (st.isDirectory()) walk(path);
        else out.push(`${path}:${st.size}:${st.mtimeMs}`);
      } catch {
        // Deleted while listed: the next listing differs anyway.
      }
    }
  };
  for (const store of SITE_STORES) walk(join(profile, "Default", store));
  return out.sort().join("\n");
}

/**
 * Waits until the browser has written nothing to the site's stores for `quietMs`; the disk is
 * filled only then. Measured on Chromium 156 (the profile's files listed every 3 ms): a disk that
 * ran full while the browser was writing for the site (a probe file of the space guard, the
 * service worker's cache) was followed within ~10–20 ms by the browser deleting every store of
 * the site (IndexedDB, the origin file system, the caches; "Platform Notifications" created anew,
 * as a deletion of the whole bucket does), with no write of the page in between and even with
 * persistent storage granted. That was 2 of 5 runs filled right after "Saved" (7 of 10 with
 * persistent storage), and none of 24 runs filled once the stores were quiet, nor of 8 left idle
 * 3 s on the full disk. No page code can see or stop that deletion, so the test fills an idle
 * disk and checks what the app does from there (what issue 14 item 1 asks).
 */
async function waitForQuietStores(profile: string, quietMs = 300, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  let last = storeFiles(profile);
  let since = Date.now();
  while (Date.now() - since < quietMs) {
    if (Date.now() > deadline)
      throw new Error(`the site's stores were still written after ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const now = storeFiles(profile);
    if (now !== last) {
      last = now;
      since = Date.now();
    }
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

      await waitForQuietStores(join(disk, "profile"));
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
