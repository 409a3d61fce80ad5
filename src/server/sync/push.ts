import { applyMutation, type RecordWrite } from "../../core/sync/apply-mutation.ts";
import { recordId } from "../../core/sync/canonical.ts";
import { touchedKeys } from "../../core/sync/touched-keys.ts";
import type {
  Member,
  Mutation,
  MutationOutcome,
  ProjectRole,
  PushRequest,
  PushResponse,
  RecordChange,
  SyncRecord,
  SyncTable,
} from "../../core/sync/protocol.ts";
import type { TargetLang } from "../../core/model/languages.ts";
import type { Database, Queryable } from "../db/database.ts";
import { ApiError } from "../http/errors.ts";

export function projectNotFound(): ApiError {
  return new ApiError(404, "project.not_found");
}

/** The NOTIFY channel of project version changes (payload `{"projectId","version"}`). */
export const PROJECT_CHANNEL = "selaras_project";

interface Stored {
  table: SyncTable;
  key: string;
  docId: string | null;
  value: SyncRecord | null;
  version: number;
}

/** A string jsonb cannot hold: U+0000 or an unpaired surrogate. */
// eslint-disable-next-line no-control-regex -- U+0000 is exactly what must be found here
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function storable(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return !UNSTORABLE.test(value);
  if (value === null || typeof value !== "object" || depth > 32) return true;
  if (Array.isArray(value)) return value.every((v) => storable(v, depth + 1));
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (UNSTORABLE.test(k) || !storable(v, depth + 1)) return false;
  }
  return true;
}

/** Loads the member (role, langs, name) of a project, or throws 404 project.not_found. */
export async function loadMember(q: Queryable, projectId: string, userId: string): Promise<Member> {
  const rows = await q.query<{ role: string; langs: unknown; name: string }>(
    `SELECT m.role, m.langs, u.name FROM members m JOIN users u ON u.id = m.user_id
      WHERE m.project_id = $1 AND m.user_id = $2`,
    [projectId, userId],
  );
  const row = rows[0];
  if (!row) throw projectNotFound();
  return memberOf(userId, row);
}

function memberOf(userId: string, row: { role: string; langs: unknown; name: string }): Member {
  const langs = typeof row.langs === "string" ? (JSON.parse(row.langs) as unknown) : row.langs;
  return {
    userId,
    name: row.name,
    role: row.role as ProjectRole,
    langs: Array.isArray(langs) ? (langs as TargetLang[]) : null,
  };
}

/** The project a synced document belongs to (sync_documents), or null when none has written it. */
async function documentOwner(q: Queryable, docId: string): Promise<string | null> {
  const rows = await q.query<{ project_id: string }>(
    "SELECT project_id FROM sync_documents WHERE doc_id = $1",
    [docId],
  );
  return rows[0]?.project_id ?? null;
}

/**
 * Claims a document for the project on its first write: true when it is (now) the project's. A
 * concurrent claim by another project's push makes the INSERT wait for that transaction and then
 * find its row, so one document never ends up in two projects.
 */
async function claimDocument(q: Queryable, projectId: string, docId: string): Promise<boolean> {
  const inserted = await q.query(
    `INSERT INTO sync_documents (doc_id, project_id) VALUES ($1, $2)
     ON CONFLICT (doc_id) DO NOTHING RETURNING doc_id`,
    [docId, projectId],
  );
  return inserted.length > 0 || (await documentOwner(q, docId)) === projectId;
}

async function loadRecords(
  q: Queryable,
  projectId: string,
  keys: ReadonlyArray<{ table: SyncTable; key: string }>,
): Promise<Map<string, Stored>> {
  const out = new Map<string, Stored>();
  if (keys.length === 0) return out;
  const rows = await q.query<{
    tbl: string;
    key: string;
    doc_id: string | null;
    data: unknown;
    version: unknown;
    deleted: boolean;
  }>(
    `SELECT r.tbl, r.key, r.doc_id, r.data, r.version, r.deleted
       FROM records r
       JOIN unnest($2::text[], $3::text[]) AS k(tbl, key) ON r.tbl = k.tbl AND r.key = k.key
      WHERE r.project_id = $1`,
    [projectId, keys.map((k) => k.table), keys.map((k) => k.key)],
  );
  for (const r of rows) {
    const data = typeof r.data === "string" ? (JSON.parse(r.data) as SyncRecord) : r.data;
    out.set(recordId(r.tbl as SyncTable, r.key), {
      table: r.tbl as SyncTable,
      key: r.key,
      docId: r.doc_id,
      value: r.deleted ? null : ((data as SyncRecord | null) ?? null),
      version: Number(r.version),
    });
  }
  return out;
}

/**
 * Handles one push request in one transaction (README of src/core/sync): the project row locked
 * (pushes of a project are serialized across server processes), each mutation applied once in
 * order with the core rules, the project version bumped once when anything was written, every
 * handled mutation logged, and fix-ups for skipped, conflicting and refused mutations. After the
 * commit, NOTIFY selaras_project. Throws ApiError 404 project.not_found / 409 sync.gap.
 */
