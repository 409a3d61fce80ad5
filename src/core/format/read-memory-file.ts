import type { Bundle } from "../model/bundle.ts";
import type { Lang, TargetLang } from "../model/languages.ts";
import { AppError } from "../model/app-error.ts";
import type { ByteSource } from "./byte-source.ts";
import { readAllBytes } from "./byte-source.ts";
import { readTmxBytes } from "./tmx/read-tmx-bytes.ts";
import { otherTargetsAsExtras, type TmxExtras } from "./tmx/tmx-extras.ts";
import { readXliff } from "./xliff/read-xliff.ts";
import { decodeXmlBytes } from "./xml/decode-xml-bytes.ts";
import { readJsonWithMeta } from "./json/read-json.ts";
import { readTable } from "./tsv/read-table.ts";
import { decodeText } from "./txt/decode.ts";

export const MEMORY_FORMATS = ["tmx", "xliff", "json", "tsv", "csv"] as const;
export type MemoryFormat = (typeof MEMORY_FORMATS)[number];

/** The accept attribute of a file input for every readable memory format. */
export const MEMORY_FILE_ACCEPT = ".tmx,.xlf,.xliff,.sdlxliff,.mqxliff,.json,.tsv,.csv,.txt";

/** The format of a translation-memory file, from its name; null when Selaras cannot read it. */
export function memoryFormatOf(fileName: string): MemoryFormat | null {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === "tmx") return "tmx";
  // SDLXLIFF (Trados) and MQXLIFF (memoQ) are XLIFF 1.2 under their own extensions.
  if (ext === "xlf" || ext === "xliff" || ext === "sdlxliff" || ext === "mqxliff") return "xliff";
  if (ext === "json") return "json";
  if (ext === "tsv" || ext === "tab") return "tsv";
  if (ext === "csv") return "csv";
  return null;
}

/** What the reader saw, for the import dialog (same shape for every format). */
export interface MemoryReadReport {
  format: MemoryFormat;
  /** Format version or encoding details worth showing ("TMX 1.4, utf-16le"). */
  detail: string;
  units: number;
  skippedUnits: number;
  /** Language tags seen and the column each became (null: no column, kept aside or dropped). */
  languages: { tag: string; mappedTo: Lang | null; count: number }[];
  /** Badly paired or invalid inline codes that were tolerated. */
  inlineProblemCount: number;
  /** TMX units whose tuid repeated an earlier one's, kept under the first free `tuid_n`. */
  repeatedTuids: number;
  /** XLIFF file, unit or segment ids that repeated an earlier one's, kept as `id_2`, `id_3`, …. */
  repeatedIds: number;
  /** XLIFF targets not read: the file's target language (`droppedTag`) has no column. */
  droppedTargets: number;
  droppedTag?: string;
}

export interface MemoryReadResult {
  bundle: Bundle;
  report: MemoryReadReport;
  /** TMX metadata (props, notes, attributes, other languages) to write back on export. */
  extras: TmxExtras | null;
  /** When the file was written (JSON exportedAt, TMX header creationdate), on its writer's clock. */
  exportedAt?: string;
}

export interface MemoryReadOptions {
  /** Fraction 0..1 of the file read (TMX reports while parsing; others at the end). */
  onProgress?: (fraction: number) => void;
  signal?: { readonly aborted: boolean };
}

function targetCount(bundle: Bundle, lang: TargetLang): number {
  let n = 0;
  for (const d of bundle.documents) for (const s of d.segments) if (s.targets[lang]) n++;
  return n;
}

function unitCount(bundle: Bundle): number {
  return bundle.documents.reduce((n, d) => n + d.segments.length, 0);
}

/**
 * Reads any translation-memory file Selaras knows (TMX, XLIFF 1.2/2.0, Selaras JSON, TSV/CSV) into a
 * Bundle: decoding, parsing and validation, nothing written anywhere. TMX is read as it streams
 * from `input`; the other formats need all the bytes at once. Errors are AppError codes naming
 * the file; an unknown extension is "import.unsupportedFormat".
 */
export function readMemoryFile(
  input: Uint8Array | ByteSource,
  fileName: string,
  options: MemoryReadOptions = {},
): MemoryReadResult {
  const format = memoryFormatOf(fileName);
  const title = fileName.replace(/\.[^.]+$/, "");
  const done = (result: MemoryReadResult): MemoryReadResult => {
    options.onProgress?.(1);
    return result;
  };
  switch (format) {
    case "tmx": {
      // Streams: from a ByteSource, the file's bytes are never all in memory.
      const read = readTmxBytes(input, fileName, {
        defaultTitle: title,
        ...(options.onProgress
          ? { onProgress: (d: number, t: number) => options.onProgress?.(t === 0 ? 1 : d / t) }
          : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      });
      return done({
        bundle: read.bundle,
        extras: read.extras,
        ...(read.exportedAt ? { exportedAt: read.exportedAt } : {}),
        report: {
          format,
          detail: `TMX ${read.report.version}, ${read.encoding}`,
          units: read.report.units,
          skippedUnits: read.report.skippedUnits,
          languages: read.report.languages,
          inlineProblemCount: read.report.inlineProblemCount,
          repeatedTuids: read.report.repeatedTuids,
          repeatedIds: 0,
          droppedTargets: 0,
        },
      });
    }
    case "xliff": {
      const { text, encoding } = decodeXmlBytes(readAllBytes(input), fileName, "xliff");
      const read = readXliff(text, { fileName });
      return done({
        bundle: read.bundle,
        extras: read.targetTag ? otherTargetsAsExtras(read.targetTag, read.otherTargets) : null,
        report: {
          format,
          detail: `XLIFF ${read.version}, ${encoding}`,
          units: unitCount(read.bundle),
          skippedUnits: 0,
          // How many targets the file has in its language (read, or kept aside without a column).
          languages: read.targetTag
            ? [
                {
                  tag: read.targetTag,
                  mappedTo: read.targetLang,
                  count: read.targetLang
                    ? targetCount(read.bundle, read.targetLang)
                    : read.droppedTargets,
                },
              ]
            : [],
          inlineProblemCount: 0,
          repeatedTuids: 0,
          repeatedIds: read.repeatedIds,
          droppedTargets: read.droppedTargets,
          ...(read.droppedTargets > 0 && read.targetTag ? { droppedTag: read.targetTag } : {}),
        },
      });
    }
    case "json": {
      const { bundle, exportedAt } = readJsonWithMeta(decodeText(readAllBytes(input), fileName), {
        fileName,
      });
      return done({
        bundle,
        extras: null,
        ...(exportedAt ? { exportedAt } : {}),
        report: {
          format,
          detail: "Selaras JSON",
          units: unitCount(bundle),
          skippedUnits: 0,
          languages: [],
          inlineProblemCount: 0,
          repeatedTuids: 0,
          repeatedIds: 0,
          droppedTargets: 0,
        },
      });
    }
    case "tsv":
    case "csv": {
      const bundle = readTable(decodeText(readAllBytes(input), fileName), {
        format,
        fileName,
        title,
      });
      return done({
        bundle,
        extras: null,
        report: {
          format,
          detail: format.toUpperCase(),
          units: unitCount(bundle),
          skippedUnits: 0,
          languages: [],
          inlineProblemCount: 0,
          repeatedTuids: 0,
          repeatedIds: 0,
          droppedTargets: 0,
        },
      });
    }
    default:
      throw new AppError("import.unsupportedFormat", { file: fileName });
  }
}
