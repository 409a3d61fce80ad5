import { mapLangTag } from "../format/lang-tag.ts";
import { normalizeForXml } from "../format/xml/xml-chars.ts";
import type { GlossaryVersion } from "../sync/protocol.ts";

/**
 * A project glossary: concepts, each with its terms in one or more languages. Terms in our three
 * languages carry lang "id" / "vi" / "en"; terms in other languages keep their file's tag
 * (lowercase, e.g. "fr", "pt-br") so that a converted file loses nothing.
 */
export type TermStatus = "preferred" | "admitted" | "forbidden";
export const TERM_STATUSES: readonly TermStatus[] = ["preferred", "admitted", "forbidden"];

export interface GlossaryTerm {
  lang: string;
  text: string;
  /** Absent: the file says nothing (treated as admitted). */
  status?: TermStatus;
  partOfSpeech?: string;
  note?: string;
  /** Recognise this term only as written (case-folded): no inflected forms. */
  exactOnly?: boolean;
  /** Other forms recognised as this term, as written (case-folded). */
  variants?: string[];
}

export interface GlossaryConcept {
  id: string;
  subject?: string;
  definition?: string;
  note?: string;
  terms: GlossaryTerm[];
  /**
   * In a team project: other members' versions of this concept that met a concurrent change of
   * the same terms (core/sync apply-mutation rule 6); the concept is in conflict until someone
   * keeps the current one or another. Never written to files.
   */
  competing?: GlossaryVersion[];
}

export interface Glossary {
  concepts: GlossaryConcept[];
}

/**
 * Text as glossaries keep it: characters XML forbids removed, NFC, runs of XML white space (space,
 * tab, CR, LF) made one space, trimmed. Indented multi-line notes of real TBX files become one line,
 * and what the readers give back is exactly what the writers wrote.
 */
export function cleanText(text: string): string {
  return normalizeForXml(text)
    .replace(/[ \t\r\n]+/g, " ")
    .trim();
}

/** Our language for a file's tag ("vi-VN" → "vi"), else the tag itself, trimmed and lowercase. */
export function glossaryLang(tag: string): string {
  return mapLangTag(tag) ?? tag.trim().toLowerCase();
}

/** Ids for concepts that have none: c1, c2, … skipping ids that the file uses. */
export function fillConceptIds(concepts: { id: string }[]): void {
  const taken = new Set(concepts.map((c) => c.id).filter((id) => id !== ""));
  let next = 1;
  for (const concept of concepts) {
    if (concept.id !== "") continue;
    while (taken.has(`c${next}`)) next++;
    concept.id = `c${next}`;
    taken.add(concept.id);
  }
}

/** The order the writers use: languages as they first appear in the concept, terms kept in order. */
export function termsByLang(concept: GlossaryConcept): Map<string, GlossaryTerm[]> {
  const out = new Map<string, GlossaryTerm[]>();
  for (const term of concept.terms) {
    const list = out.get(term.lang);
    if (list) list.push(term);
    else out.set(term.lang, [term]);
  }
  return out;
}

/** Statuses read from files: TBX administrativeStatus / normativeAuthorization values and ours. */
const STATUS_WORDS: Record<string, TermStatus> = {
  preferred: "preferred",
  preferredterm: "preferred",
  standardizedterm: "preferred",
  legalterm: "preferred",
  regulatedterm: "preferred",
  admitted: "admitted",
  admittedterm: "admitted",
  forbidden: "forbidden",
  deprecated: "forbidden",
  deprecatedterm: "forbidden",
  superseded: "forbidden",
  supersededterm: "forbidden",
  obsolete: "forbidden",
  notrecommended: "forbidden",
};

/** "preferredTerm-admn-sts", "deprecatedTerm", "Preferred" … → our status; null when unknown. */
export function parseStatus(value: string): TermStatus | null {
  const key = value
    .trim()
    .toLowerCase()
    .replace(/-admn-sts$/, "")
    .replace(/[\s_-]/g, "");
  return STATUS_WORDS[key] ?? null;
}
