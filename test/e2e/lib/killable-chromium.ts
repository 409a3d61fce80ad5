/**
 * A Chromium that can be killed like a crash (SIGKILL of its whole process group) and started again
 * on the same profile, for durability tests: the system Chromium run by hand with a DevTools pipe
 * over a port, driven by playwright-core through CDP.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { chromium, type Browser } from "playwright-core";
import { chromiumArgs, findChromium } from "./browser-env.ts";

export interface KillableChromium {
  browser: Browser;
  /** SIGKILL of the browser and all its processes (no unload, no flush). */
  kill: () => Promise<void>;
}

export async function launchKillable(profileDir: string): Promise<KillableChromium> {
  const child: ChildProcess = spawn(
    findChromium(),
    [
      ...chromiumArgs,
      `--user-data-dir=${profileDir}`,
      "--remote-debugging-port=0",
      "--remote-debugging-address=127.0.0.1",
      "about:blank",
    ],
    { detached: true, stdio: ["ignore", "ignore", "pipe"] },
  );
  const ws = await new Promise<string>((resolve, reject) => {
    let err = "";
    const timer = setTimeout(() => reject(new Error(`Chromium did not start: ${err}`)), 30_000);
    child.stderr!.on("data", (chunk: Buffer) => {
      err += chunk.toString();
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited (${code}): ${err}`));
    });
  });
  const browser = await chromium.connectOverCDP(ws);
  return {
    browser,
    kill: async () => {
      const exited = new Promise<void>((r) => child.once("exit", () => r()));
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
      await exited;
    },
  };
}

/** The page of a fresh or reopened browser (the one CDP context Chromium starts with). */
export async function firstPage(browser: Browser) {
  const context = browser.contexts()[0] ?? (await browser.newContext());
  return context.pages()[0] ?? (await context.newPage());
}
