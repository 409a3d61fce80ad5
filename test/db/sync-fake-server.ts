import type {
  ClientMessage,
  Member,
  Mutation,
  MutationOutcome,
  PullRequest,
  PullResponse,
  PushRequest,
  PushResponse,
  RecordChange,
  ServerMessage,
  SyncRecord,
} from "../../src/core/sync/protocol.ts";
import { PULL_PAGE } from "../../src/core/sync/protocol.ts";
import { AppError } from "../../src/core/model/app-error.ts";
import type { SyncTransport } from "../../src/db/sync/engine.ts";
import type { PresenceEntry } from "../../src/core/sync/protocol.ts";
import { applyMutation } from "../../src/core/sync/apply-mutation.ts";
import { recordId } from "../../src/core/sync/canonical.ts";
import { touchedKeys } from "../../src/core/sync/touched-keys.ts";

/**
 * An in-memory team server for the db sync tests: one project, records in a Map with the project
 * version at which each last changed, each mutation judged by the core rules (applyMutation, the
 * code the real server runs), idempotent by client id + mutation id.
 */
export class FakeServer {
  version = 0;
  readonly records = new Map<string, RecordChange>();
  /** `${clientId}` → the highest mutation id handled. */
  readonly handled = new Map<string, number>();
  /** Every mutation applied, in order (to count exactly-once delivery). */
  /** Mutations of a request skipped as already handled (answered with fix-ups). */
  skipped = 0;
  readonly log: { clientId: string; id: number; status: MutationOutcome["status"] }[] = [];
  /** `${clientId}:${id}` → the outcome of that mutation (a resend gets it again). */
  private readonly outcomeOf = new Map<string, MutationOutcome>();
  private readonly sockets = new Set<{
    member: Member;
    clientId: string;
    deliver: (m: ServerMessage) => void;
  }>();
  private readonly presenceOf = new Map<string, PresenceEntry>();
  /**
   * Pokes carry the records changed since the previous poke inline (`from`, `changes`), as the
   * real server's do when they are few (src/server/sync/live.ts); off: a poke only says pull.
   */
  inlinePokes = false;
  private poked = 0;

  constructor(readonly projectId = "p1") {}

  push(req: PushRequest, member: Member): PushResponse {
    if (req.projectId !== this.projectId) throw new Error("unknown project");
    let last = this.handled.get(req.clientId) ?? 0;
    const outcomes: MutationOutcome[] = [];
    const fixups = new Map<string, RecordChange>();
    let wrote = false;
    const addFixups = (mutation: Mutation) => {
      for (const k of touchedKeys([mutation])) {
        const id = recordId(k.table, k.key);
        fixups.set(
          id,
          this.records.get(id) ?? {
            table: k.table,
            key: k.key,
            docId: mutation.docId,
            value: null,
            version: this.version,
          },
        );
      }
    };
    const fresh = req.mutations.find((m) => m.id > last);
    // As the real server: the first new id must follow the last one handled.
    if (fresh && fresh.id !== last + 1) throw new AppError("sync.gap", { expected: last + 1 });
    for (const mutation of req.mutations) {
      if (mutation.id <= last) {
        // Already handled (its first answer may have been lost): answer with its stored outcome
        // and fix-ups (README), as the real server does from its change log.
        this.skipped++;
        addFixups(mutation);
        const stored = this.outcomeOf.get(`${req.clientId}:${mutation.id}`);
        outcomes.push(stored ?? { id: mutation.id, status: "applied" });
        continue;
      }
      const current = this.currentOf(mutation);
      const { outcome, writes } = applyMutation({ mutation, member, current });
      if (writes.length > 0) {
        this.version++;
        wrote = true;
        for (const w of writes) {
          this.records.set(recordId(w.table, w.key), {
            table: w.table,
            key: w.key,
            docId: w.docId,
            value: w.value,
            version: this.version,
          });
        }
      }
      if (outcome.status !== "applied") addFixups(mutation);
      last = mutation.id;
      this.log.push({ clientId: req.clientId, id: mutation.id, status: outcome.status });
      this.outcomeOf.set(`${req.clientId}:${mutation.id}`, outcome);
      outcomes.push(outcome);
    }
    this.handled.set(req.clientId, last);
    if (wrote) this.poke();
    return { lastMutationId: last, outcomes, fixups: [...fixups.values()] };
  }

  pull(req: PullRequest): PullResponse {
    const changes = [...this.records.values()]
      .filter((c) => c.version > req.cursor)
      .sort((a, b) => a.version - b.version);
    // A page ends at a version boundary, so a cursor never splits one push.
    let page = changes.slice(0, PULL_PAGE);
    const more = changes.length > PULL_PAGE;
    if (more) {
      const lastVersion = page[page.length - 1]!.version;
      const cut = page.filter((c) => c.version < lastVersion);
      page = cut.length > 0 ? cut : changes.filter((c) => c.version <= lastVersion);
    }
    return {
      cursor: page.length > 0 ? page[page.length - 1]!.version : req.cursor,
      lastMutationId: this.handled.get(req.clientId) ?? 0,
      changes: page,
      more,
    };
  }

