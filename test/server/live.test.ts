import { randomUUID } from "node:crypto";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { buildServer } from "../../src/server/app.ts";
import type { Database } from "../../src/server/db/database.ts";
import { openDatabase } from "../../src/server/db/open.ts";
import { createAuthenticate, registerAuthRoutes } from "../../src/server/http/auth.ts";
import {
  LIVE_INLINE_MAX_CHANGES,
  liveHubOf,
  parseClientMessage,
  PROJECT_CHANNEL,
  registerLiveRoutes,
} from "../../src/server/sync/live.ts";
import { registerSyncRoutes } from "../../src/server/sync/routes.ts";
import { pullChanges } from "../../src/server/sync/pull.ts";
import {
  PROTOCOL_VERSION,
  type Mutation,
  type PresenceEntry,
  type PushResponse,
  type RecordChange,
  type ServerMessage,
  type SyncPatch,
} from "../../src/core/sync/protocol.ts";
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from "./lib/databases.ts";

interface Account {
  cookie: string;
  userId: string;
  name: string;
  csrf: string;
}

function baseOf(app: FastifyInstance): string {
  const address = app.server.address();
  if (!address || typeof address === "string") throw new Error("not listening");
  return `http://127.0.0.1:${address.port}`;
}

async function signUp(base: string, name: string): Promise<Account> {
  const response = await fetch(`${base}/api/auth/signup`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Requested-With": "selaras" },
    body: JSON.stringify({ name, password: "correct horse battery" }),
  });
  expect(response.status).toBe(201);
  const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  expect(cookie).toMatch(/^selaras_session=/);
  const body = (await response.json()) as { user: { id: string }; csrfToken: string };
  return { cookie, userId: body.user.id, name, csrf: body.csrfToken };
}

async function createProject(db: Database, members: Account[]): Promise<string> {
  const id = randomUUID();
  await db.query("INSERT INTO projects (id, name) VALUES ($1, $2)", [id, `project ${id}`]);
  for (const m of members) {
    await db.query(
      "INSERT INTO members (project_id, user_id, role) VALUES ($1, $2, 'translator')",
      [id, m.userId],
    );
  }
  return id;
}

