import { readFile } from "node:fs/promises";
import type { Bundle, BundleSegment } from "../../core/model/bundle.ts";
import { AppError, isAppError } from "../../core/model/app-error.ts";
import type { TargetLang } from "../../core/model/languages.ts";
import { isTargetLang, TARGET_LANGS } from "../../core/model/languages.ts";
import type { Status } from "../../core/model/status.ts";
import { isStatus } from "../../core/model/status.ts";
import { readJson } from "../../core/format/json/read-json.ts";
import { writeJson } from "../../core/format/json/write-json.ts";
import { groupBundle } from "../../core/align-edit/bundle-alignment.ts";
import { readTmxBytes } from "../../core/format/tmx/read-tmx-bytes.ts";
import { otherTargetsAsExtras, type TmxExtras } from "../../core/format/tmx/tmx-extras.ts";
import { tmxExtrasOf, withTmxMeta } from "../../core/format/tmx/bundle-tmx-meta.ts";
import type { TmxSource } from "../../core/format/tmx/write-tmx.ts";
import { countTmxUnits, tmxChunks } from "../../core/format/tmx/write-tmx.ts";
import { readTable, tableDocument } from "../../core/format/tsv/read-table.ts";
import { contentDocumentId } from "../../core/format/content-id.ts";
import { writeTable } from "../../core/format/tsv/write-table.ts";
import { decodeText } from "../../core/format/txt/decode.ts";
import type { UnsafeTextEntry } from "../../core/format/unsafe-text.ts";
import { findLoneSurrogates, findXmlUnsafeText } from "../../core/format/unsafe-text.ts";
import { readXliff } from "../../core/format/xliff/read-xliff.ts";
import { writeXliffFiles } from "../../core/format/xliff/write-xliff-files.ts";
import type { XliffStructure } from "../../core/format/xliff/xliff-structure.ts";
import { decodeXmlBytes } from "../../core/format/xml/decode-xml-bytes.ts";
import type { CliIo } from "../io.ts";
import { appErrorLine } from "../io.ts";

export const usage =
  "convert <IN> <OUT> [--languages vi,en] [--status approved,translated] [--from FMT] [--to FMT]\n" +
  "    [--target-lang vi|en]   (XLIFF input that names no target language Selaras has a column for)\n" +
  "    [--no-bom] [--codes native]   (TSV/CSV: no UTF-8 BOM; inline codes as their markup)\n" +
  "    [--untranslated]   (TMX: also units with no target in the languages; left out by default)\n" +
  "    IN: .json .tmx .xlf .xliff .sdlxliff .mqxliff .tsv .csv\n" +
  "    OUT: .json .tmx .xlf (XLIFF 2.0; --to xliff12 for 1.2) .tsv .csv\n" +
  "    XLIFF holds one target language: OUT-vi.xlf and OUT-en.xlf are written, or OUT alone when one\n" +
  "    language has content (an English-source document gives its Vietnamese file)";

const INPUTS = ["json", "tmx", "xliff", "tsv", "csv"] as const;
const OUTPUTS = ["json", "tmx", "xliff", "xliff12", "tsv", "csv"] as const;
type InFormat = (typeof INPUTS)[number];
type OutFormat = (typeof OUTPUTS)[number];
const ALIASES: Record<string, string> = {
  xlf: "xliff",
  xlf12: "xliff12",
  sdlxliff: "xliff",
  mqxliff: "xliff",
  txt: "tsv",
};

interface Loaded {
  bundle: Bundle;
  /** Metadata kept from a TMX input (or carried by our JSON), written back in TMX and JSON. */
  extras?: TmxExtras;
  /** How an XLIFF input's units sat (unit ids, segments), written back when the output is XLIFF. */
  structure?: XliffStructure;
}

interface Options {
  languages: readonly TargetLang[] | undefined;
  statuses: readonly Status[] | undefined;
  bom: boolean;
  /** TMX: also write units with no target (a source alone is not translation memory). */
  untranslated: boolean;
  /** TSV/CSV: inline codes as placeholders (default) or native markup. */
  codes: "placeholders" | "native";
  now: Date;
  version: string;
}

