import pg from "pg";
import type { Database, Queryable, Row } from "./database.ts";

function wrap(q: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<T extends Row>(sql: string, params: readonly unknown[] = []) {
      const result = await q.query<T>(sql, params as unknown[]);
      return result.rows;
    },
    async exec(sql: string) {
      await q.query(sql);
    },
  };
}

/** Waits between attempts to LISTEN again after the listening connection was lost. */
const RELISTEN_MS = 1_000;

/**
 * A real PostgreSQL through a `pg` Pool (`connectionString` as in SELARAS_DATABASE_URL). LISTEN
 * uses one dedicated client outside the pool, reconnected after a loss.
 */
export async function openPostgres(
  connectionString: string,
  options: { max?: number } = {},
): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10 });
  // An idle client's error (server restart) must not crash the process; the pool replaces it.
  pool.on("error", () => undefined);
  const base = wrap(pool);
  // Check the connection now, so a wrong URL fails at start with the driver's message.
  await pool.query("SELECT 1");
  const listeners = new Set<() => Promise<void>>();
  return {
    kind: "postgresql",
    query: base.query,
    exec: base.exec,
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await fn(wrap(client));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async listen(channel, onPayload, onState) {
      let stopped = false;
      let client: pg.Client | null = null;
      let timer: NodeJS.Timeout | null = null;
      const connect = async (): Promise<void> => {
        const c = new pg.Client({ connectionString });
        const lost = (): void => {
          if (client !== c) return;
          client = null;
          onState?.(false);
          c.end().catch(() => undefined);
          if (!stopped) timer = setTimeout(() => void connect().catch(lost), RELISTEN_MS);
        };
        c.on("error", lost);
        c.on("end", lost);
        c.on("notification", (n) => {
          if (n.channel === channel) onPayload(n.payload ?? "");
        });
        client = c;
        try {
          await c.connect();
          await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
        } catch (error) {
          lost();
          throw error;
        }
        if (stopped) {
          client = null;
          await c.end().catch(() => undefined);
          return;
        }
        onState?.(true);
      };
      try {
        await connect();
      } catch {
        // Reconnecting in the background; the caller polls meanwhile (onState(false) was called).
      }
      const stop = async (): Promise<void> => {
        stopped = true;
        if (timer) clearTimeout(timer);
        const c = client;
        client = null;
        listeners.delete(stop);
        if (c) await c.end().catch(() => undefined);
      };
      listeners.add(stop);
      return stop;
    },
    async notify(channel, payload) {
      await pool.query("SELECT pg_notify($1, $2)", [channel, payload]);
    },
    async close() {
      for (const stop of [...listeners]) await stop();
      await pool.end();
    },
  };
}
