import Dexie, { type EntityTable } from "dexie";
import type { DocumentRecord, SegmentRecord, TranslationRecord } from "../core/model/records.ts";
import { CURRENT_VERSION, SCHEMA_VERSIONS } from "./schema.ts";
import { AppError } from "../core/model/app-error.ts";
import type {
  HistoryRecord,
  MemoryUnitRecord,
  OutboxRecord,
  PendingEditRecord,
  RevisionRecord,
  SyncStateRecord,
  TmxExtrasRecord,
} from "./records.ts";
import type { CommentRecord } from "../core/model/records.ts";
import type { GlossaryConcept } from "../core/glossary/model.ts";
import type { QaDismissalRecord } from "../core/qa/dismissals.ts";

/** Key/value rows: corpus sync state, pending corpus updates, settings. */
export interface MetaRecord {
  key: string;
  value: unknown;
}

/** A corpus file whose text changed since it was imported: offered to the user, never applied silently. */
export interface CorpusUpdateRecord {
  path: string;
  docId: string;
  hash: string;
  text: string;
  detectedAt: string;
}

export type SelarasDb = Dexie & {
  documents: EntityTable<DocumentRecord, "id">;
  segments: EntityTable<SegmentRecord, "id">;
  translations: EntityTable<TranslationRecord, "id">;
  meta: EntityTable<MetaRecord, "key">;
  corpusUpdates: EntityTable<CorpusUpdateRecord, "path">;
  revisions: EntityTable<RevisionRecord, "id">;
  history: EntityTable<HistoryRecord, "seq">;
  comments: EntityTable<CommentRecord, "id">;
  tmxExtras: EntityTable<TmxExtrasRecord, "key">;
  memory: EntityTable<MemoryUnitRecord, "id">;
  outbox: EntityTable<OutboxRecord, "seq">;
  syncState: EntityTable<SyncStateRecord, "projectId">;
  glossary: EntityTable<GlossaryConcept, "id">;
  qaDismissals: EntityTable<QaDismissalRecord, "id">;
  pendingEdits: EntityTable<PendingEditRecord, "id">;
};

export const DB_NAME = "selaras";

/** Dexie keeps version v as IndexedDB version v × 10. */
const DEXIE_FACTOR = 10;

/**
 * The schema version of the stored database `name` (as declared in schema.ts), or null when
 * there is none; never creates or changes it.
 */
export async function storedVersion(name: string): Promise<number | null> {
  const idb = (globalThis as { indexedDB?: IDBFactory }).indexedDB;
  if (!idb) return null;
  if (typeof idb.databases === "function") {
    const listed = (await idb.databases()).find((d) => d.name === name);
    if (!listed) return null;
    if (typeof listed.version === "number") return listed.version / DEXIE_FACTOR;
  }
  return new Promise((resolve, reject) => {
    let missing = false;
    const request = idb.open(name);
    // No database: abort the creation so that nothing is made.
    request.onupgradeneeded = () => {
      missing = true;
      request.transaction?.abort();
    };
    request.onsuccess = () => {
      const version = request.result.version;
      request.result.close();
      resolve(version / DEXIE_FACTOR);
    };
    request.onerror = (event) => {
      event.preventDefault();
      if (missing) resolve(null);
      else reject(request.error ?? new Error("indexedDB.open failed"));
    };
  });
}

/**
 * IndexedDB as Dexie sees it, except that opening without a version opens at the app's own
 * version: Dexie answers a VersionError (the stored database is newer) by opening again without
 * one, which would open the newer database silently.
 */
function openAtOwnVersion(real: IDBFactory): IDBFactory {
  const own = Math.round(CURRENT_VERSION * DEXIE_FACTOR);
  return new Proxy(real, {
    get(target, prop) {
      if (prop === "open")
        return (name: string, version?: number) => target.open(name, version ?? own);
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === "function" ? (value as () => unknown).bind(target) : value;
    },
  });
}

function isVersionError(error: unknown): boolean {
  const e = error as { name?: string; inner?: { name?: string } } | null;
  return e?.name === "VersionError" || e?.inner?.name === "VersionError";
}

/**
 * Opens (lazily) the Selaras database with every schema version declared in order.
 *
 * A database written by a newer Selaras (a higher version: fields renamed, indexes dropped) is
 * never opened: Dexie alone would open it silently, show renamed fields as empty and re-add
 * dropped indexes with a version bump. `open()` rejects with AppError "db.newer-version"
 * ({ stored, supported }) and every table read or write fails, before anything is read or
 * written (issue 14 item 6).
 */
export function createDb(name: string = DB_NAME): SelarasDb {
  const global = globalThis as { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange };
  const db = (
    global.indexedDB && global.IDBKeyRange
      ? new Dexie(name, {
          indexedDB: openAtOwnVersion(global.indexedDB),
          IDBKeyRange: global.IDBKeyRange,
        })
      : new Dexie(name)
  ) as SelarasDb;
  for (const version of SCHEMA_VERSIONS) {
    const declared = db.version(version.version).stores(version.stores);
    if (version.upgrade) declared.upgrade(version.upgrade);
  }
  const dexieOpen = db.open.bind(db);
  db.open = (() =>
    dexieOpen().catch(async (error: unknown) => {
      if (!isVersionError(error)) throw error;
      const stored = await storedVersion(name).catch(() => null);
      throw new AppError("db.newer-version", { stored: stored ?? "?", supported: CURRENT_VERSION });
    })) as typeof db.open;
  return db;
}
