import { liveQuery, type Subscription } from "dexie";
import type { SelarasDb } from "../database.ts";
import type { OutboxRecord, SyncStateRecord } from "../records.ts";
import type { TargetLang } from "../../core/model/languages.ts";
import {
  PROTOCOL_VERSION,
  PUSH_BATCH,
  type ClientMessage,
  type PresenceEntry,
  type ProjectRole,
  type PullRequest,
  type PullResponse,
  type PushRequest,
  type PushResponse,
  type ServerMessage,
} from "../../core/sync/protocol.ts";
import { isAppError, type ErrorParams } from "../../core/model/app-error.ts";
import { newId, nowIso } from "../ids.ts";
import { applyRecordChanges, pendingKeys, pullTables } from "./apply-changes.ts";
import { CLIENT_ID_KEY, leftMutationIdsKey, refusedKey } from "./outbox.ts";
import type { RefusedChange } from "./refused.ts";

export type { RefusedChange } from "./refused.ts";

/** How the app reaches the server (http-transport.ts in the browser, a fake in tests). */
export interface SyncTransport {
  push(req: PushRequest): Promise<PushResponse>;
  pull(req: PullRequest): Promise<PullResponse>;
  /**
   * Opens the project's notice channel (named by `clientId` when given); `onState(true)` when
   * open, `onState(false, { code })` when lost, with the WebSocket close code when there was one.
   */
  live(
    projectId: string,
    onMessage: (m: ServerMessage) => void,
    onState: (open: boolean, closed?: { code: number }) => void,
    options?: { clientId?: string },
  ): { send(m: ClientMessage): void; close(): void };
}

/**
 * Live close codes after which the channel is not opened again (src/server/sync/live.ts): signed
 * out (4401) and no such project or no longer a member (4404), with the error the status shows.
 */
export const LIVE_TERMINAL_CLOSE: Readonly<Record<number, string>> = {
  4401: "auth.required",
  4404: "project.not_found",
};

/** Presence is sent again this often while a channel is open (the server drops it after 30 s). */
export const PRESENCE_HEARTBEAT_MS = 15_000;

export interface SyncStatus {
  connection: "online" | "offline" | "connecting";
  /** Mutations waiting in the outbox (every project). */
  pending: number;
  lastSyncedAt: string | null;
  error: { code: string; params: Record<string, string | number> } | null;
}

export interface ProjectInfo {
  id: string;
  name: string;
  role: ProjectRole;
  langs: TargetLang[] | null;
}

export type PresenceCell = { segmentId: string; lang: TargetLang };

/** Retry delays: 0.5 s, doubling, at most 30 s; back to 0.5 s after a success. */
export const RETRY_MIN_MS = 500;
export const RETRY_MAX_MS = 30_000;

export function retryDelay(attempt: number): number {
  return Math.min(RETRY_MAX_MS, RETRY_MIN_MS * 2 ** Math.max(0, attempt - 1));
}

interface ProjectLoop {
  id: string;
  live: { send(m: ClientMessage): void; close(): void } | null;
  liveOpen: boolean;
  liveAttempts: number;
  liveTimer: ReturnType<typeof setTimeout> | null;
  /** Closed for good by the server (4401 / 4404): not reopened until the project is opened again. */
  liveEnded: boolean;
  running: Promise<void> | null;
  again: boolean;
  attempts: number;
  timer: ReturnType<typeof setTimeout> | null;
  connection: SyncStatus["connection"];
  error: SyncStatus["error"];
  stopped: boolean;
}

function errorInfo(error: unknown): { code: string; params: ErrorParams } {
  if (isAppError(error)) return error.toInfo();
  return {
    code: "sync.network",
    params: { detail: error instanceof Error ? error.message : String(error) },
  };
}

/** An error from the server (an AppError) vs. no answer at all (network, server down). */
function isNetworkError(error: unknown): boolean {
  return !isAppError(error);
}

