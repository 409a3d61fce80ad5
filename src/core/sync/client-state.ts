import { recordId, sameRecordExactly } from "./canonical.ts";
import type { RecordWrite } from "./apply-mutation.ts";
import type { RecordChange, SyncRecord, SyncTable } from "./protocol.ts";

/**
 * The writes a client makes for pulled changes (a pull page or push fix-ups): the latest state per
 * record, records that pending mutations touch skipped (recordIds, touched-keys.ts pendingKeySet:
 * the pending change goes first and the server answers with its state), records already equal
 * left alone. In the order records first appear in `changes`.
 */
export function mergePull(
  localGet: (table: SyncTable, key: string) => SyncRecord | null | undefined,
  changes: readonly RecordChange[],
  pending: ReadonlySet<string>,
): RecordWrite[] {
  // A Map keeps the position of a key's first set: the latest state, where it first appeared.
  const latest = new Map<string, RecordChange>();
  for (const c of changes) {
    const id = recordId(c.table, c.key);
    if (!pending.has(id)) latest.set(id, c);
  }
  const writes: RecordWrite[] = [];
  for (const c of latest.values()) {
    if (sameRecordExactly(localGet(c.table, c.key) ?? null, c.value)) continue;
    writes.push({ table: c.table, key: c.key, docId: c.docId, value: c.value });
  }
  return writes;
}

/**
 * mergePull over a Map of records by recordId, applied to it: returns the writes it made.
 * (The simulation's client store; the app's is IndexedDB, db/sync/apply-changes.ts.)
 */
export function applyPulled(
  local: Map<string, SyncRecord>,
  changes: readonly RecordChange[],
  pending: ReadonlySet<string>,
): RecordWrite[] {
  const writes = mergePull((t, k) => local.get(recordId(t, k)), changes, pending);
  for (const w of writes) {
    const id = recordId(w.table, w.key);
    if (w.value === null) local.delete(id);
    else local.set(id, w.value);
  }
  return writes;
}
