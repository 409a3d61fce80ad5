import { alignSentences } from "../../core/align/align-sentences.ts";
import { formatBead } from "../../core/align/beads.ts";
import type { AlignmentPlan, GlossaryEntry } from "../../core/align/types.ts";
import { isAppError } from "../../core/model/app-error.ts";
import { isLang } from "../../core/model/languages.ts";
import { segmentText } from "../../core/segment/segment.ts";
import { decodeText } from "../../core/text/decode.ts";
import { refuseUnreadableText } from "../../core/format/txt/decode.ts";
import type { CliIo } from "../io.ts";
import { appErrorLine } from "../io.ts";

export const usage =
  "align --source FILE --target FILE [--source-lang id] [--target-lang vi] [--presegmented] [--format json|beads] [--glossary FILE.tsv]";

interface AlignArgs {
  source: string;
  target: string;
  sourceLang: string;
  targetLang: string;
  presegmented: boolean;
  format: "json" | "beads";
  glossary?: string;
}

function parseArgs(args: readonly string[]): AlignArgs | string {
  const out: Partial<AlignArgs> = { sourceLang: "id", targetLang: "vi", format: "json" };
  for (let k = 0; k < args.length; k++) {
    const flag = args[k];
    const value = (): string | undefined => args[++k];
    switch (flag) {
      case "--source":
        out.source = value();
        break;
      case "--target":
        out.target = value();
        break;
      case "--source-lang":
        out.sourceLang = value();
        break;
      case "--target-lang":
        out.targetLang = value();
        break;
      case "--glossary":
        out.glossary = value();
        break;
      case "--presegmented":
        out.presegmented = true;
        break;
      case "--format": {
        const f = value();
        if (f !== "json" && f !== "beads") return `unknown format "${f ?? ""}" (json or beads)`;
        out.format = f;
        break;
      }
      default:
        return `unknown option "${flag ?? ""}"`;
    }
  }
  if (out.source === undefined || out.target === undefined)
    return "--source and --target are required";
  if (!out.sourceLang || !out.targetLang) return "a language code is missing";
  return {
    source: out.source,
    target: out.target,
    sourceLang: out.sourceLang,
    targetLang: out.targetLang,
    presegmented: out.presegmented ?? false,
    format: out.format ?? "json",
    ...(out.glossary === undefined ? {} : { glossary: out.glossary }),
  };
}

/** Sentences with their paragraph numbers. */
export interface SentenceList {
  sentences: string[];
  paragraphs: number[];
}

/**
 * One sentence per line: sentence k is line k (0-based), blank lines included (as empty
 * sentences), so that link numbers are line numbers. A final line break ends the last line.
 */
export function presegmented(text: string): SentenceList {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return { sentences: lines.map((l) => l.trim()), paragraphs: lines.map(() => 0) };
}

/** Sentences by the segmenter (one paragraph per line); other languages use the English rules. */
export function segmented(text: string, lang: string): SentenceList {
  const primary = lang.toLowerCase().split(/[-_]/)[0] ?? "";
  const sentences: string[] = [];
  const paragraphs: number[] = [];
  for (const p of segmentText(text, isLang(primary) ? primary : "en")) {
    for (const sentence of p.sentences) {
      sentences.push(sentence);
      paragraphs.push(p.paragraph);
    }
  }
  return { sentences, paragraphs };
}

function parseGlossary(text: string): GlossaryEntry[] {
  const out: GlossaryEntry[] = [];
  for (const line of text.split(/\r?\n/)) {
    const [s, t] = line.split("\t");
    if (s && t && s.trim() !== "" && t.trim() !== "")
      out.push({ source: s.trim(), target: t.trim() });
  }
  return out;
}

export function formatPlan(plan: AlignmentPlan, format: "json" | "beads"): string {
  if (format === "beads") return plan.links.map((l) => `${formatBead(l)}\n`).join("");
  const links = plan.links.map((l) => ({
    source: l.source,
    target: l.target,
    confidence: Math.round(l.confidence * 1000) / 1000,
  }));
  return `${JSON.stringify({ sourceCount: plan.sourceCount, targetCount: plan.targetCount, links }, null, 1)}\n`;
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args);
  if (typeof parsed === "string") {
    io.stderr(`align: ${parsed}\nUsage: ${usage}\n`);
    return 2;
  }
  try {
    const read = async (path: string): Promise<string> => {
      const bytes = await io.readBytes(path);
      // UTF-32, UTF-16 without BOM and binary files are refused as the app refuses them; read as
      // UTF-8 they were NUL-filled sentences, aligned with exit 0.
      refuseUnreadableText(bytes, path === "-" ? "stdin" : (path.split(/[\\/]/).pop() ?? path));
      return decodeText(bytes).text.normalize("NFC");
    };
    const split = parsed.presegmented ? presegmented : segmented;
    const source = split(await read(parsed.source), parsed.sourceLang);
    const target = split(await read(parsed.target), parsed.targetLang);
    const glossary =
      parsed.glossary === undefined ? [] : parseGlossary(await read(parsed.glossary));
    const plan = alignSentences(source.sentences, target.sentences, {
      sourceLang: parsed.sourceLang,
      targetLang: parsed.targetLang,
      glossary,
      sourceParagraphs: source.paragraphs,
      targetParagraphs: target.paragraphs,
    });
    io.stdout(formatPlan(plan, parsed.format));
    return 0;
  } catch (error) {
    if (isAppError(error)) {
      io.stderr(`align: ${appErrorLine(error)}\n`);
      return 1;
    }
    throw error;
  }
}
