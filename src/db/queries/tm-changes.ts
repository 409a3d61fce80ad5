import { cmp, Dexie, type ObservabilitySet } from "dexie";
import type { SelarasDb } from "../database.ts";

/** What changed in one table: the primary keys written or deleted, or null for a whole range. */
export interface TableChange {
  table: string;
  keys: unknown[] | null;
}

/** A RangeSet tree as Dexie reports it (a structured clone when it comes from another context). */
interface RangeNode {
  from?: unknown;
  to?: unknown;
  l?: RangeNode | null;
  r?: RangeNode | null;
}

/** The keys of a range set when it holds only single keys; null when it holds a range. */
export function rangeKeys(
  node: RangeNode | undefined | null,
  out: unknown[] = [],
): unknown[] | null {
  if (!node || !("from" in node)) return out;
  if (node.l && rangeKeys(node.l, out) === null) return null;
  if (cmp(node.from, node.to) !== 0) return null;
  out.push(node.from);
  if (node.r && rangeKeys(node.r, out) === null) return null;
  return out;
}

/**
 * Calls `listener` after every committed write to the database, from this context or another
 * (tabs, the page when this runs in a worker: Dexie relays them over a BroadcastChannel), with the
 * tables written and their keys. A bulk write of 50 records or more comes as a range (keys null).
 */
export function onTableChanges(
  db: SelarasDb,
  listener: (changes: TableChange[]) => void,
): () => void {
  const prefix = `idb://${db.name}/`;
  const onMutated = (parts: ObservabilitySet) => {
    const changes: TableChange[] = [];
    for (const [part, ranges] of Object.entries(parts)) {
      if (part === "all") {
        changes.push({ table: "*", keys: null });
        continue;
      }
      if (!part.startsWith(prefix)) continue;
      const [table, index] = part.slice(prefix.length).split("/");
      // The primary key's part (index ""); index parts repeat the same writes.
      if (!table || index !== "") continue;
      changes.push({ table, keys: rangeKeys(ranges as unknown as RangeNode) });
    }
    if (changes.length > 0) listener(changes);
  };
  Dexie.on("storagemutated", onMutated);
  return () => Dexie.on("storagemutated").unsubscribe(onMutated);
}