/** A live socket with its messages queued, so a test can wait for the one it expects. */
class LiveClient {
  readonly socket: WebSocket;
  readonly messages: ServerMessage[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  readonly opened: Promise<void>;
  /** The HTTP status when the upgrade was refused. */
  readonly refused: Promise<number | null>;
  private waiters: (() => void)[] = [];

  constructor(
    base: string,
    query: Record<string, string>,
    options: { cookie?: string; origin?: string | null; autoPong?: boolean } = {},
  ) {
    const url = new URL("/api/live", base.replace(/^http/, "ws"));
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    const headers: Record<string, string> = {};
    if (options.cookie) headers.Cookie = options.cookie;
    const origin = options.origin === undefined ? base : options.origin;
    if (origin !== null) headers.Origin = origin;
    this.socket = new WebSocket(url, { headers, autoPong: options.autoPong ?? true });
    this.socket.on("message", (data) => {
      this.messages.push(JSON.parse(String(data)) as ServerMessage);
      for (const w of this.waiters.splice(0)) w();
    });
    this.opened = new Promise((resolve, reject) => {
      this.socket.once("open", () => resolve());
      this.socket.once("error", reject);
    });
    this.refused = new Promise((resolve) => {
      this.socket.once("unexpected-response", (_req, res) => {
        resolve(res.statusCode ?? 0);
        this.socket.terminate();
      });
      this.socket.once("open", () => resolve(null));
    });
    this.closed = new Promise((resolve) => {
      this.socket.once("close", (code, reason) => resolve({ code, reason: reason.toString() }));
    });
    this.socket.on("error", () => undefined);
    this.opened.catch(() => undefined);
  }

  /** The first message (from `from` on) that matches, within `ms`. */
  async next<T extends ServerMessage>(
    match: (m: ServerMessage) => m is T,
    ms = 5_000,
    from = 0,
  ): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = this.messages.slice(from).find(match);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(`no matching message; got ${JSON.stringify(this.messages)}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Open, signed in and a member: the server's first presence list arrived. */
  async ready(): Promise<void> {
    await this.next(isPresence);
  }

  send(message: unknown): void {
    this.socket.send(typeof message === "string" ? message : JSON.stringify(message));
  }

  async close(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return;
    this.socket.close();
    await this.closed;
  }
}

const isPresence = (m: ServerMessage): m is Extract<ServerMessage, { type: "presence" }> =>
  m.type === "presence";
const isPoke = (m: ServerMessage): m is Extract<ServerMessage, { type: "poke" }> =>
  m.type === "poke";

function presenceWhere(pred: (members: PresenceEntry[]) => boolean) {
  return (m: ServerMessage): m is Extract<ServerMessage, { type: "presence" }> =>
    m.type === "presence" && pred(m.members);
}

async function waitFor(check: () => Promise<boolean>, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe("parseClientMessage", () => {
  it("accepts the protocol's presence message and nothing malformed", () => {
    expect(parseClientMessage('{"type":"presence","docId":null,"cell":null}')).toEqual({
      docId: null,
      cell: null,
    });
    expect(
      parseClientMessage(
        '{"type":"presence","docId":"d","cell":{"segmentId":"s","lang":"en","x":1}}',
      ),
    ).toEqual({ docId: "d", cell: { segmentId: "s", lang: "en" } });
    expect(parseClientMessage('{"type":"later-feature"}')).toBeUndefined();
    for (const bad of [
      "not json",
      "[]",
      "null",
      '{"docId":null}',
      '{"type":"presence","docId":5,"cell":null}',
      '{"type":"presence","docId":"d","cell":{"segmentId":"s","lang":"id"}}',
      '{"type":"presence","docId":"d","cell":{"segmentId":1,"lang":"vi"}}',
      `{"type":"presence","docId":"${"x".repeat(201)}","cell":null}`,
    ]) {
      expect(parseClientMessage(bad), bad).toBeNull();
    }
  });
});

describe.each(DATABASE_KINDS)("the live channel on %s", (kind) => {
  let t: TestDatabase;
  let dbB: Database;
  let appA: FastifyInstance;
  let appB: FastifyInstance;
  let baseA: string;
  let baseB: string;
  let ana: Account;
  let budi: Account;
  const clients: LiveClient[] = [];

  function connect(
    base: string,
    query: Record<string, string>,
    options?: ConstructorParameters<typeof LiveClient>[2],
  ): LiveClient {
    const c = new LiveClient(base, query, options);
    clients.push(c);
    return c;
  }

  beforeAll(async () => {
    t = await openTestDatabase(kind);
    // A second server process on the same database: the same PGlite, or a second pool.
    dbB = kind === "pglite" ? t.db : await openDatabase({ url: t.url, poolSize: 3 });
    appA = await buildServer({ db: t.db });
    appB = await buildServer({ db: dbB });
    await appA.listen({ port: 0, host: "127.0.0.1" });
    await appB.listen({ port: 0, host: "127.0.0.1" });
    baseA = baseOf(appA);
    baseB = baseOf(appB);
    ana = await signUp(baseA, "Ana");
    budi = await signUp(baseB, "Budi");
  });

  afterAll(async () => {
    for (const c of clients) c.socket.terminate();
    await appA?.close();
    await appB?.close();
    if (dbB && dbB !== t.db) await dbB.close();
    await t?.close();
  });

  it("closes a socket without a session with 4401", async () => {
    const project = await createProject(t.db, [ana]);
    const c = connect(baseA, { projectId: project });
    expect((await c.closed).code).toBe(4401);
    const bogus = connect(
      baseA,
      { projectId: project },
      { cookie: `selaras_session=${"a".repeat(43)}` },
    );
    expect((await bogus.closed).code).toBe(4401);
  });

  it("closes a non-member's socket, and one for a missing project, with 4404", async () => {
    const project = await createProject(t.db, [ana]);
    const c = connect(baseA, { projectId: project }, { cookie: budi.cookie });
    expect((await c.closed).code).toBe(4404);
    const missing = connect(baseA, { projectId: randomUUID() }, { cookie: ana.cookie });
    expect((await missing.closed).code).toBe(4404);
    expect(c.messages).toEqual([]);
  });

  it("refuses a cross-site socket (foreign or missing Origin) before the upgrade", async () => {
    const project = await createProject(t.db, [ana]);
    for (const origin of ["http://evil.example", "null", baseB, null]) {
      const c = connect(baseA, { projectId: project }, { cookie: ana.cookie, origin });
      expect(await c.refused, String(origin)).toBe(403);
    }
    const bad = await fetch(`${baseA}/api/live?projectId=${project}`, {
      headers: {
        Connection: "Upgrade",
        Upgrade: "websocket",
        "Sec-WebSocket-Version": "13",
        "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==",
        Origin: "http://evil.example",
        Cookie: ana.cookie,
      },
    }).catch(() => null);
    // fetch cannot upgrade; whatever it got, it was no socket (an HTTP answer or a refusal).
    expect(bad?.status ?? 403).not.toBe(101);
    const ok = connect(baseA, { projectId: project }, { cookie: ana.cookie });
    await ok.ready();
  });

  it("accepts the proxy's https origin only with trustProxy", async () => {
    const project = await createProject(t.db, [ana]);
    const proxied = await buildServer({ db: t.db, trustProxy: true });
    await proxied.listen({ port: 0, host: "127.0.0.1" });
    try {
      const base = baseOf(proxied);
      const host = new URL(base).host;
      const url = `${base.replace("http", "ws")}/api/live?projectId=${project}`;
      const open = (origin: string) =>
        new Promise<number | "open">((resolve) => {
          const ws = new WebSocket(url, {
            headers: { Cookie: ana.cookie, Origin: origin, "X-Forwarded-Proto": "https" },
          });
          ws.on("open", () => {
            ws.terminate();
            resolve("open");
          });
          ws.on("unexpected-response", (_q, res) => {
            ws.terminate();
            resolve(res.statusCode ?? 0);
          });
          ws.on("error", () => undefined);
        });
      expect(await open(`https://${host}`)).toBe("open");
      expect(await open(`http://${host}`)).toBe(403);
      // Without trustProxy the header means nothing: the origin is http.
      const c = connect(
        baseA,
        { projectId: project },
        {
          cookie: ana.cookie,
          origin: baseA.replace("http", "https"),
        },
      );
      expect(await c.refused).toBe(403);
    } finally {
      await proxied.close();
    }
  });

  it("pokes a member's socket with the version a NOTIFY carries, only for its project", async () => {
    const project = await createProject(t.db, [ana]);
    const other = await createProject(t.db, [ana]);
    const c = connect(baseA, { projectId: project }, { cookie: ana.cookie });
    await c.ready();
    await t.db.notify(PROJECT_CHANNEL, JSON.stringify({ projectId: other, version: 3 }));
    await t.db.notify(PROJECT_CHANNEL, JSON.stringify({ projectId: project, version: 7 }));
    expect(await c.next(isPoke)).toEqual({ type: "poke", projectId: project, version: 7 });
    expect(c.messages.filter(isPoke)).toHaveLength(1);
    // An old or repeated version is not poked again; a newer one is.
    await t.db.notify(PROJECT_CHANNEL, JSON.stringify({ projectId: project, version: 7 }));
    await t.db.notify(PROJECT_CHANNEL, JSON.stringify({ projectId: project, version: 8 }));
    await c.next(
      (m): m is Extract<ServerMessage, { type: "poke" }> => isPoke(m) && m.version === 8,
    );
    expect(c.messages.filter(isPoke).map((m) => m.version)).toEqual([7, 8]);
  });

  it("brings a NOTIFY sent through one server's database to a socket on the other", async () => {
    const project = await createProject(t.db, [ana, budi]);
    const onB = connect(baseB, { projectId: project }, { cookie: budi.cookie });
    const onA = connect(baseA, { projectId: project }, { cookie: ana.cookie });
    await onB.ready();
    await onA.ready();
    await t.db.notify(PROJECT_CHANNEL, JSON.stringify({ projectId: project, version: 12 }));
    expect(await onB.next(isPoke)).toEqual({ type: "poke", projectId: project, version: 12 });
    expect(await onA.next(isPoke)).toEqual({ type: "poke", projectId: project, version: 12 });
    await dbB.notify(PROJECT_CHANNEL, JSON.stringify({ projectId: project, version: 13 }));
    const v13 = (m: ServerMessage): m is Extract<ServerMessage, { type: "poke" }> =>
      isPoke(m) && m.version === 13;
    await onA.next(v13);
    await onB.next(v13);
  });

  it("shows one user's presence to another user on the other server, gone when the socket closes", async () => {
    const project = await createProject(t.db, [ana, budi]);
    const anaSocket = connect(
      baseA,
      { projectId: project, clientId: "client-ana" },
      {
        cookie: ana.cookie,
      },
    );
    const budiSocket = connect(
      baseB,
      { projectId: project, clientId: "client-budi" },
      {
        cookie: budi.cookie,
      },
    );
    await anaSocket.ready();
    await budiSocket.ready();
    anaSocket.send({ type: "presence", docId: "doc-1", cell: { segmentId: "seg-4", lang: "vi" } });
    const seen = await budiSocket.next(
      presenceWhere((ms) => ms.some((m) => m.clientId === "client-ana")),
    );
    expect(seen.projectId).toBe(project);
    expect(seen.members).toEqual([
      {
        clientId: "client-ana",
        userId: ana.userId,
        name: "Ana",
        docId: "doc-1",
        cell: { segmentId: "seg-4", lang: "vi" },
      },
    ]);
    // Moving to another cell reaches the other side too; Budi's own entry appears when he reports.
    budiSocket.send({ type: "presence", docId: "doc-1", cell: null });
    anaSocket.send({ type: "presence", docId: "doc-1", cell: { segmentId: "seg-5", lang: "en" } });
    const both = await budiSocket.next(
      presenceWhere(
        (ms) =>
          ms.length === 2 &&
          ms.some((m) => m.clientId === "client-ana" && m.cell?.segmentId === "seg-5"),
      ),
    );
    expect(both.members.map((m) => m.name)).toEqual(["Ana", "Budi"]);
    await anaSocket.next(presenceWhere((ms) => ms.some((m) => m.clientId === "client-budi")));
    const count = budiSocket.messages.length;
    await anaSocket.close();
    const after = await budiSocket.next(
      presenceWhere((ms) => ms.every((m) => m.clientId !== "client-ana")),
      5_000,
      count,
    );
    expect(after.members.map((m) => m.clientId)).toEqual(["client-budi"]);
    const rows = await t.db.query("SELECT client_id FROM presence WHERE project_id = $1", [
      project,
    ]);
    expect(rows.map((r) => r.client_id)).toEqual(["client-budi"]);
  });

  it("does not let one user take over another user's presence row by its client id", async () => {
    const project = await createProject(t.db, [ana, budi]);
    const anaSocket = connect(
      baseA,
      { projectId: project, clientId: "shared-id" },
      {
        cookie: ana.cookie,
      },
    );
    await anaSocket.ready();
    anaSocket.send({ type: "presence", docId: "doc-a", cell: null });
    await anaSocket.next(presenceWhere((ms) => ms.length === 1));
    const budiSocket = connect(
      baseA,
      { projectId: project, clientId: "shared-id" },
      {
        cookie: budi.cookie,
      },
    );
    await budiSocket.ready();
    budiSocket.send({ type: "presence", docId: "doc-b", cell: null });
    await budiSocket.close();
    const rows = await t.db.query<{ user_id: string; doc_id: string }>(
      "SELECT user_id, doc_id FROM presence WHERE project_id = $1",
      [project],
    );
    expect(rows).toEqual([{ user_id: ana.userId, doc_id: "doc-a" }]);
  });

  it("pokes by polling projects.version while the LISTEN is lost, and listens again", async () => {
    const project = await createProject(t.db, [ana, budi]);
    const hub = liveHubOf(appB);
    if (!hub) throw new Error("no live hub");
    const c = connect(baseB, { projectId: project }, { cookie: budi.cookie });
    await c.ready();
    expect(hub.listening).toBe(true);
    await hub.stopListening();
    expect(hub.listening).toBe(false);
    // A version change without NOTIFY (the notice lost with the connection).
    await t.db.query("UPDATE projects SET version = 21 WHERE id = $1", [project]);
    const started = Date.now();
    expect(await c.next(isPoke, 5_000)).toEqual({ type: "poke", projectId: project, version: 21 });
    expect(Date.now() - started).toBeLessThan(4_500);
    // Presence of another process reaches it by polling too.
    const anaSocket = connect(
      baseA,
      { projectId: project, clientId: "polled-ana" },
      {
        cookie: ana.cookie,
      },
    );
    await anaSocket.ready();
    anaSocket.send({ type: "presence", docId: "d", cell: null });
    await c.next(
      presenceWhere((ms) => ms.some((m) => m.clientId === "polled-ana")),
      5_000,
    );
    await hub.startListening();
    await waitFor(async () => hub.listening);
    await t.db.query("UPDATE projects SET version = 22 WHERE id = $1", [project]);
    await t.db.notify(PROJECT_CHANNEL, JSON.stringify({ projectId: project, version: 22 }));
    await c.next(
      (m): m is Extract<ServerMessage, { type: "poke" }> => isPoke(m) && m.version === 22,
    );
  });

  it("closes a socket that sends a malformed message with 4400, ignores unknown types", async () => {
    const project = await createProject(t.db, [ana]);
    const c = connect(baseA, { projectId: project }, { cookie: ana.cookie });
    await c.ready();
    c.send({ type: "some-later-message" });
    await t.db.notify(PROJECT_CHANNEL, JSON.stringify({ projectId: project, version: 2 }));
    await c.next(isPoke);
    c.send("{not json");
    expect((await c.closed).code).toBe(4400);
    const big = connect(baseA, { projectId: project }, { cookie: ana.cookie });
    await big.ready();
    big.send({ type: "presence", docId: "x".repeat(20_000), cell: null });
    expect((await big.closed).code).toBe(1009);
  });
});

