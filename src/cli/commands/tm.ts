import { readMemoryFile } from "../../core/format/read-memory-file.ts";
import { flattenInlineCodes } from "../../core/format/tmx/inline-codes.ts";
import { isAppError } from "../../core/model/app-error.ts";
import type { Lang } from "../../core/model/languages.ts";
import { isLang, TARGET_LANGS } from "../../core/model/languages.ts";
import { concordance } from "../../core/tm/concordance.ts";
import type { PhraseSpan } from "../../core/tm/concordance.ts";
import { TmIndex } from "../../core/tm/tm-index.ts";
import type { TmMatch, TmUnit } from "../../core/tm/types.ts";
import type { CliIo } from "../io.ts";
import { appErrorLine } from "../io.ts";

export const usage =
  "tm match --memory MEM.tmx [--memory MORE.tmx …] --source-lang id [--threshold 50] [--limit 5] QUERIES.jsonl\n" +
  '    QUERIES: one {"id": …, "text": "…"} per line ("prev"/"next": neighbouring sources, for 101 %); "-" reads stdin\n' +
  '    prints one {"id": …, "matches": [{"score", "base", "penalties", "source", "targets": {"vi", "en"}, …}]} per query, best first\n' +
  '  tm concordance --memory MEM.tmx [--memory …] [--source-lang id] [--limit N] [--stems] "phrase"\n' +
  "    prints one JSON line per unit whose source or a target holds the phrase (whole tokens, case and NFC folded;\n" +
  "    --stems: Indonesian sources also match other forms of the words, tandatangan → menandatangani),\n" +
  '    with the hits as [start, end) offsets into the printed texts: {"source", "targets", "hits": {"source": [[s, e]], …}}\n' +
  "    memories: .tmx .xlf .json .tsv .csv; units need a vi or en target; approved = every target approved (else −1)";

/** Bad arguments: exit 2 with the usage. */
class UsageError extends Error {}
/** A file that cannot be read or used: exit 1. */
class InputError extends Error {}

interface Parsed {
  memories: string[];
  sourceLang: Lang | undefined;
  threshold: number;
  limit: number | undefined;
  stems: boolean;
  positional: string[];
}

