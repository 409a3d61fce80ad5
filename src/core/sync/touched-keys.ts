import { recordId } from "./canonical.ts";
import type { Mutation, SyncTable } from "./protocol.ts";

/** Every record the mutations touch, once each, in the order they were first touched. */
export function touchedKeys(
  mutations: readonly Mutation[],
): Array<{ table: SyncTable; key: string }> {
  const seen = new Set<string>();
  const out: Array<{ table: SyncTable; key: string }> = [];
  for (const m of mutations) {
    for (const p of m.patches) {
      const id = recordId(p.table, p.key);
      if (seen.has(id)) continue;
      seen.add(id);
      out.push({ table: p.table, key: p.key });
    }
  }
  return out;
}

/**
 * The record ids (canonical.ts recordId) that pending (unpushed or unacknowledged) mutations touch:
 * a pull skips them, the pending change goes first and the server answers with its state.
 */
export function pendingKeySet(mutations: readonly Mutation[]): Set<string> {
  const keys = new Set<string>();
  for (const m of mutations) for (const p of m.patches) keys.add(recordId(p.table, p.key));
  return keys;
}
