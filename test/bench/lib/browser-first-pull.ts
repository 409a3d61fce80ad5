/**
 * First pull of a shared project into a fresh browser (issue 10, "Measured"): a member signs in
 * through the app's own dialog in a new Chromium profile, and the time is taken from the sign-in
 * until every segment of the shared document is in that browser's IndexedDB, and until the
 * document opens in the grid with its rows painted.
 */
import { chromium } from "playwright-core";
import type { Page } from "playwright-core";
import { chromiumArgs, findChromium } from "../../e2e/lib/browser-env.ts";
import { appDbName } from "../../e2e/lib/idb.ts";

export interface BrowserFirstPull {
  /** Sign-in submitted → every segment of the document stored in IndexedDB. */
  storedMs: number;
  /** Sign-in submitted → the document's grid shows its first rows. */
  openMs: number;
}

/** How many segments of `docId` this page's IndexedDB holds (raw IndexedDB, the "docId" index). */
function storedSegments(page: Page, docId: string): Promise<number> {
  return page.evaluate(
    async ({ dbName, docId }) => {
      const dbs = await indexedDB.databases();
      if (!dbs.some((d) => d.name === dbName)) return 0;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(dbName);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error ?? new Error("open failed"));
      });
      try {
        if (!db.objectStoreNames.contains("segments")) return 0;
        return await new Promise<number>((resolve, reject) => {
          const index = db
            .transaction("segments", "readonly")
            .objectStore("segments")
            .index("docId");
          const req = index.count(IDBKeyRange.only(docId));
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error ?? new Error("count failed"));
        });
      } finally {
        db.close();
      }
    },
    { dbName: appDbName, docId },
  );
}

export async function browserFirstPull(options: {
  baseUrl: string;
  login: string;
  password: string;
  docId: string;
  segments: number;
  timeoutMs: number;
}): Promise<BrowserFirstPull> {
  const { baseUrl, login, password, docId, segments, timeoutMs } = options;
  const browser = await chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: chromiumArgs,
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}#/`);
    // A fresh browser: the first-start profile, then the list (the corpus is imported locally).
    const profile = page.getByTestId("profile-dialog");
    await profile.waitFor({ timeout: 30_000 });
    await profile.getByTestId("profile-name").fill(login);
    await profile.getByTestId("profile-role-reviewer").check();
    await profile.getByTestId("profile-save").click();
    await profile.waitFor({ state: "detached" });
    await page.getByTestId("account-menu").click();
    const dialog = page.getByTestId("sign-in-dialog");
    await dialog.waitFor();
    await dialog.getByTestId("sign-in-login").fill(login);
    await dialog.getByTestId("sign-in-password").fill(password);
    const started = performance.now();
    await dialog.getByTestId("sign-in-submit").click();
    const deadline = started + timeoutMs;
    while ((await storedSegments(page, docId)) < segments) {
      if (performance.now() > deadline) {
        throw new Error(`first pull: not all ${segments} segments stored in ${timeoutMs} ms`);
      }
      await page.waitForTimeout(25);
    }
    const storedMs = performance.now() - started;
    await page.goto(`${baseUrl}#/doc/${encodeURIComponent(docId)}`);
    await page.locator('[data-testid="source-0"]').waitFor({ timeout: timeoutMs });
    const openMs = performance.now() - started;
    await context.close();
    return { storedMs, openMs };
  } finally {
    await browser.close();
  }
}
