import type { SelarasDb } from "../database.ts";
import type { OutboxRecord, RevisionRecord, MemoryUnitRecord } from "../records.ts";
import type { Mutation, SyncPatch, SyncRecord } from "../../core/sync/protocol.ts";

/**
 * The client half of the outbox: commands on shared documents are appended here in the SAME
 * transaction that applies them locally (callers open their transaction over outboxTables(db) too),
 * so an edit and its outbox entry can never be separated. The sync engine (engine.ts) pushes them.
 */

/** Meta keys of sync. */
export const CLIENT_ID_KEY = "sync:clientId";
export const refusedKey = (projectId: string) => `sync:refused:${projectId}`;
/** The mutation numbering of a project this browser left (kept for a rejoin). */
export const leftMutationIdsKey = (projectId: string) => `sync:mutationIds:${projectId}`;
/** A shared document removed from this browser (value: its project id): pulls skip its records. */
export const removedDocKey = (docId: string) => `sync:removedDoc:${docId}`;

/** The tables a writer of shared records adds to its transaction. */
export function outboxTables(db: SelarasDb) {
  return [db.outbox, db.syncState] as const;
}

/** A stored record as protocol JSON (records are plain JSON data already). */
export function asSyncRecord(record: object | null | undefined): SyncRecord | null {
  return record ? (record as SyncRecord) : null;
}

/** A revision as it travels: without its local numeric id. */
export function revisionSyncRecord(revision: RevisionRecord): SyncRecord {
  const { id: _local, ...rest } = revision;
  return rest as SyncRecord;
}

/** A memory unit as it travels: without its local numeric id. */
export function memorySyncRecord(unit: MemoryUnitRecord): SyncRecord {
  const { id: _local, ...rest } = unit;
  return rest as SyncRecord;
}

/**
 * The project a document is shared into, when this browser still syncs that project; null for a
 * local document (its commands add nothing to the outbox).
 */
export async function sharedProjectOf(db: SelarasDb, docId: string): Promise<string | null> {
  const doc = await db.documents.get(docId);
  if (!doc?.projectId) return null;
  return (await db.syncState.get(doc.projectId)) ? doc.projectId : null;
}

/** Every project this browser syncs (for project-level records: memory units). */
export async function joinedProjects(db: SelarasDb): Promise<string[]> {
  return (await db.syncState.toCollection().primaryKeys()) as string[];
}

/**
 * The project's newest outbox entry when the next step of a typing burst may join it: not yet sent,
 * the same document and merge key. Otherwise null (the step becomes a mutation of its own).
 */
export async function amendableEntry(
  db: SelarasDb,
  projectId: string,
  docId: string,
  mergeKey: string | null | undefined,
): Promise<OutboxRecord | null> {
  if (!mergeKey) return null;
  const last = await db.outbox.where("projectId").equals(projectId).last();
  if (!last || last.sent === 1 || last.mergeKey !== mergeKey) return null;
  return last.mutation.docId === docId ? last : null;
}

/** Canonical JSON (keys sorted), for comparing records whatever order their keys came in. */
export function canonical(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

/** Records equal by content (the quick check first: most records keep their key order). */
export function sameStored(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b) || canonical(a) === canonical(b);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined) out[k] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/** One patch per record (first before, last after), patches that change nothing dropped. */
export function collapseSyncPatches(patches: readonly SyncPatch[]): SyncPatch[] {
  const byKey = new Map<string, SyncPatch>();
  for (const p of patches) {
    const id = `${p.table}\u0000${p.key}`;
    const prev = byKey.get(id);
    byKey.set(id, prev ? { ...prev, after: p.after } : p);
  }
  return [...byKey.values()].filter((p) => canonical(p.before) !== canonical(p.after));
}

export interface MutationDraft {
  docId: string | null;
  label: string;
  at: string;
  patches: readonly SyncPatch[];
  mergeKey?: string | null;
}

/**
 * Appends a mutation to the project's outbox inside the caller's rw transaction (which must include
 * outboxTables(db)), with the project's next mutation id; or joins it to `amend` (see
 * amendableEntry). Returns the mutation id, or null when there was nothing to send.
 */
export async function enqueueMutation(
  db: SelarasDb,
  projectId: string,
  draft: MutationDraft,
  amend: OutboxRecord | null = null,
): Promise<number | null> {
  if (amend?.seq !== undefined) {
    const patches = collapseSyncPatches([...amend.mutation.patches, ...draft.patches]);
    // An entry whose steps cancel out stays (with no patches): its id is spent.
    await db.outbox.update(amend.seq, { mutation: { ...amend.mutation, patches, at: draft.at } });
    return amend.mutation.id;
  }
  const patches = collapseSyncPatches(draft.patches);
  if (patches.length === 0) return null;
  const state = await db.syncState.get(projectId);
  if (!state) return null;
  const mutation: Mutation = {
    id: state.nextMutationId,
    docId: draft.docId,
    label: draft.label,
    at: draft.at,
    patches,
  };
  await db.syncState.update(projectId, { nextMutationId: state.nextMutationId + 1 });
  await db.outbox.add({ projectId, mutation, sent: 0, mergeKey: draft.mergeKey ?? null });
  return mutation.id;
}

/** Enqueues several mutations at once (sharing a document): one syncState read and write. */
export async function enqueueMany(
  db: SelarasDb,
  projectId: string,
  drafts: readonly MutationDraft[],
): Promise<number[]> {
  const state = await db.syncState.get(projectId);
  if (!state) return [];
  let next = state.nextMutationId;
  const rows: OutboxRecord[] = [];
  for (const d of drafts) {
    if (d.patches.length === 0) continue;
    rows.push({
      projectId,
      mutation: { id: next++, docId: d.docId, label: d.label, at: d.at, patches: [...d.patches] },
      sent: 0,
      mergeKey: null,
    });
  }
  await db.syncState.update(projectId, { nextMutationId: next });
  await db.outbox.bulkAdd(rows);
  return rows.map((r) => r.mutation.id);
}
