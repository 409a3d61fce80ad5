import { isAppError, type AppError } from "../../core/model/app-error.ts";
import { isLang, LANGS, type Lang } from "../../core/model/languages.ts";
import { allRules, describeRule, probeTexts, singleRuleSet } from "../../core/segment/probes.ts";
import type { SegmentationRule, SegmentationRules } from "../../core/segment/rules.ts";
import { segmentParagraph } from "../../core/segment/segment.ts";
import { decodeText } from "../../core/format/txt/decode.ts";
import { splitParagraphs } from "../../core/text/paragraphs.ts";
import { englishMessage, withTimeLimit, type CliIo } from "../io.ts";

export const usage =
  "segment --lang <id|vi|en> [--format lines|jsonl] [--rules FILE.srx [--time-limit SECONDS]] [FILE|-]";

const DEFAULT_TIME_LIMIT_S = 2;

const HELP = `Usage: selaras ${usage}

Splits text into sentences.
  --lang      language of the text: ${LANGS.join(", ")}
  --format    lines (default): each input line is a paragraph; prints one sentence per line and
              an empty line between paragraphs.
              jsonl: each input line is {"id": ..., "text": ...}; prints {"id": ..., "sentences": [...]}.
  --rules     SRX 2.0 file with segmentation rules to use instead of the built-in ones. Its rules
              are first tried on test texts, then each paragraph is segmented under a time limit:
              a rule that backtracks without end is stopped and refused, nothing is written.
  --time-limit  seconds one paragraph may take with --rules (default ${DEFAULT_TIME_LIMIT_S}).
  FILE        UTF-8 (BOM optional) or UTF-16 with BOM; "-" or nothing reads standard input.
`;

type Format = "lines" | "jsonl";

interface Args {
  lang: Lang;
  format: Format;
  rules: string | null;
  timeLimitMs: number;
  file: string;
}

class UsageError extends Error {}

function parseArgs(args: string[]): Args | "help" {
  let lang: string | null = null;
  let format: string = "lines";
  let rules: string | null = null;
  let file: string | null = null;
  let timeLimit = String(DEFAULT_TIME_LIMIT_S);
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
    else if (name === "--time-limit") timeLimit = value();
    else if (arg.startsWith("-") && arg !== "-") throw new UsageError(`unknown option ${arg}`);
    else if (file !== null) throw new UsageError("only one input file is allowed");
    else file = arg;
  }
  if (lang === null) throw new UsageError("--lang is required");
  if (!isLang(lang))
    throw new UsageError(`unsupported language "${lang}" (use ${LANGS.join(", ")})`);
  if (format !== "lines" && format !== "jsonl") throw new UsageError(`unknown format "${format}"`);
  const seconds = Number(timeLimit);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 3600)
    throw new UsageError(`--time-limit must be a number of seconds (0 < s <= 3600)`);
  return { lang, format, rules, timeLimitMs: seconds * 1000, file: file ?? "-" };
}

function describeInput(file: string): string {
  return file === "-" ? "standard input" : file;
}

/**
 * Reads a text with the app's own decoder (core/format/txt/decode.ts): UTF-8 or UTF-16 with a
 * BOM; UTF-16 without a BOM and UTF-32 (NUL bytes) are refused as the app refuses them, never
 * segmented into NUL-filled output (issue 14 item 9). Empty input is empty text.
 */
async function readText(io: CliIo, file: string): Promise<string> {
  const bytes = await io.readBytes(file);
  if (bytes.length === 0) return "";
  try {
    return decodeText(bytes, describeInput(file));
  } catch (error) {
    if (isAppError(error)) {
      const detail = appErrorText(error, describeInput(file));
      throw new Failure(
        error.code === "txt.encoding"
          ? `${describeInput(file)}: not valid UTF-8 (byte offset ${String(error.params.offset)}); save it as UTF-8 or UTF-16 with BOM. ${detail}`
          : `${describeInput(file)}: ${detail}`,
      );
    }
    throw error;
  }
}

