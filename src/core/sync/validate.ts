import { AppError } from "../model/app-error.ts";
import {
  PROTOCOL_VERSION,
  PUSH_BATCH,
  SYNC_TABLES,
  type Mutation,
  type PullRequest,
  type PushRequest,
  type SyncPatch,
  type SyncRecord,
  type SyncTable,
} from "./protocol.ts";

/** Longest record key, client id, project id or document id. */
export const MAX_KEY_LENGTH = 512;
/** Longest string anywhere in a request. */
export const MAX_STRING_LENGTH = 1_000_000;
/** Most patches in one mutation. */
export const MAX_PATCHES = 50_000;
/** Deepest nesting of a record (records are shallow; this only stops hostile input). */
export const MAX_DEPTH = 16;
/** Longest mutation label and timestamp. */
const MAX_LABEL_LENGTH = 100;

function fail(path: string): never {
  throw new AppError("sync.bad_request", { path });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function object(value: unknown, path: string): Record<string, unknown> {
  if (!isPlainObject(value)) fail(path);
  return value;
}

function id(value: unknown, path: string): string {
  if (
    typeof value !== "string" ||
    value.length === 0 ||
    value.length > MAX_KEY_LENGTH ||
    value.includes("\u0000")
  ) {
    fail(path);
  }
  return value;
}

function shortString(value: unknown, path: string, max: number): string {
  if (typeof value !== "string" || value.length > max) fail(path);
  return value;
}

function version(value: unknown, path: string): number {
  if (value !== PROTOCOL_VERSION) fail(path);
  return value;
}

/** Plain JSON only (no NaN, Infinity, undefined, class instances), strings and depth bounded. */
function checkJson(value: unknown, path: string, depth: number): void {
  if (value === null || typeof value === "boolean") return;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) fail(path);
    return;
  }
  if (typeof value === "string") {
    if (value.length > MAX_STRING_LENGTH) fail(path);
    return;
  }
  if (depth >= MAX_DEPTH) fail(path);
  if (Array.isArray(value)) {
    value.forEach((v, i) => checkJson(v, `${path}[${i}]`, depth + 1));
    return;
  }
  if (!isPlainObject(value)) fail(path);
  for (const [k, v] of Object.entries(value)) {
    if (k.length > MAX_KEY_LENGTH || k === "__proto__") fail(`${path}.${k.slice(0, 40)}`);
    checkJson(v, `${path}.${k}`, depth + 1);
  }
}

function record(value: unknown, path: string): SyncRecord | null {
  if (value === null) return null;
  if (!isPlainObject(value)) fail(path);
  checkJson(value, path, 1);
  return value;
}

function patch(value: unknown, path: string): SyncPatch {
  const p = object(value, path);
  if (typeof p.table !== "string" || !(SYNC_TABLES as readonly string[]).includes(p.table)) {
    fail(`${path}.table`);
  }
  const before = record(p.before, `${path}.before`);
  const after = record(p.after, `${path}.after`);
  if (before === null && after === null) fail(`${path}.after`);
  return { table: p.table as SyncTable, key: id(p.key, `${path}.key`), before, after };
}

function mutation(value: unknown, path: string, previousId: number): Mutation {
  const m = object(value, path);
  if (!Number.isSafeInteger(m.id) || (m.id as number) < 1 || (m.id as number) <= previousId) {
    fail(`${path}.id`);
  }
  const docId = m.docId === null ? null : id(m.docId, `${path}.docId`);
  const label = shortString(m.label, `${path}.label`, MAX_LABEL_LENGTH);
  const at = shortString(m.at, `${path}.at`, MAX_LABEL_LENGTH);
  if (!Array.isArray(m.patches) || m.patches.length > MAX_PATCHES) fail(`${path}.patches`);
  const patches = m.patches.map((p: unknown, i) => patch(p, `${path}.patches[${i}]`));
  return { id: m.id as number, docId, label, at, patches };
}

/**
 * A push request body, checked field by field (the server's first line of defence; nothing of it
 * is trusted before this). Throws AppError("sync.bad_request", {path}) naming the first bad field.
 * Returns a fresh object with only the protocol's fields (records are kept as sent).
 */
export function parsePushRequest(json: unknown): PushRequest {
  const body = object(json, "$");
  const protocolVersion = version(body.protocolVersion, "protocolVersion");
  const clientId = id(body.clientId, "clientId");
  const projectId = id(body.projectId, "projectId");
  if (!Array.isArray(body.mutations) || body.mutations.length > PUSH_BATCH) fail("mutations");
  let previous = 0;
  const mutations = body.mutations.map((m: unknown, i) => {
    const parsed = mutation(m, `mutations[${i}]`, previous);
    previous = parsed.id;
    return parsed;
  });
  return { protocolVersion, clientId, projectId, mutations };
}

/** A pull request body, checked like parsePushRequest. */
export function parsePullRequest(json: unknown): PullRequest {
  const body = object(json, "$");
  const protocolVersion = version(body.protocolVersion, "protocolVersion");
  const clientId = id(body.clientId, "clientId");
  const projectId = id(body.projectId, "projectId");
  const cursor = body.cursor;
  if (!Number.isSafeInteger(cursor) || (cursor as number) < 0) fail("cursor");
  return { protocolVersion, clientId, projectId, cursor: cursor as number };
}
