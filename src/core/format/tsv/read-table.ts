import { AppError } from "../../model/app-error.ts";
import type { Bundle, BundleSegment } from "../../model/bundle.ts";
import type { Lang, TargetLang } from "../../model/languages.ts";
import { isTargetLang } from "../../model/languages.ts";
import { mapLangTag } from "../lang-tag.ts";
import type { TableFormat } from "./write-table.ts";

export interface TableReadOptions {
  format: TableFormat;
  fileName?: string;
  /** Title of the document the rows become (default ""). */
  title?: string;
}

/** Splits RFC 4180 text into rows of cells; quoted cells may hold separators, quotes and newlines. */
export function parseTable(
  text: string,
  separator: string,
  fileParams: Record<string, string>,
): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let i = 0;
  let line = 1;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"' && cell === "") {
      const startLine = line;
      i++;
      for (;;) {
        if (i >= text.length)
          throw new AppError("table.unclosed-quote", { ...fileParams, line: startLine });
        const c = text[i]!;
        if (c === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === "\n") line++;
        cell += c;
        i++;
      }
      continue;
    }
    if (ch === separator) {
      row.push(cell);
      cell = "";
      i++;
    } else if (ch === "\r" || ch === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
      line++;
    } else {
      cell += ch;
      i++;
    }
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/**
 * Reads a TSV/CSV table whose first row holds language codes (any case and region: "ID", "vi-VN").
 * The first column with one of our languages is the source; the following target-language columns
 * become targets with status "translated"; other columns are ignored. Empty rows are skipped.
 * Throws AppError table.empty, table.unclosed-quote {line}, table.no-languages.
 */
export function readTable(text: string, options: TableReadOptions): Bundle {
  const fileParams: Record<string, string> = options.fileName ? { file: options.fileName } : {};
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === "") throw new AppError("table.empty", fileParams);
  const rows = parseTable(body, options.format === "tsv" ? "\t" : ",", fileParams);
  const header = (rows[0] ?? []).map((c) => mapLangTag(c));
  const sourceCol = header.findIndex((l) => l !== null);
  const sourceLang = header[sourceCol];
  if (sourceCol < 0 || !sourceLang) throw new AppError("table.no-languages", fileParams);
  const targetCols: [number, TargetLang][] = [];
  header.forEach((lang: Lang | null, col) => {
    if (col === sourceCol || lang === null || lang === sourceLang || !isTargetLang(lang)) return;
    if (!targetCols.some(([, l]) => l === lang)) targetCols.push([col, lang]);
  });
  const segments: BundleSegment[] = [];
  rows.slice(1).forEach((row, r) => {
    if (row.every((c) => c === "")) return;
    const segment: BundleSegment = {
      id: `row-${r + 2}`,
      paragraph: segments.length,
      source: row[sourceCol] ?? "",
      targets: {},
    };
    for (const [col, lang] of targetCols) {
      const value = row[col] ?? "";
      if (value !== "") segment.targets[lang] = { text: value, status: "translated" };
    }
    segments.push(segment);
  });
  return { documents: [{ id: "table", title: options.title ?? "", sourceLang, segments }] };
}
