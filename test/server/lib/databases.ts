/**
 * The two databases every server test runs on: `openTestDatabase("pglite")` = an in-memory PGlite,
 * migrated; `openTestDatabase("postgresql")` = a fresh database (CREATE DATABASE) in the throwaway
 * PostgreSQL 15 cluster of global-setup.ts, migrated. `close()` closes it (and drops the database).
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import type { Database, DatabaseKind } from "../../../src/server/db/database.ts";
import { openDatabase } from "../../../src/server/db/open.ts";

export const DATABASE_KINDS: readonly DatabaseKind[] = ["pglite", "postgresql"];

export interface TestDatabase {
  db: Database;
  kind: DatabaseKind;
  /** postgres://… of the test database (postgresql only), e.g. for a second server process. */
  url?: string;
  close(): Promise<void>;
}

/** postgres://postgres@<socket folder>/<database> for the test cluster. */
export function testClusterUrl(database: string): string {
  const socketDir = inject("pgSocketDir");
  return `postgres://postgres@${encodeURIComponent(socketDir)}/${encodeURIComponent(database)}`;
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testClusterUrl("postgres") });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function openTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === "pglite") {
    const db = await openDatabase({ memory: true });
    return { db, kind, close: () => db.close() };
  }
  const name = `selaras_test_${randomUUID().replaceAll("-", "")}`;
  await admin((c) => c.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`));
  const url = testClusterUrl(name);
  let db: Database;
  try {
    db = await openDatabase({ url, poolSize: 5 });
  } catch (error) {
    await admin((c) => c.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)}`));
    throw error;
  }
  return {
    db,
    kind,
    url,
    async close() {
      await db.close();
      await admin((c) =>
        c.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`),
      );
    },
  };
}
