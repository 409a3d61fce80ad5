/**
 * `npm start`: one Selaras server process. Environment: PORT (4173), HOST (127.0.0.1),
 * SELARAS_DATABASE_URL (postgres://…; unset = embedded PGlite in SELARAS_DATA_DIR, default
 * ./data/pglite), SELARAS_DIST (./dist), SELARAS_TRUST_PROXY (1 = behind a TLS reverse proxy).
 */
import { resolve } from "node:path";
import { buildServer } from "./app.ts";
import { openDatabase } from "./db/open.ts";

const env = process.env;
const port = Number(env["PORT"] ?? 4173);
const host = env["HOST"] ?? "127.0.0.1";
const db = await openDatabase({
  url: env["SELARAS_DATABASE_URL"],
  dataDir: env["SELARAS_DATA_DIR"],
});
const app = await buildServer({
  db,
  distDir: resolve(env["SELARAS_DIST"] ?? "dist"),
  trustProxy: env["SELARAS_TRUST_PROXY"] === "1",
  logger: { level: env["SELARAS_LOG_LEVEL"] ?? "warn" },
});

let closing = false;
async function shutdown(): Promise<void> {
  if (closing) return;
  closing = true;
  await app.close().catch(() => undefined);
  await db.close().catch(() => undefined);
  process.exit(0);
}
process.on("SIGINT", () => void shutdown());
process.on("SIGTERM", () => void shutdown());

await app.listen({ port, host });
const shown = host.includes(":") ? `[${host}]` : host;
process.stdout.write(
  `Selaras is running at http://${shown}:${port}/ (database: ${db.kind === "pglite" ? "embedded PGlite" : "PostgreSQL"})\n`,
);
