import type { Mutation, SyncTable } from "../../core/sync/protocol.ts";

// Interim copies of core/sync/canonical.ts recordId and core/sync/touched-keys.ts pendingKeySet
// (being written); replaced by imports of those once they land.

export function recordId(table: SyncTable, key: string): string {
  return `${table}/${key}`;
}

export function pendingKeySet(mutations: readonly Mutation[]): Set<string> {
  const keys = new Set<string>();
  for (const m of mutations) for (const p of m.patches) keys.add(recordId(p.table, p.key));
  return keys;
}
