/**
 * Team projects and their members (team-api.md): list, create, read, rename and delete projects;
 * list members, change a member's role, remove a member. Every check is made here on the server:
 *
 * - a caller who is not a member gets 404 `project.not_found`, exactly as for a missing id, so ids
 *   cannot be probed;
 * - changing a role, renaming, deleting and removing someone else need the owner role (else 403
 *   `project.forbidden`); any member may remove themself;
 * - no change may leave a project without an owner (409 `project.last_owner`).
 *
 * Every change of membership runs in a transaction that first locks the project row, so two owners
 * demoting each other at the same time cannot both succeed (one of them meets `project.last_owner`).
 */
import { randomUUID } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { TARGET_LANGS, type TargetLang } from "../../core/model/languages.ts";
import { PROJECT_ROLES, type ProjectRole } from "../../core/sync/protocol.ts";
import type { Database, Queryable } from "../db/database.ts";
import type { Authenticate } from "./auth.ts";
import { ApiError } from "./errors.ts";

export interface ProjectRouteOptions {
  db: Database;
  authenticate: Authenticate;
}

/** A project as its member sees it (team-api.md). */
export interface ProjectSummary {
  id: string;
  name: string;
  role: ProjectRole;
  langs: TargetLang[] | null;
  version: number;
}

export interface MemberSummary {
  userId: string;
  name: string;
  email: string | null;
  role: ProjectRole;
  langs: TargetLang[] | null;
}

export const PROJECT_NAME_MAX = 200;
/** Ids are random UUIDs; anything much longer is no id of ours (and is not sent to the database). */
const ID_MAX = 100;

/**
 * How much a role may do, for "an existing member keeps the higher of both roles": owner above
 * reviewer (who may also edit and review text) above translator above viewer.
 */
const ROLE_RANK: Record<ProjectRole, number> = { owner: 3, reviewer: 2, translator: 1, viewer: 0 };

export function higherRole(a: ProjectRole, b: ProjectRole): ProjectRole {
  return ROLE_RANK[b] > ROLE_RANK[a] ? b : a;
}

export function projectNotFound(): ApiError {
  return new ApiError(404, "project.not_found");
}

export function forbidden(): ApiError {
  return new ApiError(403, "project.forbidden");
}

function invalid(field: string): ApiError {
  return new ApiError(400, "request.invalid", { field });
}

// ---------------------------------------------------------------------------------------------
// Input

/** Characters no stored text may hold: controls (U+0000 cannot be stored) and lone surrogates. */
const UNSTORABLE = /[\p{Cc}\p{Cs}]/u;

/** A project name: trimmed, NFC, 1..200 characters, no control characters. */
export function normalizeProjectName(value: unknown): string {
  if (typeof value !== "string") throw invalid("name");
  const name = value.normalize("NFC").trim();
  const length = [...name].length;
  if (length < 1 || length > PROJECT_NAME_MAX || UNSTORABLE.test(name)) throw invalid("name");
  return name;
}

export function parseRole(value: unknown, field = "role"): ProjectRole {
  if (typeof value !== "string" || !(PROJECT_ROLES as readonly string[]).includes(value)) {
    throw invalid(field);
  }
  return value as ProjectRole;
}

/**
 * `langs` of a request: null (or absent) = every target language, else a non-empty list of
 * distinct "vi" / "en", kept in the order of TARGET_LANGS. Only a translator is limited by it: for
 * every other role it is stored as null.
 */
export function parseLangs(
  value: unknown,
  role: ProjectRole,
  field = "langs",
): TargetLang[] | null {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value) || value.length === 0 || value.length > TARGET_LANGS.length) {
    throw invalid(field);
  }
  const seen = new Set<string>();
  for (const lang of value) {
    if (typeof lang !== "string" || !(TARGET_LANGS as readonly string[]).includes(lang)) {
      throw invalid(field);
    }
    if (seen.has(lang)) throw invalid(field);
    seen.add(lang);
  }
  if (role !== "translator") return null;
  return TARGET_LANGS.filter((lang) => seen.has(lang));
}

/** Stored langs (jsonb: parsed by one driver, text by the other) as the API shows them. */
export function storedLangs(value: unknown): TargetLang[] | null {
  const parsed: unknown = typeof value === "string" ? JSON.parse(value) : value;
  if (!Array.isArray(parsed)) return null;
  const langs = TARGET_LANGS.filter((lang) => parsed.includes(lang));
  return langs.length === 0 ? null : langs;
}