/**
 * The client sync loop, one per app. For every joined project (table syncState): a live channel
 * (a poke → pull), pushes of the outbox in order of seq (batches of at most PUSH_BATCH; an entry
 * leaves the outbox only once the server acknowledged its id), pulls since the cursor applied in one
 * transaction each, retries with bounded exponential backoff. Local edits reach the outbox through
 * the db operations themselves (same transaction); the engine notices them and pushes.
 */
export class SyncEngine {
  private readonly projects = new Map<string, ProjectLoop>();
  private readonly listeners = new Set<(s: SyncStatus) => void>();
  private readonly presenceListeners = new Set<
    (projectId: string, entries: PresenceEntry[]) => void
  >();
  private readonly presenceByProject = new Map<string, PresenceEntry[]>();
  private status: SyncStatus = {
    connection: "connecting",
    pending: 0,
    lastSyncedAt: null,
    error: null,
  };
  private started = false;
  private clientIdPromise: Promise<string> | null = null;
  private presence: { docId: string | null; cell: PresenceCell | null } = {
    docId: null,
    cell: null,
  };
  private outboxWatch: Subscription | null = null;
  private heartbeat: ReturnType<typeof setInterval> | null = null;
  /** The highest outbox seq seen: a higher one is a new edit to push. */
  private lastSeq = -1;
  private readonly onOnline = () => void this.syncNow();
  private readonly onOffline = () => {
    for (const p of this.projects.values()) p.connection = "offline";
    this.emit();
  };

  constructor(
    private readonly db: SelarasDb,
    private readonly transport: SyncTransport,
    private readonly options: { clientId?: string; presenceHeartbeatMs?: number } = {},
  ) {}

  /** This browser database's client id (meta "sync:clientId"): random, stable across reloads. */
  clientId(): Promise<string> {
    this.clientIdPromise ??= (async () => {
      if (this.options.clientId) return this.options.clientId;
      return this.db.transaction("rw", this.db.meta, async () => {
        const row = await this.db.meta.get(CLIENT_ID_KEY);
        if (typeof row?.value === "string") return row.value;
        const id = newId("client-");
        await this.db.meta.put({ key: CLIENT_ID_KEY, value: id });
        return id;
      });
    })();
    return this.clientIdPromise;
  }

  getStatus(): SyncStatus {
    return this.status;
  }

  subscribe(listener: (s: SyncStatus) => void): () => void {
    this.listeners.add(listener);
    listener(this.status);
    return () => this.listeners.delete(listener);
  }

  onPresence(listener: (projectId: string, entries: PresenceEntry[]) => void): () => void {
    this.presenceListeners.add(listener);
    for (const [projectId, entries] of this.presenceByProject) listener(projectId, entries);
    return () => this.presenceListeners.delete(listener);
  }

  /** Starts syncing every joined project. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    const target = globalThis as { addEventListener?: typeof addEventListener };
    target.addEventListener?.("online", this.onOnline);
    target.addEventListener?.("offline", this.onOffline);
    // Edits queue in the outbox from any db operation: watch its size (status) and push.
    // A new entry is seen by its seq, not by the count: an acknowledgement that removes entries
    // while an edit adds one can leave the count lower than before.
    this.outboxWatch = liveQuery(async () => ({
      count: await this.db.outbox.count(),
      last: Number((await this.db.outbox.toCollection().lastKey()) ?? 0),
    })).subscribe({
      next: ({ count, last }) => {
        const grew = last > this.lastSeq && count > 0;
        this.lastSeq = Math.max(this.lastSeq, last);
        this.status = { ...this.status, pending: count };
        this.emit();
        if (grew && this.started) for (const p of this.projects.values()) void this.run(p);
      },
      error: () => undefined,
    });
    this.heartbeat = setInterval(
      () => void this.sendPresence().catch(() => undefined),
      this.options.presenceHeartbeatMs ?? PRESENCE_HEARTBEAT_MS,
    );
    const states = await this.db.syncState.toArray();
    for (const s of states) this.openProject(s.projectId);
    this.emit();
  }

  /** Stops every loop, timer and live channel (the outbox stays for the next start). */
  stop(): void {
    this.started = false;
    const target = globalThis as { removeEventListener?: typeof removeEventListener };
    target.removeEventListener?.("online", this.onOnline);
    target.removeEventListener?.("offline", this.onOffline);
    this.outboxWatch?.unsubscribe();
    this.outboxWatch = null;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    for (const p of this.projects.values()) this.closeProject(p);
    this.projects.clear();
  }

