import { AppError } from "../../model/app-error.ts";
import type { Glossary, GlossaryConcept, GlossaryTerm } from "../../glossary/model.ts";
import { cleanText, fillConceptIds, glossaryLang, parseStatus } from "../../glossary/model.ts";
import { decodeXmlBytes } from "../xml/decode-xml-bytes.ts";
import type { XmlElement } from "../xml/parse-xml.ts";
import { childElements, parseXml, textContent } from "../xml/parse-xml.ts";
import { SELARAS_EXACT_ONLY, SELARAS_VARIANT } from "./tbx-names.ts";

export interface TbxReadOptions {
  fileName?: string;
  signal?: { readonly aborted: boolean };
}

export interface TbxReadReport {
  /** "2" for a `martif` root (TBX 2008 / ISO 30042:2008), "3" for a `tbx` root (ISO 30042:2019). */
  version: "2" | "3";
  /** The root's type attribute ("TBX", "TBX-Basic", …), "" when absent. */
  dialect: string;
  concepts: number;
  terms: number;
  /** Entries without any term (nothing to keep). */
  emptyConcepts: number;
  /** Empty `<term/>` placeholders (a language the entry has no term for yet), skipped. */
  emptyTerms: number;
  /** Each language tag seen and how many terms it has, in order of appearance. */
  languages: { tag: string; lang: string; count: number }[];
}

export interface TbxReadResult {
  glossary: Glossary;
  report: TbxReadReport;
}

/** Local name of an element: `basic:definition` → `definition`. */
function local(element: XmlElement): string {
  const at = element.name.indexOf(":");
  return at < 0 ? element.name : element.name.slice(at + 1);
}

/** The data category of a `descrip`/`termNote`/`admin` (its type) or of a DCT element (its name). */
function category(element: XmlElement): string {
  const name = local(element);
  if (name === "descrip" || name === "termNote" || name === "admin") {
    return element.attrs.type ?? "";
  }
  return name;
}

function joinNote(previous: string | undefined, next: string): string | undefined {
  if (next === "") return previous;
  return previous === undefined ? next : `${previous}; ${next}`;
}

/** Elements of a term group with the children of `*Grp` wrappers flattened into it. */
function flatten(elements: readonly XmlElement[]): XmlElement[] {
  const out: XmlElement[] = [];
  for (const element of elements) {
    const name = local(element);
    if (
      name === "termGrp" ||
      name === "descripGrp" ||
      name === "termNoteGrp" ||
      name === "adminGrp"
    )
      out.push(...flatten(childElements(element)));
    else out.push(element);
  }
  return out;
}

/**
 * Reads a TBX file: TBX 2 (`martif`, `termEntry/langSet/tig|ntig`) and TBX v3 (`tbx`,
 * `conceptEntry/langSec/termSec`), DCA style (`<descrip type="definition">`) and DCT style
 * (`<basic:definition>`, `<min:administrativeStatus>`). Kept per concept: id, subject field,
 * definition, notes; per term: language, text, part of speech, administrative status (or normative
 * authorization) as preferred / admitted / forbidden, notes, and Selaras' own exact-only flag and
 * variants. All or nothing: throws AppError `tbx.*` (decodeXmlBytes and parseXml codes, plus
 * `tbx.wrong-root` {root}, `tbx.missing-body`, `tbx.missing-lang` {line},
 * `tbx.duplicate-id` {id, line}), each with {file}.
 */