/** The langs of both roles together, for a translator whose invite adds languages. */
export function unionLangs(
  a: readonly TargetLang[] | null,
  b: readonly TargetLang[] | null,
): TargetLang[] | null {
  if (a === null || b === null) return null;
  const langs = TARGET_LANGS.filter((lang) => a.includes(lang) || b.includes(lang));
  return langs.length === TARGET_LANGS.length ? null : langs;
}

export function langsParam(langs: readonly TargetLang[] | null): string | null {
  return langs === null ? null : JSON.stringify(langs);
}

function bodyOf(request: FastifyRequest): Record<string, unknown> {
  const body = request.body;
  if (body === undefined || body === null) return {};
  if (typeof body !== "object" || Array.isArray(body)) throw invalid("");
  return body as Record<string, unknown>;
}

function idParam(request: FastifyRequest, name: string): string | null {
  const value = (request.params as Record<string, unknown>)[name];
  return typeof value === "string" && value.length > 0 && value.length <= ID_MAX ? value : null;
}

// ---------------------------------------------------------------------------------------------
// Queries

interface MembershipRow {
  [key: string]: unknown;
  id: string;
  name: string;
  version: string | number;
  role: ProjectRole;
  langs: unknown;
}

function summaryOf(row: MembershipRow): ProjectSummary {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    langs: row.role === "translator" ? storedLangs(row.langs) : null,
    version: Number(row.version),
  };
}

/**
 * The project as `userId` sees it, or throws 404 `project.not_found` (missing, or not a member).
 * With `lock`, the project row is locked until the transaction ends (membership changes).
 */
export async function loadProject(
  q: Queryable,
  projectId: string | null,
  userId: string,
  options: { lock?: boolean } = {},
): Promise<ProjectSummary> {
  if (projectId === null) throw projectNotFound();
  if (options.lock) {
    const locked = await q.query("SELECT id FROM projects WHERE id = $1 FOR UPDATE", [projectId]);
    if (locked.length === 0) throw projectNotFound();
  }
  const rows = await q.query<MembershipRow>(
    `SELECT p.id, p.name, p.version, m.role, m.langs
       FROM projects p JOIN members m ON m.project_id = p.id
      WHERE p.id = $1 AND m.user_id = $2`,
    [projectId, userId],
  );
  const row = rows[0];
  if (!row) throw projectNotFound();
  return summaryOf(row);
}

interface MemberRow {
  [key: string]: unknown;
  user_id: string;
  name: string;
  email: string | null;
  role: ProjectRole;
  langs: unknown;
}

function memberOf(row: MemberRow): MemberSummary {
  return {
    userId: row.user_id,
    name: row.name,
    email: row.email,
    role: row.role,
    langs: row.role === "translator" ? storedLangs(row.langs) : null,
  };
}

async function listMembers(q: Queryable, projectId: string): Promise<MemberSummary[]> {
  const rows = await q.query<MemberRow>(
    `SELECT m.user_id, u.name, u.email, m.role, m.langs
       FROM members m JOIN users u ON u.id = m.user_id
      WHERE m.project_id = $1
      ORDER BY CASE m.role WHEN 'owner' THEN 0 WHEN 'reviewer' THEN 1
                           WHEN 'translator' THEN 2 ELSE 3 END,
               lower(u.name), m.user_id`,
    [projectId],
  );
  return rows.map(memberOf);
}

async function loadMemberRow(
  q: Queryable,
  projectId: string,
  userId: string | null,
): Promise<MemberRow> {
  if (userId === null) throw new ApiError(404, "project.member_not_found");
  const rows = await q.query<MemberRow>(
    `SELECT m.user_id, u.name, u.email, m.role, m.langs
       FROM members m JOIN users u ON u.id = m.user_id
      WHERE m.project_id = $1 AND m.user_id = $2`,
    [projectId, userId],
  );
  const row = rows[0];
  if (!row) throw new ApiError(404, "project.member_not_found");
  return row;
}

async function ownerCount(q: Queryable, projectId: string): Promise<number> {
  const rows = await q.query<{ n: string | number }>(
    "SELECT count(*) AS n FROM members WHERE project_id = $1 AND role = 'owner'",
    [projectId],
  );
  return Number(rows[0]?.n ?? 0);
}

// ---------------------------------------------------------------------------------------------
// Routes

