import type { IndexableType, Table } from "dexie";

/** Keys asked for in one round of parallel requests. */
const KEY_BATCH = 2_000;

/**
 * The rows of `table` whose `index` holds one of `keys` (each row once), in one read transaction
 * (joining the caller's when it has one over this table).
 *
 * Dexie's `where(index).anyOf(keys)` walks one cursor that jumps from key to key, a round trip per
 * jump, one after the other. Asking for each key on its own lets IndexedDB pipeline the requests:
 * in Chromium 100,000 keys over a 100,000-unit memory took 62 s with anyOf and 11 s this way, and
 * fake-indexeddb (the db tests) gains more still.
 */
export async function rowsWithKeys<T, K>(
  table: Table<T, K>,
  index: string,
  keys: Iterable<IndexableType>,
): Promise<T[]> {
  const unique = [...new Set(keys)];
  if (unique.length === 0) return [];
  return table.db.transaction("r", table, async () => {
    const rows: T[] = [];
    for (let i = 0; i < unique.length; i += KEY_BATCH) {
      const found = await Promise.all(
        unique.slice(i, i + KEY_BATCH).map((key) => table.where(index).equals(key).toArray()),
      );
      for (const list of found) for (const row of list) rows.push(row);
    }
    return rows;
  });
}
