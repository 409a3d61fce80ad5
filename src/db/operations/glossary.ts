import type { SelarasDb } from "../database.ts";
import { AppError } from "../../core/model/app-error.ts";
import { cleanText } from "../../core/glossary/model.ts";
import type { Glossary, GlossaryConcept, GlossaryTerm } from "../../core/glossary/model.ts";
import { readGlossaryFile, writeGlossaryFile } from "../../core/glossary/glossary-file.ts";
import type { GlossaryFormat } from "../../core/glossary/glossary-file.ts";
import { newId, nowIso } from "../ids.ts";
import type { RecordPatch } from "../../core/edit/patch.ts";
import { commitPatches, commitTables } from "./commit-patches.ts";
import { enqueueGlossary } from "../sync/glossary-outbox.ts";
import { asSyncRecord, sameStored } from "../sync/outbox.ts";

/**
 * Where a glossary command is undone: the document open beside the glossary (its history holds the
 * command as one undo step, so the app's Undo takes it back) and who made it. Without one (the CLI,
 * tests) the command is not undoable. Either way, in a team project it goes to every joined
 * project (a mutation without a document).
 */
export interface GlossaryStep {
  docId: string;
  user: string;
}

type GlossaryPatch = Extract<RecordPatch, { table: "glossary" }>;

/** The history labels of glossary commands (grid:history.action.*). */
export type GlossaryLabel =
  "glossary-add" | "glossary-edit" | "glossary-delete" | "glossary-import" | "glossary-resolve";

/**
 * Runs a glossary command in one transaction: `plan` reads what it needs and returns the patches
 * (and a result); they are written as one undo step of `step`'s document (commitPatches, which
 * also queues them for the team), or, without a step, written and queued here.
 */
async function glossaryCommand<T>(
  db: SelarasDb,
  label: GlossaryLabel,
  step: GlossaryStep | undefined,
  plan: () => Promise<{ patches: GlossaryPatch[]; result: T }>,
): Promise<T> {
  return db.transaction("rw", commitTables(db), async () => {
    const { patches, result } = await plan();
    if (patches.length === 0) return result;
    const at = nowIso();
    if (step) {
      await commitPatches(db, patches, {
        docId: step.docId,
        label,
        user: step.user,
        at,
        action: "edit",
      });
      return result;
    }
    const current = await db.glossary.bulkGet(patches.map((p) => p.key));
    patches.forEach((p, i) => {
      if (!sameStored(current[i] ?? null, p.before)) {
        throw new AppError("history.conflict", { key: p.key });
      }
    });
    const removed = patches.filter((p) => p.after === null).map((p) => p.key);
    const written = patches.flatMap((p) => (p.after ? [p.after] : []));
    if (removed.length > 0) await db.glossary.bulkDelete(removed);
    if (written.length > 0) await db.glossary.bulkPut(written);
    await enqueueGlossary(
      db,
      patches.map((p) => ({
        table: "glossary" as const,
        key: p.key,
        before: asSyncRecord(p.before),
        after: asSyncRecord(p.after),
      })),
      label,
      at,
    );
    return result;
  });
}

export interface GlossaryImportResult {
  /** Concepts added. */
  added: number;
  /** Concepts of the file that the glossary already held with the same terms (not added twice). */
  duplicates: number;
}

/** The whole project glossary, concepts in id order. */
export async function loadGlossary(db: SelarasDb): Promise<Glossary> {
  return { concepts: await db.glossary.toArray() };
}

function termsKey(concept: GlossaryConcept): string {
  return JSON.stringify(concept.terms.map((t) => [t.lang, t.text.toLowerCase()]).sort());
}

/**
 * Adds the concepts of a glossary file (TBX, CSV, TSV) to the project glossary, all or nothing:
 * a file that does not read throws its AppError (`tbx.*`, `table.*`, `glossary.*` …) before the
 * database is touched, and the concepts are written in one transaction. A concept whose id the
 * glossary already uses gets a fresh id; one with the same terms as a held concept is skipped.
 * One undo step (with `step`).
 */
export async function importGlossary(
  db: SelarasDb,
  bytes: Uint8Array,
  fileName: string,
  step?: GlossaryStep,
): Promise<GlossaryImportResult> {
  const { glossary } = readGlossaryFile(bytes, fileName);
  if (glossary.concepts.length === 0)
    throw new AppError("glossary.no-concepts", { file: fileName });
  return glossaryCommand(db, "glossary-import", step, async () => {
    const held = await db.glossary.toArray();
    const ids = new Set(held.map((c) => c.id));
    const keys = new Set(held.map(termsKey));
    const rows: GlossaryConcept[] = [];
    let duplicates = 0;
    for (const concept of glossary.concepts) {
      const key = termsKey(concept);
      if (keys.has(key)) {
        duplicates++;
        continue;
      }
      keys.add(key);
      const id = ids.has(concept.id) || concept.id === "" ? newId("c") : concept.id;
      ids.add(id);
      rows.push({ ...concept, id });
    }
    return {
      patches: rows.map((row) => ({ table: "glossary", key: row.id, before: null, after: row })),
      result: { added: rows.length, duplicates },
    };
  });
}