  connect(member: Member, clientId: string, deliver: (m: ServerMessage) => void) {
    const socket = { member, clientId, deliver };
    this.sockets.add(socket);
    return () => this.sockets.delete(socket);
  }

  presence(clientId: string, message: ClientMessage): void {
    const socket = [...this.sockets].find((s) => s.clientId === clientId);
    if (!socket) return;
    this.presenceOf.set(clientId, {
      clientId,
      userId: socket.member.userId,
      name: socket.member.name,
      docId: message.docId,
      cell: message.cell,
    });
    const members = [...this.presenceOf.values()];
    for (const s of this.sockets)
      s.deliver({ type: "presence", projectId: this.projectId, members });
  }

  value(table: RecordChange["table"], key: string): SyncRecord | null {
    return this.records.get(recordId(table, key))?.value ?? null;
  }

  private currentOf(mutation: Mutation): Map<string, SyncRecord | null> {
    const current = new Map<string, SyncRecord | null>();
    for (const k of touchedKeys([mutation])) {
      const id = recordId(k.table, k.key);
      current.set(id, this.records.get(id)?.value ?? null);
    }
    return current;
  }

  private poke(): void {
    const from = this.poked;
    this.poked = this.version;
    const changes = [...this.records.values()]
      .filter((c) => c.version > from)
      .sort((a, b) => a.version - b.version);
    const message: ServerMessage = this.inlinePokes
      ? { type: "poke", projectId: this.projectId, version: this.version, from, changes }
      : { type: "poke", projectId: this.projectId, version: this.version };
    for (const s of this.sockets) s.deliver(message);
  }
}

/** JSON across the wire, as between a browser and the real server. */
const wire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * A transport to the fake server with controllable delivery: offline (requests fail like a lost
 * network, the live channel drops), and duplicate delivery of pushes (the same request twice).
 */
export class FakeTransport implements SyncTransport {
  online = true;
  duplicatePushes = false;
  /**
   * The server handles this many next pushes, but their answers never arrive: the network goes at
   * that moment (offline until setOnline(true)).
   */
  losePushAnswers = 0;
  /** Pulls fail like a lost network (pushes still go through). */
  failPulls = false;
  /** Rewrites a pull's answer before the client sees it. */
  tamperPull: ((r: PullResponse) => PullResponse) | null = null;
  pushes = 0;
  pulls = 0;
  private readonly channels = new Set<{
    close: () => void;
    onState: (open: boolean, closed?: { code: number }) => void;
  }>();

  constructor(
    private readonly server: FakeServer,
    readonly member: Member,
  ) {}

  setOnline(online: boolean): void {
    this.online = online;
    if (!online) {
      for (const c of [...this.channels]) {
        c.close();
        c.onState(false);
      }
      this.channels.clear();
    }
  }

  async push(req: PushRequest): Promise<PushResponse> {
    await Promise.resolve();
    if (!this.online) throw new TypeError("Failed to fetch");
    this.pushes++;
    const response = this.server.push(wire(req), this.member);
    if (this.losePushAnswers > 0) {
      this.losePushAnswers--;
      this.setOnline(false);
      throw new TypeError("Failed to fetch");
    }
    if (this.duplicatePushes) return wire(this.server.push(wire(req), this.member));
    return wire(response);
  }

  async pull(req: PullRequest): Promise<PullResponse> {
    await Promise.resolve();
    if (!this.online || this.failPulls) throw new TypeError("Failed to fetch");
    this.pulls++;
    const response = wire(this.server.pull(wire(req)));
    return this.tamperPull ? this.tamperPull(response) : response;
  }

  /** The options of every live channel opened, in order (the client id it named). */
  readonly liveOpened: { clientId?: string }[] = [];
  /** Presence messages sent over the live channels. */
  presenceSent = 0;

  /** The server closes every open channel with a WebSocket close code (4401, 4404 …). */
  closeLive(code: number): void {
    for (const c of [...this.channels]) {
      c.close();
      c.onState(false, { code });
    }
    this.channels.clear();
  }

  live(
    _projectId: string,
    onMessage: (m: ServerMessage) => void,
    onState: (open: boolean, closed?: { code: number }) => void,
    options: { clientId?: string } = {},
  ) {
    this.liveOpened.push(options);
    let clientId = "";
    let disconnect: (() => boolean) | null = null;
    const channel = {
      close: () => disconnect?.(),
      onState,
    };
    if (!this.online) {
      queueMicrotask(() => onState(false));
      return { send: () => undefined, close: () => undefined };
    }
    this.channels.add(channel);
    clientId = options.clientId ?? `live-${Math.random()}`;
    disconnect = this.server.connect(this.member, clientId, (m) =>
      queueMicrotask(() => onMessage(wire(m))),
    );
    queueMicrotask(() => onState(true));
    return {
      send: (m: ClientMessage) => {
        this.presenceSent++;
        if (this.online) this.server.presence(clientId, wire(m));
      },
      close: () => {
        this.channels.delete(channel);
        disconnect?.();
      },
    };
  }
}
