import { canonicalJson } from "./canonical.ts";
import type { GlossaryVersion, SyncRecord } from "./protocol.ts";

/**
 * The three-way merge of a glossary concept two members changed concurrently (README: Applying a
 * mutation, rule 6). A concept is read as parts: its terms per language (each language's list of
 * terms, in order) and every other field (note, subject, definition …). A part only one side
 * changed since the base takes that side's state; a part both changed alike is kept; a part both
 * changed differently keeps the server's state, and the sender's whole concept is kept beside it
 * as a competing version (nothing anyone wrote is lost, nothing is overwritten unseen).
 */

/** The fields that are not parts: the key and the conflict state. */
const NOT_PARTS = new Set(["id", "competing"]);

type Parts = Map<string, unknown>;

function termsOf(record: SyncRecord): unknown[] {
  return Array.isArray(record.terms) ? (record.terms as unknown[]) : [];
}

function langOf(term: unknown): string {
  const lang = (term as { lang?: unknown } | null)?.lang;
  return typeof lang === "string" ? lang : "";
}

/** A concept's parts: `terms:<lang>` per language (in the order languages first appear), fields. */
function partsOf(record: SyncRecord): Parts {
  const parts: Parts = new Map();
  for (const term of termsOf(record)) {
    const key = `terms:${langOf(term)}`;
    const list = parts.get(key) as unknown[] | undefined;
    if (list) list.push(term);
    else parts.set(key, [term]);
  }
  for (const [field, value] of Object.entries(record)) {
    if (field === "terms" || NOT_PARTS.has(field) || value === undefined) continue;
    parts.set(field, value);
  }
  return parts;
}

function same(a: unknown, b: unknown): boolean {
  return canonicalJson(a ?? null) === canonicalJson(b ?? null);
}

/** A concept's content as it is compared: everything but `competing`. */
function content(record: SyncRecord): SyncRecord {
  const { competing: _c, ...rest } = record;
  return rest;
}

export interface ConceptMerge {
  /** The merged concept (the server's conflicting parts kept), without `competing`. */
  value: SyncRecord;
  /** Parts both sides changed differently (`terms:vi`, `note` …), in order; empty = merged. */
  conflicts: string[];
}

/**
 * Merges concept `mine` (written over `base`) into the server's `server`. The merged terms keep the
 * server's languages in its order, then languages only `mine` brings; fields likewise.
 */
export function mergeConcept(server: SyncRecord, base: SyncRecord, mine: SyncRecord): ConceptMerge {
  const s = partsOf(server);
  const b = partsOf(base);
  const a = partsOf(mine);
  const order = [...new Set([...s.keys(), ...a.keys(), ...b.keys()])];
  const out: Parts = new Map();
  const conflicts: string[] = [];
  for (const key of order) {
    const [sv, bv, av] = [s.get(key), b.get(key), a.get(key)];
    let value: unknown;
    if (same(av, bv)) value = sv;
    else if (same(sv, bv) || same(sv, av)) value = av;
    else {
      value = sv;
      conflicts.push(key);
    }
    if (value !== undefined) out.set(key, value);
  }
  const value: SyncRecord = { id: server.id };
  const terms: unknown[] = [];
  for (const [key, v] of out) {
    if (key.startsWith("terms:")) terms.push(...(v as unknown[]));
    else value[key] = v;
  }
  value.terms = terms;
  return { value, conflicts };
}

/** A record's competing glossary versions (absent or malformed = none). */
export function glossaryVersionsOf(record: SyncRecord | null): GlossaryVersion[] {
  const list = record?.competing;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (v): v is GlossaryVersion =>
      v !== null &&
      typeof v === "object" &&
      (v as GlossaryVersion).concept !== null &&
      typeof (v as GlossaryVersion).concept === "object",
  );
}

/**
 * Three-way merge of competing concept versions by content (as competing.ts does for cells): a
 * version stays when both sides have it or one side added it since the base; one a side dropped
 * since the base (a resolved conflict) stays dropped; none equal to the concept itself; once each.
 */
export function mergeGlossaryVersions(
  server: readonly GlossaryVersion[],
  base: readonly GlossaryVersion[],
  mine: readonly GlossaryVersion[],
  current: SyncRecord,
): GlossaryVersion[] {
  const key = (v: GlossaryVersion) => canonicalJson(content(v.concept));
  const inBase = new Set(base.map(key));
  const inMine = new Set(mine.map(key));
  const inServer = new Set(server.map(key));
  const seen = new Set<string>([canonicalJson(content(current))]);
  const out: GlossaryVersion[] = [];
  const add = (v: GlossaryVersion) => {
    const k = key(v);
    if (seen.has(k)) return;
    seen.add(k);
    out.push(v);
  };
  for (const v of server) if (inMine.has(key(v)) || !inBase.has(key(v))) add(v);
  for (const v of mine) if (!inServer.has(key(v)) && !inBase.has(key(v))) add(v);
  return out;
}

/** `record` with its competing versions set to `list` (the field left out when empty). */
export function withGlossaryVersions(
  record: SyncRecord,
  list: readonly GlossaryVersion[],
): SyncRecord {
  const rest = content(record);
  return list.length > 0 ? { ...rest, competing: [...list] } : rest;
}

/** The version of a concept kept as competing: its content, without its own competing list. */
export function glossaryVersion(concept: SyncRecord, by: string, at: string): GlossaryVersion {
  return { concept: content(concept), by, at, source: "sync" };
}
