import type {
  PresenceEntry,
  PullResponse,
  PushRequest,
  PushResponse,
  ServerMessage,
} from "../../../src/core/sync/protocol.ts";

/** A user of the fake server. */
interface User {
  id: string;
  name: string;
  email: string | null;
  password: string;
  admin: boolean;
}

interface Project {
  id: string;
  name: string;
  version: number;
  members: Map<string, { role: string; langs: string[] | null }>;
}

const json = (status: number, body?: unknown) =>
  new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json" },
  });
const error = (status: number, code: string, params: Record<string, unknown> = {}) =>
  json(status, { error: { code, params } });

/**
 * An in-memory Selaras server speaking team-api.md's answers (auth with CSRF, projects, members,
 * invites, sync push/pull, live presence) for component tests; `health: false` answers like a static
 * host (no /api). Push applies everything, unless `refuse` names a mutation label to refuse.
 */
export class FakeTeamServer {
  users: User[] = [];
  projects = new Map<string, Project>();
  invites = new Map<
    string,
    { projectId: string; role: string; langs: string[] | null; used: boolean }
  >();
  session: User | null = null;
  csrf = "csrf-1";
  failures = 0;
  /** How many sign-ins fail before 429 (the contract's 5 per login). */
  rateLimitAfter = 5;
  health = true;
  /** No answer at all (network gone). */
  offline = false;
  refuse: { label: string; code: string } | null = null;
  pushed: PushRequest[] = [];
  requests: string[] = [];
  sockets: FakeSocket[] = [];
  private ids = 0;

  addUser(name: string, password: string, email: string | null = null): User {
    const user = { id: `u${++this.ids}`, name, email, password, admin: this.users.length === 0 };
    this.users.push(user);
    return user;
  }

  addProject(name: string, owner: User, others: [User, string][] = []): Project {
    const project: Project = { id: `p${++this.ids}`, name, version: 0, members: new Map() };
    project.members.set(owner.id, { role: "owner", langs: null });
    for (const [u, role] of others) project.members.set(u.id, { role, langs: null });
    this.projects.set(project.id, project);
    return project;
  }

  /** An invitation to `project` under `token`, as the owner's Invite… makes one. */
  addInvite(token: string, project: Project, role: string, used = false): void {
    this.invites.set(token, { projectId: project.id, role, langs: null, used });
  }

  private summary(p: Project, userId: string) {
    const m = p.members.get(userId)!;
    return { id: p.id, name: p.name, role: m.role, langs: m.langs, version: p.version };
  }

  private userJson(u: User) {
    return { id: u.id, name: u.name, email: u.email, admin: u.admin };
  }

  fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    await Promise.resolve();
    const url = new URL(String(input));
    const method = init.method ?? "GET";
    const headers = new Headers(init.headers);
    const body = init.body ? (JSON.parse(String(init.body)) as Record<string, unknown>) : {};
    const path = url.pathname;
    this.requests.push(`${method} ${path}`);
    if (this.offline) throw new TypeError("Failed to fetch");
    if (path === "/api/health") {
      if (!this.health) return new Response("<!doctype html>", { status: 200 });
      return json(200, { status: "ok", database: "pglite", version: "0.0.0" });
    }
    if (!this.health) return new Response("<!doctype html>", { status: 200 });
    if (path === "/api/auth/signup" || path === "/api/auth/signin") {
      if (headers.get("X-Requested-With") !== "selaras") return error(403, "auth.csrf");
      if (path === "/api/auth/signup") {
        const name = String(body.name ?? "").trim();
        if (String(body.password ?? "").length < 8)
          return error(400, "auth.bad_password", { min: 8 });
        if (this.users.some((u) => u.name.toLowerCase() === name.toLowerCase()))
          return error(409, "auth.name_taken");
        this.session = this.addUser(name, String(body.password), (body.email as string) ?? null);
        return json(201, { user: this.userJson(this.session), csrfToken: this.csrf });
      }
      if (this.failures >= this.rateLimitAfter)
        return error(429, "auth.rate_limited", { seconds: 840 });
      const login = String(body.login).toLowerCase();
      const user = this.users.find(
        (u) => u.name.toLowerCase() === login || u.email?.toLowerCase() === login,
      );
      if (!user || user.password !== body.password) {
        this.failures++;
        return error(401, "auth.bad_credentials");
      }
      this.session = user;
      return json(200, { user: this.userJson(user), csrfToken: this.csrf });
    }
    const inv = /^\/api\/invites\/([^/]+)(\/accept)?$/.exec(path);
    if (inv) {
      const invite = this.invites.get(inv[1]!);
      if (!invite) return error(404, "invite.not_found");
      const p = this.projects.get(invite.projectId)!;
      if (!inv[2]) {
        const owner = [...p.members].find(([, x]) => x.role === "owner")![0];
        return json(200, {
          projectId: p.id,
          projectName: p.name,
          role: invite.role,
          langs: invite.langs,
          expiresAt: "2026-12-10T10:00:00.000Z",
          invitedBy: { name: this.users.find((u) => u.id === owner)!.name },
        });
      }
      if (!this.session) return error(401, "auth.required");
      if (invite.used) return error(410, "invite.used");
      invite.used = true;
      p.members.set(this.session.id, { role: invite.role, langs: invite.langs });
      return json(200, { project: this.summary(p, this.session.id) });
    }
    const me = this.session;
    if (!me) return error(401, "auth.required");
    if (method !== "GET" && headers.get("X-CSRF-Token") !== this.csrf)
      return error(403, "auth.csrf");
    if (path === "/api/auth/me")
      return json(200, { user: this.userJson(me), csrfToken: this.csrf });
    if (path === "/api/auth/signout") {
      this.session = null;
      return json(204);
    }
    if (path === "/api/projects" && method === "GET")
      return json(200, {
        projects: [...this.projects.values()]
          .filter((p) => p.members.has(me.id))
          .map((p) => this.summary(p, me.id)),
      });
    if (path === "/api/projects" && method === "POST") {
      const p = this.addProject(String(body.name), me);
      return json(201, { project: this.summary(p, me.id) });
    }
    let m = /^\/api\/projects\/([^/]+)\/members(?:\/([^/]+))?$/.exec(path);
    if (m) {
      const p = this.projects.get(m[1]!);
      if (!p || !p.members.has(me.id)) return error(404, "project.not_found");
      if (method === "GET")
        return json(200, {
          members: [...p.members].map(([userId, x]) => {
            const u = this.users.find((u) => u.id === userId)!;
            return { userId, name: u.name, email: u.email, role: x.role, langs: x.langs };
          }),
        });
      if (p.members.get(me.id)!.role !== "owner") return error(403, "project.forbidden");
      const target = m[2]!;
      const owners = [...p.members].filter(([, x]) => x.role === "owner").map(([id]) => id);
      if (method === "PATCH") {
        if (body.role !== "owner" && owners.length === 1 && owners[0] === target)
          return error(409, "project.last_owner");
        p.members.set(target, { role: String(body.role), langs: (body.langs as string[]) ?? null });
        return json(200, {});
      }
      p.members.delete(target);
      return json(204);
    }
    m = /^\/api\/projects\/([^/]+)\/invites$/.exec(path);
    if (m) {
      const p = this.projects.get(m[1]!);
      if (!p || !p.members.has(me.id)) return error(404, "project.not_found");
      if (p.members.get(me.id)!.role !== "owner") return error(403, "project.forbidden");
      const token = `tok${++this.ids}`;
      this.invites.set(token, {
        projectId: p.id,
        role: String(body.role),
        langs: (body.langs as string[]) ?? null,
        used: false,
      });
      return json(201, { token, expiresAt: "2026-12-10T10:00:00.000Z" });
    }
    if (path === "/api/sync/push") {
      const req = body as unknown as PushRequest;
      this.pushed.push(req);
      const outcomes: PushResponse["outcomes"] = req.mutations.map((mu) =>
        this.refuse && mu.label === this.refuse.label
          ? { id: mu.id, status: "refused", code: this.refuse.code, params: {} }
          : { id: mu.id, status: "applied" },
      );
      const last = req.mutations.at(-1)?.id ?? 0;
      return json(200, { lastMutationId: last, outcomes, fixups: [] } satisfies PushResponse);
    }
    if (path === "/api/sync/pull") {
      const p = this.projects.get(String(body.projectId));
      return json(200, {
        cursor: p?.version ?? 0,
        lastMutationId: 0,
        changes: [],
        more: false,
      } satisfies PullResponse);
    }
    return error(404, "api.not_found", { path });
  };

  /** Tells every open socket of the project who is where. */
  presence(projectId: string, members: PresenceEntry[]): void {
    const message: ServerMessage = { type: "presence", projectId, members };
    for (const s of this.sockets)
      if (s.url.includes(`projectId=${projectId}`)) s.deliver(JSON.stringify(message));
  }

  get WebSocket(): typeof WebSocket {
    const sockets = this.sockets;
    class Socket extends FakeSocket {
      constructor(url: string) {
        super(url);
        sockets.push(this);
      }
    }
    return Socket as unknown as typeof WebSocket;
  }
}

/** A WebSocket that opens at once and records what the client sends. */
export class FakeSocket extends EventTarget {
  static OPEN = 1;
  readyState = 0;
  sent: string[] = [];
  constructor(readonly url: string) {
    super();
    setTimeout(() => {
      this.readyState = 1;
      this.dispatchEvent(new Event("open"));
    }, 0);
  }
  send(data: string): void {
    this.sent.push(data);
  }
  close(): void {
    this.readyState = 3;
    this.dispatchEvent(new Event("close"));
  }
  deliver(data: string): void {
    const event = new MessageEvent("message", { data });
    this.dispatchEvent(event);
  }
}
