import { readFile } from "node:fs/promises";
import type { Bundle } from "../../core/model/bundle.ts";
import { isAppError } from "../../core/model/app-error.ts";
import type { TargetLang } from "../../core/model/languages.ts";
import { isTargetLang, TARGET_LANGS } from "../../core/model/languages.ts";
import type { Status } from "../../core/model/status.ts";
import { isStatus } from "../../core/model/status.ts";
import { readJson } from "../../core/format/json/read-json.ts";
import { writeJson } from "../../core/format/json/write-json.ts";
import { readTmxWithReport } from "../../core/format/tmx/read-tmx.ts";
import { writeTmx } from "../../core/format/tmx/write-tmx.ts";
import { decodeText } from "../../core/format/txt/decode.ts";
import { findXmlUnsafeText } from "../../core/format/unsafe-text.ts";
import { decodeXmlBytes } from "../../core/format/xml/decode-xml-bytes.ts";
import type { CliIo } from "../io.ts";

export const usage =
  "convert <IN> <OUT> [--languages vi,en] [--status approved,translated] [--from json|tmx] [--to json|tmx]";

const FORMATS = ["json", "tmx"] as const;
type Format = (typeof FORMATS)[number];

interface WriteContext {
  languages: readonly TargetLang[];
  statuses: readonly Status[] | undefined;
  now: Date;
  version: string;
}

function formatOf(path: string, override: string | undefined): Format | null {
  const name = (override ?? path.split(".").pop() ?? "").toLowerCase();
  return (FORMATS as readonly string[]).includes(name) ? (name as Format) : null;
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function read(format: Format, bytes: Uint8Array, file: string, io: CliIo): Bundle {
  if (format === "json") return readJson(decodeText(bytes, file), { fileName: file });
  const { text } = decodeXmlBytes(bytes, file, "tmx");
  const { bundle, report } = readTmxWithReport(text, {
    fileName: file,
    defaultTitle: file.replace(/\.[^.]*$/, ""),
  });
  const dropped = report.languages.filter((l) => l.mappedTo === null).map((l) => l.tag);
  const mapped = report.languages.filter((l) => l.mappedTo !== null && l.mappedTo !== l.tag);
  if (mapped.length > 0)
    io.stderr(`convert: mapped ${mapped.map((l) => `${l.tag}→${l.mappedTo}`).join(", ")}\n`);
  if (dropped.length > 0) io.stderr(`convert: dropped languages ${dropped.join(", ")}\n`);
  if (report.skippedUnits > 0)
    io.stderr(`convert: skipped ${report.skippedUnits} units without a usable source\n`);
  return bundle;
}

/** Filters targets by language and status (the TMX writer does it itself; JSON needs it here). */
function filterTargets(bundle: Bundle, ctx: WriteContext): Bundle {
  const statuses = ctx.statuses ? new Set(ctx.statuses) : null;
  return {
    documents: bundle.documents.map((doc) => ({
      ...doc,
      segments: doc.segments.map((seg) => {
        const targets: Bundle["documents"][number]["segments"][number]["targets"] = {};
        for (const lang of ctx.languages) {
          const t = seg.targets[lang];
          if (t && (!statuses || statuses.has(t.status))) targets[lang] = t;
        }
        return { ...seg, targets };
      }),
    })),
  };
}

function write(format: Format, bundle: Bundle, ctx: WriteContext, io: CliIo): string {
  if (format === "json") {
    return writeJson(filterTargets(bundle, ctx), { exportedAt: ctx.now, toolVersion: ctx.version });
  }
  const unsafe = findXmlUnsafeText(bundle);
  if (unsafe.length > 0) {
    const where = unsafe.slice(0, 10).map((u) => `${u.segmentId ?? u.documentId}/${u.field}`);
    io.stderr(
      `convert: removed characters XML forbids in ${unsafe.length} texts: ${where.join(", ")}\n`,
    );
  }
  return writeTmx(bundle, {
    creationTool: "Selaras",
    creationToolVersion: ctx.version,
    creationDate: ctx.now,
    languages: ctx.languages,
    ...(ctx.statuses ? { statuses: ctx.statuses } : {}),
  });
}

interface Args {
  positional: string[];
  options: Map<string, string>;
}

function parseArgs(args: string[]): Args | string {
  const positional: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg.startsWith("--")) {
      const [name, inline] = arg.slice(2).split("=", 2) as [string, string | undefined];
      if (!["languages", "status", "from", "to"].includes(name)) return `unknown option --${name}`;
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
    const pkg = JSON.parse(
      await readFile(new URL("../../../package.json", import.meta.url), "utf8"),
    ) as { version?: string };
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
  const from = formatOf(input, parsed.options.get("from"));
  const to = formatOf(output, parsed.options.get("to"));
  if (!from) return fail(`cannot tell the format of ${input} (use .json or .tmx, or --from)`);
  if (!to) return fail(`cannot tell the format of ${output} (use .json or .tmx, or --to)`);
  const languages = list(parsed.options.get("languages"), isTargetLang, "language");
  const statuses = list(parsed.options.get("status"), isStatus, "status");
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
  try {
    const bundle = read(from, bytes, input === "-" ? "stdin" : baseName(input), io);
    const text = write(
      to,
      bundle,
      {
        languages: languages ?? TARGET_LANGS,
        statuses,
        now: exportDate(),
        version: await appVersion(),
      },
      io,
    );
    if (output === "-") io.stdout(text);
    else await io.writeText(output, text);
    const segments = bundle.documents.reduce((n, d) => n + d.segments.length, 0);
    io.stderr(`convert: ${bundle.documents.length} documents, ${segments} segments → ${output}\n`);
    return 0;
  } catch (error) {
    if (isAppError(error)) {
      io.stderr(`convert: error ${error.code} ${JSON.stringify(error.params)}\n`);
      return 1;
    }
    throw error;
  }
}
