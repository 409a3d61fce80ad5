import type { SyncRecord, SyncTable } from "./protocol.ts";

/**
 * Canonical JSON: object keys sorted at every depth, `undefined` members dropped (as JSON.stringify
 * drops them), arrays in their order. Two plain-JSON values are equal by content exactly when their
 * canonical JSON is equal, whatever order their keys came in.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)) ?? "null";
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : sortKeys(v)));
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined) out[k] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/** Records equal by content, `competing` versions aside (null = absent, equal only to null). */
export function sameContent(a: SyncRecord | null, b: SyncRecord | null): boolean {
  if (a === null || b === null) return a === b;
  return canonicalJson(withoutCompeting(a)) === canonicalJson(withoutCompeting(b));
}

/** Records equal in every field, `competing` included (null = absent). */
export function sameRecordExactly(a: SyncRecord | null, b: SyncRecord | null): boolean {
  if (a === null || b === null) return a === b;
  return canonicalJson(a) === canonicalJson(b);
}

function withoutCompeting(record: SyncRecord): SyncRecord {
  if (!("competing" in record)) return record;
  const { competing: _competing, ...rest } = record;
  return rest;
}

/** One string per record across tables (table and key joined by U+0000, which keys never hold). */
export function recordId(table: SyncTable, key: string): string {
  return `${table}\u0000${key}`;
}
