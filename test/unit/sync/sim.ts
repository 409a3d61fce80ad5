/**
 * A simulated team: one server (records by recordId with versions, one version counter, the last
 * handled mutation id per client) and clients (a local Map of records, an outbox, a cursor), all
 * running the real core rules: applyMutation on the server, applyPulled / pendingKeySet on the
 * clients. The network is explicit: a push is handled by the server at once but its answer
 * arrives later (or never), may be delivered twice, and a client may be offline. Like the app's
 * sync engine, a client pulls only when no push of its own is in flight.
 */
import { applyMutation } from "../../../src/core/sync/apply-mutation.ts";
import { canonicalJson, recordId } from "../../../src/core/sync/canonical.ts";
import { applyPulled } from "../../../src/core/sync/client-state.ts";
import { pendingKeySet, touchedKeys } from "../../../src/core/sync/touched-keys.ts";
import { statusAfterEdit } from "../../../src/core/model/status.ts";
import type {
  CompetingVersion,
  Member,
  Mutation,
  PushResponse,
  RecordChange,
  SyncPatch,
  SyncRecord,
  SyncTable,
} from "../../../src/core/sync/protocol.ts";

export const DOC = "doc";
export const SEGMENTS = ["s1", "s2", "s3"] as const;
export const LANGS = ["vi", "en"] as const;

interface Stored {
  table: SyncTable;
  key: string;
  docId: string | null;
  value: SyncRecord | null;
  version: number;
}

/** Every mutation the server handled, in order, with what came of it. */
export interface HandledMutation {
  clientId: string;
  mutation: Mutation;
  status: "applied" | "conflict" | "refused";
  /** The refusal's code. */
  code?: string;
}

export class SimServer {
  readonly records = new Map<string, Stored>();
  version = 0;
  readonly lastMutationId = new Map<string, number>();
  /** Pushes that carried mutations already handled (resends, duplicate deliveries). */
  resends = 0;
  /** How many times each client:mutation id went through applyMutation. */
  readonly applications = new Map<string, number>();
  readonly log: HandledMutation[] = [];

  constructor(
    readonly members: ReadonlyMap<string, Member>,
    seed: ReadonlyArray<[SyncTable, string, SyncRecord]>,
  ) {
    this.version = 1;
    for (const [table, key, value] of seed) {
      this.records.set(recordId(table, key), {
        table,
        key,
        docId: table === "documents" ? key : (value.docId as string),
        value,
        version: 1,
      });
    }
  }

  private change(table: SyncTable, key: string): RecordChange {
    const s = this.records.get(recordId(table, key));
    return {
      table,
      key,
      docId: s?.docId ?? DOC,
      value: s?.value ?? null,
      version: s?.version ?? 0,
    };
  }

  push(clientId: string, mutations: readonly Mutation[]): PushResponse {
    const member = this.members.get(clientId)!;
    let last = this.lastMutationId.get(clientId) ?? 0;
    const outcomes: PushResponse["outcomes"] = [];
    const fixupKeys: Mutation[] = [];
    let bumped = false;
    for (const mutation of mutations) {
      if (mutation.id <= last) {
        // Already handled: its first answer may have been lost, so its records go back.
        fixupKeys.push(mutation);
        this.resends++;
        continue;
      }
      const current = new Map<string, SyncRecord | null>();
      for (const { table, key } of touchedKeys([mutation])) {
        const id = recordId(table, key);
        current.set(id, this.records.get(id)?.value ?? null);
      }
      const tag = `${clientId}:${mutation.id}`;
      this.applications.set(tag, (this.applications.get(tag) ?? 0) + 1);
      const { outcome, writes } = applyMutation({ mutation, member, current });
      if (outcome.status === "refused" && writes.length > 0) throw new Error("refused but wrote");
      if (writes.length > 0 && !bumped) {
        this.version++;
        bumped = true;
      }
      for (const w of writes) {
        this.records.set(recordId(w.table, w.key), { ...w, version: this.version });
      }
      last = mutation.id;
      outcomes.push(outcome);
      this.log.push({
        clientId,
        mutation,
        status: outcome.status,
        ...(outcome.status === "refused" ? { code: outcome.code } : {}),
      });
      if (outcome.status !== "applied") fixupKeys.push(mutation);
    }
    this.lastMutationId.set(clientId, last);
    const fixups = touchedKeys(fixupKeys).map(({ table, key }) => this.change(table, key));
    return { lastMutationId: last, outcomes, fixups };
  }

