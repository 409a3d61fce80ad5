import { TARGET_LANGS, isTargetLang, type TargetLang } from "../model/languages.ts";
import { isStatus } from "../model/status.ts";
import { recordId } from "./canonical.ts";
import {
  APPEND_ONLY_TABLES,
  SYNC_TABLES,
  type Member,
  type Mutation,
  type SyncPatch,
  type SyncRecord,
} from "./protocol.ts";
import { KEY_FIELD, recordDocId, stringField } from "./record-fields.ts";

export interface AuthorizeError {
  code: string;
  params: Record<string, string | number>;
}

/** Statuses only a reviewer (or owner) may give a cell. */
const REVIEW_STATUSES: readonly string[] = ["approved", "rejected"];
/** Fields of a cell a reviewer may not change: they place the cell in its column. */
const CELL_PLACE_FIELDS = ["id", "docId", "lang", "segmentId", "order", "span", "locked"] as const;

/**
 * May `member` send `mutation`? null when yes, else the first reason why not (README: Permissions).
 * `current` holds the server's record (or null) under recordId(table, key) for every touched key.
 * Records are first checked for shape (sync.bad_record): the key is the record's own id (`id`,
 * `uid` for revisions and memory, `key` for tmxExtras), every record (before, after and the
 * server's) belongs to the mutation's document (memory units and glossary concepts to a mutation
 * without one), and
 * append-only tables (revisions, memory) are only created.
 */
export function authorizeMutation(
  member: Member,
  mutation: Mutation,
  current: ReadonlyMap<string, SyncRecord | null>,
): AuthorizeError | null {
  for (const patch of mutation.patches) {
    const bad = checkShape(mutation, patch, current.get(recordId(patch.table, patch.key)) ?? null);
    if (bad) return bad;
  }
  if (mutation.patches.length === 0) return null;
  if (member.role === "viewer") return { code: "sync.forbidden_role", params: { role: "viewer" } };
  for (const patch of mutation.patches) {
    const current_ = current.get(recordId(patch.table, patch.key)) ?? null;
    const denied = checkPatch(member, patch, current_);
    if (denied) return denied;
  }
  return null;
}

function badRecord(patch: SyncPatch, field: string): AuthorizeError {
  return { code: "sync.bad_record", params: { table: patch.table, key: patch.key, field } };
}

function checkShape(
  mutation: Mutation,
  patch: SyncPatch,
  server: SyncRecord | null,
): AuthorizeError | null {
  if (!(SYNC_TABLES as readonly string[]).includes(patch.table)) return badRecord(patch, "table");
  const { before, after } = patch;
  if (before === null && after === null) return badRecord(patch, "after");
  if (APPEND_ONLY_TABLES.includes(patch.table) && before !== null) {
    return badRecord(patch, "before");
  }
  const keyField = KEY_FIELD[patch.table];
  for (const [name, record] of [
    ["before", before],
    ["after", after],
    ["current", server],
  ] as const) {
    if (record === null) continue;
    if (record[keyField] !== patch.key) return badRecord(patch, `${name}.${keyField}`);
    if (recordDocId(patch.table, record) !== mutation.docId) {
      return badRecord(patch, `${name}.${patch.table === "documents" ? "id" : "docId"}`);
    }
    const field = badField(patch, record);
    if (field) return badRecord(patch, `${name}.${field}`);
  }
  return null;
}

/** The first field of a record whose type the rules rely on and that is wrong, if any. */
function badField(patch: SyncPatch, record: SyncRecord): string | null {
  const isString = (f: string) => typeof record[f] === "string";
  const isLang = () => typeof record.lang === "string" && isTargetLang(record.lang);
  switch (patch.table) {
    case "translations": {
      if (!isLang()) return "lang";
      if (!isString("text")) return "text";
      if (typeof record.status !== "string" || !isStatus(record.status)) return "status";
      if (!isString("order")) return "order";
      if (!Number.isInteger(record.span) || (record.span as number) < 0) return "span";
      if (record.competing !== undefined && !Array.isArray(record.competing)) return "competing";
      return null;
    }
    case "comments":
      if (!isLang()) return "lang";
      if (!isString("text")) return "text";
      if (!isString("author")) return "author";
      if (record.open !== 0 && record.open !== 1) return "open";
      return null;
    case "revisions":
      if (!isLang()) return "lang";
      if (!isString("text")) return "text";
      if (typeof record.status !== "string" || !isStatus(record.status)) return "status";
      return null;
    case "segments":
      return isString("order") ? null : "order";
    case "glossary":
      return badConceptField(record);
    default:
      return null;
  }
}

