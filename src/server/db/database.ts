/**
 * The one small database interface of the server. Two drivers run the same SQL: PGlite (embedded
 * PostgreSQL in process, the default) and `pg` (a Pool on a real PostgreSQL). Parameters are
 * numbered ($1 …); JSON goes in as text and is cast in SQL (`$1::text::jsonb`), so both drivers
 * bind it the same way; bigint columns come back as string or number depending on the driver:
 * read them with `Number(...)`.
 */
export type DatabaseKind = "pglite" | "postgresql";

export type Row = Record<string, unknown>;

export interface Queryable {
  /** One statement with numbered parameters; the rows it returns. */
  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly kind: DatabaseKind;
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Calls `onPayload` for each NOTIFY on `channel`; `onState(false)` when the listening connection
   * is lost (the caller then polls), `onState(true)` once it listens (again). Returns a stop function.
   */
  listen(
    channel: string,
    onPayload: (payload: string) => void,
    onState?: (listening: boolean) => void,
  ): Promise<() => Promise<void>>;
  notify(channel: string, payload: string): Promise<void>;
  close(): Promise<void>;
}

/** A PostgreSQL error's SQLSTATE (both drivers put it in `code`). */
export function sqlState(error: unknown): string | undefined {
  if (error && typeof error === "object" && "code" in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === "string" ? code : undefined;
  }
  return undefined;
}
