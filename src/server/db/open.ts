import { resolve } from "node:path";
import type { Database } from "./database.ts";
import { migrate } from "./migrate.ts";
import { openPglite } from "./pglite-driver.ts";
import { openPostgres } from "./pg-driver.ts";

export interface DatabaseConfig {
  /** postgres://… : a real PostgreSQL; undefined: embedded PGlite. */
  url?: string | undefined;
  /** PGlite's data folder (undefined with `memory`: in memory). */
  dataDir?: string | undefined;
  memory?: boolean;
  poolSize?: number;
}

/** The default PGlite data folder: ./data/pglite of the working directory (git-ignored). */
export function defaultDataDir(cwd = process.cwd()): string {
  return resolve(cwd, "data", "pglite");
}

/** Opens the configured database and brings its schema up to date. */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  const db =
    config.url !== undefined && config.url !== ""
      ? await openPostgres(config.url, { max: config.poolSize })
      : await openPglite(config.memory ? undefined : (config.dataDir ?? defaultDataDir()));
  try {
    await migrate(db);
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
  return db;
}
