import { AppError } from "../model/app-error.ts";
import { readTbxBytes } from "../format/tbx/read-tbx.ts";
import type { TbxReadReport } from "../format/tbx/read-tbx.ts";
import { writeTbx } from "../format/tbx/write-tbx.ts";
import { decodeText } from "../format/txt/decode.ts";
import { readGlossaryTable, writeGlossaryTable } from "./glossary-table.ts";
import type { Glossary } from "./model.ts";

export type GlossaryFormat = "tbx" | "csv" | "tsv";
export const GLOSSARY_FORMATS: readonly GlossaryFormat[] = ["tbx", "csv", "tsv"];

/** The format a file name's extension names (.tbx, .csv, .tsv, .txt as TSV), or null. */
export function glossaryFormatOf(fileName: string): GlossaryFormat | null {
  const ext = (fileName.split(".").pop() ?? "").toLowerCase();
  if (ext === "txt") return "tsv";
  return (GLOSSARY_FORMATS as readonly string[]).includes(ext) ? (ext as GlossaryFormat) : null;
}

export interface GlossaryReadResult {
  glossary: Glossary;
  format: GlossaryFormat;
  /** TBX only: what the reader saw. */
  tbx?: TbxReadReport;
  /** CSV/TSV only: header cells that name no column we know. */
  ignoredColumns?: string[];
}

/**
 * Reads a glossary file, all or nothing: a full glossary or an AppError (`tbx.*`, `txt.*`,
 * `table.*`, `glossary.*`). `glossary.unknown-format` {file} when the name has no known extension.
 */
export function readGlossaryFile(
  bytes: Uint8Array,
  fileName: string,
  format: GlossaryFormat | null = glossaryFormatOf(fileName),
): GlossaryReadResult {
  if (format === null) throw new AppError("glossary.unknown-format", { file: fileName });
  if (format === "tbx") {
    const { glossary, report } = readTbxBytes(bytes, fileName);
    return { glossary, format, tbx: report };
  }
  const { glossary, ignoredColumns } = readGlossaryTable(decodeText(bytes, fileName), {
    format,
    fileName,
  });
  return { glossary, format, ignoredColumns };
}

/** The file text for a glossary: TBX-Basic (v3), or CSV/TSV with a UTF-8 BOM. */
export function writeGlossaryFile(glossary: Glossary, format: GlossaryFormat): string {
  return format === "tbx" ? writeTbx(glossary) : writeGlossaryTable(glossary, { format });
}