describe.each(DATABASE_KINDS)("the live channel's limits and housekeeping on %s", (kind) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let base: string;
  let ana: Account;
  let budi: Account;
  const clients: LiveClient[] = [];

  function connect(
    query: Record<string, string>,
    options?: ConstructorParameters<typeof LiveClient>[2],
  ): LiveClient {
    const c = new LiveClient(base, query, options);
    clients.push(c);
    return c;
  }

  beforeAll(async () => {
    t = await openTestDatabase(kind);
    app = Fastify();
    registerAuthRoutes(app, { db: t.db });
    await registerLiveRoutes(app, {
      db: t.db,
      authenticate: createAuthenticate(t.db),
      sweepIntervalMs: 150,
      pingIntervalMs: 150,
      maxSocketsPerSession: 2,
    });
    await app.listen({ port: 0, host: "127.0.0.1" });
    base = baseOf(app);
    ana = await signUp(base, "Ana");
    budi = await signUp(base, "Budi");
  });

  afterAll(async () => {
    for (const c of clients) c.socket.terminate();
    await app?.close();
    await t?.close();
  });

  it("allows at most N sockets per session (4429 beyond)", async () => {
    const project = await createProject(t.db, [ana]);
    const first = connect({ projectId: project }, { cookie: ana.cookie });
    const second = connect({ projectId: project }, { cookie: ana.cookie });
    await first.ready();
    await second.ready();
    const third = connect({ projectId: project }, { cookie: ana.cookie });
    expect((await third.closed).code).toBe(4429);
    await first.close();
    const again = connect({ projectId: project }, { cookie: ana.cookie });
    await again.ready();
    await second.close();
    await again.close();
  });

  it("drops a socket that does not answer pings", async () => {
    const project = await createProject(t.db, [ana, budi]);
    const silent = connect({ projectId: project }, { cookie: ana.cookie, autoPong: false });
    const lively = connect({ projectId: project }, { cookie: budi.cookie });
    await silent.ready();
    await lively.ready();
    expect((await silent.closed).code).toBe(1006);
    expect(lively.socket.readyState).not.toBe(WebSocket.CLOSED);
    lively.socket.terminate();
  });

  it("no longer counts presence older than 30 s: swept and announced", async () => {
    const project = await createProject(t.db, [ana, budi]);
    const anaSocket = connect({ projectId: project, clientId: "ana-1" }, { cookie: ana.cookie });
    const budiSocket = connect({ projectId: project, clientId: "budi-1" }, { cookie: budi.cookie });
    await anaSocket.ready();
    await budiSocket.ready();
    anaSocket.send({ type: "presence", docId: "d", cell: null });
    await budiSocket.next(presenceWhere((ms) => ms.length === 1));
    // As if Ana's server process had died 31 s ago (no heartbeat, no close).
    await t.db.query(
      "UPDATE presence SET updated_at = now() - interval '31 seconds' WHERE client_id = 'ana-1'",
    );
    const from = budiSocket.messages.length;
    await budiSocket.next(
      presenceWhere((ms) => ms.length === 0),
      5_000,
      from,
    );
    // Her next heartbeat brings her back.
    anaSocket.send({ type: "presence", docId: "d", cell: null });
    await budiSocket.next(
      presenceWhere((ms) => ms.length === 1),
      5_000,
      from,
    );
    // An unchanged heartbeat only refreshes the row: no new list goes out.
    const before = budiSocket.messages.length;
    const stamp = await t.db.query<{ t: string }>(
      "SELECT updated_at::text AS t FROM presence WHERE client_id = 'ana-1'",
    );
    await new Promise((r) => setTimeout(r, 20));
    anaSocket.send({ type: "presence", docId: "d", cell: null });
    await waitFor(async () => {
      const now = await t.db.query<{ t: string }>(
        "SELECT updated_at::text AS t FROM presence WHERE client_id = 'ana-1'",
      );
      return now[0]?.t !== stamp[0]?.t;
    });
    await new Promise((r) => setTimeout(r, 200));
    expect(budiSocket.messages.slice(before).filter(isPresence)).toEqual([]);
  });

  it("closes the socket of a removed member (4404) and of a signed-out session (4401)", async () => {
    const project = await createProject(t.db, [ana, budi]);
    const anaSocket = connect({ projectId: project }, { cookie: ana.cookie });
    const budiSocket = connect({ projectId: project }, { cookie: budi.cookie });
    await anaSocket.ready();
    await budiSocket.ready();
    await t.db.query("DELETE FROM members WHERE project_id = $1 AND user_id = $2", [
      project,
      budi.userId,
    ]);
    expect((await budiSocket.closed).code).toBe(4404);
    await t.db.query("DELETE FROM sessions WHERE user_id = $1", [ana.userId]);
    expect((await anaSocket.closed).code).toBe(4401);
  });

  it("on app.close(): sockets closed with 1001, presence rows deleted, listening stopped", async () => {
    const fresh = await signUp(base, `Dewi ${randomUUID().slice(0, 8)}`);
    const project = await createProject(t.db, [fresh]);
    const c = connect({ projectId: project, clientId: "dewi-1" }, { cookie: fresh.cookie });
    await c.ready();
    c.send({ type: "presence", docId: "d", cell: null });
    await c.next(presenceWhere((ms) => ms.length === 1));
    const hub = liveHubOf(app);
    expect(hub?.listening).toBe(true);
    await app.close();
    expect((await c.closed).code).toBe(1001);
    expect(hub?.listening).toBe(false);
    expect(hub?.socketCount()).toBe(0);
    const rows = await t.db.query("SELECT 1 FROM presence WHERE project_id = $1", [project]);
    expect(rows).toEqual([]);
  });
});

