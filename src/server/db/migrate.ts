import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Database } from "./database.ts";

export const MIGRATIONS_DIR = fileURLToPath(new URL("../migrations/", import.meta.url));

/** An arbitrary constant: the advisory lock that serializes migrations across processes. */
const MIGRATION_LOCK = 7_311_930_451;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The files NNN-name.sql of `dir`, in order of NNN (duplicate numbers are an error). */
export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const out: Migration[] = [];
  for (const file of readdirSync(dir).sort()) {
    const match = /^(\d{3})-([a-z0-9-]+)\.sql$/.exec(file);
    if (!match) continue;
    const version = Number(match[1]);
    if (out.some((m) => m.version === version)) {
      throw new Error(`Two migrations numbered ${match[1]} in ${dir}`);
    }
    out.push({ version, name: file, sql: readFileSync(join(dir, file), "utf8") });
  }
  return out.sort((a, b) => a.version - b.version);
}

/**
 * Applies the migrations not yet recorded in schema_migrations, in order, in one transaction that
 * first takes a transaction-scoped advisory lock: two processes starting at once apply each
 * migration once (the second waits, then finds them recorded). Returns the versions applied.
 */
export async function migrate(db: Database, migrations = readMigrations()): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    await tx.exec(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         version integer PRIMARY KEY,
         name text NOT NULL,
         applied_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
    const rows = await tx.query<{ version: number }>("SELECT version FROM schema_migrations");
    const done = new Set(rows.map((r) => Number(r.version)));
    const applied: number[] = [];
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      await tx.exec(m.sql);
      await tx.query("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", [
        m.version,
        m.name,
      ]);
      applied.push(m.version);
    }
    return applied;
  });
}
