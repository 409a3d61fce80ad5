/**
 * A throwaway PostgreSQL 15 cluster (initdb + pg_ctl from Debian's /usr/lib/postgresql/15/bin, run
 * as the `postgres` user through `runuser -u postgres --` when we are root, directly otherwise),
 * listening only on a Unix socket in a fresh temporary folder (`listen_addresses=''`). `stop()`
 * stops it (`pg_ctl stop -m fast`, `immediate` if that fails) and deletes its folder. Used by the
 * server tests' globalSetup and by `npm run bench -- sync`. Missing binaries throw a clear message.
 */
import { execFileSync, spawnSync } from "node:child_process";
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const PG_BIN = process.env.SELARAS_PG_BIN ?? "/usr/lib/postgresql/15/bin";
const START_TIMEOUT_S = 60;
const STOP_TIMEOUT_S = 30;

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

/** Runs a PostgreSQL tool as `postgres` when we are root (the server refuses to run as root). */
function runPg(
  tool: string,
  args: string[],
  timeoutMs: number,
): { status: number | null; output: string } {
  const command = isRoot ? "runuser" : join(PG_BIN, tool);
  const argv = isRoot ? ["-u", "postgres", "--", join(PG_BIN, tool), ...args] : args;
  const result = spawnSync(command, argv, { encoding: "utf8", timeout: timeoutMs });
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}${result.error ? String(result.error) : ""}`;
  return { status: result.status, output };
}

function postgresIds(): { uid: number; gid: number } {
  const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
  const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
  return { uid, gid };
}

export interface PgCluster {
  /** The folder of its Unix socket (the `host` of a postgres:// URL). */
  socketDir: string;
  /** postgres://postgres@<socket folder>/<database>. */
  url(database: string): string;
  stop(): void;
}

export function startPgCluster(): PgCluster {
  for (const tool of ["initdb", "pg_ctl", "pg_isready", "postgres"]) {
    if (!existsSync(join(PG_BIN, tool))) {
      throw new Error(
        `PostgreSQL 15 is missing: ${join(PG_BIN, tool)} does not exist. The server tests run on ` +
          `a real PostgreSQL too; install it with \`apt-get install -y postgresql\` (Debian), or ` +
          `set SELARAS_PG_BIN to a folder holding initdb and pg_ctl.`,
      );
    }
  }
  const root = mkdtempSync(join(tmpdir(), "selaras-pg-"));
  const dataDir = join(root, "data");
  const socketDir = join(root, "socket");
  const logFile = join(root, "server.log");
  const cleanup = (): void => rmSync(root, { recursive: true, force: true });
  try {
    mkdirSync(socketDir);
    chmodSync(root, 0o700);
    if (isRoot) {
      const { uid, gid } = postgresIds();
      chownSync(root, uid, gid);
      chownSync(socketDir, uid, gid);
    }
    const init = runPg(
      "initdb",
      [
        "-D",
        dataDir,
        "-U",
        "postgres",
        "--auth=trust",
        "--encoding=UTF8",
        "--no-locale",
        "--no-sync",
      ],
      120_000,
    );
    if (init.status !== 0)
      throw new Error(`initdb failed (${String(init.status)}):\n${init.output}`);
    const options = [
      "-c listen_addresses=''",
      `-c unix_socket_directories=${socketDir}`,
      "-c fsync=off",
      "-c synchronous_commit=off",
      "-c full_page_writes=off",
      "-c max_connections=200",
    ].join(" ");
    const start = runPg(
      "pg_ctl",
      ["start", "-D", dataDir, "-l", logFile, "-w", "-t", String(START_TIMEOUT_S), "-o", options],
      (START_TIMEOUT_S + 10) * 1000,
    );
    if (start.status !== 0) {
      const log = existsSync(logFile) ? readFileSync(logFile, "utf8") : "";
      throw new Error(`pg_ctl start failed (${String(start.status)}):\n${start.output}\n${log}`);
    }
    // pg_ctl -w already waited; check once more that the socket answers (bounded).
    const deadline = Date.now() + START_TIMEOUT_S * 1000;
    for (;;) {
      const ready = runPg("pg_isready", ["-h", socketDir, "-U", "postgres", "-t", "2"], 5_000);
      if (ready.status === 0) break;
      if (Date.now() > deadline) {
        throw new Error(`PostgreSQL did not accept connections on ${socketDir}:\n${ready.output}`);
      }
      spawnSync("sleep", ["0.2"]);
    }
  } catch (error) {
    runPg("pg_ctl", ["stop", "-D", dataDir, "-m", "immediate", "-w", "-t", "10"], 20_000);
    cleanup();
    throw error;
  }
  const stop = (): void => {
    const stopped = runPg(
      "pg_ctl",
      ["stop", "-D", dataDir, "-m", "fast", "-w", "-t", String(STOP_TIMEOUT_S)],
      (STOP_TIMEOUT_S + 10) * 1000,
    );
    if (stopped.status !== 0) {
      runPg("pg_ctl", ["stop", "-D", dataDir, "-m", "immediate", "-w", "-t", "10"], 20_000);
    }
    cleanup();
  };
  return {
    socketDir,
    url: (database) =>
      `postgres://postgres@${encodeURIComponent(socketDir)}/${encodeURIComponent(database)}`,
    stop,
  };
}
