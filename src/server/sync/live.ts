/**
 * The live channel (team-api.md, last row): `GET /api/live?projectId=…[&clientId=…]` upgrades to a
 * WebSocket on which the server sends `poke` after every version change of the project and
 * `presence` lists (src/core/sync/protocol.ts ServerMessage); the client sends where it is
 * (ClientMessage presence).
 *
 * - Cross-Site WebSocket Hijacking: an upgrade carries the session cookie but cannot carry the CSRF
 *   header, so the Origin header must equal the server's own origin (protocol as Fastify sees it,
 *   proxy-aware with trustProxy, and Host): else 403 `live.origin` before any upgrade.
 * - After the upgrade: not signed in → close 4401; not a member, or no such project → close 4404 (the
 *   same for both, as for HTTP); too many sockets of one session in this process → close 4429; an
 *   unparseable or malformed message → close 4400 (a message of an unknown type is ignored); a
 *   message over 16 KiB → close 1009 (ws). Every sweep (10 s) re-checks each socket's session and
 *   membership, so a removed member or a signed-out session loses its socket (4404 / 4401).
 * - One LISTEN per server process on channel `selaras_project` (payload `{"projectId","version"}`,
 *   sent by the sync push after commit; `{"projectId","presence":true}` announces a presence change)
 *   fanned out to this process's sockets of the project. Pokes are coalesced per project: the first
 *   notice waits `pokeCoalesceMs` (10 ms), then one query reads the records whose version is in
 *   (last poked, newest noticed] and one poke goes to every socket of the project, carrying those
 *   records inline (`from`, `changes`) when they are few and small (LIVE_INLINE_MAX_CHANGES,
 *   LIVE_INLINE_MAX_BYTES), so clients need no pull; notices that arrive meanwhile go into the next
 *   poke (one query and one poke per project at a time). Without inline changes a poke says pull. While the listening connection is lost the
 *   process polls projects.version (and the presence lists) every 2 s for the projects it has sockets
 *   for, and once more when it listens again.
 * - Presence lives in the table `presence` (every process sees it): one row per project and client,
 *   written on each presence message (the client repeats it at least every 15 s as a heartbeat; an
 *   unchanged heartbeat only refreshes `updated_at` and announces nothing), deleted when its socket
 *   closes; rows older than 30 s do not count and are swept.
 * - Ping every 30 s; a socket that did not answer the previous ping is terminated.
 * - app.close(): sockets closed (1001), their presence rows deleted, UNLISTEN, timers cleared.
 */
import { randomUUID } from "node:crypto";
import fastifyWebsocket from "@fastify/websocket";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { RawData, WebSocket } from "ws";
import { isTargetLang, type TargetLang } from "../../core/model/languages.ts";
import type { PresenceEntry, ServerMessage } from "../../core/sync/protocol.ts";
import type { Database } from "../db/database.ts";
import { readCookie, SESSION_COOKIE, sha256Hex, type Authenticate } from "../http/auth.ts";
import { apiErrorBody, isApiError } from "../http/errors.ts";
import { RECORD_SELECT, recordChangeOf, type RecordRow } from "./pull.ts";
import { PROJECT_CHANNEL } from "./push.ts";

/** The NOTIFY channel of project changes (team-api.md), the one the sync push notifies. */
export { PROJECT_CHANNEL };

/** WebSocket close codes of the live channel. */
export const LIVE_CLOSE = {
  /** An unparseable or malformed message. */
  badMessage: 4400,
  /** Not signed in (no, unknown or expired session). */
  unauthorized: 4401,
  /** Not a member of the project, or no such project. */
  notFound: 4404,
  /** Too many sockets of one session. */
  tooMany: 4429,
  /** The server is shutting down. */
  goingAway: 1001,
  /** The server failed (database). */
  serverError: 1011,
} as const;

/** Presence rows older than this do not count. */
export const PRESENCE_TTL_SECONDS = 30;

