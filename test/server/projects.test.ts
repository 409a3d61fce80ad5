import { randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "../../src/server/app.ts";
import { sha256Hex } from "../../src/server/http/auth.ts";
import { ApiClient, errorOf, type TestSession } from "./lib/accounts.ts";
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from "./lib/databases.ts";

interface Project {
  id: string;
  name: string;
  role: string;
  langs: string[] | null;
  version: number;
}

describe.each(DATABASE_KINDS)("projects, members and invites on %s", (kind) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let api: ApiClient;
  let counter = 0;

  beforeAll(async () => {
    t = await openTestDatabase(kind);
    app = await buildServer({ db: t.db });
    api = new ApiClient(app);
  });

  afterAll(async () => {
    await app.close();
    await t.close();
  });

  /** A fresh account with a unique name. */
  function account(prefix: string): Promise<TestSession> {
    counter += 1;
    return api.newAccount(`${prefix} ${counter}`);
  }

  async function createProject(owner: TestSession, name: string): Promise<Project> {
    const response = await api.as(owner, "POST", "/api/projects", { name });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ project: Project }>().project;
  }

  async function invite(
    owner: TestSession,
    projectId: string,
    body: Record<string, unknown> = { role: "translator", langs: null, expiresInHours: 24 },
  ): Promise<string> {
    const response = await api.as(owner, "POST", `/api/projects/${projectId}/invites`, body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ token: string }>().token;
  }

  async function accept(session: TestSession, token: string) {
    return api.as(session, "POST", `/api/invites/${token}/accept`);
  }

  /** Adds `member` to the project with `role` through an invite. */
  async function join(
    owner: TestSession,
    member: TestSession,
    projectId: string,
    role: string,
    langs: string[] | null = null,
  ): Promise<void> {
    const token = await invite(owner, projectId, { role, langs, expiresInHours: 1 });
    const response = await accept(member, token);
    expect(response.statusCode, response.body).toBe(200);
  }

  async function members(session: TestSession, projectId: string) {
    const response = await api.as(session, "GET", `/api/projects/${projectId}/members`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{
      members: {
        userId: string;
        name: string;
        email: string | null;
        role: string;
        langs: unknown;
      }[];
    }>().members;
  }

  it("creates a project owned by its creator and lists only the caller's projects", async () => {
    const ana = await account("Ana");
    const budi = await account("Budi");
    const created = await createProject(ana, "  Laporan Tahunan 2024  ");
    expect(created).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: "Laporan Tahunan 2024",
      role: "owner",
      langs: null,
      version: 0,
    });
    const second = await createProject(ana, "Brosur");
    const budis = await createProject(budi, "Budi's own");

    const list = await api.as(ana, "GET", "/api/projects");
    expect(list.statusCode).toBe(200);
    const projects = list.json<{ projects: Project[] }>().projects;
    expect(projects.map((p) => p.id).sort()).toEqual([created.id, second.id].sort());
    expect(projects.find((p) => p.id === created.id)).toEqual(created);
    const budiList = (await api.as(budi, "GET", "/api/projects")).json<{ projects: Project[] }>();
    expect(budiList.projects).toEqual([budis]);

    const one = await api.as(ana, "GET", `/api/projects/${created.id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toEqual({ project: created });
    const rows = await t.db.query<{ role: string }>(
      "SELECT role FROM members WHERE project_id = $1 AND user_id = $2",
      [created.id, ana.user.id],
    );
    expect(rows).toEqual([{ role: "owner" }]);
  });

  it("renames and deletes a project for its owner only", async () => {
    const owner = await account("Citra");
    const reviewer = await account("Dedi");
    const project = await createProject(owner, "Draft");
    await join(owner, reviewer, project.id, "reviewer");

    const refused = await api.as(reviewer, "PATCH", `/api/projects/${project.id}`, { name: "X" });
    expect(refused.statusCode).toBe(403);
    expect(errorOf(refused)).toEqual({ code: "project.forbidden", params: {} });
    const renamed = await api.as(owner, "PATCH", `/api/projects/${project.id}`, { name: "Final" });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().project.name).toBe("Final");
    const blank = await api.as(owner, "PATCH", `/api/projects/${project.id}`, { name: " " });
    expect(errorOf(blank)).toEqual({ code: "request.invalid", params: { field: "name" } });
    expect((await api.as(reviewer, "GET", `/api/projects/${project.id}`)).json().project.name).toBe(
      "Final",
    );

    const notYours = await api.as(reviewer, "DELETE", `/api/projects/${project.id}`);
    expect(notYours.statusCode).toBe(403);
    const deleted = await api.as(owner, "DELETE", `/api/projects/${project.id}`);
    expect(deleted.statusCode).toBe(204);
    for (const who of [owner, reviewer]) {
      const gone = await api.as(who, "GET", `/api/projects/${project.id}`);
      expect(gone.statusCode).toBe(404);
      expect(errorOf(gone).code).toBe("project.not_found");
    }
    expect(await t.db.query("SELECT 1 FROM members WHERE project_id = $1", [project.id])).toEqual(
      [],
    );
  });

  it("refuses bad project names and unauthenticated or CSRF-less requests", async () => {
    const owner = await account("Eka");
    for (const name of ["", "   ", "x".repeat(201), "nul\u0000", "tab\tname", 42, null]) {
      const response = await api.as(owner, "POST", "/api/projects", { name });
      expect(response.statusCode, JSON.stringify(name)).toBe(400);
      expect(errorOf(response)).toEqual({ code: "request.invalid", params: { field: "name" } });
    }
    const anonymous = await api.as(null, "GET", "/api/projects");
    expect(anonymous.statusCode).toBe(401);
    expect(errorOf(anonymous).code).toBe("auth.required");
    const noCsrf = await api.inject({
      method: "POST",
      url: "/api/projects",
      headers: { cookie: owner.cookie },
      payload: { name: "Sneaky" },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(errorOf(noCsrf).code).toBe("auth.csrf");
    const rows = await t.db.query("SELECT 1 FROM projects WHERE name = 'Sneaky'");
    expect(rows).toHaveLength(0);
  });

  it("stores hostile project names literally", async () => {
    const owner = await account("Fitri");
    const hostile = [
      "'); DROP TABLE projects;--",
      "<script>alert(1)</script>",
      '" $1 $$ %s \\x00 /* */ ${name}',
      "Dự án 🇻🇳 👩🏽‍💻 Proyek",
      "\u202Eevil\u202C",
    ];
    for (const name of hostile) {
      const project = await createProject(owner, name);
      expect(project.name).toBe(name);
      const rows = await t.db.query<{ name: string }>("SELECT name FROM projects WHERE id = $1", [
        project.id,
      ]);
      expect(rows[0]?.name).toBe(name);
      const token = await invite(owner, project.id);
      const info = await api.as(null, "GET", `/api/invites/${token}`);
      expect(info.json().projectName).toBe(name);
    }
    const list = (await api.as(owner, "GET", "/api/projects")).json<{ projects: Project[] }>();
    expect(list.projects.map((p) => p.name).sort()).toEqual([...hostile].sort());
  });

  it("lists members for any member; an owner changes roles, others are refused", async () => {
    const owner = await account("Gita");
    const translator = await account("Hadi");
    const viewer = await account("Intan");
    const project = await createProject(owner, "Roles");
    await join(owner, translator, project.id, "translator", ["vi"]);
    await join(owner, viewer, project.id, "viewer");

    const list = await members(viewer, project.id);
    expect(list).toEqual([
      { userId: owner.user.id, name: owner.user.name, email: null, role: "owner", langs: null },
      {
        userId: translator.user.id,
        name: translator.user.name,
        email: null,
        role: "translator",
        langs: ["vi"],
      },
      { userId: viewer.user.id, name: viewer.user.name, email: null, role: "viewer", langs: null },
    ]);
    const translatorProject = await api.as(translator, "GET", `/api/projects/${project.id}`);
    expect(translatorProject.json().project).toMatchObject({ role: "translator", langs: ["vi"] });

    const url = `/api/projects/${project.id}/members/${viewer.user.id}`;
    for (const who of [translator, viewer]) {
      const refused = await api.as(who, "PATCH", url, { role: "owner", langs: null });
      expect(refused.statusCode).toBe(403);
      expect(errorOf(refused)).toEqual({ code: "project.forbidden", params: {} });
    }
    const changed = await api.as(owner, "PATCH", url, { role: "translator", langs: ["en"] });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().member).toMatchObject({ role: "translator", langs: ["en"] });
    // langs mean nothing for other roles: stored as null.
    const reviewer = await api.as(owner, "PATCH", url, { role: "reviewer", langs: ["en"] });
    expect(reviewer.json().member).toMatchObject({ role: "reviewer", langs: null });
    const rows = await t.db.query<{ role: string; langs: unknown }>(
      "SELECT role, langs FROM members WHERE project_id = $1 AND user_id = $2",
      [project.id, viewer.user.id],
    );
    expect(rows).toEqual([{ role: "reviewer", langs: null }]);
    // Both languages in any order are kept in the canonical order.
    const both = await api.as(owner, "PATCH", url, { role: "translator", langs: ["en", "vi"] });
    expect(both.json().member.langs).toEqual(["vi", "en"]);

    for (const [body, field] of [
      [{ role: "admin", langs: null }, "role"],
      [{ langs: null }, "role"],
      [{ role: "translator", langs: [] }, "langs"],
      [{ role: "translator", langs: ["id"] }, "langs"],
      [{ role: "translator", langs: ["vi", "vi"] }, "langs"],
      [{ role: "translator", langs: "vi" }, "langs"],
      [{ role: "viewer", langs: ["fr"] }, "langs"],
    ] as const) {
      const bad = await api.as(owner, "PATCH", url, body);
      expect(bad.statusCode, JSON.stringify(body)).toBe(400);
      expect(errorOf(bad)).toEqual({ code: "request.invalid", params: { field } });
    }
    const missing = await api.as(
      owner,
      "PATCH",
      `/api/projects/${project.id}/members/${randomUUID()}`,
      { role: "viewer", langs: null },
    );
    expect(missing.statusCode).toBe(404);
    expect(errorOf(missing).code).toBe("project.member_not_found");
  });

  it("never leaves a project without an owner (409 project.last_owner)", async () => {
    const owner = await account("Joko");
    const other = await account("Kartika");
    const project = await createProject(owner, "Owners");
    const self = `/api/projects/${project.id}/members/${owner.user.id}`;
    const demote = await api.as(owner, "PATCH", self, { role: "translator", langs: null });
    expect(demote.statusCode).toBe(409);
    expect(errorOf(demote)).toEqual({ code: "project.last_owner", params: {} });
    const leave = await api.as(owner, "DELETE", self);
    expect(leave.statusCode).toBe(409);
    expect(errorOf(leave).code).toBe("project.last_owner");

    // With a second owner, either may step down, but two concurrent step-downs cannot both win.
    await join(owner, other, project.id, "owner");
    const answers = await Promise.all([
      api.as(owner, "PATCH", self, { role: "viewer", langs: null }),
      api.as(other, "PATCH", `/api/projects/${project.id}/members/${other.user.id}`, {
        role: "viewer",
        langs: null,
      }),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    const owners = await t.db.query(
      "SELECT user_id FROM members WHERE project_id = $1 AND role = 'owner'",
      [project.id],
    );
    expect(owners).toHaveLength(1);
    // Keeping the owner role is no loss of an owner.
    const lastOwner = (owners[0] as { user_id: string }).user_id;
    const keeper = lastOwner === owner.user.id ? owner : other;
    const keep = await api.as(keeper, "PATCH", `/api/projects/${project.id}/members/${lastOwner}`, {
      role: "owner",
      langs: null,
    });
    expect(keep.statusCode).toBe(200);
  });

  it("removes members: the owner anyone, a member only themself", async () => {
    const owner = await account("Lina");
    const a = await account("Made");
    const b = await account("Nia");
    const project = await createProject(owner, "Removal");
    await join(owner, a, project.id, "translator");
    await join(owner, b, project.id, "reviewer");
    const urlOf = (s: TestSession) => `/api/projects/${project.id}/members/${s.user.id}`;

    const refused = await api.as(a, "DELETE", urlOf(b));
    expect(refused.statusCode).toBe(403);
    expect(errorOf(refused).code).toBe("project.forbidden");
    const removeOwner = await api.as(a, "DELETE", urlOf(owner));
    expect(removeOwner.statusCode).toBe(403);

    const self = await api.as(a, "DELETE", urlOf(a));
    expect(self.statusCode).toBe(204);
    const gone = await api.as(a, "GET", `/api/projects/${project.id}`);
    expect(gone.statusCode).toBe(404);
    expect((await api.as(a, "GET", "/api/projects")).json().projects).toEqual([]);

    const byOwner = await api.as(owner, "DELETE", urlOf(b));
    expect(byOwner.statusCode).toBe(204);
    expect((await members(owner, project.id)).map((m) => m.userId)).toEqual([owner.user.id]);
    const again = await api.as(owner, "DELETE", urlOf(b));
    expect(again.statusCode).toBe(404);
    expect(errorOf(again).code).toBe("project.member_not_found");
  });

  it("answers 404 project.not_found to a non-member everywhere, as for a missing id", async () => {
    const owner = await account("Oki");
    const stranger = await account("Putu");
    const project = await createProject(owner, "Secret");
    const token = await invite(owner, project.id);
    const ids = [project.id, randomUUID(), "' OR 1=1 --", "x".repeat(99)];
    for (const id of ids) {
      const path = `/api/projects/${encodeURIComponent(id)}`;
      const requests = [
        api.as(stranger, "GET", path),
        api.as(stranger, "PATCH", path, { name: "Mine now" }),
        api.as(stranger, "DELETE", path),
        api.as(stranger, "GET", `${path}/members`),
        api.as(stranger, "PATCH", `${path}/members/${stranger.user.id}`, {
          role: "owner",
          langs: null,
        }),
        api.as(stranger, "PATCH", `${path}/members/${owner.user.id}`, {
          role: "viewer",
          langs: null,
        }),
        api.as(stranger, "DELETE", `${path}/members/${owner.user.id}`),
        api.as(stranger, "POST", `${path}/invites`, {
          role: "owner",
          langs: null,
          expiresInHours: 1,
        }),
      ];
      for (const response of await Promise.all(requests)) {
        expect(response.statusCode, `${id}: ${response.body}`).toBe(404);
        expect(errorOf(response)).toEqual({ code: "project.not_found", params: {} });
      }
    }
    // Nothing changed.
    const list = await members(owner, project.id);
    expect(list.map((m) => [m.userId, m.role])).toEqual([[owner.user.id, "owner"]]);
    expect((await api.as(owner, "GET", `/api/projects/${project.id}`)).json().project.name).toBe(
      "Secret",
    );
    // The invite still works afterwards (nothing above used it).
    expect((await api.as(null, "GET", `/api/invites/${token}`)).statusCode).toBe(200);
  });

  it("creates an invite (owner only) with a token stored as its SHA-256, and shows it", async () => {
    const owner = await account("Rudi");
    const translator = await account("Sinta");
    const project = await createProject(owner, "Invites");
    await join(owner, translator, project.id, "translator");

    const refused = await api.as(translator, "POST", `/api/projects/${project.id}/invites`, {
      role: "viewer",
      langs: null,
      expiresInHours: 1,
    });
    expect(refused.statusCode).toBe(403);
    expect(errorOf(refused).code).toBe("project.forbidden");

    const before = Date.now();
    const created = await api.as(owner, "POST", `/api/projects/${project.id}/invites`, {
      role: "translator",
      langs: ["en"],
      expiresInHours: 48,
    });
    expect(created.statusCode).toBe(201);
    const { token, expiresAt } = created.json<{ token: string; expiresAt: string }>();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    const expires = Date.parse(expiresAt);
    expect(expires).toBeGreaterThan(before + 47.9 * 3600_000);
    expect(expires).toBeLessThan(Date.now() + 48.1 * 3600_000);
    const rows = await t.db.query<{ token_hash: string }>(
      "SELECT token_hash FROM invites WHERE project_id = $1",
      [project.id],
    );
    expect(rows.map((r) => r.token_hash)).toContain(sha256Hex(token));
    expect(JSON.stringify(rows)).not.toContain(token);

    // Anyone holding the token (signed in or not) sees what it offers.
    const info = await api.as(null, "GET", `/api/invites/${token}`);
    expect(info.statusCode).toBe(200);
    expect(info.json()).toEqual({
      projectId: project.id,
      projectName: "Invites",
      role: "translator",
      langs: ["en"],
      expiresAt,
      invitedBy: owner.user.name,
    });

    for (const [body, field] of [
      [{ role: "boss", langs: null, expiresInHours: 1 }, "role"],
      [{ role: "viewer", langs: null, expiresInHours: 0 }, "expiresInHours"],
      [{ role: "viewer", langs: null, expiresInHours: 721 }, "expiresInHours"],
      [{ role: "viewer", langs: null, expiresInHours: 1.5 }, "expiresInHours"],
      [{ role: "viewer", langs: null }, "expiresInHours"],
      [{ role: "translator", langs: ["vi", "de"], expiresInHours: 1 }, "langs"],
    ] as const) {
      const bad = await api.as(owner, "POST", `/api/projects/${project.id}/invites`, body);
      expect(bad.statusCode, JSON.stringify(body)).toBe(400);
      expect(errorOf(bad)).toEqual({ code: "request.invalid", params: { field } });
    }
    const tokens = new Set<string>();
    for (let i = 0; i < 5; i += 1) tokens.add(await invite(owner, project.id));
    expect(tokens.size).toBe(5);
  });

  it("accepts an invite once; used, expired and unknown invites are refused", async () => {
    const owner = await account("Tari");
    const guest = await account("Umar");
    const late = await account("Vina");
    const project = await createProject(owner, "Accept");
    const token = await invite(owner, project.id, {
      role: "translator",
      langs: ["vi"],
      expiresInHours: 2,
    });

    const anonymous = await api.as(null, "POST", `/api/invites/${token}/accept`);
    expect(anonymous.statusCode).toBe(401);
    const noCsrf = await api.inject({
      method: "POST",
      url: `/api/invites/${token}/accept`,
      headers: { cookie: guest.cookie },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(errorOf(noCsrf).code).toBe("auth.csrf");

    const accepted = await accept(guest, token);
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toEqual({
      project: { id: project.id, name: "Accept", role: "translator", langs: ["vi"], version: 0 },
    });
    const used = await accept(late, token);
    expect(used.statusCode).toBe(410);
    expect(errorOf(used)).toEqual({ code: "invite.used", params: {} });
    const usedAgain = await accept(guest, token);
    expect(errorOf(usedAgain).code).toBe("invite.used");
    expect(errorOf(await api.as(null, "GET", `/api/invites/${token}`)).code).toBe("invite.used");
    expect((await api.as(late, "GET", `/api/projects/${project.id}`)).statusCode).toBe(404);
    const row = await t.db.query<{ used_by: string }>(
      "SELECT used_by FROM invites WHERE token_hash = $1",
      [sha256Hex(token)],
    );
    expect(row).toEqual([{ used_by: guest.user.id }]);

    const expiring = await invite(owner, project.id);
    await t.db.query(
      "UPDATE invites SET expires_at = now() - interval '1 second' WHERE token_hash = $1",
      [sha256Hex(expiring)],
    );
    const expired = await accept(late, expiring);
    expect(expired.statusCode).toBe(410);
    expect(errorOf(expired)).toEqual({ code: "invite.expired", params: {} });
    const expiredInfo = await api.as(null, "GET", `/api/invites/${expiring}`);
    expect(expiredInfo.statusCode).toBe(410);
    expect(errorOf(expiredInfo).code).toBe("invite.expired");
    expect((await api.as(late, "GET", `/api/projects/${project.id}`)).statusCode).toBe(404);

    for (const bad of ["A".repeat(43), "short", "'%20OR%201=1--", "x".repeat(99)]) {
      const info = await api.as(null, "GET", `/api/invites/${bad}`);
      expect(info.statusCode, bad).toBe(404);
      expect(errorOf(info)).toEqual({ code: "invite.not_found", params: {} });
      const take = await accept(late, bad);
      expect(take.statusCode, bad).toBe(404);
    }

    // A deleted project takes its invites with it.
    const doomed = await createProject(owner, "Doomed");
    const doomedToken = await invite(owner, doomed.id);
    await api.as(owner, "DELETE", `/api/projects/${doomed.id}`);
    expect(errorOf(await accept(late, doomedToken)).code).toBe("invite.not_found");
  });

  it("lets exactly one of two concurrent accepts win", async () => {
    const owner = await account("Wati");
    const project = await createProject(owner, "Race");
    for (let round = 0; round < 3; round += 1) {
      const racers = [await account("Racer"), await account("Racer")];
      const token = await invite(owner, project.id, {
        role: "reviewer",
        langs: null,
        expiresInHours: 1,
      });
      const answers = await Promise.all(racers.map((r) => accept(r, token)));
      expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 410]);
      const loser = answers.find((a) => a.statusCode === 410);
      expect(loser && errorOf(loser).code).toBe("invite.used");
      const joined = await t.db.query(
        "SELECT user_id FROM members WHERE project_id = $1 AND user_id = ANY($2::text[])",
        [project.id, racers.map((r) => r.user.id)],
      );
      expect(joined).toHaveLength(1);
    }
    // The same account racing itself with two invites ends as one member row.
    const self = await account("Self racer");
    const tokens = [await invite(owner, project.id), await invite(owner, project.id)];
    const answers = await Promise.all(tokens.map((tk) => accept(self, tk)));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200]);
    const rows = await t.db.query("SELECT 1 FROM members WHERE project_id = $1 AND user_id = $2", [
      project.id,
      self.user.id,
    ]);
    expect(rows).toHaveLength(1);
  });

  it("keeps the higher role of an existing member who accepts another invite", async () => {
    const owner = await account("Yani");
    const member = await account("Zaki");
    const project = await createProject(owner, "Higher");
    const roleOf = async () =>
      (await api.as(member, "GET", `/api/projects/${project.id}`)).json<{ project: Project }>()
        .project;

    await join(owner, member, project.id, "reviewer");
    await join(owner, member, project.id, "viewer");
    expect(await roleOf()).toMatchObject({ role: "reviewer", langs: null });
    await join(owner, member, project.id, "translator", ["vi"]);
    expect(await roleOf()).toMatchObject({ role: "reviewer", langs: null });
    await join(owner, member, project.id, "owner");
    expect(await roleOf()).toMatchObject({ role: "owner", langs: null });
    // The owner invited as viewer stays the owner.
    const token = await invite(owner, project.id, {
      role: "viewer",
      langs: null,
      expiresInHours: 1,
    });
    expect((await accept(owner, token)).json().project.role).toBe("owner");

    // A translator limited to one language invited for the other gets both.
    const translator = await account("Ari");
    await join(owner, translator, project.id, "translator", ["vi"]);
    await join(owner, translator, project.id, "translator", ["en"]);
    const both = await api.as(translator, "GET", `/api/projects/${project.id}`);
    expect(both.json().project).toMatchObject({ role: "translator", langs: null });
    // A viewer invited as a limited translator becomes that translator.
    const viewer = await account("Bayu");
    await join(owner, viewer, project.id, "viewer");
    await join(owner, viewer, project.id, "translator", ["en"]);
    const upgraded = await api.as(viewer, "GET", `/api/projects/${project.id}`);
    expect(upgraded.json().project).toMatchObject({ role: "translator", langs: ["en"] });
  });
});
