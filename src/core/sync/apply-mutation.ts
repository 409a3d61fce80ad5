import { statusAfter, type StatusAction } from "../review/transitions.ts";
import { isStatus, type Status } from "../model/status.ts";
import { authorizeMutation } from "./authorize.ts";
import { canonicalJson, recordId, sameContent, sameRecordExactly } from "./canonical.ts";
import { competingOf, mergeCompeting, withCompeting } from "./competing.ts";
import {
  glossaryVersion,
  glossaryVersionsOf,
  mergeConcept,
  mergeGlossaryVersions,
  withGlossaryVersions,
} from "./glossary-merge.ts";
import type {
  CompetingVersion,
  Member,
  Mutation,
  MutationOutcome,
  SyncPatch,
  SyncRecord,
  SyncTable,
} from "./protocol.ts";
import { recordDocId } from "./record-fields.ts";

/** The new state of one record the server stores (null value = delete). */
export interface RecordWrite {
  table: SyncTable;
  key: string;
  /** The record's document (a document's own id; null for memory units and glossary concepts). */
  docId: string | null;
  value: SyncRecord | null;
}

export interface ApplyResult {
  outcome: MutationOutcome;
  /** One write per record, in the order records were first written; empty when refused. */
  writes: RecordWrite[];
}

/** Fields that place a cell in its column: a text edit keeps them, anything else is structural. */
const PLACE_FIELDS = ["order", "span", "lang", "docId"] as const;
/** A cell's status and who set it when. */
const STAMP_FIELDS: readonly string[] = ["status", "changedBy", "changedAt"];
/** The fields of a comment that resolving or reopening its thread changes. */
const THREAD_FIELDS = ["open", "resolvedBy", "resolvedAt"] as const;

type PatchResult =
  | { kind: "write"; value: SyncRecord | null; conflict: boolean }
  | { kind: "refuse"; code: string; params: Record<string, string | number> };

/**
 * Applies one mutation to the server's records (README: Applying a mutation). `current` holds the
 * server's record (or null) under recordId(table, key) for every key the mutation touches. Pure:
 * returns the outcome and the records to store, all or nothing (refused → no writes).
 *
 * A touched record whose result differs from what the client sent is written even when the server
 * already had that exact value, so it gets a new version and the sender's next pull brings it
 * (the sender skipped it while its mutation was pending).
 */
export function applyMutation(input: {
  mutation: Mutation;
  member: Member;
  current: ReadonlyMap<string, SyncRecord | null>;
  /**
   * Touched record ids the server has never stored, not even as a deleted record (absent: none).
   * Only glossary concepts read it: an update of a concept the project never had creates it.
   */
  neverStored?: ReadonlySet<string>;
}): ApplyResult {
  const { mutation, member, current } = input;
  const neverStored = input.neverStored ?? new Set<string>();
  const denied = authorizeMutation(member, mutation, current);
  if (denied) return refused(mutation.id, denied.code, denied.params);

  const state = new Map<string, SyncRecord | null>();
  const writes = new Map<string, RecordWrite>();
  const conflicts = new Set<string>();
  for (const patch of mutation.patches) {
    const id = recordId(patch.table, patch.key);
    const server = state.has(id) ? state.get(id)! : (current.get(id) ?? null);
    const result = applyPatch(
      patch,
      server,
      member,
      mutation.at,
      !state.has(id) && neverStored.has(id),
    );
    if (result.kind === "refuse") return refused(mutation.id, result.code, result.params);
    if (result.conflict) conflicts.add(patch.key);
    const { value } = result;
    state.set(id, value);
    if (sameRecordExactly(value, server) && sameRecordExactly(value, patch.after)) continue;
    const owner = value ?? server ?? patch.after ?? patch.before;
    writes.set(id, {
      table: patch.table,
      key: patch.key,
      docId: owner ? (recordDocId(patch.table, owner) ?? null) : null,
      value,
    });
  }
  const outcome: MutationOutcome =
    conflicts.size > 0
      ? { id: mutation.id, status: "conflict", keys: [...conflicts] }
      : { id: mutation.id, status: "applied" };
  return { outcome, writes: [...writes.values()] };
}

function refused(id: number, code: string, params: Record<string, string | number>): ApplyResult {
  return { outcome: { id, status: "refused", code, params }, writes: [] };
}