export interface LiveOptions {
  db: Database;
  authenticate: Authenticate;
  /** Polling period while the LISTEN connection is lost (2 s). */
  pollIntervalMs?: number;
  /** Ping period; a socket that missed one ping is dropped (30 s). */
  pingIntervalMs?: number;
  /** Stale presence sweep and session/membership re-check period (10 s). */
  sweepIntervalMs?: number;
  /** Largest message a client may send (16 KiB). */
  maxMessageBytes?: number;
  /** At most this many sockets per session in one process (64: tabs × projects). */
  maxSocketsPerSession?: number;
  /** Notices of one project within this time after the first go out as one poke (10 ms). */
  pokeCoalesceMs?: number;
}

/** A poke carries its records inline when there are at most this many … */
export const LIVE_INLINE_MAX_CHANGES = 200;
/** … and its JSON is at most this long (characters); else it only says pull. */
export const LIVE_INLINE_MAX_BYTES = 64 * 1024;

/** What a test (or an operator) can see and do of a process's live channel. */
export interface LiveHub {
  /** True while the LISTEN connection listens. */
  readonly listening: boolean;
  /** Open, signed-in sockets of this process. */
  socketCount(): number;
  /** Stops the LISTEN as if its connection had been lost: polling takes over. */
  stopListening(): Promise<void>;
  /** LISTENs again (polling stops once it listens). */
  startListening(): Promise<void>;
}

const hubs = new WeakMap<FastifyInstance, LiveHub>();

/** The live channel of an app built with registerLiveRoutes (tests). */
export function liveHubOf(app: FastifyInstance): LiveHub | undefined {
  return hubs.get(app);
}

type Cell = { segmentId: string; lang: TargetLang };
interface Where {
  docId: string | null;
  cell: Cell | null;
}

interface Conn {
  socket: WebSocket;
  projectId: string;
  clientId: string;
  sessionKey: string;
  userId: string;
  name: string;
  /** Signed in and a member: counted, receives messages. */
  ready: boolean;
  closed: boolean;
  alive: boolean;
  /** The latest presence not yet written. */
  pending: Where | null;
  /** The presence write under way. */
  flushing: Promise<void> | null;
  /** What this socket last wrote to its presence row, and when (ms). */
  written: { key: string; at: number } | null;
}

interface ProjectState {
  conns: Set<Conn>;
  /** The highest version this process has poked (or read when the first socket opened). */
  version: number;
  /** The highest version noticed (NOTIFY or polling); poked once the coalescing tick is over. */
  noticed: number;
  pokeTimer: NodeJS.Timeout | null;
  pokeRunning: boolean;
  /** The last presence list sent to the sockets (JSON), to send only changes. */
  lastPresence: string | null;
  presenceTimer: NodeJS.Timeout | null;
  presenceRunning: boolean;
  presenceAgain: boolean;
}

const ID_PATTERN = /^[A-Za-z0-9_.:-]{1,200}$/;
const TEXT_MAX = 200;
/** A heartbeat with unchanged content within this time only refreshes updated_at. */
const REFRESH_ONLY_MS = (PRESENCE_TTL_SECONDS - 5) * 1000;
/** Presence changes of one project within this time go out as one list. */
const PRESENCE_COALESCE_MS = 20;