  pull(cursor: number): { cursor: number; changes: RecordChange[] } {
    const changes = [...this.records.values()]
      .filter((s) => s.version > cursor)
      .sort((a, b) => a.version - b.version)
      .map((s) => ({
        table: s.table,
        key: s.key,
        docId: s.docId,
        value: s.value,
        version: s.version,
      }));
    return { cursor: this.version, changes };
  }

  /** The present records, canonical, for comparing with a client. */
  snapshot(): string {
    const present = [...this.records.entries()]
      .filter(([, s]) => s.value !== null)
      .map(([id, s]) => [id, s.value] as const);
    return canonicalJson(Object.fromEntries(present));
  }

  value(table: SyncTable, key: string): SyncRecord | null {
    return this.records.get(recordId(table, key))?.value ?? null;
  }
}

type Inflight = { batch: Mutation[]; response: PushResponse | null };

export class SimClient {
  readonly local = new Map<string, SyncRecord>();
  outbox: Mutation[] = [];
  nextId = 1;
  cursor = 1;
  online = true;
  inflight: Inflight | null = null;
  readonly refused: Mutation[] = [];
  private serial = 0;
  private clock = 0;

  constructor(
    readonly id: string,
    readonly member: Member,
    seed: ReadonlyArray<[SyncTable, string, SyncRecord]>,
  ) {
    for (const [table, key, value] of seed) this.local.set(recordId(table, key), value);
  }

  get(table: SyncTable, key: string): SyncRecord | null {
    return this.local.get(recordId(table, key)) ?? null;
  }

  snapshot(): string {
    return canonicalJson(Object.fromEntries(this.local));
  }

  private at(): string {
    return `2026-03-01T00:00:${String(this.clock++).padStart(2, "0")}.${this.id}`;
  }

  private uid(prefix: string): string {
    return `${this.id}-${prefix}${this.serial++}`;
  }

  /** A local command: its patches applied to the local store and queued as one mutation. */
  commit(label: string, patches: SyncPatch[]): Mutation | null {
    if (patches.length === 0) return null;
    for (const p of patches) {
      const id = recordId(p.table, p.key);
      if (p.after === null) this.local.delete(id);
      else this.local.set(id, p.after);
    }
    const mutation: Mutation = { id: this.nextId++, docId: DOC, label, at: this.at(), patches };
    this.outbox.push(mutation);
    return mutation;
  }

  private revision(cell: SyncRecord, action: string): SyncPatch {
    const uid = this.uid("r");
    const after: SyncRecord = {
      uid,
      translationId: cell.id,
      segmentId: cell.segmentId,
      docId: DOC,
      lang: cell.lang,
      text: cell.text,
      status: cell.status,
      user: this.member.name,
      at: this.at(),
      action,
    };
    return { table: "revisions", key: uid, before: null, after };
  }

  private cellChange(before: SyncRecord | null, after: SyncRecord, action: string): SyncPatch[] {
    return [
      { table: "translations", key: `${after.id}`, before, after },
      this.revision(after, action),
    ];
  }

  // ---- commands (each does nothing when it does not apply to the local state) ----

  edit(segmentId: string, lang: string, text: string): Mutation | null {
    const key = `${segmentId}:${lang}`;
    const cell = this.get("translations", key);
    const stamp = { changedBy: this.member.name, changedAt: this.at() };
    if (cell) {
      if (cell.text === text) return null;
      const after = { ...cell, text, status: statusAfterEdit(text), confidence: null, ...stamp };
      return this.commit("edit", this.cellChange(cell, after, "edit"));
    }
    const segment = this.get("segments", segmentId);
    if (!segment || text === "") return null;
    const after: SyncRecord = {
      id: key,
      docId: DOC,
      segmentId,
      lang,
      order: segment.order,
      span: 1,
      text,
      status: statusAfterEdit(text),
      origin: "typed",
      confidence: null,
      locked: false,
      createdBy: this.member.name,
      createdAt: stamp.changedAt,
      ...stamp,
    };
    return this.commit("edit", this.cellChange(null, after, "edit"));
  }