function parseArgs(args: readonly string[]): Parsed {
  const out: Parsed = {
    memories: [],
    sourceLang: undefined,
    threshold: 50,
    limit: undefined,
    stems: false,
    positional: [],
  };
  for (let k = 0; k < args.length; k++) {
    const arg = args[k]!;
    if (!arg.startsWith("--") || arg === "--") {
      if (arg === "--") out.positional.push(...args.slice(k + 1));
      else out.positional.push(arg);
      if (arg === "--") break;
      continue;
    }
    const [name, inline] = arg.slice(2).split("=", 2) as [string, string | undefined];
    const value = (): string => {
      const v = inline ?? args[++k];
      if (v === undefined || v === "") throw new UsageError(`--${name} needs a value`);
      return v;
    };
    const integer = (v: string, min: number, max: number): number => {
      if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max)
        throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, not "${v}"`);
      return Number(v);
    };
    switch (name) {
      case "memory":
        out.memories.push(value());
        break;
      case "source-lang": {
        const v = value().toLowerCase();
        if (!isLang(v)) throw new UsageError(`--source-lang must be id, vi or en, not "${v}"`);
        out.sourceLang = v;
        break;
      }
      case "threshold":
        out.threshold = integer(value(), 1, 101);
        break;
      case "limit":
        out.limit = integer(value(), 1, 1000);
        break;
      case "stems":
        if (inline !== undefined) throw new UsageError("--stems takes no value");
        out.stems = true;
        break;
      default:
        throw new UsageError(`unknown option --${name}`);
    }
  }
  if (out.memories.length === 0) throw new UsageError("at least one --memory FILE is needed");
  return out;
}

/** Where a unit came from (printed with each match and hit). */
interface Origin {
  file: string;
  document: string;
  segment: string;
}

interface Memory {
  units: TmUnit[];
  origins: Map<string, Origin>;
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/**
 * Every unit of the memories with a Vietnamese or English target, in file order, as TM units: the
 * neighbouring sources of the same document for in-context matches, approved when every target
 * is (the rule of the app's project memory).
 */
async function loadMemories(
  paths: readonly string[],
  sourceLang: Lang | undefined,
  io: CliIo,
  command: string,
): Promise<Memory> {
  const units: TmUnit[] = [];
  const origins = new Map<string, Origin>();
  for (const [f, path] of paths.entries()) {
    let bytes: Uint8Array;
    try {
      bytes = await io.readBytes(path);
    } catch (error) {
      throw new InputError(
        `cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    const file = baseName(path);
    const { bundle, report } = readMemoryFile(bytes, file);
    let kept = 0;
    let noTarget = 0;
    const otherLangs = new Set<string>();
    for (const [d, doc] of bundle.documents.entries()) {
      if (sourceLang !== undefined && doc.sourceLang !== sourceLang) {
        otherLangs.add(doc.sourceLang);
        continue;
      }
      const segs = doc.segments;
      for (const [s, seg] of segs.entries()) {
        const targets: Record<string, string> = {};
        let approved = true;
        for (const lang of TARGET_LANGS) {
          const t = seg.targets[lang];
          if (!t || t.text.trim() === "") continue;
          targets[lang] = t.text.normalize("NFC");
          if (t.status !== "approved") approved = false;
        }
        if (Object.keys(targets).length === 0 || seg.source.trim() === "") {
          noTarget++;
          continue;
        }
        const id = `${f}:${d}:${s}`;
        const prev = segs[s - 1]?.source;
        const next = segs[s + 1]?.source;
        units.push({
          id,
          source: seg.source.normalize("NFC"),
          targets,
          approved,
          ...(prev !== undefined ? { prev } : {}),
          ...(next !== undefined ? { next } : {}),
        });
        origins.set(id, { file, document: doc.title, segment: seg.id });
        kept++;
      }
    }
    io.stderr(
      `${command}: ${file}: ${report.detail}, ${kept} units` +
        (noTarget > 0 ? `, ${noTarget} without a vi or en target left out` : "") +
        "\n",
    );
    if (otherLangs.size > 0 && kept === 0)
      throw new InputError(
        `${path}: its source language is ${[...otherLangs].join(", ")}, not ${sourceLang ?? ""} (--source-lang)`,
      );
  }
  return { units, origins };
}

/** Inline codes shown as their markup, as `convert --codes native` writes them. */
const display = flattenInlineCodes;

function displayTargets(targets: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [lang, text] of Object.entries(targets)) out[lang] = display(text);
  return out;
}

interface Query {
  id: unknown;
  text: string;
  prev?: string;
  next?: string;
}

