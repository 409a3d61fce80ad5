import type { Bundle } from "../../model/bundle.ts";
import type { Lang, TargetLang } from "../../model/languages.ts";
import { TARGET_LANGS } from "../../model/languages.ts";
import type { Status } from "../../model/status.ts";
import { flattenInlineCodes } from "../tmx/inline-codes.ts";
import { commentColumnHeader, joinCommentCell } from "./comment-column.ts";
import { guardFormula } from "./formula-guard.ts";

export type TableFormat = "tsv" | "csv";

export interface TableWriteOptions {
  format: TableFormat;
  /** Target columns, in this order (default vi, en). */
  languages?: readonly TargetLang[];
  /** Only targets with these statuses are filled in (default all). */
  statuses?: readonly Status[];
  /** Start with a UTF-8 BOM so Excel detects the encoding (default true). */
  bom?: boolean;
  /**
   * Inline codes: "placeholders" (default) keeps them as protected placeholders, so the table can be
   * read back without losing them; "native" writes the original markup ("<b>") for people reading
   * the sheet, which a later import takes as plain text.
   */
  codes?: "placeholders" | "native";
}

const SEPARATOR: Record<TableFormat, string> = { tsv: "\t", csv: "," };

/** RFC 4180 quoting (Excel and LibreOffice read it for TSV too): quote when needed, double quotes. */
export function quoteCell(value: string, separator: string): string {
  if (value === "") return value;
  const needs =
    value.includes(separator) ||
    value.includes('"') ||
    value.includes("\n") ||
    value.includes("\r");
  return needs ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * A spreadsheet table: the first row holds language codes (source language first, then targets),
 * then one row per segment, CRLF line ends. Documents follow each other; a document whose source
 * language differs from the first one's is left out (the first row names one source language).
 * A cell a spreadsheet would run as a formula (`=…`, `+…`, `-…`, `@…`) starts with an apostrophe,
 * which readTable takes off again.
 */
export function writeTable(bundle: Bundle, options: TableWriteOptions): string {
  const separator = SEPARATOR[options.format];
  const source: Lang = bundle.documents[0]?.sourceLang ?? "id";
  const languages = (options.languages ?? TARGET_LANGS).filter((l) => l !== source);
  const statuses = options.statuses ? new Set(options.statuses) : null;
  const docs = bundle.documents.filter((d) => d.sourceLang === source);
  // A comments column per language, only when some segment of it has comments.
  const withComments = languages.filter((lang) =>
    docs.some((d) => d.segments.some((s) => (s.comments?.[lang]?.length ?? 0) > 0)),
  );
  const rows = [[source, ...languages, ...withComments.map(commentColumnHeader)].join(separator)];
  for (const doc of docs) {
    for (const seg of doc.segments) {
      const cells = [seg.source];
      for (const lang of languages) {
        const t = seg.targets[lang];
        cells.push(t && (!statuses || statuses.has(t.status)) ? t.text : "");
      }
      if (options.codes === "native") cells.forEach((c, i) => (cells[i] = flattenInlineCodes(c)));
      for (const lang of withComments) cells.push(joinCommentCell(seg.comments?.[lang] ?? []));
      // Text that a spreadsheet would run as a formula is kept text (formula-guard.ts).
      rows.push(cells.map((c) => quoteCell(guardFormula(c), separator)).join(separator));
    }
  }
  return `${options.bom === false ? "" : "\ufeff"}${rows.join("\r\n")}\r\n`;
}