  setStatus(segmentId: string, lang: string, status: string): Mutation | null {
    const cell = this.get("translations", `${segmentId}:${lang}`);
    if (!cell || `${cell.text}`.trim() === "" || cell.status === status) return null;
    const after = { ...cell, status, changedBy: this.member.name, changedAt: this.at() };
    const patches = this.cellChange(cell, after, status);
    if (status === "rejected") patches.push(this.newComment(segmentId, lang, "Why: wording."));
    return this.commit(status, patches);
  }

  /** Resolves a conflict: keeps the current text (pick < 0) or competing version `pick`. */
  resolve(segmentId: string, lang: string, pick: number): Mutation | null {
    const cell = this.get("translations", `${segmentId}:${lang}`);
    const list = (cell?.competing as CompetingVersion[] | undefined) ?? [];
    if (!cell || list.length === 0) return null;
    const { competing: _dropped, ...rest } = cell;
    const chosen = pick < 0 ? null : list[pick % list.length]!;
    const after: SyncRecord = chosen
      ? {
          ...rest,
          text: chosen.text,
          status: statusAfterEdit(chosen.text),
          changedBy: this.member.name,
          changedAt: this.at(),
        }
      : rest;
    return this.commit(
      "resolve",
      chosen
        ? this.cellChange(cell, after, "edit")
        : [{ table: "translations", key: `${cell.id}`, before: cell, after }],
    );
  }

  private newComment(segmentId: string, lang: string, text: string): SyncPatch {
    const id = this.uid("c");
    const after: SyncRecord = {
      id,
      docId: DOC,
      segmentId,
      lang,
      author: this.member.name,
      at: this.at(),
      text,
      open: 1,
    };
    return { table: "comments", key: id, before: null, after };
  }

  comment(segmentId: string, lang: string): Mutation | null {
    if (!this.get("segments", segmentId)) return null;
    return this.commit("comment", [this.newComment(segmentId, lang, `Note ${this.serial}`)]);
  }

  /** Resolves or reopens the n-th local comment. */
  toggleComment(n: number): Mutation | null {
    const comments = [...this.local.entries()].filter(([id]) => id.startsWith("comments\u0000"));
    if (comments.length === 0) return null;
    const [, c] = comments[n % comments.length]!;
    const after: SyncRecord =
      c.open === 1
        ? { ...c, open: 0, resolvedBy: this.member.name, resolvedAt: this.at() }
        : (({ resolvedBy: _b, resolvedAt: _a, ...rest }) => ({ ...rest, open: 1 }))(c);
    return this.commit("thread", [{ table: "comments", key: `${c.id}`, before: c, after }]);
  }

  deleteCell(segmentId: string, lang: string): Mutation | null {
    const cell = this.get("translations", `${segmentId}:${lang}`);
    if (!cell) return null;
    return this.commit("delete-cell", [
      { table: "translations", key: `${cell.id}`, before: cell, after: null },
    ]);
  }

  toggleLock(segmentId: string, lang: string): Mutation | null {
    const cell = this.get("translations", `${segmentId}:${lang}`);
    if (!cell) return null;
    return this.commit("lock", [
      {
        table: "translations",
        key: `${cell.id}`,
        before: cell,
        after: { ...cell, locked: !cell.locked },
      },
    ]);
  }

  editSource(segmentId: string, source: string): Mutation | null {
    const seg = this.get("segments", segmentId);
    if (!seg || seg.source === source) return null;
    return this.commit("source", [
      { table: "segments", key: segmentId, before: seg, after: { ...seg, source } },
    ]);
  }

  /** The document's rows as this client has them, in order. */
  segmentIds(): string[] {
    return [...this.local.entries()]
      .filter(([id]) => id.startsWith("segments\u0000"))
      .map(([, v]) => v)
      .sort((a, b) => (`${a.order}` < `${b.order}` ? -1 : 1))
      .map((v) => `${v.id}`);
  }