export async function pushMutations(
  db: Database,
  input: { userId: string; request: PushRequest },
): Promise<PushResponse> {
  const { userId, request } = input;
  const { projectId, clientId } = request;
  const result = await db.transaction(async (tx) => {
    // Membership first (a non-member, like a missing project, gets 404 without touching a lock);
    // then the project row alone is locked, and the client's state is read by a later statement.
    // In READ COMMITTED a statement that waited for the lock re-reads only the locked row: a join
    // in the same statement (client_mutations) would keep the state from before the wait, and a
    // copy of a push that waited behind its twin would apply the same mutations again.
    const member = await loadMember(tx, projectId, userId);
    const locked = await tx.query<{ version: unknown }>(
      "SELECT version FROM projects WHERE id = $1 FOR UPDATE",
      [projectId],
    );
    if (!locked[0]) throw projectNotFound();
    const client = await tx.query<{ last: unknown }>(
      `SELECT last_mutation_id AS last FROM client_mutations
        WHERE project_id = $1 AND client_id = $2`,
      [projectId, clientId],
    );
    const projectVersion = Number(locked[0].version);
    const newVersion = projectVersion + 1;
    let last = client[0] ? Number(client[0].last) : 0;
    const startLast = last;

    const fresh = request.mutations.filter((m) => m.id > last);
    const skipped = request.mutations.filter((m) => m.id <= last);
    // A resend of mutations already handled (the first answer was lost): their stored outcomes,
    // so a refusal still reaches the client's list of refused changes.
    const earlier = await storedOutcomes(tx, projectId, clientId, skipped);
    if (fresh.length > 0 && fresh[0]!.id !== last + 1) {
      throw new ApiError(409, "sync.gap", { expected: last + 1 });
    }
    // Every record the new mutations touch, in one query; writes of this push overlay it.
    const state = await loadRecords(tx, projectId, touchedKeys(fresh));
    const writes = new Map<string, RecordWrite>();
    // Documents this push found (or made) the project's own.
    const ownDocs = new Set<string>();
    const outcomes: MutationOutcome[] = [...earlier];
    const fixupMutations: Mutation[] = [...skipped];
    const log: Array<{
      id: number;
      docId: string | null;
      label: string;
      at: string;
      outcome: string;
      code: string | null;
      params: Record<string, string | number> | null;
      keys: string[] | null;
    }> = [];
    for (const mutation of fresh) {
      const outcome = await handle(tx, projectId, member, mutation, state, writes, ownDocs);
      outcomes.push(outcome);
      last = mutation.id;
      if (outcome.status !== "applied") fixupMutations.push(mutation);
      log.push({
        id: mutation.id,
        docId: mutation.docId,
        label: mutation.label,
        at: mutation.at,
        outcome: outcome.status,
        code: outcome.status === "refused" ? outcome.code : null,
        params: outcome.status === "refused" ? outcome.params : null,
        keys: outcome.status === "conflict" ? outcome.keys : null,
      });
    }
    const wrote = writes.size > 0;
    const version = wrote ? newVersion : projectVersion;
    if (wrote) {
      const rowsJson = JSON.stringify(
        [...writes.values()].map((w) => ({
          tbl: w.table,
          key: w.key,
          doc_id: w.docId,
          data: w.value,
          deleted: w.value === null,
        })),
      );
      await tx.query(
        `INSERT INTO records (project_id, tbl, key, doc_id, data, version, deleted)
         SELECT $1, x.tbl, x.key, x.doc_id, x.data, $2, x.deleted
           FROM jsonb_to_recordset($3::text::jsonb)
             AS x(tbl text, key text, doc_id text, data jsonb, deleted boolean)
         ON CONFLICT (project_id, tbl, key) DO UPDATE
           SET doc_id = EXCLUDED.doc_id, data = EXCLUDED.data, version = EXCLUDED.version,
               deleted = EXCLUDED.deleted`,
        [projectId, version, rowsJson],
      );
      await tx.query("UPDATE projects SET version = $2 WHERE id = $1", [projectId, version]);
      for (const w of writes.values()) {
        const id = recordId(w.table, w.key);
        state.set(id, { table: w.table, key: w.key, docId: w.docId, value: w.value, version });
      }
    }
    if (log.length > 0) {
      await tx.query(
        `INSERT INTO change_log (project_id, version, client_id, mutation_id, user_id, doc_id,
                                 label, at, outcome, code, params, keys)
         SELECT $1, $2, $3, x.id, $4, x.doc_id, x.label, x.at, x.outcome, x.code, x.params, x.keys
           FROM jsonb_to_recordset($5::text::jsonb)
             AS x(id bigint, doc_id text, label text, at text, outcome text, code text,
                  params jsonb, keys jsonb)`,
        [
          projectId,
          version,
          clientId,
          userId,
          JSON.stringify(log.map((l) => ({ ...l, doc_id: l.docId }))),
        ],
      );
    }
    if (last !== startLast) {
      await tx.query(
        `INSERT INTO client_mutations (project_id, client_id, user_id, last_mutation_id, updated_at)
         VALUES ($1, $2, $3, $4, now())
         ON CONFLICT (project_id, client_id) DO UPDATE
           SET last_mutation_id = EXCLUDED.last_mutation_id, user_id = EXCLUDED.user_id,
               updated_at = now()`,
        [projectId, clientId, userId, last],
      );
    }
    // Fix-ups: the server's state (after this push) of every record those mutations touch.
    const fixKeys = touchedKeys(fixupMutations);
    const missing = fixKeys.filter((k) => !state.has(recordId(k.table, k.key)));
    const more = await loadRecords(tx, projectId, missing);
    for (const [id, s] of more) state.set(id, s);
    const docOf = new Map(
      fixupMutations.flatMap((m) =>
        m.patches.map((p) => [recordId(p.table, p.key), m.docId] as const),
      ),
    );
    const fixups: RecordChange[] = fixKeys.map(({ table, key }) => {
      const id = recordId(table, key);
      const s = state.get(id);
      return {
        table,
        key,
        docId: s?.docId ?? docOf.get(id) ?? null,
        value: s?.value ?? null,
        version: s?.version ?? 0,
      };
    });
    return { response: { lastMutationId: last, outcomes, fixups }, wrote, version };
  });
  if (result.wrote) {
    await db
      .notify(PROJECT_CHANNEL, JSON.stringify({ projectId, version: result.version }))
      .catch(() => undefined);
  }
  return result.response;
}

