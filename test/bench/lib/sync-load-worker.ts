/**
 * A Node process of simulated team members for the sync bench: each speaks the sync protocol
 * itself (POST /api/sync/push and /pull with its session, a WebSocket on /api/live whose pokes
 * trigger pulls), as the app does, without an IndexedDB. Configuration in the environment variable
 * SELARAS_LOAD (JSON, LoadConfig); prints one JSON line (LoadResult) on stdout and exits.
 *
 *  - "steady": every member edits one of its own cells every `intervalMs` (± 50 % jitter) for
 *    `durationMs`, one mutation per push; a poke whose inline changes follow its cursor is taken
 *    as it comes (as the app's engine does), any other poke newer than its cursor makes it pull
 *    (at most one pull at a time).
 *  - "flood": every member pushes batches of `batch` one-cell edits back to back for `durationMs`.
 */
import { randomUUID } from "node:crypto";
import type {
  MutationOutcome,
  PullResponse,
  PushResponse,
  SyncRecord,
} from "../../../src/core/sync/protocol.ts";
import { PROTOCOL_VERSION } from "../../../src/core/sync/protocol.ts";
import { openLive, type Session } from "./team-node.ts";

export interface LoadMember {
  session: Session;
  /** translations keys this member edits (nobody else edits them). */
  cells: string[];
}

export interface LoadConfig {
  /** The server each member talks to (two processes: members split across them). */
  projectId: string;
  members: LoadMember[];
  mode: "steady" | "flood";
  intervalMs: number;
  durationMs: number;
  batch: number;
}

export interface LoadResult {
  members: number;
  sent: number;
  applied: number;
  conflict: number;
  refused: number;
  errors: number;
  pulls: number;
  /** Pokes whose inline changes were taken without a pull. */
  inline: number;
  pushMs: number[];
  firstError: string | null;
}

const config = JSON.parse(process.env.SELARAS_LOAD ?? "{}") as LoadConfig;
const result: LoadResult = {
  members: config.members.length,
  sent: 0,
  applied: 0,
  conflict: 0,
  refused: 0,
  errors: 0,
  pulls: 0,
  inline: 0,
  pushMs: [],
  firstError: null,
};

function fail(error: unknown): void {
  result.errors++;
  result.firstError ??= error instanceof Error ? error.message : String(error);
}

async function call<T>(session: Session, path: string, body: unknown): Promise<T> {
  const response = await fetch(new URL(path, session.baseUrl), {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      Cookie: session.cookie,
      "X-CSRF-Token": session.csrf,
    },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${text.slice(0, 200)}`);
  return JSON.parse(text) as T;
}

class Member {
  readonly clientId = `load-${randomUUID()}`;
  private nextId = 1;
  private cursor = 0;
  private pulling: Promise<void> | null = null;
  private again = false;
  private readonly records = new Map<string, SyncRecord>();
  private turn = 0;

  constructor(private readonly m: LoadMember) {}

  /** A poke: its inline changes taken when they follow the cursor (no pull), else a pull. */
  async poke(message: {
    version: number;
    from?: number;
    changes?: { table: string; key: string; value: SyncRecord | null; version: number }[];
  }): Promise<void> {
    if (this.pulling || message.version <= this.cursor) {
      if (message.version > this.cursor) this.again = true;
      return this.pulling ?? undefined;
    }
    if (message.from === undefined || !message.changes || this.cursor < message.from) {
      return this.pull();
    }
    result.inline++;
    this.take(message.changes.filter((c) => c.version > this.cursor));
    this.cursor = message.version;
  }

  private take(changes: readonly { table: string; key: string; value: SyncRecord | null }[]) {
    for (const c of changes) {
      // Only this member writes its cells: the first pull gives their state, later pulls bring
      // back its own edits (possibly older than one just made), so they are not taken.
      const own = c.table === "translations" && this.m.cells.includes(c.key);
      if (own && c.value && !this.records.has(c.key)) this.records.set(c.key, c.value);
    }
  }

  async pull(): Promise<void> {
    if (this.pulling) {
      this.again = true;
      return this.pulling;
    }
    this.pulling = (async () => {
      do {
        this.again = false;
        let more = true;
        while (more) {
          const page = await call<PullResponse>(this.m.session, "/api/sync/pull", {
            protocolVersion: PROTOCOL_VERSION,
            clientId: this.clientId,
            projectId: config.projectId,
            cursor: this.cursor,
          });
          result.pulls++;
          this.take(page.changes);
          this.cursor = Math.max(this.cursor, page.cursor);
          more = page.more;
        }
      } while (this.again);
    })().finally(() => {
      this.pulling = null;
    });
    return this.pulling;
  }

  /** One edit of one of this member's cells, as a mutation (the record as it was → as it is). */
  private edit(): {
    id: number;
    docId: string | null;
    label: string;
    at: string;
    patches: unknown[];
  } {
    const key = this.m.cells[this.turn++ % this.m.cells.length]!;
    const before = this.records.get(key);
    if (!before) throw new Error(`member ${this.m.session.name} does not have cell ${key}`);
    const at = new Date().toISOString();
    const after = {
      ...before,
      text: `${this.m.session.name} ${this.nextId} ${at}`,
      status: "draft",
      confidence: null,
      changedBy: this.m.session.name,
      changedAt: at,
    };
    this.records.set(key, after);
    return {
      id: this.nextId++,
      docId: typeof before.docId === "string" ? before.docId : null,
      label: "edit",
      at,
      patches: [{ table: "translations", key, before, after }],
    };
  }

  async push(count: number): Promise<void> {
    const mutations = Array.from({ length: count }, () => this.edit());
    const started = performance.now();
    const response = await call<PushResponse>(this.m.session, "/api/sync/push", {
      protocolVersion: PROTOCOL_VERSION,
      clientId: this.clientId,
      projectId: config.projectId,
      mutations,
    });
    result.pushMs.push(performance.now() - started);
    result.sent += count;
    for (const o of response.outcomes as MutationOutcome[]) {
      if (o.status === "applied") result.applied++;
      else if (o.status === "conflict") result.conflict++;
      else {
        result.refused++;
        result.firstError ??= `refused ${o.code} ${JSON.stringify(o.params)}`;
      }
    }
  }
}

async function runMember(m: LoadMember, stopAt: number): Promise<void> {
  const member = new Member(m);
  await member.pull();
  const socket = openLive(m.session, config.projectId);
  socket.on("message", (data) => {
    try {
      const message = JSON.parse(String(data)) as { type?: string; version?: number };
      if (message.type === "poke" && typeof message.version === "number")
        member.poke(message as Parameters<Member["poke"]>[0]).catch(fail);
    } catch (error) {
      fail(error);
    }
  });
  socket.on("error", fail);
  try {
    while (Date.now() < stopAt) {
      if (config.mode === "steady") {
        const wait = config.intervalMs * (0.5 + Math.random());
        await new Promise((r) => setTimeout(r, wait));
        if (Date.now() >= stopAt) break;
        await member.push(1).catch(fail);
      } else {
        await member.push(config.batch).catch(fail);
      }
    }
  } finally {
    socket.close();
  }
}

const stopAt = Date.now() + config.durationMs;
await Promise.all(config.members.map((m) => runMember(m, stopAt).catch(fail)));
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