  /** Pushes and pulls every project now (resets the backoff); resolves when done or failed. */
  async syncNow(): Promise<void> {
    await Promise.all(
      [...this.projects.values()].map((p) => {
        p.attempts = 0;
        return this.run(p);
      }),
    );
  }

  /** Where this user is: sent to the project of the document (others get "nowhere"). */
  async setPresence(docId: string | null, cell: PresenceCell | null): Promise<void> {
    this.presence = { docId, cell };
    await this.sendPresence();
  }

  /** Joins a team project (or updates our role in it): its documents arrive by pull. */
  async joinProject(project: ProjectInfo): Promise<void> {
    await this.db.transaction("rw", this.db.syncState, this.db.meta, async () => {
      const existing = await this.db.syncState.get(project.id);
      // Joined again after leaving: the server knows the ids used then, so numbering goes on.
      const before = (await this.db.meta.get(leftMutationIdsKey(project.id)))?.value as
        { lastMutationId: number; nextMutationId: number } | undefined;
      const row: SyncStateRecord = {
        projectId: project.id,
        name: project.name,
        role: project.role,
        langs: project.langs,
        cursor: existing?.cursor ?? 0,
        lastMutationId: existing?.lastMutationId ?? before?.lastMutationId ?? 0,
        nextMutationId: existing?.nextMutationId ?? before?.nextMutationId ?? 1,
      };
      await this.db.syncState.put(row);
    });
    if (this.started) {
      const p = this.openProject(project.id);
      await this.run(p);
    }
  }

  /**
   * Leaves a project on this browser: its loop stops, its outbox, refused list and sync state go,
   * and its documents stay as local documents (no longer shared; nothing typed is lost). The
   * mutation numbering is kept (meta sync:mutationIds:<project>): the server skips an id it has
   * handled as a resend, so a rejoin must not start again at 1.
   */
  async leaveProject(projectId: string): Promise<void> {
    const p = this.projects.get(projectId);
    if (p) {
      this.closeProject(p);
      this.projects.delete(projectId);
      await p.running?.catch(() => undefined);
    }
    const db = this.db;
    await db.transaction("rw", [db.syncState, db.outbox, db.meta, db.documents], async () => {
      const state = await db.syncState.get(projectId);
      if (state) {
        await db.meta.put({
          key: leftMutationIdsKey(projectId),
          value: { lastMutationId: state.lastMutationId, nextMutationId: state.nextMutationId },
        });
      }
      await db.syncState.delete(projectId);
      await db.outbox.where("projectId").equals(projectId).delete();
      await db.meta.delete(refusedKey(projectId));
      await db.documents
        .where("projectId")
        .equals(projectId)
        .modify((d) => {
          delete d.projectId;
          delete d.sharedAt;
        });
    });
    this.presenceByProject.delete(projectId);
    this.emit();
  }

  // ---- per project ----

  private openProject(projectId: string): ProjectLoop {
    const known = this.projects.get(projectId);
    if (known) return known;
    const p: ProjectLoop = {
      id: projectId,
      live: null,
      liveOpen: false,
      liveAttempts: 0,
      liveTimer: null,
      liveEnded: false,
      running: null,
      again: false,
      attempts: 0,
      timer: null,
      connection: "connecting",
      error: null,
      stopped: false,
    };
    this.projects.set(projectId, p);
    this.connectLive(p);
    void this.run(p);
    return p;
  }

