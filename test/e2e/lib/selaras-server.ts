/**
 * Runs the Selaras server as `npm start` does (`node --import tsx src/server/main.ts` over the
 * built app in dist/), as a child process on a free loopback port with its own PGlite data folder
 * (or `SELARAS_DATABASE_URL` when given). `restart()` stops the process and starts it again on the
 * same port and data, as an operator restarting the server mid-session would.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "./browser-env.ts";

export interface SelarasServer {
  baseUrl: string;
  port: number;
  /** Stops the process (the data folder stays until `close`). */
  stop(): Promise<void>;
  /** Starts it again on the same port and data (after `stop`, or stopping it first). */
  start(): Promise<void>;
  restart(): Promise<void>;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Stops it and deletes its data folder and dist snapshot. */
  close(): Promise<void>;
}

/** A free TCP port on 127.0.0.1 (asks the OS for one, then releases it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHealth(
  baseUrl: string,
  child: ChildProcess,
  log: () => string,
): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`The Selaras server exited with ${child.exitCode}:\n${log()}`);
    }
    try {
      const response = await fetch(new URL("/api/health", baseUrl));
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`The Selaras server did not answer /api/health within 60 s:\n${log()}`);
}

export async function startSelarasServer(
  options: { databaseUrl?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<SelarasServer> {
  const dist = join(repoRoot, "dist");
  if (!existsSync(join(dist, "index.html"))) {
    throw new Error("dist/index.html is missing: run npm run build first (or npm run test:e2e).");
  }
  // A snapshot of dist/, so a build running meanwhile cannot pull files from under the tests.
  const work = mkdtempSync(join(tmpdir(), "selaras-server-"));
  const distCopy = join(work, "dist");
  cpSync(dist, distCopy, { recursive: true });
  const dataDir = join(work, "pglite");
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}/`;
  let child: ChildProcess | null = null;
  let log = "";

  async function start(): Promise<void> {
    if (child !== null) return;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...options.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      SELARAS_DIST: distCopy,
      SELARAS_DATA_DIR: dataDir,
    };
    if (options.databaseUrl !== undefined) env["SELARAS_DATABASE_URL"] = options.databaseUrl;
    else delete env["SELARAS_DATABASE_URL"];
    const started = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
      cwd: repoRoot,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    started.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString()));
    started.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
    child = started;
    await waitForHealth(baseUrl, started, () => log);
  }

  async function stop(): Promise<void> {
    const running = child;
    if (running === null) return;
    child = null;
    if (running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => running.kill("SIGKILL"), 10_000);
      running.once("exit", () => {
        clearTimeout(timer);
        resolve();
      });
      running.kill("SIGTERM");
    });
  }

  await start();
  return {
    baseUrl,
    port,
    start,
    stop,
    async restart() {
      await stop();
      await start();
    },
    output: () => log,
    async close() {
      await stop();
      rmSync(work, { recursive: true, force: true });
    },
  };
}
