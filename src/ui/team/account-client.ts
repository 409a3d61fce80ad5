import { AppError, type ErrorParams } from "../../core/model/app-error.ts";
import type { ProjectRole } from "../../core/sync/protocol.ts";
import type { TargetLang } from "../../core/model/languages.ts";

/** A signed-in account, as the server describes it (team-api.md `user`). */
export interface Account {
  id: string;
  name: string;
  email: string | null;
  admin: boolean;
}

export interface ProjectSummary {
  id: string;
  name: string;
  role: ProjectRole;
  langs: TargetLang[] | null;
  version: number;
}

export interface MemberInfo {
  userId: string;
  name: string;
  email: string | null;
  role: ProjectRole;
  langs: TargetLang[] | null;
}

export interface InviteInfo {
  projectId: string;
  projectName: string;
  role: ProjectRole;
  langs: TargetLang[] | null;
  expiresAt: string;
  /** The name of who created the invitation. */
  invitedBy: string;
}

export interface InviteRequest {
  role: ProjectRole;
  langs: TargetLang[] | null;
  expiresInHours: number;
}

interface ServerError {
  error?: { code?: unknown; params?: unknown };
}

/** No answer at all (server stopped, network gone): the app stays local. */
export const UNREACHABLE = "server.unreachable";

async function errorOf(response: Response): Promise<AppError> {
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

function nameOf(value: unknown): string {
  if (typeof value === "string") return value;
  if (value && typeof value === "object" && "name" in value) return String(value.name);
  return "";
}

/**
 * The app's client of the Selaras server's account and project API (team-api.md): same origin,
 * the session cookie, `X-Requested-With: selaras` on sign-up and sign-in, `X-CSRF-Token` on every
 * other state-changing request. Errors are the server's codes as AppError (`server.unreachable`
 * when nothing answers).
 */
export class AccountClient {
  private csrf: string | null = null;
  private readonly doFetch: typeof fetch;

  constructor(
    private readonly baseUrl: string,
    fetchFn?: typeof fetch,
  ) {
    this.doFetch = fetchFn ?? ((input, init) => globalThis.fetch(input, init));
  }

  private async request<T>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<T> {
    const all: Record<string, string> = { Accept: "application/json", ...headers };
    if (body !== undefined) all["Content-Type"] = "application/json";
    if (method !== "GET" && this.csrf && !all["X-Requested-With"]) all["X-CSRF-Token"] = this.csrf;
    let response: Response;
    try {
      response = await this.doFetch(new URL(path, this.baseUrl), {
        method,
        credentials: "same-origin",
        headers: all,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      throw new AppError(UNREACHABLE, {
        detail: error instanceof Error ? error.message : String(error),
      });
    }
    if (!response.ok) throw await errorOf(response);
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }

  /** True when a Selaras server answers at this origin (a static host answers HTML, or nothing). */
  async health(): Promise<boolean> {
    try {
      const response = await this.doFetch(new URL("/api/health", this.baseUrl), {
        headers: { Accept: "application/json" },
      });
      if (!response.ok) return false;
      const body = (await response.json()) as { status?: unknown };
      return body?.status === "ok";
    } catch {
      return false;
    }
  }

  /** The signed-in account, or null when nobody is (401). */
  async me(): Promise<Account | null> {
    try {
      const r = await this.request<{ user: Account; csrfToken: string }>("GET", "/api/auth/me");
      this.csrf = r.csrfToken;
      return r.user;
    } catch (error) {
      if (error instanceof AppError && error.code === "auth.required") return null;
      throw error;
    }
  }

  async signUp(input: { name: string; email?: string; password: string }): Promise<Account> {
    const body: Record<string, string> = { name: input.name, password: input.password };
    if (input.email) body.email = input.email;
    const r = await this.request<{ user: Account; csrfToken: string }>(
      "POST",
      "/api/auth/signup",
      body,
      { "X-Requested-With": "selaras" },
    );
    this.csrf = r.csrfToken;
    return r.user;
  }

  async signIn(input: { login: string; password: string }): Promise<Account> {
    const r = await this.request<{ user: Account; csrfToken: string }>(
      "POST",
      "/api/auth/signin",
      input,
      { "X-Requested-With": "selaras" },
    );
    this.csrf = r.csrfToken;
    return r.user;
  }

  async signOut(): Promise<void> {
    try {
      await this.request<void>("POST", "/api/auth/signout");
    } finally {
      this.csrf = null;
    }
  }

  async projects(): Promise<ProjectSummary[]> {
    return (await this.request<{ projects: ProjectSummary[] }>("GET", "/api/projects")).projects;
  }

  async createProject(name: string): Promise<ProjectSummary> {
    return (await this.request<{ project: ProjectSummary }>("POST", "/api/projects", { name }))
      .project;
  }

  async members(projectId: string): Promise<MemberInfo[]> {
    const path = `/api/projects/${encodeURIComponent(projectId)}/members`;
    return (await this.request<{ members: MemberInfo[] }>("GET", path)).members;
  }

  async updateMember(
    projectId: string,
    userId: string,
    change: { role: ProjectRole; langs: TargetLang[] | null },
  ): Promise<void> {
    const path = `/api/projects/${encodeURIComponent(projectId)}/members/${encodeURIComponent(userId)}`;
    await this.request<unknown>("PATCH", path, change);
  }

  async removeMember(projectId: string, userId: string): Promise<void> {
    const path = `/api/projects/${encodeURIComponent(projectId)}/members/${encodeURIComponent(userId)}`;
    await this.request<unknown>("DELETE", path);
  }

  async createInvite(
    projectId: string,
    invite: InviteRequest,
  ): Promise<{ token: string; expiresAt: string }> {
    const path = `/api/projects/${encodeURIComponent(projectId)}/invites`;
    return this.request("POST", path, invite);
  }

  async invite(token: string): Promise<InviteInfo> {
    const r = await this.request<InviteInfo & { invitedBy: unknown }>(
      "GET",
      `/api/invites/${encodeURIComponent(token)}`,
    );
    return { ...r, invitedBy: nameOf(r.invitedBy) };
  }

  async acceptInvite(token: string): Promise<ProjectSummary> {
    const path = `/api/invites/${encodeURIComponent(token)}/accept`;
    return (await this.request<{ project: ProjectSummary }>("POST", path)).project;
  }
}

/** The invitation link of a token: `<origin>/?invite=<token>`. */
export function inviteLink(origin: string, token: string): string {
  const url = new URL("/", origin);
  url.searchParams.set("invite", token);
  return url.toString();
}
