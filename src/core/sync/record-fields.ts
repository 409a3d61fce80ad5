import type { SyncRecord, SyncTable } from "./protocol.ts";

/** The field of a record that holds its sync key, per table. */
export const KEY_FIELD: Readonly<Record<SyncTable, string>> = {
  documents: "id",
  segments: "id",
  translations: "id",
  comments: "id",
  revisions: "uid",
  tmxExtras: "key",
  memory: "uid",
  glossary: "id",
};

/**
 * The document a record belongs to: a document is its own, memory units and glossary concepts
 * (project-wide) belong to none (null),
 * every other record names it in `docId`. undefined when the record lacks a usable one.
 */
export function recordDocId(table: SyncTable, record: SyncRecord): string | null | undefined {
  if (table === "memory" || table === "glossary") return null;
  const value = table === "documents" ? record.id : record.docId;
  return typeof value === "string" ? value : undefined;
}

export function stringField(record: SyncRecord | null, field: string): string | undefined {
  const value = record?.[field];
  return typeof value === "string" ? value : undefined;
}
