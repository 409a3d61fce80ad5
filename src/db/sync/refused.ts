import type { SelarasDb } from "../database.ts";
import {
  APPEND_ONLY_TABLES,
  type Mutation,
  type RecordChange,
  type SyncPatch,
  type SyncRecord,
  type SyncTable,
} from "../../core/sync/protocol.ts";
import type { ErrorParams } from "../../core/model/app-error.ts";
import { nowIso } from "../ids.ts";
import { applyRecordChanges, pullTables } from "./apply-changes.ts";
import { enqueueMutation, refusedKey, sameStored } from "./outbox.ts";

/** A mutation the server refused: kept for the user to see and re-apply (meta sync:refused:<p>). */
export interface RefusedChange {
  mutation: Mutation;
  code: string;
  params: ErrorParams;
  refusedAt: string;
}

/** The refused changes listed for a project, oldest first. */
export async function refusedChanges(db: SelarasDb, projectId: string): Promise<RefusedChange[]> {
  return ((await db.meta.get(refusedKey(projectId)))?.value as RefusedChange[] | undefined) ?? [];
}

/** Removes one refused change from the list (the user re-applied or dismissed it). */
export async function dismissRefusedChange(
  db: SelarasDb,
  projectId: string,
  mutationId: number,
): Promise<void> {
  await db.transaction("rw", db.meta, async () => {
    const list = await refusedChanges(db, projectId);
    await db.meta.put({
      key: refusedKey(projectId),
      value: list.filter((r) => r.mutation.id !== mutationId),
    });
  });
}

/** A record as this browser has it, in protocol form (revisions and memory by uid, without id). */
async function localRecord(
  db: SelarasDb,
  table: SyncTable,
  key: string,
): Promise<SyncRecord | null> {
  if (table === "revisions" || table === "memory") {
    const row = (await db.table(table).where("uid").equals(key).first()) as
      Record<string, unknown> | undefined;
    if (!row) return null;
    const { id: _local, ...rest } = row;
    return rest as SyncRecord;
  }
  return ((await db.table(table).get(key)) as SyncRecord | undefined) ?? null;
}

/**
 * "Apply again": the refused change's result written again on top of the current state, as a NEW
 * mutation (before = the record as it is now, after = what the refused change wanted), in one
 * transaction with its outbox entry; the change leaves the refused list. Records already as it
 * wanted, and append-only records (revisions, memory) that exist, are left out. The server judges
 * it afresh (it may refuse it again, or keep a text as a competing version). Returns the new
 * mutation id, or null when nothing was left to apply (the change is dismissed) or the project is
 * no longer joined (nothing changes).
 */
export async function reapplyRefusedChange(
  db: SelarasDb,
  projectId: string,
  mutationId: number,
): Promise<number | null> {
  return db.transaction("rw", pullTables(db), async () => {
    if (!(await db.syncState.get(projectId))) return null;
    const list = await refusedChanges(db, projectId);
    const change = list.find((r) => r.mutation.id === mutationId);
    if (!change) return null;
    const patches: SyncPatch[] = [];
    for (const p of change.mutation.patches) {
      const current = await localRecord(db, p.table, p.key);
      if (APPEND_ONLY_TABLES.includes(p.table) && current !== null) continue;
      if (sameStored(current, p.after)) continue;
      patches.push({ table: p.table, key: p.key, before: current, after: p.after });
    }
    const writes: RecordChange[] = patches.map((p) => ({
      table: p.table,
      key: p.key,
      docId: change.mutation.docId,
      value: p.after,
      version: 0,
    }));
    if (writes.length > 0) await applyRecordChanges(db, writes, new Set());
    const id = await enqueueMutation(db, projectId, {
      docId: change.mutation.docId,
      label: change.mutation.label,
      at: nowIso(),
      patches,
    });
    await db.meta.put({
      key: refusedKey(projectId),
      value: list.filter((r) => r.mutation.id !== mutationId),
    });
    return id;
  });
}