function formatOf<T extends string>(
  path: string,
  override: string | undefined,
  valid: readonly T[],
): T | null {
  let name = (override ?? path.split(".").pop() ?? "").toLowerCase();
  name = ALIASES[name] ?? name;
  return (valid as readonly string[]).includes(name) ? (name as T) : null;
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function read(
  format: InFormat,
  bytes: Uint8Array,
  file: string,
  io: CliIo,
  targetLang: TargetLang | undefined,
): Loaded {
  const title = file.replace(/\.[^.]*$/, "");
  if (format === "json") {
    const bundle = readJson(decodeText(bytes, file), { fileName: file });
    const extras = tmxExtrasOf(bundle);
    return extras ? { bundle, extras } : { bundle };
  }
  if (format === "xliff") {
    const result = readXliff(decodeXmlBytes(bytes, file, "xliff").text, {
      fileName: file,
      ...(targetLang ? { targetLang } : {}),
    });
    const mapped =
      result.targetLang && result.targetLang !== result.targetTag ? ` → ${result.targetLang}` : "";
    const from = result.targetFrom && result.targetFrom !== "file" ? ` (${result.targetFrom})` : "";
    io.stderr(
      `convert: read XLIFF ${result.version}, target ${result.targetTag ?? "none"}${mapped}${from}\n`,
    );
    if (result.droppedTargets > 0) {
      io.stderr(
        `convert: ${result.droppedTargets} targets in ${result.targetTag ?? "an unnamed language"}, a language with no target column in Selaras, kept as that language: written to TMX and JSON, not to XLIFF or tables\n`,
      );
    }
    if (result.repeatedIds > 0) {
      io.stderr(
        `convert: ${result.repeatedIds} file, unit or segment ids repeated an earlier one: kept under new ids (id_2, …)\n`,
      );
    }
    const extras = result.targetTag
      ? otherTargetsAsExtras(result.targetTag, result.otherTargets)
      : null;
    return { bundle: result.bundle, structure: result.structure, ...(extras ? { extras } : {}) };
  }
  if (format === "tsv" || format === "csv") {
    return { bundle: readTable(decodeText(bytes, file), { format, fileName: file, title }) };
  }
  const { bundle, report, extras, encoding } = readTmxBytes(bytes, file, { defaultTitle: title });
  const dropped = report.languages.filter((l) => l.mappedTo === null).map((l) => l.tag);
  const mapped = report.languages.filter((l) => l.mappedTo !== null && l.mappedTo !== l.tag);
  io.stderr(`convert: read TMX ${report.version} (${encoding}), ${report.units} units\n`);
  if (mapped.length > 0) {
    io.stderr(`convert: mapped ${mapped.map((l) => `${l.tag}→${l.mappedTo}`).join(", ")}\n`);
  }
  if (dropped.length > 0) {
    io.stderr(`convert: kept as extra variants (no column): ${dropped.join(", ")}\n`);
  }
  if (report.skippedUnits > 0) {
    io.stderr(`convert: skipped ${report.skippedUnits} units without a usable source\n`);
  }
  if (report.inlineProblemCount > 0) {
    io.stderr(`convert: ${report.inlineProblemCount} badly paired or invalid inline codes\n`);
  }
  return { bundle, extras };
}

/** Filters targets by language and status (JSON has no writer option for it). */
function filterTargets(bundle: Bundle, options: Options): Bundle {
  const languages = options.languages ?? TARGET_LANGS;
  const statuses = options.statuses ? new Set(options.statuses) : null;
  return {
    documents: bundle.documents.map((doc) => ({
      ...doc,
      segments: doc.segments.map((seg) => {
        const targets: (typeof seg)["targets"] = {};
        for (const lang of languages) {
          const t = seg.targets[lang];
          if (t && (!statuses || statuses.has(t.status))) targets[lang] = t;
        }
        return { ...seg, targets };
      }),
    })),
  };
}

function warnUnsafe(unsafe: readonly UnsafeTextEntry[], io: CliIo): void {
  if (unsafe.length === 0) return;
  const where = unsafe.slice(0, 10).map((u) => `${u.segmentId ?? u.documentId}/${u.field}`);
  io.stderr(
    `convert: removed characters XML forbids in ${unsafe.length} texts: ${where.join(", ")}\n`,
  );
}

/** TSV/CSV are UTF-8, which has no half characters: each lone surrogate becomes U+FFFD, said. */
function warnLoneSurrogates(bundle: Bundle, options: Options, io: CliIo): void {
  const languages: readonly string[] = options.languages ?? TARGET_LANGS;
  const lone = findLoneSurrogates(bundle).filter(
    (u) => u.field === "source" || languages.includes(u.field),
  );
  if (lone.length === 0) return;
  const where = lone.slice(0, 10).map((u) => `${u.segmentId ?? u.documentId}/${u.field}`);
  io.stderr(
    `convert: ${lone.length} texts hold half of a character (a lone surrogate), which UTF-8 cannot hold; written as U+FFFD: ${where.join(", ")}\n`,
  );
}

function tmxOptionsOf(options: Options, extras: TmxExtras | undefined) {
  return {
    ...(options.languages ? { languages: options.languages } : {}),
    ...(options.statuses ? { statuses: options.statuses } : {}),
    ...(extras ? { extras } : {}),
    includeUntranslated: options.untranslated,
  };
}

/**
 * A TMX output: what it leaves out said first (characters XML forbids, units with no target), its
 * text built as it is written, so the file's text is never all in memory. `counted`: those checks
 * already made over the source (tableToTmx); `segments`: how many the source has.
 */
function tmxOutput(
  source: TmxSource,
  extras: TmxExtras | undefined,
  options: Options,
  io: CliIo,
  counted?: { unsafe: UnsafeTextEntry[]; units: number; untranslated: number },
): { parts: Iterable<string>; segments: number } {
  const tmxOptions = tmxOptionsOf(options, extras);
  warnUnsafe(counted?.unsafe ?? findXmlUnsafeText(source), io);
  const { units, untranslated } = counted ?? countTmxUnits(source, tmxOptions);
  if (untranslated > 0 && !options.untranslated)
    io.stderr(
      `convert: ${untranslated} unit(s) without a target in the exported languages left out (--untranslated keeps them)\n`,
    );
  const parts = tmxChunks(source, {
    creationTool: "Selaras",
    creationToolVersion: options.version,
    creationDate: options.now,
    ...tmxOptions,
  });
  return { parts, segments: options.untranslated ? units : units + untranslated };
}

/**
 * Segments checked at a time while a table is walked: few enough to die young (10,000 were kept
 * past the young generation's collections, and the old one grew to 530 MB for a million rows).
 */
const TABLE_BATCH = 1_000;

/**
 * A TSV/CSV table to TMX: its rows are read twice, never held: once for the document id (a hash
 * of its sources), the characters XML forbids and the units without target, a batch at a time;
 * once as the file is written. A million-row table costs its text and not its million segments
 * (issue 14: 1.43 GB before). The same file as through readTable.
 */
function tableToTmx(
  format: "tsv" | "csv",
  bytes: Uint8Array,
  file: string,
  options: Options,
  io: CliIo,
): { parts: Iterable<string>; segments: number } {
  const title = file.replace(/\.[^.]*$/, "");
  const table = tableDocument(decodeText(bytes, file), { format, fileName: file, title });
  const tmxOptions = tmxOptionsOf(options, undefined);
  const counted = { unsafe: [] as UnsafeTextEntry[], units: 0, untranslated: 0 };
  let batch: BundleSegment[] = [];
  const check = () => {
    // The document id is not known yet: segment entries name their segment, not the document.
    const part = { documents: [{ ...table, id: "", title: "", segments: batch }] };
    counted.unsafe.push(...findXmlUnsafeText(part));
    const { units, untranslated } = countTmxUnits(part, tmxOptions);
    counted.units += units;
    counted.untranslated += untranslated;
    batch = [];
  };
  function* checked(): Generator<BundleSegment> {
    for (const segment of table.segments) {
      batch.push(segment);
      if (batch.length >= TABLE_BATCH) check();
      yield segment;
    }
    check();
  }
  const id = contentDocumentId("table", file, { ...table, segments: checked() });
  const doc = { ...table, id };
  // The title's entry first, as findXmlUnsafeText lists it.
  const titleUnsafe = findXmlUnsafeText({ documents: [{ ...doc, segments: [] }] });
  counted.unsafe.unshift(...titleUnsafe);
  return tmxOutput({ documents: [doc] }, undefined, options, io, counted);
}

/** Output files (path → text, or its parts for TMX, made as they are written) for one conversion. */
function write(
  format: OutFormat,
  loaded: Loaded,
  out: string,
  options: Options,
  io: CliIo,
): [string, string | Iterable<string>][] {
  const { extras } = loaded;
  // Aligned documents of our JSON become translation units for the unit formats; JSON keeps them
  // as they are, and XLIFF groups per file (one target language each), below.
  const keepAsIs = format === "json" || format === "xliff" || format === "xliff12";
  const bundle = keepAsIs
    ? loaded.bundle
    : groupBundle(loaded.bundle, options.languages ?? TARGET_LANGS);
  const statuses = options.statuses ? { statuses: options.statuses } : {};
  switch (format) {
    case "json":
      return [
        [
          out,
          writeJson(filterTargets(withTmxMeta(bundle, extras), options), {
            exportedAt: options.now,
            toolVersion: options.version,
          }),
        ],
      ];
    case "tsv":
    case "csv":
      warnLoneSurrogates(bundle, options, io);
      return [
        [
          out,
          writeTable(bundle, {
            format,
            bom: options.bom,
            codes: options.codes,
            ...statuses,
            ...(options.languages ? { languages: options.languages } : {}),
          }),
        ],
      ];
    case "tmx":
      return [[out, tmxOutput(bundle, extras, options, io).parts]];
    case "xliff":
    case "xliff12": {
      warnUnsafe(findXmlUnsafeText(bundle), io);
      // One file per target language (and per source language for 2.0); a language that is
      // every document's source has nothing to hold and is left out, said below.
      const asked = options.languages ?? TARGET_LANGS;
      const results = asked.map((targetLang) => {
        try {
          return writeXliffFiles(groupBundle(loaded.bundle, [targetLang]), {
            version: format === "xliff" ? "2.0" : "1.2",
            languages: [targetLang],
            ...statuses,
            ...(loaded.structure ? { structure: loaded.structure } : {}),
          }).files;
        } catch (error) {
          if (isAppError(error) && error.code === "xliff.nothing-to-export") return null;
          throw error;
        }
      });
      const files = results.flatMap((r) => r ?? []);
      const sources = [...new Set(bundle.documents.map((d) => d.sourceLang))].join(", ") || "-";
      if (files.length === 0)
        throw new AppError("xliff.nothing-to-export", { languages: asked.join(", "), sources });
      asked.forEach((lang, k) => {
        if (results[k] === null)
          io.stderr(
            `convert: no XLIFF for ${lang}: no document has segments in another source language (sources: ${sources})\n`,
          );
      });
      return files.map((f) => [
        files.length === 1 || out === "-"
          ? out
          : out.replace(
              /(\.[^./\\]*)?$/,
              (ext) => `-${f.sourceLang ? `${f.sourceLang}-` : ""}${f.targetLang}${ext}`,
            ),
        f.text,
      ]);
    }
  }
}

interface Args {
  positional: string[];
  options: Map<string, string>;
}

const VALUE_OPTIONS = ["languages", "status", "from", "to", "codes", "target-lang"];
const FLAGS = ["no-bom", "untranslated"];

function parseArgs(args: string[]): Args | string {
  const positional: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg.startsWith("--")) {
      const [name, inline] = arg.slice(2).split("=", 2) as [string, string | undefined];
      if (FLAGS.includes(name)) {
        options.set(name, "true");
        continue;
      }
      if (!VALUE_OPTIONS.includes(name)) return `unknown option --${name}`;
      const value = inline ?? args[++i];
      if (value === undefined) return `--${name} needs a value`;
      options.set(name, value);
    } else {
      positional.push(arg);
    }
  }
  return { positional, options };
}