export function readTbx(text: string, options: TbxReadOptions = {}): TbxReadResult {
  const fileParams: Record<string, string> = options.fileName ? { file: options.fileName } : {};
  const concepts: GlossaryConcept[] = [];
  const seenIds = new Set<string>();
  const languages = new Map<string, { tag: string; lang: string; count: number }>();
  let version: "2" | "3" = "2";
  let dialect = "";
  let sawBody = false;
  let emptyConcepts = 0;
  let terms = 0;
  let emptyTerms = 0;

  const readTerm = (lang: string, group: readonly XmlElement[]): GlossaryTerm | null => {
    let term: GlossaryTerm | null = null;
    for (const element of flatten(group)) {
      if (local(element) !== "term" || term) continue;
      const text = cleanText(textContent(element));
      if (text === "") {
        emptyTerms++;
        return null;
      }
      term = { lang, text };
    }
    if (!term) return null;
    for (const element of flatten(group)) {
      const kind = category(element);
      const value = cleanText(textContent(element));
      if (kind === "partOfSpeech" && value !== "") term.partOfSpeech = value;
      else if (kind === "administrativeStatus" || kind === "normativeAuthorization") {
        const status = parseStatus(value);
        if (status) term.status = status;
      } else if (kind === SELARAS_EXACT_ONLY) {
        if (value === "true") term.exactOnly = true;
      } else if (kind === SELARAS_VARIANT) {
        if (value !== "") (term.variants ??= []).push(value);
      } else if (local(element) === "note") {
        const note = joinNote(term.note, value);
        if (note !== undefined) term.note = note;
      }
    }
    return term;
  };

  const readLangSection = (section: XmlElement, concept: GlossaryConcept): void => {
    const tag = section.attrs["xml:lang"] ?? section.attrs.lang ?? "";
    if (tag.trim() === "")
      throw new AppError("tbx.missing-lang", {
        ...fileParams,
        line: section.line,
        column: section.column,
      });
    const lang = glossaryLang(tag);
    for (const child of childElements(section)) {
      const name = local(child);
      if (name === "tig" || name === "ntig" || name === "termSec") {
        const term = readTerm(lang, childElements(child));
        if (!term) continue;
        concept.terms.push(term);
        terms++;
        const key = tag.trim();
        const seen = languages.get(key);
        if (seen) seen.count++;
        else languages.set(key, { tag: key, lang, count: 1 });
      } else {
        for (const element of flatten([child])) {
          const value = cleanText(textContent(element));
          if (value === "") continue;
          if (category(element) === "definition" && concept.definition === undefined)
            concept.definition = value;
          // A note on a language section is about the concept (we keep no per-language notes).
          else if (local(element) === "note") {
            const note = joinNote(concept.note, value);
            if (note !== undefined) concept.note = note;
          }
        }
      }
    }
  };

  const readEntry = (entry: XmlElement): void => {
    const id = (entry.attrs.id ?? "").trim();
    if (id !== "") {
      if (seenIds.has(id))
        throw new AppError("tbx.duplicate-id", {
          ...fileParams,
          id,
          line: entry.line,
          column: entry.column,
        });
      seenIds.add(id);
    }
    const concept: GlossaryConcept = { id, terms: [] };
    for (const child of childElements(entry)) {
      const name = local(child);
      if (name === "langSet" || name === "langSec") {
        readLangSection(child, concept);
        continue;
      }
      for (const element of flatten([child])) {
        const kind = category(element);
        const value = cleanText(textContent(element));
        if (value === "") continue;
        if (kind === "subjectField" && concept.subject === undefined) concept.subject = value;
        else if (kind === "definition") concept.definition = value;
        else if (local(element) === "note") {
          const note = joinNote(concept.note, value);
          if (note !== undefined) concept.note = note;
        }
      }
    }
    if (concept.terms.length === 0) emptyConcepts++;
    else concepts.push(concept);
  };

  /** Where the root element starts (a TBX without a body is refused there). */
  let rootAt = { line: 1, column: 1 };
  parseXml(
    text,
    {
      onOpen: (element, depth) => {
        if (depth === 0) {
          const name = local(element);
          rootAt = { line: element.line, column: element.column };
          if (name !== "martif" && name !== "tbx")
            throw new AppError("tbx.wrong-root", { ...fileParams, ...rootAt, root: element.name });
          version = name === "tbx" ? "3" : "2";
          dialect = element.attrs.type ?? "";
        }
        if (depth === 2 && local(element) === "body") sawBody = true;
      },
      onClose: (element, depth) => {
        const name = local(element);
        if (depth === 3 && (name === "termEntry" || name === "conceptEntry")) {
          readEntry(element);
          return false;
        }
        // The header and back matter are not kept.
        if (depth === 1 && name !== "text") return false;
        return true;
      },
      structural: new Set(["martif", "tbx", "text", "body", "termEntry", "conceptEntry"]),
    },
    {
      codePrefix: "tbx",
      ...(options.fileName ? { fileName: options.fileName } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    },
  );
  if (!sawBody) throw new AppError("tbx.missing-body", { ...fileParams, ...rootAt });
  fillConceptIds(concepts);
  return {
    glossary: { concepts },
    report: {
      version,
      dialect,
      concepts: concepts.length,
      terms,
      emptyConcepts,
      emptyTerms,
      languages: [...languages.values()],
    },
  };
}

/** readTbx on a file's bytes (BOM, declared encoding, UTF-16 …; errors `tbx.*` as decodeXmlBytes). */
export function readTbxBytes(bytes: Uint8Array, fileName: string): TbxReadResult {
  const { text } = decodeXmlBytes(bytes, fileName, "tbx");
  return readTbx(text, { fileName });
}