/** The outcomes stored in the change log for mutations of this client already handled. */
async function storedOutcomes(
  q: Queryable,
  projectId: string,
  clientId: string,
  mutations: readonly Mutation[],
): Promise<MutationOutcome[]> {
  if (mutations.length === 0) return [];
  const rows = await q.query<{
    mutation_id: unknown;
    outcome: string;
    code: string | null;
    params: unknown;
    keys: unknown;
  }>(
    `SELECT mutation_id, outcome, code, params, keys FROM change_log
      WHERE project_id = $1 AND client_id = $2 AND mutation_id = ANY($3::bigint[])
      ORDER BY mutation_id`,
    [projectId, clientId, mutations.map((m) => m.id)],
  );
  const json = (v: unknown): unknown => (typeof v === "string" ? (JSON.parse(v) as unknown) : v);
  return rows.map((r): MutationOutcome => {
    const id = Number(r.mutation_id);
    if (r.outcome === "refused") {
      const params = json(r.params);
      return {
        id,
        status: "refused",
        code: r.code ?? "sync.refused",
        params:
          params && typeof params === "object" ? (params as Record<string, string | number>) : {},
      };
    }
    if (r.outcome === "conflict") {
      const keys = json(r.keys);
      return { id, status: "conflict", keys: Array.isArray(keys) ? (keys as string[]) : [] };
    }
    return { id, status: "applied" };
  });
}

async function handle(
  tx: Queryable,
  projectId: string,
  member: Member,
  mutation: Mutation,
  state: Map<string, Stored>,
  writes: Map<string, RecordWrite>,
  ownDocs: Set<string>,
): Promise<MutationOutcome> {
  const refuse = (code: string, params: Record<string, string | number>): MutationOutcome => ({
    id: mutation.id,
    status: "refused",
    code,
    params,
  });
  // A document of another project is never read or written here (README: Permissions).
  const docId = mutation.docId;
  const foreign = () =>
    refuse("sync.bad_record", { table: "documents", key: docId ?? "", field: "docId" });
  if (docId !== null && !ownDocs.has(docId)) {
    const owner = await documentOwner(tx, docId);
    if (owner !== null && owner !== projectId) return foreign();
    if (owner === projectId) ownDocs.add(docId);
  }
  const current = new Map<string, SyncRecord | null>();
  // Records the project has never stored (no row, not even a deleted one): a glossary concept
  // edited in a browser that had it before joining is created by its first update.
  const neverStored = new Set<string>();
  for (const { table, key } of touchedKeys([mutation])) {
    const id = recordId(table, key);
    const s = state.get(id);
    // A record of this project stored under another document is never read as this one's.
    current.set(id, s?.value ?? null);
    if (s === undefined) neverStored.add(id);
  }
  const { outcome, writes: out } = applyMutation({ mutation, member, current, neverStored });
  if (outcome.status === "refused") return outcome;
  for (const w of out) {
    if (w.value !== null && !storable(w.value)) {
      return refuse("sync.bad_record", { table: w.table, key: w.key, field: "text" });
    }
  }
  if (docId !== null && out.length > 0 && !ownDocs.has(docId)) {
    if (!(await claimDocument(tx, projectId, docId))) return foreign();
    ownDocs.add(docId);
  }
  for (const w of out) {
    const id = recordId(w.table, w.key);
    writes.set(id, w);
    const prev = state.get(id);
    state.set(id, {
      table: w.table,
      key: w.key,
      docId: w.docId,
      value: w.value,
      version: prev?.version ?? 0,
    });
  }
  return outcome;
}