  /**
   * Splits a row (like Ctrl+E): the row keeps the first part, a new row after it gets the rest,
   * and the row's cells go back to Draft. One structural mutation over several records.
   */
  split(segmentId: string): Mutation | null {
    const seg = this.get("segments", segmentId);
    if (!seg) return null;
    const id = this.uid("s");
    const order = `${seg.order}m${this.serial}`;
    const patches: SyncPatch[] = [
      {
        table: "segments",
        key: segmentId,
        before: seg,
        after: { ...seg, source: `${seg.source} (1)` },
      },
      {
        table: "segments",
        key: id,
        before: null,
        after: { id, docId: DOC, order, paragraph: seg.paragraph, source: "(2)" },
      },
    ];
    for (const lang of LANGS) {
      const cell = this.get("translations", `${segmentId}:${lang}`);
      if (cell && cell.status !== "draft" && `${cell.text}` !== "") {
        patches.push(...this.cellChange(cell, { ...cell, status: "draft" }, "edit"));
      }
    }
    return this.commit("split", patches);
  }

  /** Removes a row with its cells (the structural half of a merge). */
  removeRow(segmentId: string): Mutation | null {
    const seg = this.get("segments", segmentId);
    if (!seg) return null;
    const patches: SyncPatch[] = [{ table: "segments", key: segmentId, before: seg, after: null }];
    for (const lang of LANGS) {
      const cell = this.get("translations", `${segmentId}:${lang}`);
      if (cell)
        patches.push({ table: "translations", key: `${cell.id}`, before: cell, after: null });
    }
    return this.commit("remove-row", patches);
  }

  // ---- network ----

  /** Sends the first `size` outbox entries; the server handles them now (twice if `duplicate`). */
  startPush(server: SimServer, size: number, duplicate: boolean, lose: boolean): void {
    if (!this.online || this.inflight || this.outbox.length === 0) return;
    const batch = this.outbox.slice(0, Math.max(1, size));
    let response = server.push(this.id, batch);
    if (duplicate) {
      const second = server.push(this.id, batch);
      // Either answer may be the one that reaches the client.
      if (size % 2 === 0) response = second;
    }
    this.inflight = { batch, response: lose ? null : response };
  }

  /** The push's answer arrives (or the client gives up on a lost one and will resend). */
  finishPush(): void {
    const inflight = this.inflight;
    if (!inflight) return;
    this.inflight = null;
    const response = inflight.response;
    if (!response) return;
    const byId = new Map(inflight.batch.map((m) => [m.id, m]));
    for (const o of response.outcomes) {
      if (o.status === "refused") this.refused.push(byId.get(o.id)!);
    }
    // Only entries this push carried leave the outbox (as the app's engine does): one the server
    // handled from an earlier, unanswered push goes again, so its fix-ups come back.
    const done = new Set(
      inflight.batch.filter((m) => m.id <= response.lastMutationId).map((m) => m.id),
    );
    this.outbox = this.outbox.filter((m) => !done.has(m.id));
    applyPulled(this.local, response.fixups, pendingKeySet(this.outbox));
  }

  pull(server: SimServer): number {
    if (!this.online || this.inflight) return 0;
    const { cursor, changes } = server.pull(this.cursor);
    const writes = applyPulled(this.local, changes, pendingKeySet(this.outbox));
    this.cursor = cursor;
    return writes.length;
  }
}

/** Everybody online, pushes until the outboxes are empty and pulls, until nothing moves. */
export function settle(server: SimServer, clients: readonly SimClient[]): number {
  for (let round = 0; round < 20; round++) {
    let moved = 0;
    for (const c of clients) {
      c.online = true;
      c.finishPush();
      while (c.outbox.length > 0) {
        c.startPush(server, 200, false, false);
        c.finishPush();
        moved++;
      }
      moved += c.pull(server);
    }
    if (moved === 0) return round;
  }
  throw new Error("did not settle in 20 rounds");
}
