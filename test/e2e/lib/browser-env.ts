/**
 * Shared by the e2e globalSetup and the browser benches: find a system Chromium, serve the built
 * app from dist/ with `vite preview`, and the Chromium flags that work on this machine kind.
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { preview } from "vite";
import type { PreviewServer } from "vite";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

/** Where we look for Chromium when CHROME_PATH is not set, in order. */
export const chromiumCandidates = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
];

/**
 * Flags for a headless Chromium on a closed network: without the background-networking flags
 * Chromium keeps trying (and failing) to reach Google's hosts.
 */
export const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

/** Resolves the Chromium binary: env CHROME_PATH, else the standard install paths; throws if none. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env["CHROME_PATH"];
  if (fromEnv !== undefined && fromEnv !== "") {
    if (!existsSync(fromEnv)) {
      throw new Error(`CHROME_PATH is set to "${fromEnv}", but no file exists there.`);
    }
    return fromEnv;
  }
  const found = chromiumCandidates.find((p) => existsSync(p));
  if (found === undefined) {
    throw new Error(
      "No Chromium found for the end-to-end tests. Looked at $CHROME_PATH and " +
        chromiumCandidates.join(", ") +
        ". Install one with `apt-get install -y chromium` (Debian/Ubuntu) " +
        "or set CHROME_PATH to a Chromium/Chrome binary.",
    );
  }
  return found;
}

/**
 * Starts `vite preview` of the built app on a free port; fails if the app has not been built.
 * It serves a snapshot of dist/ taken now, so a `vite build` running meanwhile (which empties
 * dist/) cannot pull files from under the tests.
 */
export async function serveDist(): Promise<{ baseUrl: string; close: () => Promise<void> }> {
  const dist = join(repoRoot, "dist");
  if (!existsSync(join(dist, "index.html"))) {
    throw new Error("dist/index.html is missing: run npm run build first (or npm run test:e2e).");
  }
  const snapshot = mkdtempSync(join(tmpdir(), "selaras-dist-"));
  cpSync(dist, snapshot, { recursive: true });
  const removeSnapshot = (): void => rmSync(snapshot, { recursive: true, force: true });
  let server: PreviewServer;
  try {
    server = await preview({
      root: repoRoot,
      configFile: join(repoRoot, "vite.config.ts"),
      logLevel: "warn",
      build: { outDir: snapshot },
      preview: { port: 0, strictPort: false, host: "127.0.0.1", open: false },
    });
  } catch (error) {
    removeSnapshot();
    throw error;
  }
  const address = server.httpServer.address();
  if (address === null || typeof address === "string") {
    await server.close();
    removeSnapshot();
    throw new Error("vite preview did not report a TCP address.");
  }
  return {
    baseUrl: `http://127.0.0.1:${address.port}/`,
    close: async () => {
      await server.close();
      removeSnapshot();
    },
  };
}
