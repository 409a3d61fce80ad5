/**
 * Shared by the browser benches: serve the built app (vite preview of dist/) and launch the system
 * Chromium headless (same lookup and flags as the e2e harness), plus small statistics/printing.
 */
import { chromium } from "playwright-core";
import type { Browser } from "playwright-core";
import { chromiumArgs, findChromium, serveDist } from "../../e2e/lib/browser-env.ts";

export interface BrowserBench {
  browser: Browser;
  baseUrl: string;
  chromiumPath: string;
  close: () => Promise<void>;
}

export async function startBrowserBench(): Promise<BrowserBench> {
  const chromiumPath = findChromium();
  const server = await serveDist();
  try {
    const browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: chromiumArgs,
    });
    return {
      browser,
      baseUrl: server.baseUrl,
      chromiumPath,
      close: async () => {
        await browser.close();
        await server.close();
      },
    };
  } catch (error) {
    await server.close();
    throw error;
  }
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? Number.NaN)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return "n/a";
  return ms >= 100 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(1)} ms`;
}

/** Prints rows of cells as a left-aligned text table with a header rule. */
export function printTable(header: readonly string[], rows: readonly (readonly string[])[]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  console.log(line(header));
  console.log(line(widths.map((w) => "-".repeat(w))));
  for (const row of rows) console.log(line(row));
}
