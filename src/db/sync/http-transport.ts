import type {
  ClientMessage,
  PullResponse,
  PushResponse,
  ServerMessage,
} from "../../core/sync/protocol.ts";
import { AppError, type ErrorParams } from "../../core/model/app-error.ts";
import type { SyncTransport } from "./engine.ts";

interface ServerError {
  error?: { code?: unknown; params?: unknown };
}

/** The server's {error:{code,params}} as an AppError; a body without one gets `http.<status>`. */
async function toAppError(response: Response): Promise<AppError> {
  let body: ServerError | null = null;
  try {
    body = (await response.json()) as ServerError;
  } catch {
    body = null;
  }
  const code = typeof body?.error?.code === "string" ? body.error.code : `http.${response.status}`;
  const params =
    body?.error?.params && typeof body.error.params === "object"
      ? (body.error.params as ErrorParams)
      : { status: response.status };
  return new AppError(code, params);
}

/**
 * The live channel's address on the server at `baseUrl` (ws: for http:, wss: for https:), with
 * the client id, so the server names this browser's presence by it (one row per browser, however
 * often the socket reconnects).
 */
export function liveUrl(baseUrl: string, projectId: string, clientId?: string): string {
  const url = new URL("/api/live", baseUrl);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  url.searchParams.set("projectId", projectId);
  if (clientId) url.searchParams.set("clientId", clientId);
  return url.toString();
}

/**
 * The browser transport: JSON over fetch with the session cookie (same origin) and the CSRF token
 * (from GET /api/auth/me, fetched once and again after a 403 auth.csrf), and a WebSocket for
 * notices. Errors are the server's codes as AppError; no answer at all rejects with the fetch error.
 */
export function createHttpTransport(
  baseUrl: string,
  deps: { fetch?: typeof fetch; WebSocket?: typeof WebSocket } = {},
): SyncTransport {
  const doFetch = deps.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const Socket = deps.WebSocket ?? globalThis.WebSocket;
  let csrf: Promise<string> | null = null;

  function token(): Promise<string> {
    csrf ??= (async () => {
      const response = await doFetch(new URL("/api/auth/me", baseUrl), {
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      });
      if (!response.ok) throw await toAppError(response);
      const body = (await response.json()) as { csrfToken?: unknown };
      if (typeof body.csrfToken !== "string") throw new AppError("auth.required", {});
      return body.csrfToken;
    })();
    // A failed fetch of the token is tried again next time.
    csrf.catch(() => {
      csrf = null;
    });
    return csrf;
  }

  async function post<T>(path: string, body: unknown, retried = false): Promise<T> {
    const response = await doFetch(new URL(path, baseUrl), {
      method: "POST",
      credentials: "same-origin",
      headers: {
        "Content-Type": "application/json",
        Accept: "application/json",
        "X-CSRF-Token": await token(),
      },
      body: JSON.stringify(body),
    });
    if (response.ok) return (await response.json()) as T;
    const error = await toAppError(response);
    if (response.status === 403 && error.code === "auth.csrf" && !retried) {
      csrf = null;
      return post<T>(path, body, true);
    }
    throw error;
  }

  return {
    push: (req) => post<PushResponse>("/api/sync/push", req),
    pull: (req) => post<PullResponse>("/api/sync/pull", req),
    live(projectId, onMessage, onState, options = {}) {
      let socket: WebSocket | null = null;
      let closed = false;
      try {
        socket = new Socket(liveUrl(baseUrl, projectId, options.clientId));
      } catch {
        queueMicrotask(() => onState(false));
        return { send: () => undefined, close: () => undefined };
      }
      socket.addEventListener("open", () => {
        if (!closed) onState(true);
      });
      socket.addEventListener("message", (event: MessageEvent) => {
        try {
          const message = JSON.parse(String(event.data)) as ServerMessage;
          if (message && typeof message === "object" && "type" in message) onMessage(message);
        } catch {
          // Not a protocol message: ignored.
        }
      });
      socket.addEventListener("close", (event: CloseEvent) => {
        // The close code tells the engine whether to reconnect (4401 / 4404: not again).
        if (!closed) onState(false, { code: event.code });
        closed = true;
      });
      return {
        send(message: ClientMessage) {
          if (socket?.readyState === Socket.OPEN) socket.send(JSON.stringify(message));
        },
        close() {
          closed = true;
          socket?.close();
        },
      };
    },
  };
}
