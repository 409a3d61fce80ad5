/**
 * A Selaras team client in Node, for the sync bench: accounts, projects and invites over the
 * server's HTTP API (/work's team API: cookie session + CSRF token), and the app's own browser
 * transport (src/db/sync/http-transport.ts) given a fetch that carries the session cookie and a
 * WebSocket (the `ws` package) that sends it with the server's own Origin.
 */
import WebSocket from "ws";
import type { SyncTransport } from "../../../src/db/sync/engine.ts";
import { createHttpTransport } from "../../../src/db/sync/http-transport.ts";

export interface Session {
  baseUrl: string;
  userId: string;
  name: string;
  cookie: string;
  csrf: string;
}

async function json(response: Response, what: string): Promise<Record<string, unknown>> {
  const text = await response.text();
  if (!response.ok) throw new Error(`${what}: HTTP ${response.status} ${text.slice(0, 300)}`);
  return text === "" ? {} : (JSON.parse(text) as Record<string, unknown>);
}

/** Creates an account (the first on a server is its administrator) and returns its session. */
export async function signUp(baseUrl: string, name: string, password: string): Promise<Session> {
  const response = await fetch(new URL("/api/auth/signup", baseUrl), {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Requested-With": "selaras" },
    body: JSON.stringify({ name, password }),
  });
  const body = await json(response, `sign up ${name}`);
  const setCookie = response.headers.get("set-cookie") ?? "";
  const match = /selaras_session=([^;]+)/.exec(setCookie);
  if (!match) throw new Error(`sign up ${name}: no session cookie`);
  const user = body.user as { id: string };
  return {
    baseUrl,
    userId: user.id,
    name,
    cookie: `selaras_session=${match[1]}`,
    csrf: String(body.csrfToken),
  };
}

/** A state-changing request of a signed-in session. */
export async function post(
  session: Session,
  path: string,
  body: unknown,
): Promise<Record<string, unknown>> {
  const response = await fetch(new URL(path, session.baseUrl), {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      Cookie: session.cookie,
      "X-CSRF-Token": session.csrf,
    },
    body: JSON.stringify(body),
  });
  return json(response, `POST ${path}`);
}

export async function createProject(owner: Session, name: string): Promise<string> {
  const body = await post(owner, "/api/projects", { name });
  return (body.project as { id: string }).id;
}

/** Invites `member` with `role` (an invite link, accepted at once). */
export async function addMember(
  owner: Session,
  member: Session,
  projectId: string,
  role: "translator" | "reviewer" | "viewer" | "owner",
): Promise<void> {
  const invite = await post(owner, `/api/projects/${projectId}/invites`, {
    role,
    langs: null,
    expiresInHours: 24,
  });
  await post(member, `/api/invites/${String(invite.token)}/accept`, {});
}

/** The `ws` WebSocket, sending the session cookie and the server's own Origin. */
function socketClass(session: Session): typeof globalThis.WebSocket {
  const origin = new URL(session.baseUrl).origin;
  class SessionSocket extends WebSocket {
    constructor(url: string | URL) {
      super(url, { headers: { Cookie: session.cookie, Origin: origin } });
    }
  }
  return SessionSocket as unknown as typeof globalThis.WebSocket;
}

/** The app's HTTP transport, as the browser uses it, for this session. */
export function nodeTransport(session: Session): SyncTransport {
  const withCookie: typeof fetch = (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set("Cookie", session.cookie);
    return fetch(input, { ...init, headers });
  };
  return createHttpTransport(session.baseUrl, {
    fetch: withCookie,
    WebSocket: socketClass(session),
  });
}

/** The `ws` WebSocket of a session, for the load clients. */
export function openLive(session: Session, projectId: string): WebSocket {
  const url = new URL("/api/live", session.baseUrl);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  url.searchParams.set("projectId", projectId);
  return new WebSocket(url, {
    headers: { Cookie: session.cookie, Origin: new URL(session.baseUrl).origin },
  });
}
