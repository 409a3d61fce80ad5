import { groupBundle } from "../../core/align-edit/bundle-alignment.ts";
import { readMemoryFile } from "../../core/format/read-memory-file.ts";
import type { Bundle } from "../../core/model/bundle.ts";
import { isAppError } from "../../core/model/app-error.ts";
import { TARGET_LANGS } from "../../core/model/languages.ts";
import { messageKey } from "../../core/qa/registry.ts";
import type { PlacedFinding } from "../../core/qa/run-qa.ts";
import { runQa } from "../../core/qa/run-qa.ts";
import type { CheckId } from "../../core/qa/types.ts";
import { CHECK_IDS, isCheckId } from "../../core/qa/types.ts";
import enErrors from "../../i18n/locales/en/errors.json";
import enQa from "../../i18n/locales/en/qa.json";
import idQa from "../../i18n/locales/id/qa.json";
import viQa from "../../i18n/locales/vi/qa.json";
import type { CliIo } from "../io.ts";
import { readGlossaryFile } from "../../core/glossary/glossary-file.ts";
import type { Glossary } from "../../core/glossary/model.ts";

export const usage =
  "qa <FILE> [--format jsonl|csv|text] [--checks a,b,…] [--from FMT] [--locale en|vi|id] [--glossary G.tbx]\n" +
  "    FILE: .tmx .xlf .json .tsv .csv (as convert reads them; - for standard input with --from)\n" +
  "    one finding per line; exit 1 when there are errors, 0 otherwise, 2 on usage errors\n" +
  "    --glossary: a TBX, CSV or TSV glossary for the forbidden-terms and glossary-terms checks\n" +
  `    checks: ${CHECK_IDS.join(", ")}`;

const INPUTS = ["json", "tmx", "xliff", "tsv", "csv"] as const;
type InFormat = (typeof INPUTS)[number];
const ALIASES: Record<string, InFormat> = { xlf: "xliff", txt: "tsv" };
const FORMATS = ["jsonl", "csv", "text"] as const;
type OutFormat = (typeof FORMATS)[number];
const MESSAGES = { en: enQa, vi: viQa, id: idQa } as const;
type Locale = keyof typeof MESSAGES;

interface Options {
  file: string;
  from: InFormat;
  format: OutFormat;
  checks?: CheckId[];
  locale: Locale;
  glossary?: string;
}

function formatOf(path: string, override: string | undefined): InFormat | null {
  const name = (override ?? path.split(".").pop() ?? "").toLowerCase();
  const format = ALIASES[name] ?? name;
  return (INPUTS as readonly string[]).includes(format) ? (format as InFormat) : null;
}

function parseArgs(args: readonly string[]): Options | string {
  const positional: string[] = [];
  const values = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith("--")) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split("=", 2) as [string, string | undefined];
    if (!["format", "checks", "from", "locale", "glossary"].includes(name))
      return `unknown option --${name}`;
    const value = inline ?? args[++i];
    if (value === undefined) return `--${name} needs a value`;
    values.set(name, value);
  }
  const [file, ...extra] = positional;
  if (file === undefined || extra.length > 0) return "expected one <FILE>";
  const from = formatOf(file, values.get("from"));
  if (!from) return `cannot read the format of ${file} (${INPUTS.join(", ")}; or --from)`;
  const format = values.get("format") ?? "jsonl";
  if (!(FORMATS as readonly string[]).includes(format))
    return `unknown --format ${format} (${FORMATS.join(", ")})`;
  const locale = values.get("locale") ?? "en";
  if (!(locale in MESSAGES)) return `unknown --locale ${locale} (en, vi, id)`;
  const options: Options = { file, from, format: format as OutFormat, locale: locale as Locale };
  const glossary = values.get("glossary");
  if (glossary !== undefined) options.glossary = glossary;
  const list = values.get("checks");
  if (list !== undefined) {
    const checks = list
      .split(",")
      .map((c) => c.trim())
      .filter((c) => c !== "");
    const bad = checks.filter((c) => !isCheckId(c));
    if (bad.length > 0 || checks.length === 0)
      return `unknown checks: ${bad.join(", ") || "(none given)"} (${CHECK_IDS.join(", ")})`;
    options.checks = checks as CheckId[];
  }
  return options;
}

