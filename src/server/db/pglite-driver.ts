import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import type { Transaction } from "@electric-sql/pglite";
import type { Database, Queryable, Row } from "./database.ts";

function wrap(q: PGlite | Transaction): Queryable {
  return {
    async query<T extends Row>(sql: string, params: readonly unknown[] = []) {
      const result = await q.query<T>(sql, params as unknown[]);
      return result.rows;
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  };
}

/**
 * Embedded PostgreSQL (PGlite, one connection in this process). `dataDir` undefined = in memory.
 * Queries and transactions are serialized by PGlite; LISTEN/NOTIFY works within the process.
 */
export async function openPglite(dataDir: string | undefined): Promise<Database> {
  if (dataDir !== undefined) mkdirSync(dataDir, { recursive: true });
  const pg = await PGlite.create(dataDir);
  const base = wrap(pg);
  return {
    kind: "pglite",
    query: base.query,
    exec: base.exec,
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    async listen(channel, onPayload, onState) {
      const stop = await pg.listen(channel, onPayload);
      onState?.(true);
      return async () => {
        if (!pg.closed) await stop();
      };
    },
    async notify(channel, payload) {
      await pg.query("SELECT pg_notify($1, $2)", [channel, payload]);
    },
    async close() {
      if (!pg.closed) await pg.close();
    },
  };
}
