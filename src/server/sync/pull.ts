import {
  PULL_PAGE,
  type PullRequest,
  type PullResponse,
  type RecordChange,
  type SyncRecord,
  type SyncTable,
} from "../../core/sync/protocol.ts";
import type { Database } from "../db/database.ts";
import { loadMember } from "./push.ts";

/** A row of `records` as RECORD_SELECT reads it. */
export type RecordRow = {
  tbl: string;
  key: string;
  doc_id: string | null;
  data: unknown;
  version: unknown;
  deleted: boolean;
};
type Row = RecordRow;

/** The columns of `records` a pull (and an inline poke) sends. */
export const RECORD_SELECT = "SELECT tbl, key, doc_id, data, version, deleted FROM records";

/** A stored row as the protocol's RecordChange (a deleted record has value null). */
export function recordChangeOf(r: RecordRow): RecordChange {
  const data = typeof r.data === "string" ? (JSON.parse(r.data) as SyncRecord) : r.data;
  return {
    table: r.tbl as SyncTable,
    key: r.key,
    docId: r.doc_id,
    value: r.deleted ? null : ((data as SyncRecord | null) ?? null),
    version: Number(r.version),
  };
}

/**
 * Every record of the project changed after the cursor, in version order, at most about PULL_PAGE
 * per page, cut only at a version boundary (a version is never split across pages: the cursor is
 * the last complete version). A single version larger than a page comes whole. 404 for non-members.
 */
export async function pullChanges(
  db: Database,
  input: { userId: string; request: PullRequest; pageSize?: number },
): Promise<PullResponse> {
  const { userId, request } = input;
  const page = input.pageSize ?? PULL_PAGE;
  const { projectId, clientId, cursor } = request;
  return db.transaction(async (tx) => {
    await loadMember(tx, projectId, userId);
    const head = await tx.query<{ version: unknown; last: unknown }>(
      `SELECT p.version, cm.last_mutation_id AS last FROM projects p
         LEFT JOIN client_mutations cm ON cm.project_id = p.id AND cm.client_id = $2
        WHERE p.id = $1`,
      [projectId, clientId],
    );
    const projectVersion = Number(head[0]?.version ?? 0);
    const lastMutationId = head[0]?.last == null ? 0 : Number(head[0].last);
    const select = RECORD_SELECT;
    let rows = await tx.query<Row>(
      `${select} WHERE project_id = $1 AND version > $2 AND version <= $3
        ORDER BY version, tbl, key LIMIT $4`,
      [projectId, cursor, projectVersion, page + 1],
    );
    let more = false;
    let next = projectVersion;
    if (rows.length > page) {
      more = true;
      const lastVersion = Number(rows[rows.length - 1]!.version);
      const firstVersion = Number(rows[0]!.version);
      if (firstVersion === lastVersion) {
        // One version larger than a page: it comes whole.
        rows = await tx.query<Row>(
          `${select} WHERE project_id = $1 AND version = $2 ORDER BY tbl, key`,
          [projectId, firstVersion],
        );
        next = firstVersion;
      } else {
        rows = rows.filter((r) => Number(r.version) < lastVersion);
        next = lastVersion - 1;
      }
      more = next < projectVersion;
    }
    const changes: RecordChange[] = rows.map(recordChangeOf);
    return { cursor: Math.max(cursor, next), lastMutationId, changes, more };
  });
}
