/**
 * Pushes that meet on the server at the same moment (two browsers, two server processes, a client
 * whose retry overtakes its own first request): the project row lock must serialize them so that
 * every push gets a version of its own, the version counter equals the highest record version,
 * and a mutation id of one client is applied once even when two copies of the same push race.
 * PGlite runs one transaction at a time; on PostgreSQL the pushes go through separate pool
 * connections and really wait on each other's lock.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Mutation, PushRequest, SyncRecord } from "../../src/core/sync/protocol.ts";
import { PROTOCOL_VERSION } from "../../src/core/sync/protocol.ts";
import type { Database } from "../../src/server/db/database.ts";
import { pullChanges } from "../../src/server/sync/pull.ts";
import { pushMutations } from "../../src/server/sync/push.ts";
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from "./lib/databases.ts";

const DOC = "doc-c";

async function seedProject(db: Database, projectId: string, members: string[]): Promise<void> {
  for (const userId of members) {
    await db.query(
      "INSERT INTO users (id, name, password_hash) VALUES ($1, $2, 'x') ON CONFLICT DO NOTHING",
      [userId, `Name ${userId}`],
    );
  }
  await db.query("INSERT INTO projects (id, name) VALUES ($1, $2)", [projectId, projectId]);
  for (const userId of members) {
    await db.query("INSERT INTO members (project_id, user_id, role) VALUES ($1, $2, 'owner')", [
      projectId,
      userId,
    ]);
  }
}

function cell(segment: number, text: string): SyncRecord {
  return {
    id: `s${segment}:vi`,
    docId: DOC,
    segmentId: `s${segment}`,
    lang: "vi",
    order: `a${segment}`,
    span: 1,
    text,
    status: text === "" ? "empty" : "draft",
    origin: "typed",
    confidence: null,
    locked: false,
  };
}

function request(projectId: string, clientId: string, mutations: Mutation[]): PushRequest {
  return { protocolVersion: PROTOCOL_VERSION, clientId, projectId, mutations };
}

/** Creates of `count` cells (one mutation each, ids from `firstId`), keyed by `prefix`. */
function creates(firstId: number, count: number, prefix: number): Mutation[] {
  return Array.from({ length: count }, (_, i) => ({
    id: firstId + i,
    docId: DOC,
    label: "create",
    at: "2026-03-01T00:00:00.000Z",
    patches: [
      {
        table: "translations",
        key: `s${prefix + i}:vi`,
        before: null,
        after: cell(prefix + i, "x"),
      },
    ],
  }));
}

