import type { TargetLang } from "../model/languages.ts";

/**
 * The Selaras sync protocol, version 1: push/pull over HTTP in the manner of Replicache's documented
 * protocol, plus a WebSocket for notices ("poke": pull now) and presence. Shared by the app
 * (src/db/sync) and the server (src/server); the merge and permission rules live beside it
 * (apply-mutation.ts, authorize.ts) so both sides run the same code. See README.md in this folder.
 */
export const PROTOCOL_VERSION = 1;

/** The record tables a mutation may change. Keys are strings in every table. */
export const SYNC_TABLES = [
  "documents",
  "segments",
  "translations",
  "comments",
  "revisions",
  "tmxExtras",
  "memory",
  "glossary",
] as const;
export type SyncTable = (typeof SYNC_TABLES)[number];

/** Append-only tables: records are only ever created (never updated or deleted) through sync. */
export const APPEND_ONLY_TABLES: readonly SyncTable[] = ["revisions", "memory"];

/** A team project member's role, decided by the server. */
export const PROJECT_ROLES = ["owner", "translator", "reviewer", "viewer"] as const;
export type ProjectRole = (typeof PROJECT_ROLES)[number];

/** What the server knows of the member who sent a mutation. */
export interface Member {
  userId: string;
  /** The account's display name. */
  name: string;
  role: ProjectRole;
  /** For a translator: the target languages they may write; null = all. */
  langs: readonly TargetLang[] | null;
}

/**
 * A change to one record as its state before and after (null = absent), exactly as the app's
 * commands produce them (core/edit/patch.ts), for any synced table. Records are plain JSON.
 */
export interface SyncPatch {
  table: SyncTable;
  key: string;
  before: SyncRecord | null;
  after: SyncRecord | null;
}

/** A stored record: plain JSON with at least the fields of its table (core/model/records.ts). */
export type SyncRecord = Record<string, unknown>;

/**
 * One command of one client: applied atomically on the server (all of its patches or none, except
 * that a text edit on a cell someone else changed is kept as a competing version, see
 * apply-mutation.ts). `id` is 1, 2, 3 … per client and project: the server applies each id once.
 */
export interface Mutation {
  id: number;
  /** The document it changes; null for project-level records (memory, glossary). */
  docId: string | null;
  /** A short name of the command ("edit", "confirm", "split", "share" …), for the change log. */
  label: string;
  /** When the user made the change (ISO 8601), as the client's clock says. */
  at: string;
  patches: SyncPatch[];
}

export interface PushRequest {
  protocolVersion: number;
  /** A random id per browser database (meta "sync:clientId"); stable across reloads. */
  clientId: string;
  projectId: string;
  /** In order of id; ids the server already applied are skipped (idempotent resend). */
  mutations: Mutation[];
}

/** How the server handled one mutation. */
export type MutationOutcome =
  /** Applied as sent. */
  | { id: number; status: "applied" }
  /** Applied, but some text edits met newer text by someone else: kept as competing versions. */
  | { id: number; status: "conflict"; keys: string[] }
  /** Not applied (forbidden, or a structural edit on a stale base). Nothing of it was written. */
  | { id: number; status: "refused"; code: string; params: Record<string, string | number> };

export interface PushResponse {
  /** The highest mutation id of this client the server has handled (applied, conflict or refused). */
  lastMutationId: number;
  /**
   * One per mutation of the request the server handled, in order of id: also one for each it
   * skipped as already handled (a resend), with the outcome stored when it was first handled, so a
   * refusal whose first answer was lost still reaches the client.
   */
  outcomes: MutationOutcome[];
  /**
   * The server's current state of every record a conflicting or refused mutation touched, so the
   * client can replace its optimistic local state at once (null value = the record is absent).
   */
  fixups: RecordChange[];
}

export interface PullRequest {
  protocolVersion: number;
  clientId: string;
  projectId: string;
  /** The project version the client has seen (0 = nothing). */
  cursor: number;
}

/** The current state of one record, as of project version `version`. */
export interface RecordChange {
  table: SyncTable;
  key: string;
  docId: string | null;
  /** null: the record was deleted. */
  value: SyncRecord | null;
  version: number;
}

export interface PullResponse {
  /** Pass this as the next cursor. */
  cursor: number;
  /** The highest mutation id of this client the server has handled. */
  lastMutationId: number;
  /** Every record changed after the request's cursor (latest state only), in version order. */
  changes: RecordChange[];
  /** true when the page was cut (at most PULL_PAGE changes): pull again with `cursor`. */
  more: boolean;
}

export const PULL_PAGE = 5_000;
/** At most this many mutations in one push request. */
export const PUSH_BATCH = 200;

/** Messages on the WebSocket `/api/live?projectId=…`. */
export type ServerMessage =
  /**
   * The project's version moved to `version`. With `changes` (small changes, additive): every
   * record whose version is in (`from`, `version`], as a pull from `from` would answer it; a client
   * whose cursor is in [`from`, `version`) applies those newer than its cursor and moves its cursor
   * to `version` without a pull. Without them, or with a cursor below `from`: pull.
   */
  | {
      type: "poke";
      projectId: string;
      version: number;
      from?: number;
      changes?: RecordChange[];
    }
  /** Who is in which document and cell now (the whole list for the project). */
  | { type: "presence"; projectId: string; members: PresenceEntry[] };

export type ClientMessage =
  /** Where this client is: the open document and focused cell (null when none). */
  { type: "presence"; docId: string | null; cell: { segmentId: string; lang: TargetLang } | null };

export interface PresenceEntry {
  clientId: string;
  userId: string;
  name: string;
  docId: string | null;
  cell: { segmentId: string; lang: TargetLang } | null;
}

/**
 * A competing version of a cell's text: kept when two people changed the same cell without seeing
 * each other's change (sync), or when an imported file's text and a local edit both changed a cell
 * since the export (file hand-off). A cell with competing versions is in conflict until someone
 * keeps one, the other or an edited merge. Stored on the translation record as `competing`.
 */
export interface CompetingVersion {
  text: string;
  status: string;
  by: string;
  at: string;
  /** "sync": another member's edit; "import": from an imported file; "tab": another tab here. */
  source: "sync" | "import" | "tab";
}

/**
 * Another member's version of a glossary concept, kept on the concept (`competing`) when two people
 * changed the same part of it (a language's terms, the note …) without seeing each other's change
 * (apply-mutation.ts). The concept is in conflict until someone keeps the current one or this one.
 */
export interface GlossaryVersion {
  /** The concept as the other member wrote it (its id, terms, note …; never `competing`). */
  concept: SyncRecord;
  by: string;
  at: string;
  source: "sync";
}