export function registerProjectRoutes(app: FastifyInstance, options: ProjectRouteOptions): void {
  const { db, authenticate } = options;

  app.get("/api/projects", async (request, reply) => {
    const user = await authenticate(request, { csrf: false });
    const rows = await db.query<MembershipRow>(
      `SELECT p.id, p.name, p.version, m.role, m.langs
         FROM members m JOIN projects p ON p.id = m.project_id
        WHERE m.user_id = $1
        ORDER BY lower(p.name), p.created_at, p.id`,
      [user.userId],
    );
    reply.header("Cache-Control", "no-store");
    return { projects: rows.map(summaryOf) };
  });

  app.post("/api/projects", async (request, reply) => {
    const user = await authenticate(request, { csrf: true });
    const name = normalizeProjectName(bodyOf(request).name);
    const id = randomUUID();
    const project = await db.transaction(async (tx) => {
      await tx.query("INSERT INTO projects (id, name, created_by) VALUES ($1, $2, $3)", [
        id,
        name,
        user.userId,
      ]);
      await tx.query(
        "INSERT INTO members (project_id, user_id, role, langs) VALUES ($1, $2, 'owner', NULL)",
        [id, user.userId],
      );
      return loadProject(tx, id, user.userId);
    });
    return reply.status(201).send({ project });
  });

  app.get("/api/projects/:id", async (request, reply) => {
    const user = await authenticate(request, { csrf: false });
    const project = await loadProject(db, idParam(request, "id"), user.userId);
    reply.header("Cache-Control", "no-store");
    return { project };
  });

  // Additive to the contract: an owner renames or deletes a project.
  app.patch("/api/projects/:id", async (request) => {
    const user = await authenticate(request, { csrf: true });
    const body = bodyOf(request);
    const project = await loadProject(db, idParam(request, "id"), user.userId);
    if (project.role !== "owner") throw forbidden();
    const name = normalizeProjectName(body.name);
    await db.query("UPDATE projects SET name = $2 WHERE id = $1", [project.id, name]);
    return { project: { ...project, name } };
  });

  app.delete("/api/projects/:id", async (request, reply) => {
    const user = await authenticate(request, { csrf: true });
    await db.transaction(async (tx) => {
      const project = await loadProject(tx, idParam(request, "id"), user.userId, { lock: true });
      if (project.role !== "owner") throw forbidden();
      await tx.query("DELETE FROM projects WHERE id = $1", [project.id]);
    });
    return reply.status(204).send();
  });

  app.get("/api/projects/:id/members", async (request, reply) => {
    const user = await authenticate(request, { csrf: false });
    const project = await loadProject(db, idParam(request, "id"), user.userId);
    reply.header("Cache-Control", "no-store");
    return { members: await listMembers(db, project.id) };
  });

  app.patch("/api/projects/:id/members/:userId", async (request) => {
    const user = await authenticate(request, { csrf: true });
    const body = bodyOf(request);
    const member = await db.transaction(async (tx) => {
      const project = await loadProject(tx, idParam(request, "id"), user.userId, { lock: true });
      if (project.role !== "owner") throw forbidden();
      const role = parseRole(body.role);
      const langs = parseLangs(body.langs, role);
      const target = await loadMemberRow(tx, project.id, idParam(request, "userId"));
      if (target.role === "owner" && role !== "owner" && (await ownerCount(tx, project.id)) <= 1) {
        throw new ApiError(409, "project.last_owner");
      }
      await tx.query(
        `UPDATE members SET role = $3, langs = $4::text::jsonb
          WHERE project_id = $1 AND user_id = $2`,
        [project.id, target.user_id, role, langsParam(langs)],
      );
      return memberOf({ ...target, role, langs });
    });
    return { member };
  });

  app.delete("/api/projects/:id/members/:userId", async (request, reply) => {
    const user = await authenticate(request, { csrf: true });
    const targetId = idParam(request, "userId");
    await db.transaction(async (tx) => {
      const project = await loadProject(tx, idParam(request, "id"), user.userId, { lock: true });
      if (project.role !== "owner" && targetId !== user.userId) throw forbidden();
      const target = await loadMemberRow(tx, project.id, targetId);
      if (target.role === "owner" && (await ownerCount(tx, project.id)) <= 1) {
        throw new ApiError(409, "project.last_owner");
      }
      await tx.query("DELETE FROM members WHERE project_id = $1 AND user_id = $2", [
        project.id,
        target.user_id,
      ]);
    });
    return reply.status(204).send();
  });
}