  private closeProject(p: ProjectLoop): void {
    p.stopped = true;
    if (p.timer) clearTimeout(p.timer);
    if (p.liveTimer) clearTimeout(p.liveTimer);
    p.timer = p.liveTimer = null;
    const live = p.live;
    p.live = null;
    p.liveOpen = false;
    live?.close();
  }

  private connectLive(p: ProjectLoop): void {
    if (p.stopped) return;
    void this.clientId().then(
      (clientId) => this.openLive(p, clientId),
      () => this.openLive(p, undefined),
    );
  }

  private openLive(p: ProjectLoop, clientId: string | undefined): void {
    if (p.stopped || p.live) return;
    let lost = false;
    let handle: ProjectLoop["live"] = null;
    handle = this.transport.live(
      p.id,
      (m) => this.onServerMessage(p, m),
      (open, closed) => {
        if (p.stopped || lost) return;
        if (open) {
          p.liveOpen = true;
          p.liveAttempts = 0;
          void this.sendPresence();
          // Pokes may have been missed while the channel was down.
          void this.run(p);
          return;
        }
        lost = true;
        p.liveOpen = false;
        if (handle !== null && p.live === handle) p.live = null;
        const terminal = closed ? LIVE_TERMINAL_CLOSE[closed.code] : undefined;
        if (terminal) {
          // Signed out, or the project is gone for this account: trying again cannot help.
          p.liveEnded = true;
          p.error = { code: terminal, params: {} };
          this.emit();
          return;
        }
        p.liveAttempts++;
        p.liveTimer = setTimeout(() => {
          p.liveTimer = null;
          this.connectLive(p);
        }, retryDelay(p.liveAttempts));
      },
      clientId ? { clientId } : undefined,
    );
    if (!lost) p.live = handle;
  }

  private onServerMessage(p: ProjectLoop, m: ServerMessage): void {
    if (p.stopped || m.projectId !== p.id) return;
    if (m.type === "poke") void this.onPoke(p, m);
    else if (m.type === "presence") {
      this.presenceByProject.set(p.id, m.members);
      for (const l of this.presenceListeners) l(p.id, m.members);
    }
  }

  /** A poke: its inline changes applied when they follow the cursor, else a sync cycle. */
  private async onPoke(p: ProjectLoop, m: Extract<ServerMessage, { type: "poke" }>) {
    let done = false;
    try {
      done = await this.applyPoke(p, m);
    } catch {
      done = false;
    }
    if (!done) void this.run(p);
  }

  /**
   * In one transaction: nothing to do when the cursor is already at the poked version; the inline
   * changes newer than the cursor applied (as a pull page) when the cursor is at or after their
   * `from`. False when a pull is needed.
   */
  private async applyPoke(
    p: ProjectLoop,
    m: Extract<ServerMessage, { type: "poke" }>,
  ): Promise<boolean> {
    const db = this.db;
    let applied = false;
    const done = await db.transaction("rw", pullTables(db), async () => {
      const state = await db.syncState.get(p.id);
      if (!state || p.stopped) return true;
      if (state.cursor >= m.version) return true;
      const { from, changes } = m;
      if (from === undefined || !Array.isArray(changes) || state.cursor < from) return false;
      const newer = changes.filter((c) => c.version > state.cursor);
      await applyRecordChanges(db, newer, await pendingKeys(db, p.id));
      await db.syncState.update(p.id, { cursor: m.version });
      applied = true;
      return true;
    });
    if (applied) {
      this.status = { ...this.status, lastSyncedAt: nowIso() };
      this.emit();
    }
    return done;
  }

  private async sendPresence(): Promise<void> {
    const { docId, cell } = this.presence;
    const projectOfDoc = docId ? ((await this.db.documents.get(docId))?.projectId ?? null) : null;
    for (const p of this.projects.values()) {
      if (!p.live || !p.liveOpen) continue;
      const here = projectOfDoc === p.id;
      p.live.send({ type: "presence", docId: here ? docId : null, cell: here ? cell : null });
    }
  }

