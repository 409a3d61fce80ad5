/**
 * Vitest globalSetup of the "e2e" project: one Selaras server (as `npm start` runs it) over the built app and one headless
 * Chromium (playwright-core browser server) for the whole run. Tests get the browser's WebSocket
 * endpoint and the app's URL through `inject("wsEndpoint")` / `inject("baseUrl")`.
 */
import { chromium } from "playwright-core";
import type { TestProject } from "vitest/node";
import { chromiumArgs, findChromium } from "./lib/browser-env.ts";
import { startSelarasServer } from "./lib/selaras-server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    wsEndpoint: string;
    baseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const executablePath = findChromium();
  // The server `npm start` runs (its own PGlite in a temp folder), serving a snapshot of dist/.
  const server = await startSelarasServer();
  let browserServer;
  try {
    browserServer = await chromium.launchServer({
      executablePath,
      headless: true,
      args: chromiumArgs,
    });
  } catch (error) {
    await server.close();
    throw new Error(`Could not launch Chromium at ${executablePath}: ${String(error)}`);
  }
  project.provide("wsEndpoint", browserServer.wsEndpoint());
  project.provide("baseUrl", server.baseUrl);
  const launched = browserServer;
  return async () => {
    await launched.close();
    await server.close();
  };
}
