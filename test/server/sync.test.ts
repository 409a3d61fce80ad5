/**
 * The sync API end to end through the app (POST /api/sync/push, /api/sync/pull with a session and
 * its CSRF token), on PGlite and PostgreSQL: sharing, conflicts, the server's role rules, resends,
 * gaps, paging, membership and NOTIFY.
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  Mutation,
  PullResponse,
  PushResponse,
  SyncPatch,
  SyncRecord,
} from "../../src/core/sync/protocol.ts";
import { PROTOCOL_VERSION } from "../../src/core/sync/protocol.ts";
import { buildServer } from "../../src/server/app.ts";
import { pullChanges } from "../../src/server/sync/pull.ts";
import { ApiClient, errorOf, type TestSession } from "./lib/accounts.ts";
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from "./lib/databases.ts";

function cell(
  docId: string,
  seg: string,
  lang: string,
  text: string,
  status = "draft",
): SyncRecord {
  return {
    id: `${seg}:${lang}`,
    docId,
    segmentId: seg,
    lang,
    order: "a0",
    span: 1,
    text,
    status,
    origin: "typed",
    confidence: null,
    locked: false,
  };
}

describe.each(DATABASE_KINDS)("the sync API on %s", (kind) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let api: ApiClient;
  let owner: TestSession;
  let tran: TestSession;
  let rina: TestSession;
  let vy: TestSession;
  let vic: TestSession;
  let stranger: TestSession;
  let projectId: string;
  const DOC = `doc-${kind}`;
  const next = new Map<string, number>();

  async function push(
    who: TestSession,
    clientId: string,
    mutations: Array<Omit<Mutation, "id"> & { id?: number }>,
    project = projectId,
  ) {
    const withIds = mutations.map((m) => {
      const id = m.id ?? (next.get(clientId) ?? 0) + 1;
      next.set(clientId, Math.max(next.get(clientId) ?? 0, id));
      return { ...m, id };
    });
    return api.as(who, "POST", "/api/sync/push", {
      protocolVersion: PROTOCOL_VERSION,
      clientId,
      projectId: project,
      mutations: withIds,
    });
  }

  const edit = (patches: SyncPatch[], docId: string = DOC): Omit<Mutation, "id"> => ({
    docId,
    label: "edit",
    at: "2026-03-01T00:00:00.000Z",
    patches,
  });

  async function pull(who: TestSession, cursor = 0, project = projectId) {
    return api.as(who, "POST", "/api/sync/pull", {
      protocolVersion: PROTOCOL_VERSION,
      clientId: `pull-${who.user.name}`,
      projectId: project,
      cursor,
    });
  }

  beforeAll(async () => {
    t = await openTestDatabase(kind);
    app = await buildServer({ db: t.db });
    api = new ApiClient(app);
    owner = await api.newAccount("Olga");
    tran = await api.newAccount("Tran");
    rina = await api.newAccount("Rina");
    vy = await api.newAccount("Vy");
    vic = await api.newAccount("Vic");
    stranger = await api.newAccount("Sam");
    const created = await api.as(owner, "POST", "/api/projects", { name: "Tim" });
    expect(created.statusCode).toBe(201);
    projectId = created.json<{ project: { id: string } }>().project.id;
    for (const [s, role, langs] of [
      [tran, "translator", null],
      [rina, "reviewer", null],
      [vy, "translator", ["vi"]],
      [vic, "viewer", null],
    ] as const) {
      await t.db.query(
        "INSERT INTO members (project_id, user_id, role, langs) VALUES ($1, $2, $3, $4::text::jsonb)",
        [projectId, s.user.id, role, JSON.stringify(langs)],
      );
    }
    // The owner shares a document: the document, a segment and two cells.
    const shared = await push(owner, "k-own", [
      edit([
        { table: "documents", key: DOC, before: null, after: { id: DOC, title: "Berita" } },
        {
          table: "segments",
          key: "s1",
          before: null,
          after: { id: "s1", docId: DOC, order: "a0", source: "Satu." },
        },
        { table: "translations", key: "s1:vi", before: null, after: cell(DOC, "s1", "vi", "Một.") },
        { table: "translations", key: "s1:en", before: null, after: cell(DOC, "s1", "en", "One.") },
      ]),
    ]);
    expect(shared.statusCode).toBe(200);
    expect(shared.json<PushResponse>().outcomes).toEqual([{ id: 1, status: "applied" }]);
  });

  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it("a shared document reaches another member by pull", async () => {
    const response = await pull(rina);
    expect(response.statusCode).toBe(200);
    const body = response.json<PullResponse>();
    expect(body.more).toBe(false);
    expect(body.changes.map((c) => `${c.table}/${c.key}`).sort()).toEqual([
      `documents/${DOC}`,
      "segments/s1",
      "translations/s1:en",
      "translations/s1:vi",
    ]);
    expect(body.cursor).toBeGreaterThanOrEqual(1);
    expect(body.changes.find((c) => c.key === "s1:vi")!.value).toEqual(
      cell(DOC, "s1", "vi", "Một."),
    );
  });

  it("two members editing one cell: the later is a competing version, nothing is lost", async () => {
    const base = cell(DOC, "s1", "en", "One.");
    const a = await push(owner, "k-own", [
      edit([
        { table: "translations", key: "s1:en", before: base, after: { ...base, text: "Uno." } },
      ]),
    ]);
    expect(a.json<PushResponse>().outcomes[0]!.status).toBe("applied");
    const b = await push(tran, "k-tran", [
      edit([
        { table: "translations", key: "s1:en", before: base, after: { ...base, text: "Eins." } },
      ]),
    ]);
    const answer = b.json<PushResponse>();
    expect(answer.outcomes[0]).toMatchObject({ status: "conflict", keys: ["s1:en"] });
    const fix = answer.fixups.find((f) => f.key === "s1:en")!.value!;
    expect(fix.text).toBe("Uno.");
    expect(fix.competing).toEqual([
      expect.objectContaining({ text: "Eins.", by: "Tran", source: "sync" }),
    ]);
  });

  it("refuses a stale review, a translator's other language and a viewer, writing nothing", async () => {
    const now = (await pull(owner)).json<PullResponse>().changes;
    const vi = now.find((c) => c.key === "s1:vi")!.value!;
    const before = (await pull(owner)).json<PullResponse>().cursor;
    // Rina approves the text she saw ("Một" as first shared), but it changed since.
    const changed = await push(owner, "k-own", [
      edit([{ table: "translations", key: "s1:vi", before: vi, after: { ...vi, text: "Một!" } }]),
    ]);
    expect(changed.json<PushResponse>().outcomes[0]!.status).toBe("applied");
    const review = await push(rina, "k-rina", [
      edit([
        {
          table: "translations",
          key: "s1:vi",
          before: vi,
          after: { ...vi, status: "approved" },
        },
      ]),
    ]);
    expect(review.json<PushResponse>().outcomes[0]).toMatchObject({
      status: "refused",
      code: "sync.stale_review",
    });
    const en = now.find((c) => c.key === "s1:en")!.value!;
    const vyEn = await push(vy, "k-vy", [
      edit([{ table: "translations", key: "s1:en", before: en, after: { ...en, text: "Hi." } }]),
    ]);
    expect(vyEn.json<PushResponse>().outcomes[0]).toMatchObject({
      status: "refused",
      code: "sync.forbidden_lang",
      params: { lang: "en" },
    });
    const view = await push(vic, "k-vic", [
      edit([{ table: "translations", key: "s1:vi", before: vi, after: { ...vi, text: "X" } }]),
    ]);
    expect(view.json<PushResponse>().outcomes[0]).toMatchObject({
      status: "refused",
      code: "sync.forbidden_role",
    });
    // Only the owner's edit moved the project.
    const after = (await pull(owner, before)).json<PullResponse>();
    expect(after.changes.map((c) => c.key)).toEqual(["s1:vi"]);
    expect(after.changes[0]!.value!.text).toBe("Một!");
  });

  it("a resend gets the same outcomes and fix-ups; a gap is 409 sync.gap", async () => {
    const vi = (await pull(owner))
      .json<PullResponse>()
      .changes.find((c) => c.key === "s1:vi")!.value!;
    const mutations = [
      {
        id: 1,
        ...edit([
          { table: "translations", key: "s1:vi", before: vi, after: { ...vi, text: "Vic." } },
        ]),
      },
    ];
    const first = (await push(vic, "k-vic2", mutations)).json<PushResponse>();
    const again = (await push(vic, "k-vic2", mutations)).json<PushResponse>();
    expect(first.outcomes[0]).toMatchObject({ status: "refused", code: "sync.forbidden_role" });
    expect(again).toEqual(first);
    const log = await t.db.query("SELECT 1 FROM change_log WHERE client_id = 'k-vic2'");
    expect(log).toHaveLength(1);

    const gap = await push(owner, "k-gap", [{ id: 3, ...edit([]) }]);
    expect(gap.statusCode).toBe(409);
    expect(errorOf(gap)).toEqual({ code: "sync.gap", params: { expected: 1 } });
  });

  it("404 for a non-member and a missing project; 400 for a bad body; 403 without the CSRF token", async () => {
    for (const project of [projectId, "no-such-project"]) {
      const p = await push(stranger, "k-s", [{ id: 1, ...edit([]) }], project);
      expect(p.statusCode).toBe(404);
      expect(errorOf(p).code).toBe("project.not_found");
      const q = await pull(stranger, 0, project);
      expect(q.statusCode).toBe(404);
      expect(errorOf(q).code).toBe("project.not_found");
    }
    const bad = await api.as(owner, "POST", "/api/sync/push", { protocolVersion: 1, clientId: "" });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad)).toEqual({ code: "sync.bad_request", params: { path: "clientId" } });
    const noCsrf = await api.as(
      owner,
      "POST",
      "/api/sync/pull",
      { protocolVersion: 1, clientId: "k", projectId, cursor: 0 },
      { "x-csrf-token": "" },
    );
    expect(noCsrf.statusCode).toBe(403);
    const anonymous = await api.as(null, "POST", "/api/sync/pull", {});
    expect(anonymous.statusCode).toBe(401);
  });

  it("a document of another project is refused, and its records never read", async () => {
    const other = await api.as(stranger, "POST", "/api/projects", { name: "Other" });
    const otherId = other.json<{ project: { id: string } }>().project.id;
    const foreign = await push(
      stranger,
      "k-s2",
      [
        edit([
          {
            table: "translations",
            key: "s1:vi",
            before: null,
            after: cell(DOC, "s1", "vi", "mine"),
          },
        ]),
      ],
      otherId,
    );
    expect(foreign.json<PushResponse>().outcomes[0]).toMatchObject({
      status: "refused",
      code: "sync.bad_record",
      params: { field: "docId" },
    });
    const theirs = (await pull(stranger, 0, otherId)).json<PullResponse>();
    expect(theirs.changes).toEqual([]);
  });

  it("pull pages across many versions bring every record once, in version order, only this project's", async () => {
    const other = await api.as(owner, "POST", "/api/projects", { name: "Pages" });
    const pid = other.json<{ project: { id: string } }>().project.id;
    const doc = `pages-${kind}`;
    await push(
      owner,
      "k-pages",
      [edit([{ table: "documents", key: doc, before: null, after: { id: doc } }], doc)],
      pid,
    );
    const keys: string[] = [];
    for (let round = 0; round < 8; round++) {
      const patches: SyncPatch[] = Array.from({ length: 1 + (round % 3) }, (_, i) => {
        const seg = `r${round}-${i}`;
        keys.push(`${seg}:vi`);
        return {
          table: "translations",
          key: `${seg}:vi`,
          before: null,
          after: cell(doc, seg, "vi", `t${round}`),
        };
      });
      await push(owner, "k-pages", [edit(patches, doc)], pid);
    }
    const seen: string[] = [];
    const versions: number[] = [];
    let cursor = 0;
    for (let guard = 0; guard < 50; guard++) {
      const page = await pullChanges(t.db, {
        userId: owner.user.id,
        request: { protocolVersion: PROTOCOL_VERSION, clientId: "pager", projectId: pid, cursor },
        pageSize: 2,
      });
      for (const c of page.changes) {
        expect(c.version).toBeGreaterThan(cursor);
        expect(c.docId).toBe(doc);
        seen.push(c.key);
        versions.push(c.version);
      }
      expect(page.cursor).toBeGreaterThanOrEqual(cursor);
      cursor = page.cursor;
      if (!page.more) break;
    }
    expect(seen.filter((k) => k !== doc).sort()).toEqual([...keys].sort());
    expect(new Set(seen).size).toBe(seen.length);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
  });

  it("NOTIFY selaras_project {projectId, version} after a push that wrote", async () => {
    const payloads: string[] = [];
    const stop = await t.db.listen("selaras_project", (p) => payloads.push(p));
    try {
      const vi = (await pull(owner))
        .json<PullResponse>()
        .changes.find((c) => c.key === "s1:vi")!.value!;
      const answer = await push(owner, "k-own", [
        edit([{ table: "translations", key: "s1:vi", before: vi, after: { ...vi, text: "N." } }]),
      ]);
      expect(answer.json<PushResponse>().outcomes[0]!.status).toBe("applied");
      const version = (await pull(owner)).json<PullResponse>().cursor;
      await expect
        .poll(() => payloads.map((p) => JSON.parse(p) as unknown), { timeout: 5000 })
        .toContainEqual({ projectId, version });
    } finally {
      await stop();
    }
  });
});
