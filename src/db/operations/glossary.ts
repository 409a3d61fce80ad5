import type { SelarasDb } from "../database.ts";
import { AppError } from "../../core/model/app-error.ts";
import { cleanText } from "../../core/glossary/model.ts";
import type { Glossary, GlossaryConcept, GlossaryTerm } from "../../core/glossary/model.ts";
import { readGlossaryFile, writeGlossaryFile } from "../../core/glossary/glossary-file.ts";
import type { GlossaryFormat } from "../../core/glossary/glossary-file.ts";
import { newId } from "../ids.ts";

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
 */
export async function importGlossary(
  db: SelarasDb,
  bytes: Uint8Array,
  fileName: string,
): Promise<GlossaryImportResult> {
  const { glossary } = readGlossaryFile(bytes, fileName);
  if (glossary.concepts.length === 0)
    throw new AppError("glossary.no-concepts", { file: fileName });
  return db.transaction("rw", db.glossary, async () => {
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
    await db.glossary.bulkAdd(rows);
    return { added: rows.length, duplicates };
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
 * (Indonesian) term and at least one other (`glossary.term-missing`). Returns the new id.
 */
export async function addConcept(db: SelarasDb, input: NewConcept): Promise<string> {
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
  await db.glossary.add(concept);
  return concept.id;
}

/**
 * Changes one concept (the panel's "Edit"): for each language given, its first term gets the new
 * text and status (its part of speech, note, variants kept), an empty text removes that term, a
 * language the concept lacks gets a new term; other terms and languages are kept. The same rule
 * as addConcept (`glossary.term-missing`); `glossary.concept-missing` when it is gone.
 */
export async function updateConcept(db: SelarasDb, id: string, input: NewConcept): Promise<void> {
  await db.transaction("rw", db.glossary, async () => {
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
    await db.glossary.put({ ...base, terms, ...(note ? { note } : {}) });
  });
}

/** Removes one concept. */
export async function deleteConcept(db: SelarasDb, id: string): Promise<void> {
  await db.glossary.delete(id);
}
