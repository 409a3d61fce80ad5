import { AppError } from "../../model/app-error.ts";
import type { Bundle, BundleSegment } from "../../model/bundle.ts";
import type { Lang, TargetLang } from "../../model/languages.ts";
import { isTargetLang } from "../../model/languages.ts";
import { mapLangTag } from "../lang-tag.ts";
import { contentDocumentId } from "../content-id.ts";
import type { TableFormat } from "./write-table.ts";
import { commentColumnLang, splitCommentCell } from "./comment-column.ts";
import { unguardFormula } from "./formula-guard.ts";

export interface TableReadOptions {
  format: TableFormat;
  fileName?: string;
  /** Title of the document the rows become (default ""). */
  title?: string;
}

/**
 * Splits RFC 4180 text into rows of cells; quoted cells may hold separators, quotes and newlines.
 * A quote is the start of a quoted cell only when the cell closes properly (its closing quote is
 * followed by a separator, a line end or the end of the text): a cell such as `"Kutipan" kata dia.`
 * (quotes that are part of the text, common in TSV, which does not quote) is taken literally
 * instead of losing its quotes. A quoted cell that never closes is an error (table.unclosed-quote).
 * All rows at once; `tableRows` gives them one at a time.
 */
export function parseTable(
  text: string,
  separator: string,
  fileParams: Record<string, string>,
): string[][] {
  return [...tableRows(text, separator, fileParams)];
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/**
 * The rows of `parseTable`, one at a time as they are read: a caller that turns each row into
 * something else never holds the table's rows all at once (a million-row file). Unquoted cells are
 * slices of `text`, not copies built character by character. An unclosed quote throws when the
 * reading reaches it.
 */
export function* tableRows(
  text: string,
  separator: string,
  fileParams: Record<string, string>,
): Generator<string[], void, undefined> {
  const sep = separator.charCodeAt(0);
  const end = text.length;
  let row: string[] = [];
  let cell = "";
  let i = 0;
  let line = 1;
  let literalUntil = 0;
  while (i < end) {
    const ch = text.charCodeAt(i);
    if (ch === QUOTE && cell === "" && i >= literalUntil) {
      const quoted = readQuoted(text, i + 1, separator);
      if (quoted === null) throw new AppError("table.unclosed-quote", { ...fileParams, line });
      if (typeof quoted !== "number") {
        cell = quoted.value;
        line += quoted.lines;
        i = quoted.end;
        continue;
      }
      // Quotes that belong to the text: the cell is read as it stands (below). Later cells that
      // start with a quote before that closing quote are read as they stand too (linear time on
      // hostile input, and reading literally never drops a character).
      literalUntil = quoted;
    }
    if (ch === sep) {
      row.push(cell);
      cell = "";
      i++;
    } else if (ch === CR || ch === LF) {
      row.push(cell);
      yield row;
      row = [];
      cell = "";
      i += ch === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
    } else {
      // The rest of the cell up to the next separator or line end, quotes included.
      let j = i + 1;
      while (j < end) {
        const c = text.charCodeAt(j);
        if (c === sep || c === CR || c === LF) break;
        j++;
      }
      cell = text.slice(i, j);
      i = j;
    }
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    yield row;
  }
}

/**
 * The quoted cell whose content starts at `start` (just after its opening quote): its value, the
 * index just after its closing quote and the line ends inside it; the index of that closing quote
 * when more text follows it (the quotes are part of the text); null when it never closes.
 */
function readQuoted(
  text: string,
  start: number,
  separator: string,
): { value: string; end: number; lines: number } | number | null {
  let value = "";
  let lines = 0;
  let i = start;
  for (;;) {
    if (i >= text.length) return null;
    const c = text[i]!;
    if (c === '"') {
      if (text[i + 1] === '"') {
        value += '"';
        i += 2;
        continue;
      }
      const next = text[i + 1];
      if (next === undefined || next === separator || next === "\r" || next === "\n") {
        return { value, end: i + 1, lines };
      }
      return i;
    }
    if (c === "\n") lines++;
    value += c;
    i++;
  }
}

/**
 * Reads a TSV/CSV table whose first row holds language codes (any case and region: "ID", "vi-VN").
 * The first column with one of our languages is the source; the following target-language columns
 * become targets with status "translated"; other columns are ignored. Empty rows are skipped.
 * Throws AppError table.empty, table.unclosed-quote {line}, table.no-languages.
 */
export function readTable(text: string, options: TableReadOptions): Bundle {
  const table = tableDocument(text, options);
  const doc = { title: table.title, sourceLang: table.sourceLang, segments: [...table.segments] };
  return {
    documents: [{ id: contentDocumentId("table", options.fileName ?? "", doc), ...doc }],
  };
}

/** A table's document with its rows read again on each walk of `segments`, never held. */
export interface TableDocument {
  title: string;
  sourceLang: Lang;
  /** The rows as segments, read from the text on each walk (table.unclosed-quote where met). */
  segments: Iterable<BundleSegment>;
}

/**
 * readTable's document, its header read now (table.empty, table.no-languages) and its rows only
 * when `segments` is walked, as often as it is: a million-row table converted to TMX is never in
 * memory as segments (readTable holds them all).
 */
export function tableDocument(text: string, options: TableReadOptions): TableDocument {
  const fileParams: Record<string, string> = options.fileName ? { file: options.fileName } : {};
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === "") throw new AppError("table.empty", fileParams);
  const separator = options.format === "tsv" ? "\t" : ",";
  const rawHeader = tableRows(body, separator, fileParams).next().value ?? [];
  // "vi comments" columns carry that language's comment threads (written only when there are some).
  const commentCols: [number, TargetLang][] = [];
  rawHeader.forEach((c, col) => {
    const lang = commentColumnLang(c);
    if (lang) commentCols.push([col, lang]);
  });
  const header = rawHeader.map((c) => (commentColumnLang(c) ? null : mapLangTag(c)));
  const sourceCol = header.findIndex((l) => l !== null);
  const sourceLang = header[sourceCol];
  if (sourceCol < 0 || !sourceLang) throw new AppError("table.no-languages", fileParams);
  const targetCols: [number, TargetLang][] = [];
  header.forEach((lang: Lang | null, col) => {
    if (col === sourceCol || lang === null || lang === sourceLang || !isTargetLang(lang)) return;
    if (!targetCols.some(([, l]) => l === lang)) targetCols.push([col, lang]);
  });
  // Cells written with a formula guard (formula-guard.ts) come back as they were typed.
  const cell = (row: readonly string[], col: number): string => unguardFormula(row[col] ?? "");
  // Rows are read one at a time and turned into segments as they come: the table's rows are never
  // all held beside the segments they become (a million-row file, issue 14).
  function* segments(): Generator<BundleSegment, void, undefined> {
    const rows = tableRows(body, separator, fileParams);
    rows.next();
    let rowNumber = 1;
    let paragraph = 0;
    for (const row of rows) {
      rowNumber++;
      if (row.every((c) => c === "")) continue;
      const segment: BundleSegment = {
        id: `row-${rowNumber}`,
        paragraph: paragraph++,
        source: cell(row, sourceCol),
        targets: {},
      };
      for (const [col, lang] of targetCols) {
        const value = cell(row, col);
        if (value !== "") segment.targets[lang] = { text: value, status: "translated" };
      }
      for (const [col, lang] of commentCols) {
        if (lang === sourceLang) continue;
        const comments = splitCommentCell(cell(row, col));
        if (comments.length > 0) (segment.comments ??= {})[lang] = comments;
      }
      yield segment;
    }
  }
  return { title: options.title ?? "", sourceLang, segments: { [Symbol.iterator]: segments } };
}
