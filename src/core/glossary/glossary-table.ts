import { AppError } from "../model/app-error.ts";
import { parseTable } from "../format/tsv/read-table.ts";
import type { TableFormat } from "../format/tsv/write-table.ts";
import { quoteCell } from "../format/tsv/write-table.ts";
import { guardFormula, unguardFormula } from "../format/tsv/formula-guard.ts";
import type { Glossary, GlossaryConcept, GlossaryTerm, TermStatus } from "./model.ts";
import { cleanText, fillConceptIds, glossaryLang, parseStatus, termsByLang } from "./model.ts";

/**
 * Glossaries as CSV / TSV, one term per language per row, columns named by the header row
 * (case-insensitive, in any order):
 *
 * - `concept` — the concept id: rows with the same id are one concept (synonyms on extra rows);
 *   rows without one are a concept each.
 * - `subject`, `definition`, `note` — of the concept (the first non-empty cell counts).
 * - a language tag (`id`, `vi`, `en`, `vi-VN`, `fr` …) — the term in that language;
 * - `<lang> status` (preferred / admitted / forbidden, or TBX values such as deprecatedTerm),
 *   `<lang> pos` (or `<lang> part of speech`), `<lang> note`, `<lang> exact` (yes / no),
 *   `<lang> variants` (separated by `|`; `\|` and `\\` inside a variant) — of that term.
 *
 * Other columns are ignored (listed in the result). All or nothing: errors are AppError
 * `glossary.table-empty`, `glossary.table-no-languages`, `glossary.table-bad-status`
 * {value, line}, `glossary.table-bad-exact` {value, line}, `table.unclosed-quote` {line}, with {file}.
 */
export interface GlossaryTableResult {
  glossary: Glossary;
  ignoredColumns: string[];
}

type Column =
  | { kind: "concept" | "subject" | "definition" | "note" }
  | { kind: "term"; lang: string }
  | { kind: "status" | "pos" | "termNote" | "exact" | "variants"; lang: string };

const ATTRIBUTES: Record<string, "status" | "pos" | "termNote" | "exact" | "variants"> = {
  status: "status",
  pos: "pos",
  "part of speech": "pos",
  note: "termNote",
  exact: "exact",
  "exact only": "exact",
  variants: "variants",
};
const CONCEPT_COLUMNS = new Set(["concept", "subject", "definition", "note"]);
const LANG_TAG = /^[a-z]{2,3}(?:[-_][a-z0-9]{1,8})*$/i;

function columnOf(header: string): Column | null {
  const name = header.trim().toLowerCase().replace(/\s+/g, " ");
  if (CONCEPT_COLUMNS.has(name)) return { kind: name as "concept" };
  const space = name.indexOf(" ");
  if (space < 0) return LANG_TAG.test(name) ? { kind: "term", lang: glossaryLang(name) } : null;
  const tag = name.slice(0, space);
  const attribute = ATTRIBUTES[name.slice(space + 1)];
  if (!attribute || !LANG_TAG.test(tag)) return null;
  return { kind: attribute, lang: glossaryLang(tag) };
}

export function splitVariants(cell: string): string[] {
  const out: string[] = [];
  let current = "";
  for (let i = 0; i < cell.length; i++) {
    const ch = cell[i]!;
    if (ch === "\\" && (cell[i + 1] === "|" || cell[i + 1] === "\\")) {
      current += cell[++i];
    } else if (ch === "|") {
      out.push(current);
      current = "";
    } else current += ch;
  }
  out.push(current);
  return out.map(cleanText).filter((v) => v !== "");
}

export function joinVariants(variants: readonly string[]): string {
  return variants.map((v) => v.replace(/[\\|]/g, (c) => `\\${c}`)).join(" | ");
}

const YES = new Set(["yes", "y", "true", "1", "x", "ya", "có"]);
const NO = new Set(["", "no", "n", "false", "0", "tidak", "không"]);