  /** One sync cycle at a time per project; a request meanwhile runs one more afterwards. */
  private run(p: ProjectLoop): Promise<void> {
    if (p.stopped) return Promise.resolve();
    if (p.running) {
      p.again = true;
      return p.running;
    }
    if (p.timer) clearTimeout(p.timer);
    p.timer = null;
    p.running = (async () => {
      do {
        p.again = false;
        await this.cycle(p);
      } while (p.again && !p.stopped);
    })().finally(() => {
      p.running = null;
    });
    return p.running;
  }

  private async cycle(p: ProjectLoop): Promise<void> {
    const nav = (globalThis as { navigator?: { onLine?: boolean } }).navigator;
    if (nav?.onLine === false) {
      // The browser says offline: wait for its "online" event instead of retrying.
      p.connection = "offline";
      this.emit();
      return;
    }
    try {
      await this.push(p);
      await this.pull(p);
      p.attempts = 0;
      p.connection = "online";
      // A channel the server closed for good keeps saying why.
      if (!p.liveEnded) p.error = null;
      this.status = { ...this.status, lastSyncedAt: nowIso() };
    } catch (error) {
      if (p.stopped) return;
      p.attempts++;
      p.connection = isNetworkError(error) ? "offline" : "online";
      p.error = errorInfo(error);
      p.timer = setTimeout(() => {
        p.timer = null;
        void this.run(p);
      }, retryDelay(p.attempts));
    }
    // The count as of now: the outbox watch may not have seen the acknowledgement yet.
    try {
      this.status = { ...this.status, pending: await this.db.outbox.count() };
    } catch {
      // The database is closing: the watch keeps the last count.
    }
    this.emit();
  }

  private async push(p: ProjectLoop): Promise<void> {
    const db = this.db;
    const clientId = await this.clientId();
    let gapRepaired = false;
    for (;;) {
      // Read and mark in one transaction: a typing burst may amend only entries not yet sent.
      const rows = await db.transaction("rw", db.outbox, async () => {
        const batch: OutboxRecord[] = await db.outbox
          .where("projectId")
          .equals(p.id)
          .limit(PUSH_BATCH)
          .toArray();
        const unsent = batch.filter((r) => r.sent !== 1).map((r) => r.seq!);
        if (unsent.length > 0) await db.outbox.where("seq").anyOf(unsent).modify({ sent: 1 });
        return batch;
      });
      if (rows.length === 0 || p.stopped) return;
      let response: PushResponse;
      try {
        response = await this.transport.push({
          protocolVersion: PROTOCOL_VERSION,
          clientId,
          projectId: p.id,
          mutations: rows.map((r) => r.mutation),
        });
      } catch (error) {
        if (!gapRepaired && (await this.repairGap(p.id, rows, error))) {
          gapRepaired = true;
          continue;
        }
        throw error;
      }
      await this.acknowledge(p.id, rows, response);
      const lastSent = rows[rows.length - 1]!.mutation.id;
      // A server that handled less than it was sent: the rest goes again next cycle.
      if (response.lastMutationId < lastSent || rows.length < PUSH_BATCH) return;
    }
  }

  /**
   * A 409 sync.gap: the server has handled every id below `expected` and none of the outbox's
   * (their ids are all higher), e.g. entries dropped by leaving the project before they were sent.
   * The outbox is numbered again from `expected`, in order, and nextMutationId follows. True when
   * it was (the push is tried again).
   */
  private async repairGap(
    projectId: string,
    sent: readonly OutboxRecord[],
    error: unknown,
  ): Promise<boolean> {
    if (!isAppError(error) || error.code !== "sync.gap") return false;
    const expected = Number(error.params.expected);
    const first = sent[0]?.mutation.id;
    if (!Number.isInteger(expected) || expected < 1 || first === undefined || first <= expected)
      return false;
    const db = this.db;
    await db.transaction("rw", db.outbox, db.syncState, async () => {
      const rows: OutboxRecord[] = await db.outbox.where("projectId").equals(projectId).toArray();
      let next = expected;
      for (const r of rows) {
        await db.outbox.update(r.seq!, { mutation: { ...r.mutation, id: next++ } });
      }
      await db.syncState.update(projectId, { nextMutationId: next });
    });
    return true;
  }

