import type { SelarasDb } from "../database.ts";
import type { OutboxRecord } from "../records.ts";
import type { RecordChange, SyncTable } from "../../core/sync/protocol.ts";
import { recordId } from "../../core/sync/canonical.ts";
import { pendingKeySet } from "../../core/sync/touched-keys.ts";
import { removedDocKey, sameStored } from "./outbox.ts";
import { rowsWithKeys } from "../queries/rows-with-keys.ts";

/** Every table a pull writes (and reads for pending keys), for the caller's rw transaction. */
export function pullTables(db: SelarasDb) {
  return [
    db.documents,
    db.segments,
    db.translations,
    db.comments,
    db.revisions,
    db.tmxExtras,
    db.memory,
    db.glossary,
    db.outbox,
    db.syncState,
    db.meta,
  ] as const;
}

/** Tables whose records are stored under the protocol key. */
const KEYED: readonly SyncTable[] = [
  "documents",
  "segments",
  "translations",
  "comments",
  "tmxExtras",
  "glossary",
];
/** Append-only tables stored with local numeric ids, found by their `uid` index. */
const BY_UID: readonly ("revisions" | "memory")[] = ["revisions", "memory"];

/** Record ids that the project's unsent (or unacknowledged) outbox mutations touch. */
export async function pendingKeys(db: SelarasDb, projectId: string): Promise<Set<string>> {
  const rows: OutboxRecord[] = await db.outbox.where("projectId").equals(projectId).toArray();
  return pendingKeySet(rows.map((r) => r.mutation));
}

/**
 * Writes the server's state of records (a pull page or push fix-ups) inside the caller's rw
 * transaction over pullTables(db): records touched by pending mutations are skipped (the pending
 * change goes first; the server then answers with its state), records already equal are left
 * alone, revisions and memory units are matched by uid (added when absent, local ids kept), and a
 * cell's `competing` versions are stored as they come (conflict state). The segment count of every
 * document whose segments changed is recounted. Returns how many records were written.
 */
export async function applyRecordChanges(
  db: SelarasDb,
  changes: readonly RecordChange[],
  pending: ReadonlySet<string>,
): Promise<number> {
  // Shared documents removed from this browser (delete-document.ts) stay away.
  const docOf = (c: RecordChange): string | null =>
    c.table === "documents" ? c.key : (c.docId ?? (c.value?.docId as string | undefined) ?? null);
  const docIds = [...new Set(changes.map(docOf).filter((d): d is string => d !== null))];
  const markers = docIds.length > 0 ? await db.meta.bulkGet(docIds.map(removedDocKey)) : [];
  const removedDocs = new Set(docIds.filter((_, i) => markers[i] !== undefined));
  // The latest state per record, in case a batch names one twice.
  const latest = new Map<string, RecordChange>();
  for (const c of changes) {
    const id = recordId(c.table, c.key);
    const doc = docOf(c);
    if (!pending.has(id) && !(doc !== null && removedDocs.has(doc))) latest.set(id, c);
  }
  const byTable = new Map<SyncTable, RecordChange[]>();
  for (const c of latest.values()) {
    const list = byTable.get(c.table);
    if (list) list.push(c);
    else byTable.set(c.table, [c]);
  }
  let written = 0;
  const recount = new Set<string>();
  for (const table of KEYED) {
    const mine = byTable.get(table);
    if (!mine) continue;
    const store = db.table(table);
    const current = (await store.bulkGet(mine.map((c) => c.key))) as (
      Record<string, unknown> | undefined
    )[];
    const removed: string[] = [];
    const put: Record<string, unknown>[] = [];
    mine.forEach((c, i) => {
      const now = current[i];
      if (c.value === null) {
        if (now !== undefined) removed.push(c.key);
      } else if (now === undefined || !sameStored(now, c.value)) {
        put.push(c.value);
      } else return;
      if (table === "segments") {
        const docId = (c.value?.docId ?? now?.docId ?? c.docId) as string | null;
        if (docId) recount.add(docId);
      }
      if (table === "documents") recount.add(c.key);
    });
    if (removed.length > 0) await store.bulkDelete(removed);
    if (put.length > 0) await store.bulkPut(put);
    written += removed.length + put.length;
  }
  for (const table of BY_UID) {
    const mine = byTable.get(table)?.filter((c) => c.value !== null);
    if (!mine || mine.length === 0) continue;
    const store = db.table(table);
    const existing = (await rowsWithKeys(
      store,
      "uid",
      mine.map((c) => c.key),
    )) as { id: number; uid: string }[];
    const localId = new Map(existing.map((r) => [r.uid, r]));
    const rows: Record<string, unknown>[] = [];
    for (const c of mine) {
      const local = localId.get(c.key);
      const { id: _theirs, ...value } = c.value!;
      if (!local) rows.push({ ...value, uid: c.key });
      else if (!sameStored({ ...local, id: undefined }, { ...value, uid: c.key }))
        rows.push({ ...value, uid: c.key, id: local.id });
    }
    if (rows.length > 0) await store.bulkPut(rows);
    written += rows.length;
  }
  for (const docId of recount) {
    const count = await db.segments.where("docId").equals(docId).count();
    await db.documents.update(docId, { segmentCount: count });
  }
  return written;
}