class Failure extends Error {}

/** Segments one paragraph; `where` names it in a time-limit message. */
type Segmenter = (paragraph: string, where: string) => string[];

function appErrorText(error: AppError, file: string): string {
  const params = { file, ...error.params };
  const message = englishMessage(error.code, params);
  return message === null
    ? `${error.code} ${JSON.stringify(params)}`
    : `${message} (${error.code})`;
}

function slowRuleFailure(path: string, rule: SegmentationRule, ms: number, where: string) {
  return new Failure(
    `${path}: the rule "${describeRule(rule)}" took more than ${ms / 1000} s on ${where} and was stopped: ` +
      "its regular expression backtracks without end on some text. Nothing was written.",
  );
}

/**
 * Reads an SRX file and checks its rules on the probe texts under the time limit (a slow rule is
 * named); the segmenter it returns runs each paragraph under the limit too.
 */
async function loadRules(io: CliIo, path: string, lang: Lang, ms: number): Promise<Segmenter> {
  const { readSrx } = await import("../../core/segment/srx.ts");
  const xml = await readText(io, path);
  let rules: SegmentationRules;
  try {
    const read = readSrx(xml);
    rules = read.rules;
    // A rule that cannot be translated is left out, the file still used (issue 11 class 9).
    for (const skip of read.skipped) {
      const why =
        skip.code === "srx.regex-unsupported"
          ? `uses ${skip.feature ?? "a feature"} that JavaScript cannot express`
          : "is not a valid regular expression";
      io.stderr(
        `segment: ${path}: line ${skip.line}: a rule of "${skip.ruleSet}" was left out: ${skip.pattern} ${why}\n`,
      );
    }
  } catch (error) {
    if (isAppError(error)) throw new Failure(`${path}: ${appErrorText(error, path)}`);
    throw error;
  }
  const probes = probeTexts();
  const check = (set: SegmentationRules) =>
    withTimeLimit(ms, () => probes.forEach((p) => segmentParagraph(p, lang, { rules: set })));
  if (check(rules) === "timeout") {
    const slow = allRules(rules).find((rule) => check(singleRuleSet(rule)) === "timeout");
    if (slow) throw slowRuleFailure(path, slow, ms, "a test text");
    throw new Failure(
      `${path}: the rules took more than ${ms / 1000} s on a test text and were stopped. Nothing was written.`,
    );
  }
  return (paragraph, where) => {
    const result = withTimeLimit(ms, () => segmentParagraph(paragraph, lang, { rules }));
    if (result !== "timeout") return result.value;
    const slow = allRules(rules).find(
      (rule) =>
        withTimeLimit(ms, () =>
          segmentParagraph(paragraph, lang, { rules: singleRuleSet(rule) }),
        ) === "timeout",
    );
    if (slow) throw slowRuleFailure(path, slow, ms, where);
    throw new Failure(
      `${path}: the rules took more than ${ms / 1000} s on ${where} and were stopped. Nothing was written.`,
    );
  };
}

function formatLines(text: string, segment: Segmenter, file: string): string {
  const blocks = splitParagraphs(text)
    .map((p, i) => segment(p, `${describeInput(file)}, paragraph ${i + 1}`).join("\n"))
    .filter((block) => block !== "");
  return blocks.length === 0 ? "" : `${blocks.join("\n\n")}\n`;
}

function formatJsonl(text: string, segment: Segmenter, file: string): string {
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
      segment(p, `${describeInput(file)}, line ${index + 1}`),
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
    const { lang } = parsed;
    const segment: Segmenter =
      parsed.rules === null
        ? (paragraph) => segmentParagraph(paragraph, lang)
        : await loadRules(io, parsed.rules, lang, parsed.timeLimitMs);
    const text = await readText(io, parsed.file);
    io.stdout(
      parsed.format === "lines"
        ? formatLines(text, segment, parsed.file)
        : formatJsonl(text, segment, parsed.file),
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