/** The file as convert reads it (core/format/read-memory-file.ts), its format from the name or --from. */
function read(format: InFormat, bytes: Uint8Array, file: string): Bundle {
  const name = formatOf(file, undefined) === format ? file : `${file}.${format}`;
  return readMemoryFile(bytes, name).bundle;
}

/** "{{name}}" filled from params (the i18n messages' interpolation, for the command line). */
function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

function message(f: PlacedFinding, locale: Locale): string {
  const table = MESSAGES[locale].finding as Record<string, string>;
  const template = table[messageKey(f.finding.code)] ?? f.finding.code;
  return fill(template, f.finding.params);
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => [...r[c]!].length)));
  return rows
    .map((r) =>
      r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]!))).join("  "),
    )
    .join("\n");
}

function render(findings: readonly PlacedFinding[], format: OutFormat, locale: Locale): string {
  const rows = findings.map((f) => ({
    tuid: f.segmentId,
    lang: f.lang,
    check: f.finding.check,
    severity: f.finding.severity,
    message: message(f, locale),
  }));
  if (format === "jsonl") return rows.map((r) => `${JSON.stringify(r)}\n`).join("");
  if (format === "csv") {
    const head = "tuid,lang,check,severity,message\r\n";
    return head + rows.map((r) => `${Object.values(r).map(csvField).join(",")}\r\n`).join("");
  }
  if (rows.length === 0) return "";
  return `${table([["tuid", "lang", "severity", "check", "message"], ...rows.map((r) => [r.tuid, r.lang, r.severity, r.check, r.message])])}\n`;
}

function errorMessage(code: string, params: Record<string, string | number>): string {
  const template = (enErrors as Record<string, string>)[code.replace(/\./g, "_")];
  return template ? `${fill(template, params)} (${code})` : `${code} ${JSON.stringify(params)}`;
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const options = parseArgs(args);
  if (typeof options === "string") {
    io.stderr(`qa: ${options}\nusage: ${usage}\n`);
    return 2;
  }
  let bytes: Uint8Array;
  try {
    bytes = await io.readBytes(options.file);
  } catch (error) {
    io.stderr(
      `qa: cannot read ${options.file}: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 2;
  }
  const name = options.file === "-" ? "stdin" : (options.file.split(/[\\/]/).pop() ?? options.file);
  let bundle: Bundle;
  try {
    bundle = groupBundle(read(options.from, bytes, name), TARGET_LANGS);
  } catch (error) {
    if (!isAppError(error)) throw error;
    io.stderr(`qa: ${errorMessage(error.code, error.params)}\n`);
    return 2;
  }
  let glossary: Glossary | undefined;
  if (options.glossary !== undefined) {
    const file = options.glossary;
    try {
      glossary = readGlossaryFile(
        await io.readBytes(file),
        file.split(/[\\/]/).pop() ?? file,
      ).glossary;
    } catch (error) {
      if (isAppError(error)) io.stderr(`qa: ${errorMessage(error.code, error.params)}\n`);
      else
        io.stderr(
          `qa: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}\n`,
        );
      return 2;
    }
  }
  const findings = runQa(bundle.documents, {
    ...(options.checks ? { checks: options.checks } : {}),
    ...(glossary ? { glossary } : {}),
  });
  io.stdout(render(findings, options.format, options.locale));
  const count = (s: string) => findings.filter((f) => f.finding.severity === s).length;
  const units = bundle.documents.reduce((n, d) => n + d.segments.length, 0);
  io.stderr(
    `qa: ${units} units, ${findings.length} findings (${count("error")} errors, ${count("warning")} warnings, ${count("info")} notes)\n`,
  );
  return count("error") > 0 ? 1 : 0;
}