function checkPatch(
  member: Member,
  patch: SyncPatch,
  server: SyncRecord | null,
): AuthorizeError | null {
  const { before, after } = patch;
  const role = member.role;
  const params = { table: patch.table, key: patch.key };
  const structure = { code: "sync.forbidden_structure", params };

  // Languages: a translator limited to some writes only their cells, comments and revisions.
  if (
    role === "translator" &&
    member.langs !== null &&
    (patch.table === "translations" || patch.table === "comments" || patch.table === "revisions")
  ) {
    for (const record of [before, after, server]) {
      const lang = stringField(record, "lang") as TargetLang | undefined;
      if (lang !== undefined && !member.langs.includes(lang)) {
        return { code: "sync.forbidden_lang", params: { ...params, lang } };
      }
    }
  }

  switch (patch.table) {
    case "documents":
    case "segments":
    case "tmxExtras":
    case "memory":
      return role === "reviewer" ? structure : null;
    case "translations":
      if (role === "translator") return checkTranslatorStatus(patch, server);
      if (role === "reviewer") {
        // Gaps (uncovered rows, no text) split when a reviewer types into a far row: no link moves.
        if (gapOnly(before, after)) return null;
        if (after === null) return structure;
        if (before === null) return after.span === 1 ? null : structure;
        for (const f of CELL_PLACE_FIELDS) {
          if (canonicalField(before[f]) !== canonicalField(after[f])) return structure;
        }
      }
      return null;
    case "revisions":
      if (role === "translator" && REVIEW_STATUSES.includes(stringField(after, "status") ?? "")) {
        return { code: "sync.forbidden_status", params: { ...params, status: `${after!.status}` } };
      }
      return null;
    case "comments":
      return checkCommentAuthor(member, patch, server);
    case "glossary":
      // Terminology is the team's: owners, translators and reviewers edit concepts (viewers were
      // refused above). A translator limited to some languages leaves the others' terms as they are.
      if (role === "translator" && member.langs !== null) {
        const limited = member.langs;
        for (const lang of TARGET_LANGS) {
          if (limited.includes(lang)) continue;
          if (canonicalField(termsOf(before, lang)) !== canonicalField(termsOf(after, lang))) {
            return { code: "sync.forbidden_lang", params: { ...params, lang } };
          }
        }
      }
      return null;
  }
}

const TERM_STATUS_VALUES: readonly unknown[] = ["preferred", "admitted", "forbidden"];
const CONCEPT_TEXT_FIELDS = ["subject", "definition", "note"] as const;
const TERM_TEXT_FIELDS = ["partOfSpeech", "note"] as const;

/**
 * The first malformed field of a glossary concept (core/glossary/model.ts GlossaryConcept): terms
 * an array of {lang, text} with strings (lang not empty), a known status, string notes, boolean
 * exactOnly, string variants; competing versions a list of objects with a concept.
 */
function badConceptField(record: SyncRecord): string | null {
  for (const f of CONCEPT_TEXT_FIELDS) {
    if (record[f] !== undefined && typeof record[f] !== "string") return f;
  }
  if (!Array.isArray(record.terms)) return "terms";
  for (const [i, term] of (record.terms as unknown[]).entries()) {
    const at = `terms[${i}]`;
    if (term === null || typeof term !== "object" || Array.isArray(term)) return at;
    const t = term as Record<string, unknown>;
    if (typeof t.lang !== "string" || t.lang === "") return `${at}.lang`;
    if (typeof t.text !== "string") return `${at}.text`;
    if (t.status !== undefined && !TERM_STATUS_VALUES.includes(t.status)) return `${at}.status`;
    for (const f of TERM_TEXT_FIELDS) {
      if (t[f] !== undefined && typeof t[f] !== "string") return `${at}.${f}`;
    }
    if (t.exactOnly !== undefined && typeof t.exactOnly !== "boolean") return `${at}.exactOnly`;
    if (
      t.variants !== undefined &&
      !(Array.isArray(t.variants) && t.variants.every((v) => typeof v === "string"))
    ) {
      return `${at}.variants`;
    }
  }
  if (record.competing !== undefined) {
    if (!Array.isArray(record.competing)) return "competing";
    for (const [i, v] of (record.competing as unknown[]).entries()) {
      const concept = (v as { concept?: unknown } | null)?.concept;
      if (concept === null || typeof concept !== "object" || Array.isArray(concept)) {
        return `competing[${i}]`;
      }
    }
  }
  return null;
}

/** A concept's terms in one language, in order (none for an absent concept). */
function termsOf(record: SyncRecord | null, lang: string): unknown[] {
  const terms = record?.terms;
  if (!Array.isArray(terms)) return [];
  return terms.filter((t) => (t as { lang?: unknown } | null)?.lang === lang);
}

/** A patch of a gap only (created, resized or removed; never given text). */
function gapOnly(before: SyncRecord | null, after: SyncRecord | null): boolean {
  const gap = (r: SyncRecord | null) => r === null || r["gap"] === true;
  return (
    (before !== null || after !== null) &&
    gap(before) &&
    gap(after) &&
    (after === null || `${after["text"] as string}` === "")
  );
}

function canonicalField(value: unknown): string {
  return JSON.stringify(value) ?? "undefined";
}

/**
 * A translator never gives a cell an approved or rejected status: such a status in `after` is
 * allowed only where the cell already had it, both in `before` and on the server (moving an
 * approved cell keeps its status; a create with it, e.g. sharing approved work, is refused).
 */
function checkTranslatorStatus(patch: SyncPatch, server: SyncRecord | null): AuthorizeError | null {
  const status = stringField(patch.after, "status");
  if (status === undefined || !REVIEW_STATUSES.includes(status)) return null;
  if (stringField(patch.before, "status") === status && stringField(server, "status") === status) {
    return null;
  }
  return { code: "sync.forbidden_status", params: { table: patch.table, key: patch.key, status } };
}

function isMember(member: Member, author: string | undefined): boolean {
  return author !== undefined && (author === member.name || author === member.userId);
}

/**
 * Comments carry their author: a new comment is the member's own, the author never changes, and
 * only the author changes a comment's text or deletes it (an owner may delete any).
 */
function checkCommentAuthor(
  member: Member,
  patch: SyncPatch,
  server: SyncRecord | null,
): AuthorizeError | null {
  const { before, after } = patch;
  const denied = {
    code: "sync.forbidden_author",
    params: { table: patch.table, key: patch.key },
  };
  if (before === null) return isMember(member, stringField(after, "author")) ? null : denied;
  const author = stringField(before, "author");
  if (server !== null && stringField(server, "author") !== author) return denied;
  if (after === null) return member.role === "owner" || isMember(member, author) ? null : denied;
  if (stringField(after, "author") !== author) return denied;
  if (after.text !== before.text && !isMember(member, author)) return denied;
  return null;
}
