import Dexie, { type EntityTable } from "dexie";
import type { DocumentRecord, SegmentRecord, TranslationRecord } from "../core/model/records.ts";
import { SCHEMA_VERSIONS } from "./schema.ts";
import type {
  HistoryRecord,
  MemoryUnitRecord,
  OutboxRecord,
  RevisionRecord,
  SyncStateRecord,
  TmxExtrasRecord,
} from "./records.ts";
import type { CommentRecord } from "../core/model/records.ts";

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
};

export const DB_NAME = "selaras";

/** Opens (lazily) the Selaras database with every schema version declared in order. */
export function createDb(name: string = DB_NAME): SelarasDb {
  const db = new Dexie(name) as SelarasDb;
  for (const version of SCHEMA_VERSIONS) {
    const declared = db.version(version.version).stores(version.stores);
    if (version.upgrade) declared.upgrade(version.upgrade);
  }
  return db;
}
