/**
 * The app opens with the server unreachable (issue 10 item 5): the service worker precaches the
 * built app; and a new version is offered in a banner, never forced (the page is not reloaded
 * until the user chooses Update).
 */
import { createServer, type Server } from "node:http";
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, appendFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, test } from "./setup.ts";
import { repoRoot, serveDist } from "./lib/browser-env.ts";
import { openCorpusList } from "./pages/document-list-page.ts";

async function controlled(page: Page): Promise<boolean> {
  return page.evaluate(() => navigator.serviceWorker.controller !== null);
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".map": "application/json",
  ".txt": "text/plain; charset=utf-8",
};

/** A plain static server over a copy of dist/ that the test may change (a "new version"). */
async function serveCopy(): Promise<{ baseUrl: string; dir: string; close: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), "selaras-sw-"));
  cpSync(join(repoRoot, "dist"), dir, { recursive: true });
  const server: Server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
    let file = join(dir, path === "/" ? "index.html" : path);
    if (!file.startsWith(dir)) file = join(dir, "index.html");
    try {
      if (!statSync(file).isFile()) throw new Error("not a file");
    } catch {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      "Content-Type": TYPES[extname(file)] ?? "application/octet-stream",
      "Cache-Control": "no-cache",
    });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no TCP address");
  return {
    baseUrl: `http://127.0.0.1:${address.port}/`,
    dir,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe("service worker", () => {
  test("with the server gone, a reload opens the app from the precache and lists the documents", async ({
    page,
    problems,
  }) => {
    const server = await serveDist();
    let closed = false;
    try {
      const list = await openCorpusList(page, server.baseUrl);
      await expect.poll(() => controlled(page), { timeout: 30_000 }).toBe(true);
      await server.close();
      closed = true;
      // The server is really gone: a request past the worker fails.
      const direct = await page.evaluate(async (url) => {
        try {
          await fetch(`${url}api/health`, { cache: "no-store" });
          return "answered";
        } catch {
          return "unreachable";
        }
      }, server.baseUrl);
      expect(direct).toBe("unreachable");
      problems.allow(/Failed to load resource|ERR_CONNECTION_REFUSED/);
      await page.reload();
      await list.list.waitFor({ timeout: 20_000 });
      await list.waitForDocuments(2);
      expect(await controlled(page)).toBe(true);
      await page.screenshot({ path: "/tmp/h-offline-start.png" });
    } finally {
      if (!closed) await server.close();
    }
  });

  test("a new version is offered in a banner and waits; Update reloads into it", async ({
    page,
    problems,
  }) => {
    // A plain static host is no Selaras server: its 404 for the health check is how the app
    // learns it works locally only.
    problems.allow(/status of 404 .*\/api\/health\)$/);
    const server = await serveCopy();
    try {
      await openCorpusList(page, server.baseUrl);
      await expect.poll(() => controlled(page), { timeout: 30_000 }).toBe(true);
      expect(await page.getByTestId("update-banner").count()).toBe(0);
      const first = await page.evaluate(() => navigator.serviceWorker.controller!.scriptURL);
      await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));

      // A new build on the server: the worker script changed.
      appendFileSync(join(server.dir, "sw.js"), "\n// next version\n");
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
      const banner = page.getByTestId("update-banner");
      await banner.waitFor({ timeout: 30_000 });
      await expect.poll(() => banner.getByRole("status").innerText()).toMatch(/new version/i);

      // Offered, not forced: no reload, the new worker waits, the old one still controls.
      expect(
        await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere),
      ).toBe(true);
      expect(
        await page.evaluate(async () => {
          const r = await navigator.serviceWorker.getRegistration();
          return r?.waiting !== null && r?.waiting !== undefined;
        }),
      ).toBe(true);
      await page.screenshot({ path: "/tmp/h-update-banner.png" });

      // "Later" hides it without reloading.
      await banner.getByTestId("update-later").click();
      await banner.waitFor({ state: "detached" });
      expect(
        await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere),
      ).toBe(true);

      // After a reload (the old worker still controls) it is offered again; Update switches.
      await page.reload();
      await banner.waitFor({ timeout: 30_000 });
      await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
      await banner.getByTestId("update-apply").click();
      await expect
        .poll(
          () =>
            page
              .evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere ?? false)
              .catch(() => true),
          { timeout: 30_000 },
        )
        .toBe(false);
      await page.getByTestId("doc-list").waitFor();
      await expect
        .poll(() =>
          page.evaluate(async () => {
            const r = await navigator.serviceWorker.getRegistration();
            return r?.waiting ?? null;
          }),
        )
        .toBe(null);
      expect(await controlled(page)).toBe(true);
      expect(first).toMatch(/sw\.js$/);
      expect(await page.getByTestId("update-banner").count()).toBe(0);
    } finally {
      await server.close();
    }
  });
});
