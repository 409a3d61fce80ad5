/**
 * Invitations to a team project (team-api.md). An owner creates one with a role (and, for a
 * translator, the languages) and a lifetime of 1..720 hours; the answer holds the token once: 32
 * random bytes in base64url, stored only as its SHA-256 (hex). Anyone holding the token may read
 * what it offers; a signed-in account accepts it once: the invite is marked used in the same
 * transaction that adds the member, by an UPDATE that only succeeds while it is unused, so of two
 * concurrent accepts exactly one wins and the other gets 410 `invite.used`. An existing member
 * keeps the higher of both roles (a translator invited as translator again gets both languages).
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Queryable } from "../db/database.ts";
import { randomToken, sha256Hex } from "./auth.ts";
import { ApiError } from "./errors.ts";
import {
  forbidden,
  higherRole,
  langsParam,
  loadProject,
  parseLangs,
  parseRole,
  storedLangs,
  unionLangs,
  type ProjectRouteOptions,
} from "./projects.ts";
import type { ProjectRole } from "../../core/sync/protocol.ts";

export const INVITE_HOURS_MAX = 720;

function invalid(field: string): ApiError {
  return new ApiError(400, "request.invalid", { field });
}

function inviteNotFound(): ApiError {
  return new ApiError(404, "invite.not_found");
}

/** The token of the URL, or null when it cannot be one of ours (32 bytes in base64url). */
function tokenParam(request: FastifyRequest): string | null {
  const value = (request.params as Record<string, unknown>).token;
  return typeof value === "string" && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : null;
}

function isoOf(value: unknown): string {
  const date = value instanceof Date ? value : new Date(String(value));
  return date.toISOString();
}

interface InviteRow {
  [key: string]: unknown;
  project_id: string;
  project_name: string;
  role: ProjectRole;
  langs: unknown;
  expires_at: unknown;
  used_at: unknown;
  expired: boolean;
  invited_by: string | null;
}

async function findInvite(q: Queryable, tokenHash: string): Promise<InviteRow | null> {
  const rows = await q.query<InviteRow>(
    `SELECT i.project_id, p.name AS project_name, i.role, i.langs, i.expires_at, i.used_at,
            (i.expires_at <= now()) AS expired, u.name AS invited_by
       FROM invites i
       JOIN projects p ON p.id = i.project_id
       LEFT JOIN users u ON u.id = i.created_by
      WHERE i.token_hash = $1`,
    [tokenHash],
  );
  return rows[0] ?? null;
}

/** 410 for a used invite (checked first: it is gone for good) or an expired one. */
function checkUsable(row: InviteRow): void {
  if (row.used_at !== null && row.used_at !== undefined) throw new ApiError(410, "invite.used");
  if (row.expired) throw new ApiError(410, "invite.expired");
}

export function registerInviteRoutes(app: FastifyInstance, options: ProjectRouteOptions): void {
  const { db, authenticate } = options;

  app.post("/api/projects/:id/invites", async (request, reply) => {
    const user = await authenticate(request, { csrf: true });
    const rawId = (request.params as Record<string, unknown>).id;
    const projectId = typeof rawId === "string" && rawId.length <= 100 ? rawId : null;
    const project = await loadProject(db, projectId, user.userId);
    if (project.role !== "owner") throw forbidden();
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (typeof body !== "object" || Array.isArray(body)) throw invalid("");
    const role = parseRole(body.role);
    const langs = parseLangs(body.langs, role);
    const hours = body.expiresInHours;
    if (typeof hours !== "number" || !Number.isInteger(hours) || hours < 1) {
      throw invalid("expiresInHours");
    }
    if (hours > INVITE_HOURS_MAX) throw invalid("expiresInHours");
    const token = randomToken();
    const rows = await db.query<{ expires_at: unknown }>(
      `INSERT INTO invites (token_hash, project_id, role, langs, created_by, expires_at)
       VALUES ($1, $2, $3, $4::text::jsonb, $5, now() + make_interval(hours => $6::int))
       RETURNING expires_at`,
      [sha256Hex(token), project.id, role, langsParam(langs), user.userId, hours],
    );
    return reply.status(201).send({ token, expiresAt: isoOf(rows[0]?.expires_at) });
  });

  app.get("/api/invites/:token", async (request, reply) => {
    const token = tokenParam(request);
    const row = token === null ? null : await findInvite(db, sha256Hex(token));
    if (row === null) throw inviteNotFound();
    checkUsable(row);
    reply.header("Cache-Control", "no-store");
    return {
      projectId: row.project_id,
      projectName: row.project_name,
      role: row.role,
      langs: row.role === "translator" ? storedLangs(row.langs) : null,
      expiresAt: isoOf(row.expires_at),
      invitedBy: row.invited_by ?? "",
    };
  });

  app.post("/api/invites/:token/accept", async (request) => {
    const user = await authenticate(request, { csrf: true });
    const token = tokenParam(request);
    if (token === null) throw inviteNotFound();
    const tokenHash = sha256Hex(token);
    const project = await db.transaction(async (tx) => {
      const found = await findInvite(tx, tokenHash);
      if (found === null) throw inviteNotFound();
      checkUsable(found);
      // Membership changes of a project are serialized by its row (projects.ts does the same).
      const locked = await tx.query("SELECT id FROM projects WHERE id = $1 FOR UPDATE", [
        found.project_id,
      ]);
      if (locked.length === 0) throw inviteNotFound();
      // The one decisive step: only an unused, unexpired invite is taken (a concurrent accept
      // waits for this row, then finds it used).
      const taken = await tx.query<{ role: ProjectRole; langs: unknown }>(
        `UPDATE invites SET used_at = now(), used_by = $2
          WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()
          RETURNING role, langs`,
        [tokenHash, user.userId],
      );
      const invite = taken[0];
      if (!invite) {
        const again = await findInvite(tx, tokenHash);
        if (again === null) throw inviteNotFound();
        checkUsable(again);
        throw new ApiError(410, "invite.used");
      }
      const inviteLangs = invite.role === "translator" ? storedLangs(invite.langs) : null;
      const existing = await tx.query<{ role: ProjectRole; langs: unknown }>(
        "SELECT role, langs FROM members WHERE project_id = $1 AND user_id = $2",
        [found.project_id, user.userId],
      );
      const current = existing[0];
      if (!current) {
        await tx.query(
          `INSERT INTO members (project_id, user_id, role, langs)
           VALUES ($1, $2, $3, $4::text::jsonb)`,
          [found.project_id, user.userId, invite.role, langsParam(inviteLangs)],
        );
      } else {
        const role = higherRole(current.role, invite.role);
        const currentLangs = current.role === "translator" ? storedLangs(current.langs) : null;
        let langs = null;
        if (role === "translator") {
          if (current.role === "translator" && invite.role === "translator") {
            langs = unionLangs(currentLangs, inviteLangs);
          } else {
            langs = current.role === "translator" ? currentLangs : inviteLangs;
          }
        }
        await tx.query(
          `UPDATE members SET role = $3, langs = $4::text::jsonb
            WHERE project_id = $1 AND user_id = $2`,
          [found.project_id, user.userId, role, langsParam(langs)],
        );
      }
      return loadProject(tx, found.project_id, user.userId);
    });
    return { project };
  });
}
