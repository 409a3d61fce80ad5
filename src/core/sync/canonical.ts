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
    // A null-prototype object, so that a member named "__proto__" (hostile or imported text) is
    // an own member like any other instead of silently setting the prototype and vanishing.
    const out = Object.create(null) as Record<string, unknown>;
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
  return sameJson(a, b, "competing");
}

/** Records equal in every field, `competing` included (null = absent). */
export function sameRecordExactly(a: SyncRecord | null, b: SyncRecord | null): boolean {
  if (a === null || b === null) return a === b;
  return sameJson(a, b, null);
}

/**
 * canonicalJson(a) === canonicalJson(b), without building the strings (the server compares
 * thousands of records per push): undefined members count as absent, key order does not matter;
 * `skip` is a top-level member left out of the comparison.
 */
function sameJson(a: unknown, b: unknown, skip: string | null): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) {
    // JSON writes NaN and ±Infinity as null (and -0 as 0, which === already equates).
    if (typeof a === "number" && typeof b === "number") {
      return !Number.isFinite(a) && !Number.isFinite(b);
    }
    const nullish = (v: unknown) => v === null || (typeof v === "number" && !Number.isFinite(v));
    return nullish(a) && nullish(b);
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    if (a.length !== other.length) return false;
    for (let i = 0; i < a.length; i++) {
      const x = a[i] === undefined ? null : a[i];
      const y = other[i] === undefined ? null : other[i];
      if (!sameJson(x, y, null)) return false;
    }
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let count = 0;
  for (const k in x) {
    if (k === skip || x[k] === undefined) continue;
    if (!Object.prototype.hasOwnProperty.call(y, k) || y[k] === undefined) return false;
    if (!sameJson(x[k], y[k], null)) return false;
    count++;
  }
  for (const k in y) if (k !== skip && y[k] !== undefined) count--;
  return count === 0;
}

/** One string per record across tables (table and key joined by U+0000, which keys never hold). */
export function recordId(table: SyncTable, key: string): string {
  return `${table}\u0000${key}`;
}