function headerValue(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The server's own origin as the browser sees it: proxy-aware protocol and Host. */
export function ownOrigin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`.toLowerCase();
}

function queryOf(request: FastifyRequest): { projectId?: unknown; clientId?: unknown } {
  const query = request.query;
  return query && typeof query === "object" ? (query as Record<string, unknown>) : {};
}

/** A ClientMessage presence, checked; undefined = another type (ignored); null = malformed. */
export function parseClientMessage(text: string): Where | undefined | null {
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch {
    return null;
  }
  if (!message || typeof message !== "object" || Array.isArray(message)) return null;
  const m = message as Record<string, unknown>;
  if (typeof m.type !== "string") return null;
  if (m.type !== "presence") return undefined;
  const docId = m.docId ?? null;
  if (docId !== null && (typeof docId !== "string" || docId.length > TEXT_MAX)) return null;
  const cell = m.cell ?? null;
  if (cell === null) return { docId, cell: null };
  if (typeof cell !== "object" || Array.isArray(cell)) return null;
  const c = cell as Record<string, unknown>;
  if (typeof c.segmentId !== "string" || c.segmentId.length > TEXT_MAX) return null;
  if (typeof c.lang !== "string" || !isTargetLang(c.lang)) return null;
  return { docId, cell: { segmentId: c.segmentId, lang: c.lang } };
}

function send(conn: Conn, message: ServerMessage | string): void {
  if (conn.closed || conn.socket.readyState !== conn.socket.OPEN) return;
  conn.socket.send(typeof message === "string" ? message : JSON.stringify(message));
}

export async function registerLiveRoutes(
  app: FastifyInstance,
  options: LiveOptions,
): Promise<LiveHub> {
  const { db, authenticate } = options;
  const pollIntervalMs = options.pollIntervalMs ?? 2_000;
  const pingIntervalMs = options.pingIntervalMs ?? 30_000;
  const sweepIntervalMs = options.sweepIntervalMs ?? 10_000;
  const maxMessageBytes = options.maxMessageBytes ?? 16 * 1024;
  const maxSocketsPerSession = options.maxSocketsPerSession ?? 64;
  const pokeCoalesceMs = options.pokeCoalesceMs ?? 10;

  const projects = new Map<string, ProjectState>();
  const sessions = new Map<string, number>();
  /** Every socket of this process, ready or not (for ping and shutdown). */
  const allConns = new Set<Conn>();
  const tasks = new Set<Promise<unknown>>();
  let listening = false;
  let stopListen: (() => Promise<void>) | null = null;
  let closing = false;
  let pollTimer: NodeJS.Timeout | null = null;
  let pollRunning = false;

  /** Runs a background task; its failure is logged, never thrown; app.close() waits for it. */
  function track(task: () => Promise<unknown>): void {
    const p = task().catch((error: unknown) => {
      if (!closing) app.log.error({ err: error }, "live channel task failed");
    });
    tasks.add(p);
    void p.finally(() => tasks.delete(p));
  }

  await app.register(fastifyWebsocket, {
    options: { maxPayload: maxMessageBytes },
    preClose(done) {
      closing = true;
      for (const conn of allConns) conn.socket.close(LIVE_CLOSE.goingAway, "server closing");
      this.websocketServer.close();
      done();
    },
  });

  // ---- pokes ----

  function onVersion(projectId: string, version: number): void {
    const state = projects.get(projectId);
    if (!state || version <= state.noticed) return;
    state.noticed = version;
    // While a poke is being prepared, its loop takes the newer version next.
    if (closing || state.pokeTimer || state.pokeRunning) return;
    state.pokeTimer = setTimeout(() => {
      state.pokeTimer = null;
      track(() => sendPokes(projectId, state));
    }, pokeCoalesceMs);
  }

  /** The poke from `from` to `to`: with the records of that range inline when they are few. */
  async function pokeText(projectId: string, from: number, to: number): Promise<string> {
    const plain = JSON.stringify({ type: "poke", projectId, version: to } satisfies ServerMessage);
    const rows = await db.query<RecordRow>(
      `${RECORD_SELECT} WHERE project_id = $1 AND version > $2 AND version <= $3
        ORDER BY version, tbl, key LIMIT $4`,
      [projectId, from, to, LIVE_INLINE_MAX_CHANGES + 1],
    );
    // None (every record of the range changed again since, or a version without records): pull.
    if (rows.length === 0 || rows.length > LIVE_INLINE_MAX_CHANGES) return plain;
    const text = JSON.stringify({
      type: "poke",
      projectId,
      version: to,
      from,
      changes: rows.map(recordChangeOf),
    } satisfies ServerMessage);
    return text.length <= LIVE_INLINE_MAX_BYTES ? text : plain;
  }

  /** One poke at a time per project, each covering every version noticed until it was read. */
  async function sendPokes(projectId: string, state: ProjectState): Promise<void> {
    if (state.pokeRunning) return;
    state.pokeRunning = true;
    try {
      while (state.noticed > state.version && projects.get(projectId) === state && !closing) {
        const from = state.version;
        const to = state.noticed;
        let text: string;
        try {
          text = await pokeText(projectId, from, to);
        } catch (error) {
          // The records could not be read: the clients pull instead.
          text = JSON.stringify({ type: "poke", projectId, version: to } satisfies ServerMessage);
          app.log.error({ err: error }, "live channel: inline poke failed, plain poke");
        }
        if (projects.get(projectId) !== state) return;
        state.version = to;
        for (const conn of state.conns) send(conn, text);
      }
    } finally {
      state.pokeRunning = false;
    }
  }

  function onNotify(payload: string): void {
    let message: unknown;
    try {
      message = JSON.parse(payload);
    } catch {
      return;
    }
    if (!message || typeof message !== "object") return;
    const { projectId, version, presence } = message as Record<string, unknown>;
    if (typeof projectId !== "string") return;
    const v = typeof version === "string" ? Number(version) : version;
    if (typeof v === "number" && Number.isFinite(v)) onVersion(projectId, v);
    if (presence === true) schedulePresence(projectId);
  }

  async function pollOnce(): Promise<void> {
    if (pollRunning) return;
    const ids = [...projects.keys()];
    if (ids.length === 0) return;
    pollRunning = true;
    try {
      const rows = await db.query<{ id: string; version: string | number }>(
        "SELECT id, version FROM projects WHERE id = ANY($1::text[])",
        [ids],
      );
      for (const row of rows) onVersion(row.id, Number(row.version));
      // Presence changes of other processes are not announced either while not listening.
      for (const id of ids) schedulePresence(id);
    } finally {
      pollRunning = false;
    }
  }

  function setListening(value: boolean): void {
    if (closing) return;
    listening = value;
    if (value) {
      if (pollTimer) clearInterval(pollTimer);
      pollTimer = null;
      // Whatever changed while nobody listened.
      track(pollOnce);
    } else if (!pollTimer) {
      pollTimer = setInterval(() => track(pollOnce), pollIntervalMs);
    }
  }

  async function startListening(): Promise<void> {
    if (stopListen || closing) return;
    try {
      stopListen = await db.listen(PROJECT_CHANNEL, onNotify, setListening);
    } catch (error) {
      app.log.error({ err: error }, "live channel: LISTEN failed, polling");
      setListening(false);
    }
  }

  async function stopListening(): Promise<void> {
    const stop = stopListen;
    stopListen = null;
    setListening(false);
    if (stop) await stop();
  }

  // ---- presence ----

  function schedulePresence(projectId: string): void {
    const state = projects.get(projectId);
    if (closing || !state || state.presenceTimer) return;
    state.presenceTimer = setTimeout(() => {
      state.presenceTimer = null;
      track(() => refreshPresence(projectId, state));
    }, PRESENCE_COALESCE_MS);
  }

  async function presenceList(projectId: string): Promise<PresenceEntry[]> {
    const rows = await db.query<{
      client_id: string;
      user_id: string;
      name: string;
      doc_id: string | null;
      cell: string | null;
    }>(
      `SELECT client_id, user_id, name, doc_id, cell::text AS cell FROM presence
        WHERE project_id = $1 AND updated_at > now() - make_interval(secs => $2::int)
        ORDER BY lower(name), user_id, client_id`,
      [projectId, PRESENCE_TTL_SECONDS],
    );
    return rows.map((r) => ({
      clientId: r.client_id,
      userId: r.user_id,
      name: r.name,
      docId: r.doc_id,
      cell: r.cell === null ? null : (JSON.parse(r.cell) as Cell | null),
    }));
  }

  /** Sends the project's list to its sockets when it changed (one query at a time per project). */
  async function refreshPresence(projectId: string, state: ProjectState): Promise<void> {
    if (state.presenceRunning) {
      state.presenceAgain = true;
      return;
    }
    state.presenceRunning = true;
    try {
      do {
        state.presenceAgain = false;
        const members = await presenceList(projectId);
        if (projects.get(projectId) !== state) return;
        const text = JSON.stringify({
          type: "presence",
          projectId,
          members,
        } satisfies ServerMessage);
        if (text === state.lastPresence) continue;
        state.lastPresence = text;
        for (const conn of state.conns) send(conn, text);
      } while (state.presenceAgain);
    } finally {
      state.presenceRunning = false;
    }
  }

  /** This process's list at once, and every other process's through NOTIFY. */
  async function announcePresence(projectId: string): Promise<void> {
    schedulePresence(projectId);
    await db.notify(PROJECT_CHANNEL, JSON.stringify({ projectId, presence: true }));
  }

  async function writePresence(conn: Conn, where: Where): Promise<void> {
    const cellJson = where.cell === null ? null : JSON.stringify(where.cell);
    const key = JSON.stringify([where.docId, cellJson]);
    const now = Date.now();
    if (conn.written && conn.written.key === key && now - conn.written.at < REFRESH_ONLY_MS) {
      // A heartbeat: keep the row fresh; nothing changed for anyone else.
      const rows = await db.query(
        `UPDATE presence SET updated_at = now()
          WHERE project_id = $1 AND client_id = $2 AND user_id = $3 RETURNING 1 AS ok`,
        [conn.projectId, conn.clientId, conn.userId],
      );
      if (rows.length > 0) {
        conn.written = { key, at: now };
        return;
      }
    }
    // Another user's fresh row with this client id is left alone (a client id is not a secret).
    const rows = await db.query(
      `INSERT INTO presence (client_id, project_id, user_id, name, doc_id, cell, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6::text::jsonb, now())
       ON CONFLICT (project_id, client_id) DO UPDATE
         SET user_id = EXCLUDED.user_id, name = EXCLUDED.name, doc_id = EXCLUDED.doc_id,
             cell = EXCLUDED.cell, updated_at = now()
         WHERE presence.user_id = EXCLUDED.user_id
            OR presence.updated_at <= now() - make_interval(secs => $7::int)
       RETURNING 1 AS ok`,
      [
        conn.clientId,
        conn.projectId,
        conn.userId,
        conn.name,
        where.docId,
        cellJson,
        PRESENCE_TTL_SECONDS,
      ],
    );
    if (rows.length === 0) return;
    conn.written = { key, at: now };
    await announcePresence(conn.projectId);
  }

  /** Writes the latest pending position; one write at a time per socket. */
  function flushPresence(conn: Conn): Promise<void> {
    if (conn.flushing) return conn.flushing;
    if (!conn.pending) return Promise.resolve();
    const run = async (): Promise<void> => {
      while (conn.pending && conn.ready && !conn.closed) {
        const where = conn.pending;
        conn.pending = null;
        await writePresence(conn, where);
      }
    };
    const flushing: Promise<void> = run().finally(() => {
      if (conn.flushing === flushing) conn.flushing = null;
    });
    conn.flushing = flushing;
    return flushing;
  }

  async function deletePresence(conn: Conn): Promise<void> {
    // A write still under way lands first, so it cannot bring the row back after the delete.
    await conn.flushing?.catch(() => undefined);
    // Another socket of this process with the same client id (two tabs of one browser) keeps it.
    const state = projects.get(conn.projectId);
    for (const other of state?.conns ?? []) {
      if (other !== conn && other.clientId === conn.clientId && other.userId === conn.userId)
        return;
    }
    const rows = await db.query(
      "DELETE FROM presence WHERE project_id = $1 AND client_id = $2 AND user_id = $3 RETURNING 1 AS ok",
      [conn.projectId, conn.clientId, conn.userId],
    );
    if (rows.length > 0) await announcePresence(conn.projectId);
  }

  // ---- sockets ----

  function release(conn: Conn): void {
    if (!conn.ready) return;
    conn.ready = false;
    const count = (sessions.get(conn.sessionKey) ?? 1) - 1;
    if (count <= 0) sessions.delete(conn.sessionKey);
    else sessions.set(conn.sessionKey, count);
    const state = projects.get(conn.projectId);
    if (!state) return;
    state.conns.delete(conn);
    if (state.conns.size === 0) {
      if (state.presenceTimer) clearTimeout(state.presenceTimer);
      if (state.pokeTimer) clearTimeout(state.pokeTimer);
      projects.delete(conn.projectId);
    }
  }

  function closeConn(conn: Conn, code: number, reason: string): void {
    if (conn.closed) return;
    conn.socket.close(code, reason);
  }

  async function open(conn: Conn, request: FastifyRequest): Promise<void> {
    let user: Awaited<ReturnType<Authenticate>>;
    try {
      user = await authenticate(request, { csrf: false });
    } catch (error) {
      if (isApiError(error) && error.statusCode === 401) {
        closeConn(conn, LIVE_CLOSE.unauthorized, "auth.required");
        return;
      }
      throw error;
    }
    if (conn.closed) return;
    const rows = await db.query<{ version: string | number }>(
      `SELECT p.version FROM projects p
         JOIN members m ON m.project_id = p.id AND m.user_id = $2
        WHERE p.id = $1`,
      [conn.projectId, user.userId],
    );
    const row = rows[0];
    if (!row) {
      closeConn(conn, LIVE_CLOSE.notFound, "project.not_found");
      return;
    }
    if (conn.closed) return;
    if ((sessions.get(conn.sessionKey) ?? 0) >= maxSocketsPerSession) {
      closeConn(conn, LIVE_CLOSE.tooMany, "live.too_many");
      return;
    }
    conn.userId = user.userId;
    conn.name = user.name;
    conn.ready = true;
    sessions.set(conn.sessionKey, (sessions.get(conn.sessionKey) ?? 0) + 1);
    let state = projects.get(conn.projectId);
    if (!state) {
      state = {
        conns: new Set(),
        version: Number(row.version),
        noticed: Number(row.version),
        pokeTimer: null,
        pokeRunning: false,
        lastPresence: null,
        presenceTimer: null,
        presenceRunning: false,
        presenceAgain: false,
      };
      projects.set(conn.projectId, state);
    }
    state.conns.add(conn);
    // The newcomer gets the current list at once, whether or not it changed.
    const members = await presenceList(conn.projectId);
    send(conn, { type: "presence", projectId: conn.projectId, members });
    await flushPresence(conn);
  }

  function onMessage(conn: Conn, data: RawData, isBinary: boolean): void {
    if (conn.closed) return;
    const text = isBinary ? null : Buffer.isBuffer(data) ? data.toString("utf8") : String(data);
    const where = text === null ? null : parseClientMessage(text);
    if (where === null) {
      closeConn(conn, LIVE_CLOSE.badMessage, "live.bad_message");
      return;
    }
    if (where === undefined) return;
    // Only the latest position matters: a burst of focus changes is written once per round trip.
    conn.pending = where;
    if (conn.ready) track(() => flushPresence(conn));
  }

  function onClosed(conn: Conn): void {
    if (conn.closed) return;
    conn.closed = true;
    allConns.delete(conn);
    const wasReady = conn.ready;
    release(conn);
    if (wasReady) track(() => deletePresence(conn));
  }

  function checkOrigin(request: FastifyRequest, reply: FastifyReply, done: () => void): void {
    const origin = headerValue(request, "origin");
    if (origin === undefined || origin.toLowerCase() !== ownOrigin(request)) {
      void reply.status(403).send(apiErrorBody("live.origin"));
      return;
    }
    const { projectId } = queryOf(request);
    if (typeof projectId !== "string" || !ID_PATTERN.test(projectId)) {
      void reply.status(400).send(apiErrorBody("request.invalid", { field: "projectId" }));
      return;
    }
    done();
  }

  app.get("/api/live", { websocket: true, preValidation: checkOrigin }, (socket, request) => {
    const query = queryOf(request);
    const clientId =
      typeof query.clientId === "string" && ID_PATTERN.test(query.clientId)
        ? query.clientId
        : `live-${randomUUID()}`;
    const token = readCookie(request.headers.cookie, SESSION_COOKIE);
    const conn: Conn = {
      socket,
      projectId: String(query.projectId),
      clientId,
      sessionKey: token === null ? "" : sha256Hex(token),
      userId: "",
      name: "",
      ready: false,
      closed: false,
      alive: true,
      pending: null,
      flushing: null,
      written: null,
    };
    allConns.add(conn);
    // Listeners first (synchronously), so a message sent right after the handshake is not lost.
    socket.on("message", (data, isBinary) => onMessage(conn, data, isBinary));
    socket.on("pong", () => {
      conn.alive = true;
    });
    socket.on("close", () => onClosed(conn));
    if (closing) {
      closeConn(conn, LIVE_CLOSE.goingAway, "server closing");
      return;
    }
    track(async () => {
      try {
        await open(conn, request);
      } catch (error) {
        closeConn(conn, LIVE_CLOSE.serverError, "server.error");
        throw error;
      }
    });
  });

  // ---- housekeeping ----

  function ping(): void {
    for (const conn of allConns) {
      if (!conn.alive) {
        conn.socket.terminate();
        continue;
      }
      conn.alive = false;
      try {
        conn.socket.ping();
      } catch {
        conn.socket.terminate();
      }
    }
  }

  /** Stale rows away (announced), and every socket's session and membership still valid. */
  async function sweep(): Promise<void> {
    const gone = await db.query<{ project_id: string }>(
      `DELETE FROM presence WHERE updated_at <= now() - make_interval(secs => $1::int)
       RETURNING project_id`,
      [PRESENCE_TTL_SECONDS],
    );
    for (const projectId of new Set(gone.map((r) => r.project_id))) {
      await announcePresence(projectId);
    }
    const conns = [...allConns].filter((c) => c.ready && !c.closed);
    if (conns.length === 0) return;
    const valid = await db.query<{ token_hash: string }>(
      "SELECT token_hash FROM sessions WHERE token_hash = ANY($1::text[]) AND expires_at > now()",
      [[...new Set(conns.map((c) => c.sessionKey))]],
    );
    const validSessions = new Set(valid.map((r) => r.token_hash));
    const pairs = await db.query<{ project_id: string; user_id: string }>(
      `SELECT m.project_id, m.user_id FROM members m
         JOIN unnest($1::text[], $2::text[]) AS c(project_id, user_id)
           ON c.project_id = m.project_id AND c.user_id = m.user_id`,
      [conns.map((c) => c.projectId), conns.map((c) => c.userId)],
    );
    const memberOf = new Set(pairs.map((r) => `${r.project_id}\n${r.user_id}`));
    for (const conn of conns) {
      if (!validSessions.has(conn.sessionKey)) {
        closeConn(conn, LIVE_CLOSE.unauthorized, "auth.required");
      } else if (!memberOf.has(`${conn.projectId}\n${conn.userId}`)) {
        closeConn(conn, LIVE_CLOSE.notFound, "project.not_found");
      }
    }
  }

  let pingTimer: NodeJS.Timeout | null = null;
  let sweepTimer: NodeJS.Timeout | null = null;

  app.addHook("onReady", async () => {
    pingTimer = setInterval(ping, pingIntervalMs);
    sweepTimer = setInterval(() => track(sweep), sweepIntervalMs);
    await startListening();
  });

  app.addHook("onClose", async () => {
    closing = true;
    if (pingTimer) clearInterval(pingTimer);
    if (sweepTimer) clearInterval(sweepTimer);
    if (pollTimer) clearInterval(pollTimer);
    pingTimer = sweepTimer = pollTimer = null;
    // Sockets still open (their close handshake pending): their rows go now.
    for (const conn of [...allConns]) {
      onClosed(conn);
      conn.socket.terminate();
    }
    for (const state of projects.values()) {
      if (state.presenceTimer) clearTimeout(state.presenceTimer);
      if (state.pokeTimer) clearTimeout(state.pokeTimer);
    }
    while (tasks.size > 0) await Promise.allSettled([...tasks]);
    projects.clear();
    const stop = stopListen;
    stopListen = null;
    listening = false;
    if (stop) await stop().catch(() => undefined);
  });

  const hub: LiveHub = {
    get listening() {
      return listening;
    },
    socketCount: () => [...allConns].filter((c) => c.ready).length,
    stopListening,
    startListening,
  };
  hubs.set(app, hub);
  return hub;
}