function applyPatch(
  patch: SyncPatch,
  server: SyncRecord | null,
  member: Member,
  at: string,
  neverStored: boolean,
): PatchResult {
  const { before, after } = patch;
  const cells = patch.table === "translations";
  if (patch.table === "glossary") return applyConcept(patch, server, member, at, neverStored);
  // 1. The server has what the client started from (or already what it wants).
  if (sameContent(server, before) || sameContent(server, after)) {
    if (after === null) {
      // Deleting a cell would drop competing versions its deleter never saw: stale (rule 5).
      const known = new Set(competingOf(before).map((v) => v.text));
      if (competingOf(server).every((v) => known.has(v.text))) {
        return { kind: "write", value: null, conflict: false };
      }
    } else if (!cells) {
      return { kind: "write", value: after, conflict: false };
    } else {
      const merged = mergeCompeting(
        competingOf(server),
        competingOf(before),
        competingOf(after),
        `${after.text}`,
      );
      return { kind: "write", value: withCompeting(after, merged), conflict: false };
    }
  }
  // Stale: someone else changed the record since the client's base.
  if (cells && server !== null && after !== null && samePlace(server, after, before)) {
    const stale = staleCell(patch, server, before ?? emptyBase(after), after, member, at);
    if (stale) return stale;
  }
  // 4. A comment's thread resolved or reopened (and its text, where the server's is unchanged).
  if (patch.table === "comments" && server !== null && before !== null && after !== null) {
    if (sameOther(before, after, ["text", ...THREAD_FIELDS])) {
      const value: SyncRecord = { ...server };
      for (const f of THREAD_FIELDS) {
        if (after[f] === undefined) delete value[f];
        else value[f] = after[f];
      }
      if (server.text === before.text) value.text = after.text;
      return { kind: "write", value, conflict: false };
    }
  }
  // 5. Anything else on a stale base: the whole mutation is refused.
  return {
    kind: "refuse",
    code: "sync.stale_structure",
    params: { table: patch.table, key: patch.key },
  };
}

/**
 * Rule 6, glossary concepts. S ≡ B (or S ≡ A): A, competing versions merged three ways. A concept
 * the project never had (made before joining, or in another project): an update creates it, a
 * delete does nothing. Stale (S changed since B; a create that meets a concept under the same id
 * counts as an edit from a concept without terms): merged per part (glossary-merge.ts); parts both
 * changed differently keep S's and A is kept as a competing version (outcome conflict). A stale
 * delete, or an edit of a concept someone deleted, is refused (rule 5).
 */
function applyConcept(
  patch: SyncPatch,
  server: SyncRecord | null,
  member: Member,
  at: string,
  neverStored: boolean,
): PatchResult {
  const { before, after } = patch;
  const versions = glossaryVersionsOf;
  if (server === null && neverStored) {
    if (after === null) return { kind: "write", value: null, conflict: false };
    const list = mergeGlossaryVersions([], [], versions(after), after);
    return { kind: "write", value: withGlossaryVersions(after, list), conflict: false };
  }
  if (sameContent(server, before) || sameContent(server, after)) {
    if (after === null) {
      // A delete would drop competing versions its deleter never saw: stale.
      const known = new Set(versions(before).map((v) => canonicalJson(v.concept)));
      if (versions(server).every((v) => known.has(canonicalJson(v.concept)))) {
        return { kind: "write", value: null, conflict: false };
      }
    } else {
      const list = mergeGlossaryVersions(
        versions(server),
        versions(before),
        versions(after),
        after,
      );
      return { kind: "write", value: withGlossaryVersions(after, list), conflict: false };
    }
  } else if (server !== null && after !== null) {
    const base = before ?? { id: after.id, terms: [] };
    const merged = mergeConcept(server, base, after);
    const conflict = merged.conflicts.length > 0;
    const mine = conflict
      ? [...versions(after), glossaryVersion(after, member.name, at)]
      : versions(after);
    const list = mergeGlossaryVersions(versions(server), versions(base), mine, merged.value);
    return { kind: "write", value: withGlossaryVersions(merged.value, list), conflict };
  }
  return {
    kind: "refuse",
    code: "sync.stale_structure",
    params: { table: patch.table, key: patch.key },
  };
}

/**
 * Rules 2 and 3 for a cell S, B and A place alike (B is an empty cell for a create that met a
 * cell someone else created). null when the patch is none of them (rule 5 then refuses it).
 */