export function readGlossaryTable(
  text: string,
  options: { format: TableFormat; fileName?: string },
): GlossaryTableResult {
  const fileParams: Record<string, string> = options.fileName ? { file: options.fileName } : {};
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === "") throw new AppError("glossary.table-empty", fileParams);
  const rows = parseTable(body, options.format === "tsv" ? "\t" : ",", fileParams);
  const header = rows[0] ?? [];
  const columns = header.map(columnOf);
  const ignoredColumns = header.filter((h, i) => columns[i] === null && h.trim() !== "");
  const termLangs: string[] = [];
  for (const column of columns) {
    if (column?.kind === "term" && !termLangs.includes(column.lang)) termLangs.push(column.lang);
  }
  if (termLangs.length === 0) throw new AppError("glossary.table-no-languages", fileParams);

  const concepts: GlossaryConcept[] = [];
  const byId = new Map<string, GlossaryConcept>();
  rows.slice(1).forEach((rawRow, r) => {
    const line = r + 2;
    const row = rawRow.map(unguardFormula);
    if (row.every((c) => c.trim() === "")) return;
    const cell = (kind: string): string => {
      const at = columns.findIndex((c) => c?.kind === kind);
      return at < 0 ? "" : cleanText(row[at] ?? "");
    };
    const id = cell("concept");
    let concept = id === "" ? undefined : byId.get(id);
    if (!concept) {
      concept = { id, terms: [] };
      concepts.push(concept);
      if (id !== "") byId.set(id, concept);
    }
    for (const field of ["subject", "definition", "note"] as const) {
      const value = cell(field);
      if (value !== "" && concept[field] === undefined) concept[field] = value;
    }
    for (const lang of termLangs) {
      const at = columns.findIndex((c) => c?.kind === "term" && c.lang === lang);
      const termText = cleanText(row[at] ?? "");
      if (termText === "") continue;
      const term: GlossaryTerm = { lang, text: termText };
      columns.forEach((column, col) => {
        if (!column || column.kind === "term" || !("lang" in column) || column.lang !== lang)
          return;
        const raw = row[col] ?? "";
        const value = cleanText(raw);
        if (column.kind === "status") {
          if (value === "") return;
          const status: TermStatus | null = parseStatus(value);
          if (!status)
            throw new AppError("glossary.table-bad-status", { ...fileParams, value, line });
          term.status = status;
        } else if (column.kind === "pos") {
          if (value !== "") term.partOfSpeech = value;
        } else if (column.kind === "termNote") {
          if (value !== "") term.note = value;
        } else if (column.kind === "exact") {
          const word = value.toLowerCase();
          if (YES.has(word)) term.exactOnly = true;
          else if (!NO.has(word))
            throw new AppError("glossary.table-bad-exact", { ...fileParams, value, line });
        } else {
          const variants = splitVariants(raw);
          if (variants.length > 0) term.variants = variants;
        }
      });
      concept.terms.push(term);
    }
  });
  const kept = concepts.filter((c) => c.terms.length > 0);
  // A concept's synonyms come on later rows: its terms are listed language by language.
  for (const concept of kept) {
    concept.terms = termLangs.flatMap((lang) => concept.terms.filter((t) => t.lang === lang));
  }
  fillConceptIds(kept);
  return { glossary: { concepts: kept }, ignoredColumns };
}

/**
 * Writes the table readGlossaryTable reads: columns id, vi, en, then other languages by tag,
 * attribute columns only where some term has the attribute, a concept's synonyms on extra rows
 * with the same concept id, cells formula-guarded and RFC 4180 quoted, CRLF, UTF-8 BOM unless
 * `bom` is false.
 */
export function writeGlossaryTable(
  glossary: Glossary,
  options: { format: TableFormat; bom?: boolean },
): string {
  const separator = options.format === "tsv" ? "\t" : ",";
  // Our three languages always have a column (an empty glossary still names its languages).
  const langs: string[] = ["id", "vi", "en"];
  const has = new Set<string>();
  for (const concept of glossary.concepts) {
    for (const field of ["subject", "definition", "note"] as const)
      if (concept[field] !== undefined) has.add(field);
    for (const term of concept.terms) {
      if (!langs.includes(term.lang)) langs.push(term.lang);
      if (term.status !== undefined) has.add(`${term.lang} status`);
      if (term.partOfSpeech !== undefined) has.add(`${term.lang} pos`);
      if (term.note !== undefined) has.add(`${term.lang} note`);
      if (term.exactOnly) has.add(`${term.lang} exact`);
      if (term.variants && term.variants.length > 0) has.add(`${term.lang} variants`);
    }
  }
  const ours = langs.slice(0, 3);
  langs.splice(0, langs.length, ...ours, ...langs.slice(3).sort());
  const headers = ["concept", ...["subject", "definition", "note"].filter((f) => has.has(f))];
  for (const lang of langs) {
    headers.push(lang);
    for (const attribute of ["status", "pos", "note", "exact", "variants"])
      if (has.has(`${lang} ${attribute}`)) headers.push(`${lang} ${attribute}`);
  }
  const lines = [headers.map((h) => quoteCell(h, separator)).join(separator)];
  for (const concept of glossary.concepts) {
    const grouped = termsByLang(concept);
    const height = Math.max(...[...grouped.values()].map((terms) => terms.length));
    for (let k = 0; k < height; k++) {
      const cells = headers.map((header): string => {
        if (header === "concept") return concept.id;
        if (header === "subject" || header === "definition" || header === "note")
          return k === 0 ? (concept[header] ?? "") : "";
        const space = header.indexOf(" ");
        const lang = space < 0 ? header : header.slice(0, space);
        const term = grouped.get(lang)?.[k];
        if (!term) return "";
        switch (space < 0 ? "term" : header.slice(space + 1)) {
          case "term":
            return term.text;
          case "status":
            return term.status ?? "";
          case "pos":
            return term.partOfSpeech ?? "";
          case "note":
            return term.note ?? "";
          case "exact":
            return term.exactOnly ? "yes" : "";
          default:
            return joinVariants(term.variants ?? []);
        }
      });
      lines.push(cells.map((c) => quoteCell(guardFormula(c), separator)).join(separator));
    }
  }
  return `${options.bom === false ? "" : "\ufeff"}${lines.join("\r\n")}\r\n`;
}