describe.each(DATABASE_KINDS)("concurrent pushes on %s", (kind) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await openTestDatabase(kind);
    await seedProject(t.db, "p1", ["ana", "budi"]);
  });
  afterEach(async () => {
    await t.close();
  });

  it("two clients pushing to one project at once get one version each; the counter is the highest", async () => {
    // The document exists first (one push), then two browsers push many writes at the same time.
    const first = await pushMutations(t.db, {
      userId: "ana",
      request: request("p1", "ka", [
        {
          id: 1,
          docId: DOC,
          label: "share",
          at: "2026-03-01T00:00:00.000Z",
          patches: [
            { table: "documents", key: DOC, before: null, after: { id: DOC, title: "Doc" } },
          ],
        },
      ]),
    });
    expect(first.outcomes).toEqual([{ id: 1, status: "applied" }]);
    const rounds = 6;
    // Each round, both push at once (one client's own pushes go in order, as the engine sends them).
    for (let r = 0; r < rounds; r++) {
      const answers = await Promise.all([
        pushMutations(t.db, {
          userId: "ana",
          request: request("p1", "ka", creates(2 + r * 3, 3, 1000 + r * 3)),
        }),
        pushMutations(t.db, {
          userId: "budi",
          request: request("p1", "kb", creates(1 + r * 3, 3, 2000 + r * 3)),
        }),
      ]);
      for (const a of answers)
        expect(a.outcomes.map((o) => o.status)).toEqual(Array(3).fill("applied"));
    }

    const rows = await t.db.query<{ key: string; version: unknown }>(
      "SELECT key, version FROM records WHERE project_id = 'p1' AND tbl = 'translations'",
    );
    expect(rows).toHaveLength(rounds * 2 * 3);
    // Which push wrote a cell: its client (s1… Ana, s2… Budi) and round.
    const pushOf = (key: string) => {
      const n = Number(key.slice(1, key.indexOf(":")));
      return `${Math.floor(n / 1000)}-${Math.floor((n % 1000) / 3)}`;
    };
    const byVersion = new Map<number, Set<string>>();
    for (const r of rows) {
      const v = Number(r.version);
      byVersion.set(v, (byVersion.get(v) ?? new Set()).add(pushOf(r.key)));
    }
    // No version holds the writes of two different pushes, and every push has its own version.
    for (const pushesAtVersion of byVersion.values()) expect(pushesAtVersion.size).toBe(1);
    expect(byVersion.size).toBe(rounds * 2);
    const project = await t.db.query<{ version: unknown }>(
      "SELECT version FROM projects WHERE id = 'p1'",
    );
    const max = await t.db.query<{ max: unknown }>(
      "SELECT max(version) AS max FROM records WHERE project_id = 'p1'",
    );
    expect(Number(project[0]!.version)).toBe(Number(max[0]!.max));
    expect(Number(project[0]!.version)).toBe(1 + rounds * 2);
    const log = await t.db.query<{ n: unknown }>(
      "SELECT count(*) AS n FROM change_log WHERE project_id = 'p1'",
    );
    expect(Number(log[0]!.n)).toBe(1 + rounds * 2 * 3);
  });

  it("two copies of one push racing (a retry overtaking the first request) apply each mutation once", async () => {
    await pushMutations(t.db, {
      userId: "ana",
      request: request("p1", "ka", [
        {
          id: 1,
          docId: DOC,
          label: "share",
          at: "2026-03-01T00:00:00.000Z",
          patches: [
            { table: "documents", key: DOC, before: null, after: { id: DOC, title: "Doc" } },
            { table: "translations", key: "s1:vi", before: null, after: cell(1, "a") },
          ],
        },
      ]),
    });
    // Two edits of one cell in a row: applied twice, the second copy would meet its own result
    // and keep "b" as a competing version of "c" (a conflict nobody made).
    const edits: Mutation[] = [
      {
        id: 2,
        docId: DOC,
        label: "edit",
        at: "2026-03-01T00:00:01.000Z",
        patches: [
          { table: "translations", key: "s1:vi", before: cell(1, "a"), after: cell(1, "b") },
        ],
      },
      {
        id: 3,
        docId: DOC,
        label: "edit",
        at: "2026-03-01T00:00:02.000Z",
        patches: [
          { table: "translations", key: "s1:vi", before: cell(1, "b"), after: cell(1, "c") },
        ],
      },
    ];
    for (let round = 0; round < 3; round++) {
      // On PostgreSQL another transaction holds the project row first, so that all copies have
      // started and wait on the lock together (their first reads happen before it is released).
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      let locked = Promise.resolve();
      let blocker = Promise.resolve();
      if (kind === "postgresql") {
        let onLocked = () => {};
        locked = new Promise<void>((resolve) => (onLocked = resolve));
        blocker = t.db.transaction(async (tx) => {
          await tx.query("SELECT 1 FROM projects WHERE id = 'p1' FOR UPDATE");
          onLocked();
          await held;
        });
      }
      await locked;
      const racing = Promise.all(
        [0, 1, 2].map(() =>
          pushMutations(t.db, { userId: "ana", request: request("p1", "ka", edits) }),
        ),
      );
      await new Promise((resolve) => setTimeout(resolve, kind === "postgresql" ? 300 : 0));
      release();
      await blocker;
      const copies = await racing;
      for (const answer of copies) {
        expect(answer.lastMutationId).toBe(3);
        expect(answer.outcomes.map((o) => [o.id, o.status])).toEqual([
          [2, "applied"],
          [3, "applied"],
        ]);
      }
    }
    const log = await t.db.query<{ mutation_id: unknown }>(
      "SELECT mutation_id FROM change_log WHERE project_id = 'p1' AND client_id = 'ka' ORDER BY id",
    );
    expect(log.map((r) => Number(r.mutation_id))).toEqual([1, 2, 3]);
    const pulled = await pullChanges(t.db, {
      userId: "budi",
      request: { protocolVersion: PROTOCOL_VERSION, clientId: "kb", projectId: "p1", cursor: 0 },
    });
    const stored = pulled.changes.find((c) => c.key === "s1:vi")!.value!;
    expect(stored).toEqual(cell(1, "c"));
    expect(stored.competing).toBeUndefined();
  });

  it("one document shared into two projects at the same moment ends in one of them only", async () => {
    await seedProject(t.db, "p2", ["budi"]);
    for (let round = 0; round < 5; round++) {
      const docId = `shared-${round}`;
      const share = (id: number): Mutation => ({
        id,
        docId,
        label: "share",
        at: "2026-03-01T00:00:00.000Z",
        patches: [{ table: "documents", key: docId, before: null, after: { id: docId } }],
      });
      // On PostgreSQL both project rows are held, so both pushes start, then run side by side.
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      let locked = Promise.resolve();
      let blocker = Promise.resolve();
      if (kind === "postgresql") {
        let onLocked = () => {};
        locked = new Promise<void>((resolve) => (onLocked = resolve));
        blocker = t.db.transaction(async (tx) => {
          await tx.query("SELECT 1 FROM projects WHERE id IN ('p1', 'p2') FOR UPDATE");
          onLocked();
          await held;
        });
      }
      await locked;
      const racing = Promise.all([
        pushMutations(t.db, { userId: "ana", request: request("p1", "ka", [share(round + 1)]) }),
        pushMutations(t.db, { userId: "budi", request: request("p2", "kb", [share(round + 1)]) }),
      ]);
      await new Promise((resolve) => setTimeout(resolve, kind === "postgresql" ? 200 : 0));
      release();
      await blocker;
      const answers = await racing;
      const statuses = answers.map((a) => a.outcomes[0]!.status).sort();
      expect(statuses).toEqual(["applied", "refused"]);
      const refused = answers.find((a) => a.outcomes[0]!.status === "refused")!;
      expect(refused.outcomes[0]).toMatchObject({ code: "sync.bad_record" });
      const owners = await t.db.query<{ project_id: string }>(
        "SELECT DISTINCT project_id FROM records WHERE doc_id = $1",
        [docId],
      );
      expect(owners).toHaveLength(1);
    }
  });
});