function staleCell(
  patch: SyncPatch,
  server: SyncRecord,
  base: SyncRecord,
  after: SyncRecord,
  member: Member,
  at: string,
): PatchResult | null {
  // A resolution that met newer changes (only the competing versions changed): drop what it
  // dropped, keep S.
  if (sameContent(base, after)) {
    return { kind: "write", value: mergedOnServer(server, base, after), conflict: false };
  }
  if (base.text !== after.text) {
    // 2. A text edit. The same words: A's status over S; other words: a competing version.
    if (after.text === server.text) {
      return { kind: "write", value: statusOver(server, base, after), conflict: false };
    }
    const version: CompetingVersion = {
      text: `${after.text}`,
      status: `${after.status}`,
      by: member.name,
      at,
      source: "sync",
    };
    const list = mergeCompeting(
      competingOf(server),
      competingOf(base),
      [...competingOf(after), version],
      `${server.text}`,
    );
    return { kind: "write", value: withCompeting(server, list), conflict: true };
  }
  if (base.status !== after.status) {
    // 3. A status change: refused when the text changed since the client saw it, or when
    // someone else changed the status meanwhile and the member could not have made this change
    // from that status (a translator's confirm or undo over a reviewer's approval).
    const overOther = server.status !== base.status && server.status !== after.status;
    if (server.text !== base.text || (overOther && !mayMove(member, server, after))) {
      return {
        kind: "refuse",
        code: "sync.stale_review",
        params: { table: patch.table, key: patch.key },
      };
    }
    return { kind: "write", value: statusOver(server, base, after), conflict: false };
  }
  return null;
}

/** The status action that gives each status (core/review/transitions.ts). */
const ACTION_FOR: Readonly<Record<string, StatusAction>> = {
  translated: "confirm",
  approved: "approve",
  rejected: "reject",
  draft: "reopen",
};

/** Could the member move the cell from S's status to A's, as the app's status rules say? */
function mayMove(member: Member, server: SyncRecord, after: SyncRecord): boolean {
  const action = ACTION_FOR[`${after.status}`];
  if (!action || !isStatus(`${server.status}`)) return false;
  const role = member.role === "translator" ? "translator" : "reviewer";
  const hasText = `${server.text}`.trim() !== "";
  return statusAfter(action, server.status as Status, role, hasText) === after.status;
}

/** The base of a create: the same cell, empty. */
function emptyBase(after: SyncRecord): SyncRecord {
  return withCompeting({ ...after, text: "", status: "empty" }, []);
}

/** S, B (when present) and A place the cell alike: same column, order and span. */
function samePlace(server: SyncRecord, after: SyncRecord, before: SyncRecord | null): boolean {
  return PLACE_FIELDS.every(
    (f) => same(server[f], after[f]) && (before === null || same(before[f], after[f])),
  );
}

/** a and b agree on every field but `except` (and `competing`). */
function sameOther(a: SyncRecord, b: SyncRecord, except: readonly string[]): boolean {
  const strip = (r: SyncRecord) => {
    const out: SyncRecord = { ...r };
    for (const f of except) delete out[f];
    return out;
  };
  return sameContent(strip(a), strip(b));
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * S with A's status (and who set it, when it changes); any other field A changed from B and S did
 * not is taken from A (confidence, origin, lock …); competing versions merged.
 */
function statusOver(server: SyncRecord, base: SyncRecord, after: SyncRecord): SyncRecord {
  const value: SyncRecord = { ...server };
  for (const f of new Set([...Object.keys(base), ...Object.keys(after)])) {
    if (f === "competing" || f === "text" || STAMP_FIELDS.includes(f)) continue;
    if (!same(base[f], after[f]) && same(base[f], server[f])) {
      if (after[f] === undefined) delete value[f];
      else value[f] = after[f];
    }
  }
  if (server.status !== after.status) {
    for (const f of STAMP_FIELDS) value[f] = after[f];
  }
  return mergedOnServer(value, base, after);
}

function mergedOnServer(server: SyncRecord, base: SyncRecord, after: SyncRecord): SyncRecord {
  const list = mergeCompeting(
    competingOf(server),
    competingOf(base),
    competingOf(after),
    `${server.text}`,
  );
  return withCompeting(server, list);
}