  /**
   * After a push, in one transaction: acknowledged entries leave the outbox, refused mutations are
   * listed for the user, and fix-ups (the server's state of what conflicted or was refused) replace
   * the optimistic local records.
   */
  private async acknowledge(
    projectId: string,
    rows: readonly OutboxRecord[],
    response: PushResponse,
  ): Promise<void> {
    const db = this.db;
    await db.transaction("rw", pullTables(db), async () => {
      const state = await db.syncState.get(projectId);
      if (!state) return;
      const done = rows.filter((r) => r.mutation.id <= response.lastMutationId);
      await db.outbox.bulkDelete(done.map((r) => r.seq!));
      await db.syncState.update(projectId, {
        lastMutationId: Math.max(state.lastMutationId, response.lastMutationId),
      });
      const byId = new Map(rows.map((r) => [r.mutation.id, r.mutation]));
      const key = refusedKey(projectId);
      const listed = ((await db.meta.get(key))?.value as RefusedChange[] | undefined) ?? [];
      // A resend of a mutation the server handled earlier comes back with its stored outcome (a
      // refusal whose first answer was lost); one already listed is not listed twice.
      const known = new Set(listed.map((r) => r.mutation.id));
      const refused: RefusedChange[] = [];
      for (const o of response.outcomes) {
        const mutation = byId.get(o.id);
        if (o.status === "refused" && mutation && !known.has(o.id)) {
          known.add(o.id);
          refused.push({ mutation, code: o.code, params: o.params, refusedAt: nowIso() });
        }
      }
      if (refused.length > 0) await db.meta.put({ key, value: [...listed, ...refused] });
      if (response.fixups.length > 0) {
        await applyRecordChanges(db, response.fixups, await pendingKeys(db, projectId));
      }
    });
  }

  private async pull(p: ProjectLoop): Promise<void> {
    const db = this.db;
    const clientId = await this.clientId();
    for (;;) {
      const state = await db.syncState.get(p.id);
      if (!state || p.stopped) return;
      const response = await this.transport.pull({
        protocolVersion: PROTOCOL_VERSION,
        clientId,
        projectId: p.id,
        cursor: state.cursor,
      });
      let moved = false;
      await db.transaction("rw", pullTables(db), async () => {
        const now = await db.syncState.get(p.id);
        // Left meanwhile, or another pull got further: drop this page.
        if (!now || now.cursor !== state.cursor) return;
        await applyRecordChanges(db, response.changes, await pendingKeys(db, p.id));
        await db.syncState.update(p.id, { cursor: response.cursor });
        moved = response.cursor !== state.cursor;
      });
      if (!response.more || !moved) return;
    }
  }

  private emit(): void {
    const loops = [...this.projects.values()];
    const nav = (globalThis as { navigator?: { onLine?: boolean } }).navigator;
    // No project to sync: nothing waits and nothing is missed (synced), unless the browser is offline.
    const connection: SyncStatus["connection"] =
      loops.length === 0
        ? nav?.onLine === false
          ? "offline"
          : "online"
        : loops.some((p) => p.connection === "offline")
          ? "offline"
          : loops.some((p) => p.connection === "connecting")
            ? "connecting"
            : "online";
    const error = loops.find((p) => p.error)?.error ?? null;
    this.status = { ...this.status, connection, error };
    for (const l of this.listeners) l(this.status);
  }
}