/** The project glossary as a file text (TBX-Basic v3, or CSV/TSV). */
export async function exportGlossary(
  db: SelarasDb,
  format: GlossaryFormat = "tbx",
): Promise<string> {
  return writeGlossaryFile(await loadGlossary(db), format);
}

export interface NewConcept {
  terms: { lang: string; text: string; status?: GlossaryTerm["status"] }[];
  note?: string;
}

/**
 * Adds one concept (the "Add term" dialog). Empty terms are dropped; a concept needs a source
 * (Indonesian) term and at least one other (`glossary.term-missing`). Returns the new id. One undo
 * step (with `step`).
 */
export async function addConcept(
  db: SelarasDb,
  input: NewConcept,
  step?: GlossaryStep,
): Promise<string> {
  const terms: GlossaryTerm[] = input.terms
    .map((t) => ({
      lang: t.lang,
      text: cleanText(t.text),
      ...(t.status ? { status: t.status } : {}),
    }))
    .filter((t) => t.text !== "");
  if (!terms.some((t) => t.lang === "id") || terms.length < 2)
    throw new AppError("glossary.term-missing");
  const note = cleanText(input.note ?? "");
  const concept: GlossaryConcept = { id: newId("c"), terms, ...(note ? { note } : {}) };
  return glossaryCommand(db, "glossary-add", step, () =>
    Promise.resolve({
      patches: [{ table: "glossary", key: concept.id, before: null, after: concept }],
      result: concept.id,
    }),
  );
}

/**
 * Changes one concept (the panel's "Edit"): for each language given, its first term gets the new
 * text and status (its part of speech, note, variants kept), an empty text removes that term, a
 * language the concept lacks gets a new term; other terms and languages are kept. The same rule
 * as addConcept (`glossary.term-missing`); `glossary.concept-missing` when it is gone. One undo
 * step (with `step`).
 */
export async function updateConcept(
  db: SelarasDb,
  id: string,
  input: NewConcept,
  step?: GlossaryStep,
): Promise<void> {
  await glossaryCommand(db, "glossary-edit", step, async () => {
    const concept = await db.glossary.get(id);
    if (!concept) throw new AppError("glossary.concept-missing", { id });
    let terms = [...concept.terms];
    for (const given of input.terms) {
      const text = cleanText(given.text);
      const at = terms.findIndex((t) => t.lang === given.lang);
      if (text === "") {
        if (at >= 0) terms = terms.filter((_, k) => k !== at);
        continue;
      }
      const { status: _old, ...rest } = at >= 0 ? terms[at]! : { lang: given.lang, text };
      const term: GlossaryTerm = {
        ...rest,
        text,
        ...(given.status ? { status: given.status } : {}),
      };
      if (at >= 0) terms[at] = term;
      else terms.push(term);
    }
    if (!terms.some((t) => t.lang === "id") || terms.length < 2)
      throw new AppError("glossary.term-missing");
    const note = input.note === undefined ? concept.note : cleanText(input.note);
    const { note: _note, ...base } = concept;
    const after: GlossaryConcept = { ...base, terms, ...(note ? { note } : {}) };
    return { patches: [{ table: "glossary", key: id, before: concept, after }], result: undefined };
  });
}

/** Removes one concept (its undo puts back the very record). One undo step (with `step`). */
export async function deleteConcept(db: SelarasDb, id: string, step?: GlossaryStep): Promise<void> {
  await glossaryCommand(db, "glossary-delete", step, async () => {
    const concept = await db.glossary.get(id);
    return {
      patches: concept ? [{ table: "glossary", key: id, before: concept, after: null }] : [],
      result: undefined,
    };
  });
}

/**
 * Settles a concept in conflict (another member's concurrent version kept on it, `competing`):
 * "current" keeps the concept as it is, a number takes that competing version's terms and fields;
 * either way the competing versions go. `glossary.concept-missing` when it is gone. One undo step.
 */
export async function resolveConceptConflict(
  db: SelarasDb,
  id: string,
  choice: "current" | number,
  step?: GlossaryStep,
): Promise<void> {
  await glossaryCommand(db, "glossary-resolve", step, async () => {
    const concept = await db.glossary.get(id);
    if (!concept) throw new AppError("glossary.concept-missing", { id });
    const { competing, ...current } = concept;
    const version = choice === "current" ? undefined : competing?.[choice];
    const after =
      version === undefined
        ? current
        : ({ ...(version.concept as unknown as GlossaryConcept), id } satisfies GlossaryConcept);
    const { competing: _none, ...clean } = after as GlossaryConcept;
    return {
      patches: [{ table: "glossary", key: id, before: concept, after: clean }],
      result: undefined,
    };
  });
}
