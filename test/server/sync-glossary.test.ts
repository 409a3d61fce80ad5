/**
 * The project glossary through the sync API (POST /api/sync/push, /api/sync/pull), on PGlite and
 * PostgreSQL: concepts stored and pulled without a document, roles (a viewer's forged patch
 * refused, nothing written), concurrent edits merged per language or kept as a competing version,
 * a stale delete refused, a concept the project never had created by its first update.
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
import { ApiClient, type TestSession } from "./lib/accounts.ts";
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from "./lib/databases.ts";

function concept(id: string, vi: string, en: string, extra: SyncRecord = {}): SyncRecord {
  return {
    id,
    terms: [
      { lang: "id", text: "rumah sakit", status: "preferred" },
      { lang: "vi", text: vi },
      { lang: "en", text: en },
    ],
    ...extra,
  };
}

describe.each(DATABASE_KINDS)("the glossary through the sync API on %s", (kind) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let api: ApiClient;
  let owner: TestSession;
  let tran: TestSession;
  let rina: TestSession;
  let vic: TestSession;
  let projectId: string;
  const next = new Map<string, number>();

  async function push(who: TestSession, clientId: string, patches: SyncPatch[], docId = null) {
    const id = (next.get(clientId) ?? 0) + 1;
    next.set(clientId, id);
    const mutation: Mutation = {
      id,
      docId,
      label: "glossary-edit",
      at: "2026-03-01T00:00:00.000Z",
      patches,
    };
    const response = await api.as(who, "POST", "/api/sync/push", {
      protocolVersion: PROTOCOL_VERSION,
      clientId,
      projectId,
      mutations: [mutation],
    });
    expect(response.statusCode).toBe(200);
    return response.json<PushResponse>();
  }

  async function pulled(who: TestSession, cursor = 0) {
    const response = await api.as(who, "POST", "/api/sync/pull", {
      protocolVersion: PROTOCOL_VERSION,
      clientId: `pull-${who.user.name}`,
      projectId,
      cursor,
    });
    expect(response.statusCode).toBe(200);
    return response.json<PullResponse>();
  }

  async function serverConcept(key: string) {
    const body = await pulled(owner);
    return body.changes.find((c) => c.table === "glossary" && c.key === key);
  }

  beforeAll(async () => {
    t = await openTestDatabase(kind);
    app = await buildServer({ db: t.db });
    api = new ApiClient(app);
    owner = await api.newAccount("Olga");
    tran = await api.newAccount("Tran");
    rina = await api.newAccount("Rina");
    vic = await api.newAccount("Vic");
    const created = await api.as(owner, "POST", "/api/projects", { name: "Tim" });
    expect(created.statusCode).toBe(201);
    projectId = created.json<{ project: { id: string } }>().project.id;
    for (const [s, role] of [
      [tran, "translator"],
      [rina, "reviewer"],
      [vic, "viewer"],
    ] as const) {
      await t.db.query(
        "INSERT INTO members (project_id, user_id, role, langs) VALUES ($1, $2, $3, 'null'::jsonb)",
        [projectId, s.user.id, role],
      );
    }
  });

  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it("a translator's new concept reaches the others by pull, without a document", async () => {
    const g1 = concept("g1", "bệnh viện", "hospital");
    const answer = await push(tran, "k-tran", [
      { table: "glossary", key: "g1", before: null, after: g1 },
    ]);
    expect(answer.outcomes).toEqual([{ id: 1, status: "applied" }]);
    const body = await pulled(rina);
    expect(body.changes.filter((c) => c.table === "glossary")).toEqual([
      { table: "glossary", key: "g1", docId: null, value: g1, version: expect.any(Number) },
    ]);
  });

  it("a viewer's forged glossary patch is refused and nothing is written", async () => {
    const before = (await pulled(owner)).cursor;
    const answer = await push(vic, "k-vic", [
      { table: "glossary", key: "g-vic", before: null, after: concept("g-vic", "x", "y") },
    ]);
    expect(answer.outcomes).toEqual([
      { id: 1, status: "refused", code: "sync.forbidden_role", params: { role: "viewer" } },
    ]);
    const after = await pulled(owner, before);
    expect(after.changes).toEqual([]);
    expect(after.cursor).toBe(before);
  });

  it("a concept sent under a document, or malformed, is a bad record", async () => {
    const answer = await push(owner, "k-own", [
      { table: "glossary", key: "g-bad", before: null, after: { id: "g-bad", terms: "x" } },
    ]);
    expect(answer.outcomes[0]).toMatchObject({
      status: "refused",
      code: "sync.bad_record",
      params: { table: "glossary", key: "g-bad", field: "after.terms" },
    });
    expect(await serverConcept("g-bad")).toBeUndefined();
  });

  it("a reviewer and a translator edit different languages concurrently: both kept", async () => {
    const base = (await serverConcept("g1"))!.value!;
    const viEdit = concept("g1", "nhà thương", "hospital");
    expect(
      (await push(tran, "k-tran", [{ table: "glossary", key: "g1", before: base, after: viEdit }]))
        .outcomes[0]!.status,
    ).toBe("applied");
    const enEdit = concept("g1", "bệnh viện", "clinic");
    const answer = await push(rina, "k-rina", [
      { table: "glossary", key: "g1", before: base, after: enEdit },
    ]);
    expect(answer.outcomes[0]!.status).toBe("applied");
    expect((await serverConcept("g1"))!.value).toEqual(concept("g1", "nhà thương", "clinic"));
  });

  it("the same language changed differently: the later is kept as a competing version", async () => {
    const base = (await serverConcept("g1"))!.value!;
    const mine = concept("g1", "bệnh viện đa khoa", "clinic");
    await push(owner, "k-own", [
      { table: "glossary", key: "g1", before: base, after: concept("g1", "viện", "clinic") },
    ]);
    const answer = await push(tran, "k-tran", [
      { table: "glossary", key: "g1", before: base, after: mine },
    ]);
    expect(answer.outcomes[0]).toMatchObject({ status: "conflict", keys: ["g1"] });
    const fix = answer.fixups.find((f) => f.key === "g1")!;
    expect(fix.value).toEqual({
      ...concept("g1", "viện", "clinic"),
      competing: [{ concept: mine, by: "Tran", at: "2026-03-01T00:00:00.000Z", source: "sync" }],
    });
    expect((await serverConcept("g1"))!.value).toEqual(fix.value);
  });

  it("a delete of a concept changed since is refused; one on the current state is applied", async () => {
    const g2 = concept("g2", "đường", "road");
    await push(owner, "k-own", [{ table: "glossary", key: "g2", before: null, after: g2 }]);
    const changed = concept("g2", "con đường", "road");
    await push(rina, "k-rina", [{ table: "glossary", key: "g2", before: g2, after: changed }]);
    const stale = await push(tran, "k-tran", [
      { table: "glossary", key: "g2", before: g2, after: null },
    ]);
    expect(stale.outcomes[0]).toMatchObject({ status: "refused", code: "sync.stale_structure" });
    expect(stale.fixups).toEqual([expect.objectContaining({ key: "g2", value: changed })]);
    const ok = await push(tran, "k-tran", [
      { table: "glossary", key: "g2", before: changed, after: null },
    ]);
    expect(ok.outcomes[0]!.status).toBe("applied");
    expect((await serverConcept("g2"))!.value).toBeNull();
    // Edited by someone who had not seen the delete: refused (it is not brought back unseen).
    const late = await push(rina, "k-rina", [
      { table: "glossary", key: "g2", before: changed, after: concept("g2", "lộ", "road") },
    ]);
    expect(late.outcomes[0]).toMatchObject({ status: "refused", code: "sync.stale_structure" });
  });

  it("an update of a concept the project never had (made before joining) creates it", async () => {
    const old = concept("g-old", "cũ", "old");
    const edited = concept("g-old", "cũ", "former");
    const answer = await push(tran, "k-tran", [
      { table: "glossary", key: "g-old", before: old, after: edited },
    ]);
    expect(answer.outcomes[0]!.status).toBe("applied");
    expect((await serverConcept("g-old"))!.value).toEqual(edited);
  });
});
