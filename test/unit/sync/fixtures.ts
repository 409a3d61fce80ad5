import { recordId } from "../../../src/core/sync/canonical.ts";
import type {
  Member,
  Mutation,
  SyncPatch,
  SyncRecord,
  SyncTable,
} from "../../../src/core/sync/protocol.ts";

export const DOC = "d1";

export const owner: Member = { userId: "u-own", name: "Owner", role: "owner", langs: null };
export const translator: Member = { userId: "u-tr", name: "Tran", role: "translator", langs: null };
export const translatorVi: Member = {
  userId: "u-vi",
  name: "Vy",
  role: "translator",
  langs: ["vi"],
};
export const reviewer: Member = { userId: "u-rev", name: "Rina", role: "reviewer", langs: null };
export const viewer: Member = { userId: "u-view", name: "Vic", role: "viewer", langs: null };

export function cell(overrides: Partial<SyncRecord> & { id?: string } = {}): SyncRecord {
  return {
    id: "s1:vi",
    docId: DOC,
    segmentId: "s1",
    lang: "vi",
    order: "a0",
    span: 1,
    text: "xin chào",
    status: "draft",
    origin: "typed",
    confidence: null,
    locked: false,
    createdBy: "Tran",
    createdAt: "2026-01-01T00:00:00.000Z",
    changedBy: "Tran",
    changedAt: "2026-01-01T00:00:00.000Z",
    ...overrides,
  };
}

export function segment(overrides: Partial<SyncRecord> = {}): SyncRecord {
  return { id: "s1", docId: DOC, order: "a0", paragraph: 0, source: "Halo.", ...overrides };
}

export function comment(overrides: Partial<SyncRecord> = {}): SyncRecord {
  return {
    id: "c1",
    docId: DOC,
    segmentId: "s1",
    lang: "vi",
    author: "Rina",
    at: "2026-01-01T00:00:00.000Z",
    text: "Check the name.",
    open: 1,
    ...overrides,
  };
}

export function revision(overrides: Partial<SyncRecord> = {}): SyncRecord {
  return {
    uid: "r1",
    translationId: "s1:vi",
    segmentId: "s1",
    docId: DOC,
    lang: "vi",
    text: "xin chào",
    status: "draft",
    user: "Tran",
    at: "2026-01-01T00:00:00.000Z",
    action: "edit",
    ...overrides,
  };
}

export function keyOf(table: SyncTable, record: SyncRecord): string {
  const field =
    table === "revisions" || table === "memory" ? "uid" : table === "tmxExtras" ? "key" : "id";
  return String(record[field]);
}

export function patch(
  table: SyncTable,
  before: SyncRecord | null,
  after: SyncRecord | null,
): SyncPatch {
  return { table, key: keyOf(table, (after ?? before)!), before, after };
}

export function mutation(patches: SyncPatch[], id = 1, docId: string | null = DOC): Mutation {
  return { id, docId, label: "test", at: "2026-02-02T00:00:00.000Z", patches };
}

/** The server state map for applyMutation: every listed record under its recordId. */
export function serverState(
  entries: Array<[SyncTable, SyncRecord]>,
  absent: Array<[SyncTable, string]> = [],
): Map<string, SyncRecord | null> {
  const map = new Map<string, SyncRecord | null>();
  for (const [table, r] of entries) map.set(recordId(table, keyOf(table, r)), r);
  for (const [table, key] of absent) map.set(recordId(table, key), null);
  return map;
}
