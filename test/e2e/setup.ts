/**
 * e2e helpers imported by every spec: `test` is Vitest's `test` extended with fixtures that
 * connect to the Chromium started in global-setup.ts, give each test a new browser context (fresh
 * IndexedDB and localStorage, downloads accepted, a fixed start time) and fail the test if any
 * page of that context threw (`pageerror`) or logged `console.error`.
 *
 * Waits: use `expect.poll` or `locator.waitFor`; never fixed sleeps.
 */
import { chromium } from "playwright-core";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, inject, test as base } from "vitest";

/** The instant every e2e test starts at (Playwright clock; time then flows normally). */
export const fixedStartTime = new Date("2026-03-02T09:00:00Z");

let connected: Promise<Browser> | undefined;

/** The shared browser of this test file (one WebSocket connection per worker). */
export function connectBrowser(): Promise<Browser> {
  connected ??= chromium.connect(inject("wsEndpoint"));
  return connected;
}

// Disconnect at the end of each spec file (the browser server itself lives until global teardown).
afterAll(async () => {
  const browser = connected;
  connected = undefined;
  if (browser !== undefined) await (await browser).close();
});

export interface PageProblems {
  /** Uncaught exceptions and console.error messages seen in any page of the context. */
  readonly messages: string[];
  /** Lets a test accept console errors matching the pattern (e.g. an expected failed import). */
  allow: (pattern: RegExp) => void;
}

export interface E2eFixtures {
  baseUrl: string;
  browserContext: BrowserContext;
  /** Opens another fresh context (another "browser profile"), watched and closed like the first. */
  newContext: () => Promise<BrowserContext>;
  page: Page;
  problems: PageProblems;
}

function watchPage(page: Page, record: (message: string) => void): void {
  page.on("pageerror", (error) => record(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") {
      const where = message.location().url;
      record(`console.error: ${message.text()}${where === "" ? "" : ` (${where})`}`);
    }
  });
}

async function openContext(problems: PageProblems): Promise<BrowserContext> {
  const browser = await connectBrowser();
  const context = await browser.newContext({
    acceptDownloads: true,
    locale: "en-US",
    viewport: { width: 1280, height: 900 },
  });
  await context.clock.install({ time: fixedStartTime });
  context.on("page", (page) => watchPage(page, (m) => problems.messages.push(m)));
  return context;
}

export const test = base.extend<E2eFixtures>({
  // eslint-disable-next-line no-empty-pattern
  baseUrl: async ({}, use) => {
    await use(inject("baseUrl"));
  },
  // eslint-disable-next-line no-empty-pattern
  problems: async ({}, use) => {
    const messages: string[] = [];
    // Chromium asks for /favicon.ico on its own; a 404 there is not the app's doing.
    const allowed: RegExp[] = [/status of 404 .*\/favicon\.ico\)$/];
    await use({ messages, allow: (pattern) => allowed.push(pattern) });
    const unexpected = messages.filter((m) => !allowed.some((p) => p.test(m)));
    if (unexpected.length > 0) {
      throw new Error(`The page reported errors:\n  ${unexpected.join("\n  ")}`);
    }
  },
  browserContext: async ({ problems }, use) => {
    const context = await openContext(problems);
    await use(context);
    await context.close();
  },
  newContext: async ({ problems }, use) => {
    const opened: BrowserContext[] = [];
    await use(async () => {
      const context = await openContext(problems);
      opened.push(context);
      return context;
    });
    for (const context of opened) await context.close();
  },
  page: async ({ browserContext }, use) => {
    const page = await browserContext.newPage();
    await use(page);
  },
});

export { expect, describe } from "vitest";