function parseQueries(text: string, file: string): Query[] {
  const queries: Query[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  for (const [k, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === "") continue;
    const where = `${file} line ${k + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new InputError(
        `${where} is not JSON (${error instanceof Error ? error.message : String(error)})`,
      );
    }
    if (typeof value !== "object" || value === null || Array.isArray(value))
      throw new InputError(`${where}: expected an object {"id": …, "text": "…"}`);
    const o = value as Record<string, unknown>;
    if (!("id" in o)) throw new InputError(`${where}: "id" is missing`);
    if (typeof o["text"] !== "string") throw new InputError(`${where}: "text" must be a string`);
    for (const key of ["prev", "next"])
      if (key in o && typeof o[key] !== "string")
        throw new InputError(`${where}: "${key}" must be a string`);
    queries.push({
      id: o["id"],
      text: o["text"],
      ...(typeof o["prev"] === "string" ? { prev: o["prev"] } : {}),
      ...(typeof o["next"] === "string" ? { next: o["next"] } : {}),
    });
  }
  return queries;
}

function matchJson(m: TmMatch, origins: Map<string, Origin>): Record<string, unknown> {
  return {
    score: m.score,
    base: m.base,
    penalties: m.penalties.map((p) => p.kind),
    source: display(m.unit.source),
    targets: displayTargets(m.unit.targets),
    ...(m.substituted ? { substituted: displayTargets(m.substituted) } : {}),
    origin: origins.get(m.unit.id),
  };
}

async function runMatch(p: Parsed, io: CliIo): Promise<number> {
  if (p.sourceLang === undefined) throw new UsageError("--source-lang is needed (id, vi or en)");
  if (p.positional.length !== 1) throw new UsageError("expected one QUERIES.jsonl file (or -)");
  const queriesPath = p.positional[0]!;
  let bytes: Uint8Array;
  try {
    bytes = await io.readBytes(queriesPath);
  } catch (error) {
    throw new InputError(
      `cannot read ${queriesPath}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes).replace(/^\uFEFF/, "");
  // Every query is checked before anything is printed: a bad line prints nothing.
  const queries = parseQueries(text, queriesPath === "-" ? "stdin" : baseName(queriesPath));
  const memory = await loadMemories(p.memories, p.sourceLang, io, "tm match");
  const index = new TmIndex(p.sourceLang);
  for (const unit of memory.units) index.add(unit);
  const options = { threshold: p.threshold, limit: p.limit ?? 5 };
  const out: string[] = [];
  for (const q of queries) {
    const matches = index.match(
      {
        source: q.text,
        ...(q.prev !== undefined ? { prev: q.prev } : {}),
        ...(q.next !== undefined ? { next: q.next } : {}),
      },
      options,
    );
    out.push(
      `${JSON.stringify({ id: q.id, matches: matches.map((m) => matchJson(m, memory.origins)) })}\n`,
    );
    if (out.length >= 256) io.stdout(out.splice(0).join(""));
  }
  io.stdout(out.join(""));
  io.stderr(`tm match: ${queries.length} queries against ${index.size} units\n`);
  return 0;
}

/** Offsets into the stored text → offsets into its display (codes as markup). */
function displaySpans(text: string, spans: readonly PhraseSpan[]): Array<[number, number]> {
  const at = (offset: number) => display(text.slice(0, offset)).length;
  return spans.map((s) => [at(s.start), at(s.end)]);
}

async function runConcordance(p: Parsed, io: CliIo): Promise<number> {
  if (p.positional.length !== 1) throw new UsageError('expected one "phrase"');
  const phrase = p.positional[0]!;
  if (phrase.trim() === "") throw new UsageError("the phrase is empty");
  if (p.stems && p.sourceLang !== undefined && p.sourceLang !== "id")
    throw new UsageError("--stems is for Indonesian sources (--source-lang id)");
  const memory = await loadMemories(p.memories, p.sourceLang, io, "tm concordance");
  const result = concordance(memory.units, phrase, {
    ...(p.limit !== undefined ? { limit: p.limit } : {}),
    stems: p.stems,
  });
  const out: string[] = [];
  for (const hit of result.hits) {
    const hits: Record<string, Array<[number, number]>> = {};
    for (const [field, spans] of Object.entries(hit.spans)) {
      const text = field === "source" ? hit.unit.source : hit.unit.targets[field]!;
      hits[field] = displaySpans(text, spans);
    }
    out.push(
      `${JSON.stringify({
        source: display(hit.unit.source),
        targets: displayTargets(hit.unit.targets),
        hits,
        origin: memory.origins.get(hit.unit.id),
      })}\n`,
    );
  }
  io.stdout(out.join(""));
  io.stderr(
    `tm concordance: ${result.total} of ${memory.units.length} units hold "${phrase}"` +
      (result.total > result.hits.length ? ` (${result.hits.length} listed)` : "") +
      "\n",
  );
  return 0;
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  const command = `tm ${sub ?? ""}`.trim();
  try {
    if (sub !== "match" && sub !== "concordance")
      throw new UsageError(
        sub === undefined ? "expected match or concordance" : `unknown subcommand "${sub}"`,
      );
    const parsed = parseArgs(rest);
    return sub === "match" ? await runMatch(parsed, io) : await runConcordance(parsed, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${command}: ${error.message}\nusage: ${usage}\n`);
      return 2;
    }
    if (error instanceof InputError) {
      io.stderr(`${command}: ${error.message}\n`);
      return 1;
    }
    if (isAppError(error)) {
      io.stderr(`${command}: ${appErrorLine(error)}\n`);
      return 1;
    }
    throw error;
  }
}
