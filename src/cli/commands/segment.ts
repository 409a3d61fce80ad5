import { isAppError } from "../../core/model/app-error.ts";
import { isLang, LANGS, type Lang } from "../../core/model/languages.ts";
import { segmentParagraph, segmentText, type SegmentOptions } from "../../core/segment/segment.ts";
import { decodeText } from "../../core/text/decode.ts";
import { splitParagraphs } from "../../core/text/paragraphs.ts";
import type { CliIo } from "../io.ts";

export const usage = "segment --lang <id|vi|en> [--format lines|jsonl] [--rules FILE.srx] [FILE|-]";

const HELP = `Usage: selaras ${usage}

Splits text into sentences.
  --lang      language of the text: ${LANGS.join(", ")}
  --format    lines (default): each input line is a paragraph; prints one sentence per line and
              an empty line between paragraphs.
              jsonl: each input line is {"id": ..., "text": ...}; prints {"id": ..., "sentences": [...]}.
  --rules     SRX 2.0 file with segmentation rules to use instead of the built-in ones.
  FILE        UTF-8 (BOM optional) or UTF-16 with BOM; "-" or nothing reads standard input.
`;

type Format = "lines" | "jsonl";

interface Args {
  lang: Lang;
  format: Format;
  rules: string | null;
  file: string;
}

class UsageError extends Error {}

function parseArgs(args: string[]): Args | "help" {
  let lang: string | null = null;
  let format: string = "lines";
  let rules: string | null = null;
  let file: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string => {
      if (eq > 0) return arg.slice(eq + 1);
      const next = args[++i];
      if (next === undefined) throw new UsageError(`${name} needs a value`);
      return next;
    };
    if (name === "--help" || name === "-h") return "help";
    else if (name === "--lang") lang = value();
    else if (name === "--format") format = value();
    else if (name === "--rules") rules = value();
    else if (arg.startsWith("-") && arg !== "-") throw new UsageError(`unknown option ${arg}`);
    else if (file !== null) throw new UsageError("only one input file is allowed");
    else file = arg;
  }
  if (lang === null) throw new UsageError("--lang is required");
  if (!isLang(lang))
    throw new UsageError(`unsupported language "${lang}" (use ${LANGS.join(", ")})`);
  if (format !== "lines" && format !== "jsonl") throw new UsageError(`unknown format "${format}"`);
  return { lang, format, rules, file: file ?? "-" };
}

function describeInput(file: string): string {
  return file === "-" ? "standard input" : file;
}

async function readText(io: CliIo, file: string): Promise<string> {
  const bytes = await io.readBytes(file);
  try {
    return decodeText(bytes).text;
  } catch (error) {
    if (isAppError(error) && error.code === "text.invalid-utf8") {
      throw new Failure(
        `${describeInput(file)}: not valid UTF-8 (byte offset ${error.params.offset}); save it as UTF-8 or UTF-16 with BOM`,
      );
    }
    if (isAppError(error) && error.code === "text.invalid-utf16") {
      throw new Failure(
        `${describeInput(file)}: not valid UTF-16 (byte offset ${error.params.offset})`,
      );
    }
    throw error;
  }
}

class Failure extends Error {}

async function loadRules(io: CliIo, path: string): Promise<SegmentOptions> {
  const { parseSrx } = await import("../../core/segment/srx.ts");
  const xml = await readText(io, path);
  try {
    return { rules: parseSrx(xml) };
  } catch (error) {
    if (isAppError(error)) {
      throw new Failure(`${path}: ${error.code} ${JSON.stringify(error.params)}`);
    }
    throw error;
  }
}

function formatLines(text: string, lang: Lang, options: SegmentOptions): string {
  const blocks = segmentText(text, lang, options)
    .map((p) => p.sentences.join("\n"))
    .filter((block) => block !== "");
  return blocks.length === 0 ? "" : `${blocks.join("\n\n")}\n`;
}

function formatJsonl(text: string, lang: Lang, options: SegmentOptions, file: string): string {
  const out: string[] = [];
  text.split(/\r\n|[\n\r]/).forEach((line, index) => {
    if (line.trim() === "") return;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      throw new Failure(`${describeInput(file)}, line ${index + 1}: not valid JSON`);
    }
    if (
      typeof record !== "object" ||
      record === null ||
      !("text" in record) ||
      typeof record.text !== "string"
    ) {
      throw new Failure(
        `${describeInput(file)}, line ${index + 1}: expected {"id": ..., "text": "..."}`,
      );
    }
    const id = "id" in record ? record.id : null;
    const sentences = splitParagraphs(record.text).flatMap((p) =>
      segmentParagraph(p, lang, options),
    );
    out.push(JSON.stringify({ id, sentences }));
  });
  return out.length === 0 ? "" : `${out.join("\n")}\n`;
}

export async function run(args: string[], io: CliIo): Promise<number> {
  let parsed: Args | "help";
  try {
    parsed = parseArgs(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`segment: ${error.message}\nUsage: selaras ${usage}\n`);
    return 2;
  }
  if (parsed === "help") {
    io.stdout(HELP);
    return 0;
  }
  try {
    const options = parsed.rules === null ? {} : await loadRules(io, parsed.rules);
    const text = await readText(io, parsed.file);
    io.stdout(
      parsed.format === "lines"
        ? formatLines(text, parsed.lang, options)
        : formatJsonl(text, parsed.lang, options, parsed.file),
    );
    return 0;
  } catch (error) {
    if (error instanceof Failure) {
      io.stderr(`segment: ${error.message}\n`);
      return 1;
    }
    const code = (error as { code?: unknown }).code;
    if (code === "ENOENT" || code === "EISDIR" || code === "EACCES") {
      io.stderr(
        `segment: cannot read ${(error as { path?: string }).path ?? parsed.file}: ${String(code)}\n`,
      );
      return 1;
    }
    throw error;
  }
}