function list<T extends string>(
  value: string | undefined,
  valid: (v: string) => v is T,
  what: string,
): T[] | string | undefined {
  if (value === undefined) return undefined;
  const items = value
    .split(",")
    .map((v) => v.trim())
    .filter((v) => v !== "");
  const bad = items.filter((v) => !valid(v));
  return bad.length > 0 ? `unknown ${what}: ${bad.join(", ")}` : (items as T[]);
}

async function appVersion(): Promise<string> {
  try {
    const url = new URL("../../../package.json", import.meta.url);
    const pkg = JSON.parse(await readFile(url, "utf8")) as { version?: string };
    return pkg.version ?? "0.0.0";
  } catch {
    return "0.0.0";
  }
}

/** Honours SOURCE_DATE_EPOCH (seconds) for reproducible exports. */
function exportDate(): Date {
  const epoch = process.env["SOURCE_DATE_EPOCH"];
  return epoch !== undefined && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args);
  const fail = (message: string) => {
    io.stderr(`convert: ${message}\nusage: ${usage}\n`);
    return 2;
  };
  if (typeof parsed === "string") return fail(parsed);
  const [input, output, ...extra] = parsed.positional;
  if (input === undefined || output === undefined || extra.length > 0)
    return fail("expected <IN> and <OUT>");
  const from = formatOf(input, parsed.options.get("from"), INPUTS);
  const to = formatOf(output, parsed.options.get("to"), OUTPUTS);
  if (!from) return fail(`cannot read the format of ${input} (${INPUTS.join(", ")}; or --from)`);
  if (!to) return fail(`cannot write the format of ${output} (json, tmx, xlf, tsv, csv; or --to)`);
  const languages = list(parsed.options.get("languages"), isTargetLang, "language");
  const statuses = list(parsed.options.get("status"), isStatus, "status");
  const targetLang = parsed.options.get("target-lang");
  if (targetLang !== undefined && !isTargetLang(targetLang))
    return fail(`--target-lang must be one of ${TARGET_LANGS.join(", ")}, not ${targetLang}`);
  if (typeof languages === "string") return fail(languages);
  if (typeof statuses === "string") return fail(statuses);

  let bytes: Uint8Array;
  try {
    bytes = await io.readBytes(input);
  } catch (error) {
    io.stderr(
      `convert: cannot read ${input}: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  }
  const file = input === "-" ? "stdin" : baseName(input);
  try {
    const options: Options = {
      languages,
      statuses,
      bom: !parsed.options.has("no-bom"),
      untranslated: parsed.options.has("untranslated"),
      codes: parsed.options.get("codes") === "native" ? "native" : "placeholders",
      now: exportDate(),
      version: await appVersion(),
    };
    // Everything is written only after every output was built (a TMX is built as it is written,
    // into a file that takes its name at the end): a failure writes nothing.
    let files: [string, string | Iterable<string>][];
    let documents = 1;
    let segments: number;
    if ((from === "tsv" || from === "csv") && to === "tmx") {
      const tmx = tableToTmx(from, bytes, file, options, io);
      files = [[output, tmx.parts]];
      segments = tmx.segments;
    } else {
      const loaded = read(from, bytes, file, io, targetLang);
      files = write(to, loaded, output, options, io);
      documents = loaded.bundle.documents.length;
      segments = loaded.bundle.documents.reduce((n, d) => n + d.segments.length, 0);
    }
    for (const [path, text] of files) {
      if (path !== "-") await io.writeText(path, text);
      else if (typeof text === "string") io.stdout(text);
      else for (const part of text) io.stdout(part);
    }
    io.stderr(
      `convert: ${documents} documents, ${segments} segments → ${files.map(([p]) => p).join(", ")}\n`,
    );
    return 0;
  } catch (error) {
    if (isAppError(error)) {
      // In words: what is wrong, where, what to do (issue 11 class 12); the code stays for scripts.
      io.stderr(`convert: ${appErrorLine(error, file)}\n`);
      return 1;
    }
    throw error;
  }
}