type Poke = Extract<ServerMessage, { type: "poke" }>;

describe.each(DATABASE_KINDS)(
  "pokes coalesced per project, small changes inline, on %s",
  (kind) => {
    let t: TestDatabase;
    let app: FastifyInstance;
    let base: string;
    let ana: Account;
    let budi: Account;
    const clients: LiveClient[] = [];
    const TICK_MS = 300;
    const nextId = new Map<string, number>();

    beforeAll(async () => {
      t = await openTestDatabase(kind);
      app = Fastify();
      registerAuthRoutes(app, { db: t.db });
      const authenticate = createAuthenticate(t.db);
      registerSyncRoutes(app, { db: t.db, authenticate });
      await registerLiveRoutes(app, { db: t.db, authenticate, pokeCoalesceMs: TICK_MS });
      await app.listen({ port: 0, host: "127.0.0.1" });
      base = baseOf(app);
      ana = await signUp(base, "Ana");
      budi = await signUp(base, "Budi");
    });

    afterAll(async () => {
      for (const c of clients) c.socket.terminate();
      await app?.close();
      await t?.close();
    });

    async function ownedProject(): Promise<string> {
      const id = await createProject(t.db, [budi]);
      await t.db.query("INSERT INTO members (project_id, user_id, role) VALUES ($1, $2, 'owner')", [
        id,
        ana.userId,
      ]);
      return id;
    }

    async function push(projectId: string, patches: SyncPatch[], docId: string) {
      const id = (nextId.get(projectId) ?? 0) + 1;
      nextId.set(projectId, id);
      const mutation: Mutation = {
        id,
        docId,
        label: "edit",
        at: "2026-03-01T00:00:00.000Z",
        patches,
      };
      const response = await fetch(`${base}/api/sync/push`, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          Cookie: ana.cookie,
          "X-CSRF-Token": ana.csrf,
        },
        body: JSON.stringify({
          protocolVersion: PROTOCOL_VERSION,
          clientId: `live-inline-${kind}`,
          projectId,
          mutations: [mutation],
        }),
      });
      expect(response.status).toBe(200);
      const body = (await response.json()) as PushResponse;
      expect(body.outcomes[0]?.status).toBe("applied");
    }

    const docPatch = (doc: string): SyncPatch => ({
      table: "documents",
      key: doc,
      before: null,
      after: { id: doc, title: `Berita ${doc}` },
    });
    const segmentPatch = (doc: string, seg: string): SyncPatch => ({
      table: "segments",
      key: seg,
      before: null,
      after: { id: seg, docId: doc, order: "a0", source: `Kalimat ${seg}.` },
    });

    async function pulled(projectId: string, cursor: number): Promise<RecordChange[]> {
      const page = await pullChanges(t.db, {
        userId: budi.userId,
        request: { protocolVersion: PROTOCOL_VERSION, clientId: "probe", projectId, cursor },
      });
      return page.changes;
    }

    it("a poke carries the pushed records inline, exactly what a pull from its `from` answers", async () => {
      const project = await ownedProject();
      const doc = `doc-inline-${kind}`;
      const c = new LiveClient(base, { projectId: project }, { cookie: budi.cookie });
      clients.push(c);
      await c.ready();
      await push(project, [docPatch(doc), segmentPatch(doc, `${doc}-s1`)], doc);
      const poke = await c.next(isPoke);
      expect(poke).toMatchObject({ type: "poke", projectId: project, version: 1, from: 0 });
      expect(poke.changes).toEqual(await pulled(project, 0));
      expect(poke.changes?.map((ch) => ch.key).sort()).toEqual([doc, `${doc}-s1`].sort());
    });

    it("pushes within one tick reach each socket as one poke with every change; many changes only say pull", async () => {
      const project = await ownedProject();
      const doc = `doc-burst-${kind}`;
      const c = new LiveClient(base, { projectId: project }, { cookie: budi.cookie });
      clients.push(c);
      await c.ready();
      const started = Date.now();
      await push(project, [docPatch(doc)], doc);
      const PUSHES = 8;
      for (let i = 1; i < PUSHES; i++)
        await push(project, [segmentPatch(doc, `${doc}-s${i}`)], doc);
      const elapsed = Date.now() - started;
      await c.next((m): m is Poke => isPoke(m) && m.version === PUSHES);
      await new Promise((r) => setTimeout(r, TICK_MS + 100));
      const pokes = c.messages.filter(isPoke);
      // One poke per tick at most (a tick starts with the first notice after the previous poke).
      expect(pokes.length).toBeLessThanOrEqual(Math.ceil(elapsed / TICK_MS) + 1);
      expect(pokes.length).toBeLessThan(PUSHES);
      // Contiguous, and together exactly the project's records.
      let cursor = 0;
      const seen = new Map<string, RecordChange>();
      for (const p of pokes) {
        expect(p.from).toBe(cursor);
        for (const ch of p.changes ?? []) seen.set(`${ch.table}:${ch.key}`, ch);
        cursor = p.version;
      }
      expect(cursor).toBe(PUSHES);
      const all = await pulled(project, 0);
      expect([...seen.values()].sort((a, b) => a.key.localeCompare(b.key))).toEqual(
        [...all].sort((a, b) => a.key.localeCompare(b.key)),
      );

      // More records than a poke carries: a plain poke, the client pulls.
      const before = c.messages.length;
      const many = Array.from({ length: LIVE_INLINE_MAX_CHANGES + 1 }, (_, i) =>
        segmentPatch(doc, `${doc}-m${i}`),
      );
      await push(project, many, doc);
      const plain = await c.next(isPoke, 5_000, before);
      expect(plain).toEqual({ type: "poke", projectId: project, version: PUSHES + 1 });
    });
  },
);
